import type { ProfileOf, UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { MAX_ROWS_PER_FILE } from '../providers/isales/calldata-file';
import { MAX_RECORDS_PER_ADD } from '../providers/isales/isales-client';
import type { UploadChoices } from './run-upload';
import { clockTime, morNumbersPerFile, ringostatPace } from './upload-options';
import type { UploadPlan } from './upload-plan';

/** How the plan will travel, in words: files, requests or calls, and roughly how long. */
export function describePlanBatches(unlocked: UnlockedProfile, plan: UploadPlan, choices: UploadChoices = {}): string {
  const { profile } = unlocked;
  switch (profile.provider) {
    case 'mor': {
      const per = morNumbersPerFile(profile, choices);
      return `${Math.ceil(plan.numbers / per)} CSV file(s) of up to ${per} numbers, one after another`;
    }
    case 'ringostat': {
      const { concurrency, requestsPerSecond } = ringostatPace(profile, choices);
      return `${plan.numbers} request(s), at most ${requestsPerSecond} a second and ${concurrency} at once (about ${Math.ceil(plan.numbers / requestsPerSecond)} s)`;
    }
    case 'isales':
      return isalesBatches(profile, plan, choices);
  }
}

function isalesBatches(profile: ProfileOf<'isales'>, plan: UploadPlan, choices: UploadChoices): string {
  if (profile.sftp === null) {
    const calls = Math.ceil(plan.numbers / MAX_RECORDS_PER_ADD);
    return `${calls} add-numbers call(s) of up to ${MAX_RECORDS_PER_ADD} numbers, a second apart (about ${calls} s)`;
  }
  const files = Math.ceil(plan.send.length / MAX_ROWS_PER_FILE);
  return `${files} call-data file(s) put on sftp://${profile.sftp.host}:${profile.sftp.port}${profile.sftp.remoteDir}, then imported by CC-iSales ${choices.at === undefined ? 'at once' : `at ${clockTime(choices.at)} (the server's clock)`}`;
}

export interface PlanBatch {
  readonly label: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly numbers: number;
}

/** Batches listed one by one in the dry run; the rest are counted, not listed. */
export const LISTED_BATCHES = 100;

/** Splits the plan into batches of `size` numbers (or rows), as the sender will. */
function chunked(plan: UploadPlan, size: number, by: 'numbers' | 'rows', label: (index: number, count: number) => string): { list: PlanBatch[]; count: number } {
  const units = plan.send.flatMap((contact) => (by === 'rows' ? [{ row: contact.row, numbers: contact.numbers.length }] : contact.numbers.map(() => ({ row: contact.row, numbers: 1 }))));
  const count = Math.ceil(units.length / size);
  const list: PlanBatch[] = [];
  for (let index = 0; index < Math.min(count, LISTED_BATCHES); index += 1) {
    const part = units.slice(index * size, (index + 1) * size);
    list.push({ label: label(index, count), firstRow: part[0]?.row ?? 0, lastRow: part.at(-1)?.row ?? 0, numbers: part.reduce((sum, unit) => sum + unit.numbers, 0) });
  }
  return { list, count };
}

/** The batches the plan will travel in (the first LISTED_BATCHES), and how many there are. */
export function planBatchList(unlocked: UnlockedProfile, plan: UploadPlan, choices: UploadChoices = {}): { list: PlanBatch[]; count: number } {
  if (plan.send.length === 0) return { list: [], count: 0 };
  const { profile } = unlocked;
  switch (profile.provider) {
    case 'mor':
      return chunked(plan, morNumbersPerFile(profile, choices), 'numbers', (i, n) => `File ${i + 1} of ${n}`);
    case 'ringostat':
      return chunked(plan, Number.MAX_SAFE_INTEGER, 'numbers', () => `${plan.numbers} requests, one per number`);
    case 'isales':
      return profile.sftp === null
        ? chunked(plan, MAX_RECORDS_PER_ADD, 'numbers', (i, n) => `Call ${i + 1} of ${n}`)
        : chunked(plan, MAX_ROWS_PER_FILE, 'rows', (i, n) => `Call-data file ${i + 1} of ${n}`);
  }
}
