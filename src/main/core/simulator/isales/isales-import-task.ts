import type { SimulatorState } from '../simulator-state';
import type { TimerBag } from '../timer-bag';
import { isalesCampaignKey, type IsalesCampaign, type IsalesImportTask } from './isales-state';
import { readCallDataTemplate, type TemplateRead, type TemplateRow } from './isales-template-rows';

export interface ImportDeps {
  readonly state: SimulatorState;
  readonly timers: TimerBag;
  /** How long each stage (preparing, running) lasts; short, so tests and demos see every stage. */
  readonly stepMs: number;
  readonly now: () => Date;
}

export interface ImportRequest {
  readonly vdnId: number;
  readonly campaignId: string;
  readonly file: string;
  readonly scheduledFor?: Date;
}

/** errMsg lists at most this many failed rows; the counts hold the rest. */
export const MAX_ERROR_ROWS = 10;

interface Outcome {
  succNum: number;
  repeatNum: number;
  failNum: number;
  blackNum: number;
  errors: string[];
}

function addRow(campaign: IsalesCampaign, row: Extract<TemplateRow, { ok: true }>, dataId: string, outcome: Outcome, state: SimulatorState): void {
  for (const number of row.called) campaign.received.record(number);
  // Guesses: a row counts as blocklisted or repeated when any of its numbers is; a row over
  // the 200,000 uncompleted limit counts as failed.
  if (row.called.some((number) => state.isales.blocklist.has(number))) outcome.blackNum++;
  else if (row.called.some((number) => campaign.numbers.has(number))) outcome.repeatNum++;
  else if (campaign.records.length >= campaign.maxUncompleted) {
    outcome.failNum++;
    if (outcome.errors.length < MAX_ERROR_ROWS) outcome.errors.push(`Row ${row.rowNumber}: the campaign holds the most uncompleted numbers it may.`);
  } else {
    campaign.records.push({ dataId, sessionId: row.sessionId, called: row.called, via: 'file' });
    for (const number of row.called) campaign.numbers.add(number);
    outcome.succNum++;
  }
}

function applyRows(deps: ImportDeps, campaign: IsalesCampaign, rows: readonly TemplateRow[]): Outcome {
  const outcome: Outcome = { succNum: 0, repeatNum: 0, failNum: 0, blackNum: 0, errors: [] };
  for (const row of rows) {
    if (row.ok) {
      addRow(campaign, row, deps.state.nextId(), outcome, deps.state);
      continue;
    }
    outcome.failNum++;
    if (outcome.errors.length < MAX_ERROR_ROWS) outcome.errors.push(`Row ${row.rowNumber}: ${row.problem}`);
  }
  return outcome;
}

function finish(deps: ImportDeps, task: IsalesImportTask, read: TemplateRead): void {
  // A reset replaced the world while the file was read; this task no longer exists.
  if (deps.state.isales.importTasks.get(task.id) !== task) return;
  task.endTime = deps.now();
  const campaign = deps.state.isales.campaigns.get(isalesCampaignKey(task.vdnId, task.campaignId));
  if (!read.ok || campaign === undefined) {
    task.status = '3';
    task.errMsg = read.ok ? 'The campaign no longer exists.' : read.errMsg;
    return;
  }
  const { succNum, repeatNum, failNum, blackNum, errors } = applyRows(deps, campaign, read.rows);
  Object.assign(task, { status: '2', succNum, repeatNum, failNum, blackNum, errMsg: errors.join('; ') });
}

async function readTaskFile(deps: ImportDeps, task: IsalesImportTask): Promise<TemplateRead> {
  const bytes = deps.state.files.readFile(task.file);
  if (bytes === undefined) return { ok: false, errMsg: 'The file was not found on the file server.' };
  // Not documented whether .xls or .csv are taken; the docs only ever show .xlsx.
  if (!/\.xlsx$/i.test(task.file)) return { ok: false, errMsg: 'Only .xlsx files can be imported.' };
  return readCallDataTemplate(bytes);
}

function startRunning(deps: ImportDeps, task: IsalesImportTask): void {
  if (deps.state.isales.importTasks.get(task.id) !== task) return;
  task.status = '1';
  task.beginTime = deps.now();
  void readTaskFile(deps, task).then(
    (read) => deps.timers.schedule(deps.stepMs, () => finish(deps, task, read)),
    () => deps.timers.schedule(deps.stepMs, () => finish(deps, task, { ok: false, errMsg: 'The file could not be read.' })),
  );
}

/**
 * Creates an import task in "0" preparing; it moves to "1" running after one step (or at its
 * scheduled time), then to "2" completed or "3" failed one step later, with the counts.
 */
export function createImportTask(deps: ImportDeps, request: ImportRequest): IsalesImportTask {
  const createdAt = deps.now();
  const task: IsalesImportTask = {
    id: deps.state.nextId(),
    vdnId: request.vdnId,
    campaignId: request.campaignId,
    file: request.file,
    createdAt,
    ...(request.scheduledFor === undefined ? {} : { scheduledFor: request.scheduledFor }),
    status: '0',
    succNum: 0,
    repeatNum: 0,
    failNum: 0,
    blackNum: 0,
    errMsg: '',
  };
  deps.state.isales.importTasks.set(task.id, task);
  const delay = request.scheduledFor === undefined ? deps.stepMs : request.scheduledFor.getTime() - createdAt.getTime();
  deps.timers.schedule(delay, () => startRunning(deps, task));
  return task;
}

/** The next time the clock shows hour:minute (today if still ahead, else tomorrow). */
export function nextOccurrence(now: Date, hour: number, minute: number): Date {
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hour, minute);
  if (at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at;
}
