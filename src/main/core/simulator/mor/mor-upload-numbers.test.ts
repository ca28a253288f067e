import { describe, expect, it } from 'vitest';

import { decodeMorAnswer, parseUploadResult } from '../../providers/mor/answer';
import type { MorErrorKind } from '../../providers/mor/errors';
import { uploadNumbersHash } from '../../providers/mor/hash';
import { NumberLedger } from '../number-ledger';
import { morCall, type MorCallOptions, type ReadAnswer } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';
import { csvLines, importNumbers } from './mor-upload-numbers';
import type { MorCampaign } from './mor-state';

const sim = useSimulator();

function upload(id: string, file: MorCallOptions['file'], overrides: { u?: string; secret?: string; inQuery?: boolean } = {}): Promise<ReadAnswer> {
  const { username, apiSecret } = sim().credentials.mor;
  const fields = { u: overrides.u ?? username, id, hash: uploadNumbersHash({ id }, overrides.secret ?? apiSecret) };
  return morCall(sim(), 'autodialer_upload_numbers', fields, { ...(file === undefined ? {} : { file }), inQuery: overrides.inQuery ?? false });
}

function errorKind(answer: ReadAnswer): MorErrorKind | undefined {
  const decoded = decodeMorAnswer(answer.bytes);
  return decoded.ok ? undefined : decoded.error.kind;
}

describe('autodialer_upload_numbers over HTTP', () => {
  it('imports a CSV sent as the Node example does (fields in the form)', async () => {
    const answer = await upload('2', { name: 'numbers.csv', content: '123456789\n222222222\n333333333' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<success>3 out of 3 numbers were imported</success>');
    const parsed = parseUploadResult(answer.bytes);
    expect(parsed.ok && parsed.value).toMatchObject({ imported: 3, offered: 3 });
    expect(sim().state.mor.campaigns.get(2)?.numbers).toEqual(['123456789', '222222222', '333333333']);
  });

  it('imports a CSV sent as the curl example does (u, id and hash in the query)', async () => {
    const answer = await upload('2', { name: 'numbers.csv', content: '444444444\r\n' }, { inQuery: true });
    expect(answer.text).toContain('1 out of 1 numbers were imported');
  });

  it('does not import numbers the campaign already has, or repeats within the file', async () => {
    const answer = await upload('1', { name: 'n.csv', content: '37061111111\n37069999999\n37069999999\n' });
    expect(answer.text).toContain('1 out of 3 numbers were imported');
    const campaign = sim().state.mor.campaigns.get(1);
    expect(campaign?.numbers.filter((n) => n === '37069999999')).toHaveLength(1);
    expect(campaign?.received.arrivals('37069999999')).toBe(2);
    expect(campaign?.received.arrivals('37061111111')).toBe(1);
  });

  it('imports repeats when the campaign allows duplicates', async () => {
    await upload('2', { name: 'n.csv', content: '555\n' });
    const answer = await upload('2', { name: 'n.csv', content: '555\n555' });
    expect(answer.text).toContain('2 out of 2 numbers were imported');
    expect(sim().state.mor.campaigns.get(2)?.numbers).toEqual(['555', '555', '555']);
  });

  it('answers every documented error with HTTP 200 and its own text', async () => {
    const cases: Array<[Promise<ReadAnswer>, string, MorErrorKind]> = [
      [upload('2', { name: 'n.csv', content: '' }), 'File is empty', 'file-empty'],
      [upload('2', undefined), 'Please provide a file', 'file-missing'],
      [upload('2', { name: 'n.txt', content: '123' }), 'Please provide CSV file', 'file-not-csv'],
      [upload('99', { name: 'n.csv', content: '123' }), 'Campaign was not found', 'campaign-not-found'],
      [upload('4', { name: 'n.csv', content: '123' }), 'Campaign was not found', 'campaign-not-found'],
      [upload('2', { name: 'n.csv', content: '123' }, { secret: 'wrong' }), 'Incorrect hash', 'incorrect-hash'],
      [upload('2', { name: 'n.csv', content: '123' }, { u: 'nobody' }), 'Access Denied', 'access-denied'],
      [upload('2', { name: 'n.csv', content: '123' }, { u: 'admin' }), 'You are not authorized to use this functionality', 'not-authorized'],
    ];
    for (const [pending, text, kind] of cases) {
      const answer = await pending;
      expect(answer.status).toBe(200);
      expect(answer.text).toContain(`<error>${text}</error>`);
      expect(errorKind(answer)).toBe(kind);
    }
    expect(sim().state.mor.campaigns.get(2)?.numbers).toEqual([]);
  });

  it('works without a hash when hash checking is disabled, and not before', async () => {
    const file = { name: 'n.csv', content: '777' };
    const unsigned = (): Promise<ReadAnswer> => morCall(sim(), 'autodialer_upload_numbers', { u: 'demo', id: '2' }, { file });
    expect((await unsigned()).text).toContain('Incorrect hash');
    sim().state.mor.hashChecking = false;
    expect((await unsigned()).text).toContain('1 out of 1');
  });
});

describe('csvLines and importNumbers', () => {
  it('reads one number per line, skipping blank lines and a BOM', () => {
    expect(csvLines(new TextEncoder().encode('\uFEFF111\r\n\r\n 222 \r333\n'))).toEqual(['111', '222', '333']);
  });

  it('counts lines that are not digits as offered but not imported', () => {
    const campaign: MorCampaign = {
      id: 9,
      name: 'c',
      owner: 'demo',
      allowDuplicates: false,
      hasActions: true,
      status: 'stopped',
      numbers: [],
      received: new NumberLedger(),
      files: [],
      ivrPollResults: '',
      calls: [],
    };
    expect(importNumbers(campaign, ['+380931234567', 'abc', '380931234567'])).toEqual({ imported: 1, offered: 3 });
    expect(campaign.received.total).toBe(3);
  });
});
