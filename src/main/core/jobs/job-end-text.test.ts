import { describe, expect, it } from 'vitest';

import { emptyJobCounts, type JobSummary } from '../../../shared/jobs';
import { jobEndText } from './job-end-text';

const base: JobSummary = {
  id: 'j20261127-103512-a1b2c3',
  profileName: 'Demo Ringostat',
  provider: 'ringostat',
  campaignId: '456',
  fileName: 'leads.csv',
  contentSha256: 'a'.repeat(64),
  createdAt: '2026-11-27T10:35:12.000Z',
  durationMs: 1000,
  state: 'finished',
  rows: 10,
  counts: { ...emptyJobCounts(), imported: 10 },
  numbers: 10,
  numbersDone: 10,
  undecided: 0,
};

describe('jobEndText', () => {
  it('says a clean run finished, with where it went', () => {
    expect(jobEndText(base)).toEqual({ title: 'Upload finished', body: 'leads.csv → Ringostat campaign 456: 10 of 10 rows imported.' });
  });

  it('names what needs the user: rejected, unknown and unsent rows', () => {
    const text = jobEndText({ ...base, state: 'paused', counts: { ...emptyJobCounts(), imported: 5, rejected: 1, unknown: 2, waiting: 2 } });
    expect(text.title).toBe('Upload paused');
    expect(text.body).toBe('leads.csv → Ringostat campaign 456: 5 of 10 rows imported, 1 rejected, 2 unknown (your choice is needed), 2 not sent yet.');
  });
});
