import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { JOB_ROW_STATUSES } from '../../../shared/jobs';
import { realTiming, type Timing } from '../providers/transport/timing';
import { useSimulator } from '../simulator/testing/use-simulator';
import { demoUnlocked, planCsv } from '../upload/testing/upload-sheet';
import { jobsFor, newJob, tempJobsDir } from './testing/jobs-fixture';

const SEED = 20261127;
const NUMBERS = 1200;
/**
 * The sender's clock runs this many times faster than the wall clock. Each 429 carries
 * Retry-After: 1, which pauses every worker for a second (it speaks for the whole account), and
 * 5% of some 1,400 requests draw one: at real speed those pauses alone would take about a minute.
 * On this clock a pause (and each backoff) takes a twentieth of that, while the requests, the
 * journal on disk and the simulator are all real.
 */
const CLOCK_SPEED = 20;

const fastClock: Timing = {
  now: () => realTiming.now() * CLOCK_SPEED,
  sleep: (ms, signal) => realTiming.sleep(ms / CLOCK_SPEED, signal),
};

const sim = useSimulator();

let jobsDir: Awaited<ReturnType<typeof tempJobsDir>>;
beforeEach(async () => {
  jobsDir = await tempJobsDir();
});
afterEach(async () => {
  await jobsDir.remove();
});

function csvOf(count: number): string {
  return ['Name,Phone', ...Array.from({ length: count }, (_, i) => `Contact ${i},+38050${String(i).padStart(7, '0')}`)].join('\n');
}

describe('a job against a Ringostat that fails', () => {
  it(`ends with every row settled, and its receipt agrees with what the provider stored (seed ${SEED})`, async () => {
    sim().setFaults({
      serverErrorShare: 0.1,
      tooManyRequestsShare: 0.05,
      retryAfterSeconds: 1,
      resetShare: 0.05,
      resetPoint: 'after-handling',
      seed: SEED,
      providers: ['ringostat'],
    });
    const unlocked = await demoUnlocked(sim(), 'ringostat');
    const jobs = jobsFor(jobsDir.dir, unlocked, { choices: { concurrency: 8, requestsPerSecond: 1000, timing: fastClock } });
    const plan = await planCsv(csvOf(NUMBERS), 'ringostat');
    expect(plan.numbers).toBe(NUMBERS);
    const summary = await jobs.start(newJob(plan, '456', unlocked));

    expect(summary.state).toBe('finished');
    expect(summary.counts.waiting).toBe(0);
    expect(JOB_ROW_STATUSES.reduce((sum, s) => sum + summary.counts[s], 0)).toBe(NUMBERS);
    const { rows } = await jobs.rows(summary.id, 0, NUMBERS, 'all');
    expect(rows).toHaveLength(NUMBERS);
    expect(rows.filter((r) => r.status === 'waiting')).toEqual([]);

    const stored = [...sim().state.ringostat.projects.values()][0]?.campaigns.get(456)?.received;
    if (stored === undefined) throw new Error('no Ringostat campaign 456');
    expect(stored.repeats()).toEqual([]);
    const wrong = rows.filter((r) => {
      const arrivals = stored.arrivals(r.number);
      if (r.status === 'imported') return arrivals !== 1;
      if (r.status === 'rejected') return arrivals !== 0;
      return r.status !== 'unknown' || arrivals > 1;
    });
    expect(wrong).toEqual([]);
    const storedUnknown = rows.filter((r) => r.status === 'unknown' && stored.arrivals(r.number) === 1).length;
    expect(summary.counts.imported).toBe(stored.distinct - storedUnknown);
    // The faults did happen: answers lost after the number was stored are unknown.
    expect(summary.counts.unknown).toBeGreaterThan(NUMBERS * 0.02);
    expect(storedUnknown).toBeGreaterThan(0);
  }, 30_000);
});
