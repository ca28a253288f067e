import { describe, expect, it } from 'vitest';

import { decodeMorAnswer } from '../../providers/mor/answer';
import { morHash } from '../../providers/mor/hash';
import { morCall, type ReadAnswer } from '../testing/clients';
import { useSimulator } from '../testing/use-simulator';
import { todayPeriod } from './mor-statistics';

const NOW = new Date(2025, 5, 1, 12, 0, 0);
const sim = useSimulator({ now: () => NOW });

function stats(id: string, period: { start?: string; end?: string } = {}, overrides: { u?: string; secret?: string } = {}): Promise<ReadAnswer> {
  const { username, apiSecret } = sim().credentials.mor;
  const u = overrides.u ?? username;
  const fields: Record<string, string> = { u, id };
  if (period.start !== undefined) fields.period_start = period.start;
  if (period.end !== undefined) fields.period_end = period.end;
  const hash = morHash([u, id, period.start ?? '', period.end ?? ''], overrides.secret ?? apiSecret);
  return morCall(sim(), 'autodialer_get_campaign_statistics', { ...fields, hash });
}

describe('todayPeriod', () => {
  it('runs from 00:00:00 to 23:59:59 of the given day', () => {
    const { start, end } = todayPeriod(NOW);
    expect(new Date(start * 1000)).toEqual(new Date(2025, 5, 1, 0, 0, 0));
    expect(new Date(end * 1000)).toEqual(new Date(2025, 5, 1, 23, 59, 59));
  });
});

describe('autodialer_get_campaign_statistics over HTTP', () => {
  it("counts today's calls by default", async () => {
    const answer = await stats('1');
    const decoded = decodeMorAnswer(answer.bytes);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const status = decoded.value.content.status as Record<string, unknown>;
    expect(status.campaign_name).toBe('Demo campaign');
    expect(status.campaign_statistics).toMatchObject({
      total_numbers: '3',
      completed: '1',
      failed: '2',
      total_call_time: '49',
      total_call_time_longer_than_10s: '42',
      answered: { answered_calls: '2', answered_percent: '50.00' },
      no_answer: { no_answer_calls: '1', no_answer_percent: '25.00' },
      busy: { busy_calls: '1', busy_percent: '25.00' },
    });
  });

  it('takes a period, hashed after u and id', async () => {
    const start = String(NOW.getTime() / 1000 - 100);
    const end = String(NOW.getTime() / 1000);
    const answer = await stats('1', { start, end });
    expect(answer.text).toContain('<answered_calls>1</answered_calls>');
    expect(answer.text).toContain(`<period_start>${start}</period_start>`);
  });

  it('answers its documented errors', async () => {
    const now = NOW.getTime() / 1000;
    expect((await stats('1', { start: String(now), end: String(now - 1) })).text).toContain('<error>Date from is greater than date till</error>');
    expect((await stats('1', { start: '1', end: '2' })).text).toContain('<error>Campaign does not have any Calls in selected time period</error>');
    expect((await stats('2')).text).toContain('<error>Campaign does not have any Numbers</error>');
    expect((await stats('1', {}, { secret: 'x' })).text).toContain('<error>Incorrect hash</error>');
    expect((await stats('1', {}, { u: 'ghost' })).text).toContain('<error>Access Denied</error>');
    expect((await stats('12')).text).toContain('<error>Campaign was not found</error>');
  });
});
