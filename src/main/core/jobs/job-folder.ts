import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { z } from 'zod';

import { PROVIDERS } from '../../../shared/profiles/profile-schemas';
import { RECEIPT_STATUSES, type ReceiptRow, SKIP_REASONS } from '../../../shared/receipt';
import { scheduledAtSchema } from '../../../shared/upload-schemas';
import type { PlannedContact, UploadPlan } from '../upload/upload-plan';
import { UserError } from '../user-error';

/** Where a job's profile comes from when it is resumed: a saved profile, or a profile file (CLI). */
export const jobProfileSchema = z.strictObject({
  name: z.string(),
  id: z.string().nullable(),
  file: z.string().nullable(),
});
export type JobProfile = z.infer<typeof jobProfileSchema>;

const count = z.number().int().nonnegative();

/** The choices a run was made with, kept so a resumed run sends the same way. */
export const jobChoicesSchema = z.strictObject({
  numbersPerFile: count.optional(),
  concurrency: count.optional(),
  requestsPerSecond: z.number().positive().optional(),
  /** CC-iSales files: the import time chosen for the upload (absent in jobs written before it existed). */
  at: scheduledAtSchema.optional(),
});

export type JobChoices = z.infer<typeof jobChoicesSchema>;

export const jobHeaderSchema = z.strictObject({
  version: z.literal(1),
  id: z.string(),
  createdAt: z.iso.datetime(),
  profile: jobProfileSchema,
  provider: z.enum(PROVIDERS),
  campaignId: z.string(),
  fileName: z.string(),
  contentSha256: z.string(),
  rows: count,
  numbers: count,
  choices: jobChoicesSchema,
});
export type JobHeader = z.infer<typeof jobHeaderSchema>;

const planLineSchema = z.union([
  z.strictObject({
    row: count,
    numbers: z.array(z.string()).min(1),
    name: z.string().optional(),
    caller: z.string().optional(),
    fields: z.record(z.string(), z.string()),
  }),
  // `reason` is newer than the first job folders: a skip line without it still reads.
  z.strictObject({
    row: count,
    skip: z.strictObject({ number: z.string(), status: z.enum(RECEIPT_STATUSES), message: z.string(), reason: z.enum(SKIP_REASONS).optional() }),
  }),
]);

export const JOB_ID_PATTERN = /^j\d{8}-\d{6}-[0-9a-f]{6}$/;

const HEADER = 'job.json';
const PLAN = 'plan.jsonl';
const JOURNAL = 'journal.jsonl';
export const RUN_LOCK = 'run.lock';

/** A job's files: job.json (what it is), plan.jsonl (every row), journal.jsonl (what happened). */
export interface JobFolder {
  readonly dir: string;
  readonly header: JobHeader;
  readonly journalPath: string;
}

export function newJobId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `j${stamp}-${randomBytes(3).toString('hex')}`;
}

export function jobDir(jobsDir: string, id: string): string {
  if (!JOB_ID_PATTERN.test(id)) throw new UserError('bad-input', `"${id}" is not a job id; \`dialsheet jobs list\` shows them (like j20261127-103512-a1b2c3).`);
  return join(jobsDir, id);
}

async function writeDurably(path: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    for (const chunk of chunks) await handle.write(chunk, null, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function* planLines(plan: UploadPlan): Generator<string> {
  const lines: { row: number; text: string }[] = [
    ...plan.send.map((c) => ({ row: c.row, text: JSON.stringify({ row: c.row, numbers: c.numbers, name: c.name, caller: c.caller, fields: c.fields }) })),
    ...plan.skipped.map((s) => ({ row: s.row, text: JSON.stringify({ row: s.row, skip: { number: s.number, status: s.status, message: s.message, reason: s.reason } }) })),
  ].sort((a, b) => a.row - b.row);
  let chunk = '';
  for (const line of lines) {
    chunk += `${line.text}\n`;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/**
 * Writes a new job's folder. job.json goes last, by rename: a folder without it is a job whose
 * creation was cut short, and nothing was sent for it.
 */
export async function createJobFolder(jobsDir: string, header: JobHeader, plan: UploadPlan): Promise<JobFolder> {
  const dir = jobDir(jobsDir, header.id);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeDurably(join(dir, PLAN), planLines(plan));
  await writeDurably(join(dir, `${HEADER}.tmp`), [`${JSON.stringify(header, null, 2)}\n`]);
  await rename(join(dir, `${HEADER}.tmp`), join(dir, HEADER));
  const folder = await open(dir, 'r');
  await folder.sync().finally(() => folder.close());
  return { dir, header, journalPath: join(dir, JOURNAL) };
}

export async function openJobFolder(jobsDir: string, id: string): Promise<JobFolder> {
  const dir = jobDir(jobsDir, id);
  const text = await readFile(join(dir, HEADER), 'utf8').catch(() => {
    throw new UserError('not-found', `There is no job ${id} in ${jobsDir}.`);
  });
  const header = jobHeaderSchema.safeParse(parseJson(text));
  if (!header.success || header.data.id !== id) throw new UserError('unreadable', `Job ${id}'s job.json is damaged; its journal was left as it is.`);
  return { dir, header: header.data, journalPath: join(dir, JOURNAL) };
}

/** The ids of jobs in the folder, newest first (ids start with their creation time). */
export async function listJobIds(jobsDir: string): Promise<string[]> {
  const names = await readdir(jobsDir).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  });
  return names.filter((name) => JOB_ID_PATTERN.test(name)).sort().reverse();
}

/** Removes a folder whose job.json never got written (its creation was interrupted). */
export async function removeUnfinishedFolder(jobsDir: string, id: string): Promise<void> {
  await rm(jobDir(jobsDir, id), { recursive: true, force: true });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The plan as it was written: the same rows and numbers, in the same order, as when the job began. */
export async function readJobPlan(folder: JobFolder): Promise<UploadPlan> {
  const send: PlannedContact[] = [];
  const skipped: ReceiptRow[] = [];
  let numbers = 0;
  const lines = createInterface({ input: createReadStream(join(folder.dir, PLAN), 'utf8'), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (line === '') continue;
    const parsed = planLineSchema.safeParse(parseJson(line));
    if (!parsed.success) throw new UserError('unreadable', `Job ${folder.header.id}'s plan is damaged at line ${lineNumber}; nothing more was sent.`);
    const value = parsed.data;
    if ('skip' in value) {
      skipped.push({ row: value.row, ...value.skip });
      continue;
    }
    numbers += value.numbers.length;
    send.push({
      row: value.row,
      numbers: value.numbers,
      ...(value.name === undefined ? {} : { name: value.name }),
      ...(value.caller === undefined ? {} : { caller: value.caller }),
      fields: value.fields,
    });
  }
  if (numbers !== folder.header.numbers || send.length + skipped.length !== folder.header.rows) {
    throw new UserError('unreadable', `Job ${folder.header.id}'s plan does not match its job.json; nothing more was sent.`);
  }
  return { provider: folder.header.provider, rows: folder.header.rows, send, skipped, numbers };
}
