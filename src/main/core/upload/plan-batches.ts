import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { clockTime, type PlanTravel } from '../../../shared/upload-schemas';
import { MAX_ROWS_PER_FILE } from '../providers/isales/calldata-file';
import { MAX_RECORDS_PER_ADD } from '../providers/isales/isales-client';
import type { UploadChoices } from './run-upload';
import { morNumbersPerFile, ringostatPace } from './upload-options';
import type { UploadPlan } from './upload-plan';

/** How the plan will travel, in figures: files, requests or calls, and roughly how long. */
export function planTravel(unlocked: UnlockedProfile, plan: UploadPlan, choices: UploadChoices = {}): PlanTravel {
  const { profile } = unlocked;
  switch (profile.provider) {
    case 'mor': {
      const perFile = morNumbersPerFile(profile, choices);
      return { kind: 'mor-files', files: Math.ceil(plan.numbers / perFile), perFile };
    }
    case 'ringostat': {
      const { concurrency, requestsPerSecond } = ringostatPace(profile, choices);
      return { kind: 'ringostat-requests', requests: plan.numbers, concurrency, requestsPerSecond, seconds: Math.ceil(plan.numbers / requestsPerSecond) };
    }
    case 'isales': {
      if (profile.sftp === null) {
        const calls = Math.ceil(plan.numbers / MAX_RECORDS_PER_ADD);
        return { kind: 'isales-calls', calls, perCall: MAX_RECORDS_PER_ADD, seconds: calls };
      }
      const { host, port, remoteDir } = profile.sftp;
      const at = choices.at === undefined ? null : { hour: choices.at.hour, minute: choices.at.minute };
      return { kind: 'isales-files', files: Math.ceil(plan.send.length / MAX_ROWS_PER_FILE), server: `sftp://${host}:${port}${remoteDir}`, at };
    }
  }
}

/** How the plan will travel, in English words, as the command line's dry run prints it. */
export function describePlanBatches(travel: PlanTravel): string {
  switch (travel.kind) {
    case 'mor-files':
      return `${travel.files} CSV file(s) of up to ${travel.perFile} numbers, one after another`;
    case 'ringostat-requests':
      return `${travel.requests} request(s), at most ${travel.requestsPerSecond} a second and ${travel.concurrency} at once (about ${travel.seconds} s)`;
    case 'isales-calls':
      return `${travel.calls} add-numbers call(s) of up to ${travel.perCall} numbers, a second apart (about ${travel.seconds} s)`;
    case 'isales-files':
      return `${travel.files} call-data file(s) put on ${travel.server}, then imported by CC-iSales ${travel.at === null ? 'at once' : `at ${clockTime(travel.at)} (the server's clock)`}`;
  }
}

export interface PlanBatch {
  /** In English, for the command line: "File 1 of 3". */
  readonly label: string;
  /** From 1; the window words the batch by the plan's travel kind, this and the count. */
  readonly index: number;
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
    list.push({ label: label(index, count), index: index + 1, firstRow: part[0]?.row ?? 0, lastRow: part.at(-1)?.row ?? 0, numbers: part.reduce((sum, unit) => sum + unit.numbers, 0) });
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
