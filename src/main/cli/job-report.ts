import { JOB_ROW_STATUSES, type JobRow, type JobSummary } from '../../shared/jobs';
import { RECEIPT_STATUSES } from '../../shared/receipt';
import { PROVIDER_NAMES } from '../core/providers/connect';
import { firstLines, INTERRUPTED, SOME_NOT_DONE } from './cli-output';
import { formatSeconds } from './progress-line';

/** "May leads.csv → Ringostat campaign 456 (profile "Demo Ringostat (simulator)")" */
export function jobTarget(summary: JobSummary): string {
  return `${summary.fileName} → ${PROVIDER_NAMES[summary.provider]} campaign ${summary.campaignId} (profile "${summary.profileName}")`;
}

/** The local time as a person reads it: 2026-11-27 10:35. */
export function localTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** Enough of the file's SHA-256 to tell two versions of a list apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 8);
}

function countLines(summary: JobSummary): string[] {
  const lines = [`  data rows:  ${summary.rows}`, ...RECEIPT_STATUSES.map((s) => `  ${`${s}:`.padEnd(11)} ${summary.counts[s]}`)];
  if (summary.counts.waiting > 0) lines.push(`  waiting:    ${summary.counts.waiting} (not sent yet)`);
  return lines;
}

function rowLine(row: JobRow): string {
  return `  row ${row.row}  ${row.number || '(empty)'}  ${row.status}: ${row.message}`;
}

/** What the user can do next with the job, in the words of the commands that do it. */
export function nextSteps(summary: JobSummary): string[] {
  const { id, state, counts, undecided } = summary;
  if (state === 'running') return [`Job ${id} is being sent now by another Dialsheet; \`dialsheet jobs show ${id}\` shows where it stands.`];
  const steps: string[] = [];
  if (state === 'interrupted' && counts.waiting > 0) steps.push(`Dialsheet stopped while sending this job (a crash, a kill or a power cut).`);
  if (counts.waiting > 0) steps.push(`${counts.waiting} row(s) wait to be sent. Send them with: dialsheet jobs resume ${id}`);
  if (undecided > 0) {
    steps.push(
      `${undecided} row(s) are unknown: Dialsheet stopped, or lost the answer, while sending them, so the campaign may hold them or not. ` +
        `Check the campaign, then choose: \`dialsheet jobs resume ${id} --leave-unknown\` keeps them as they are; ` +
        `\`dialsheet jobs resume ${id} --resend-unknown\` sends them again (a number the campaign already holds would then be there twice).`,
    );
  } else if (counts.unknown > 0) {
    steps.push('Unknown means the provider may hold the number or not: check the campaign before sending those rows again.');
  }
  if (state === 'cancelled') steps.push('The job was cancelled: the rows it had not sent are rejected "Not sent".');
  if (counts.rejected > 0) steps.push(`\`dialsheet jobs retry ${id}\` sends the rejected rows again.`);
  return steps;
}

export interface ReportOptions {
  /** `jobs show`: when and how long, the file's hash, and a pointer to the whole receipt. */
  readonly detail?: boolean;
}

/** A job in words: its target, the counts, what to do next, and the first rows not imported. */
export function jobReportText(summary: JobSummary, rows: readonly JobRow[], options: ReportOptions = {}): string {
  const lines = [`Job ${summary.id} ${summary.state}: ${jobTarget(summary)}`];
  if (options.detail === true) {
    lines.push(
      `  created:    ${localTime(summary.createdAt)}, sent for ${formatSeconds(summary.durationMs / 1000)}`,
      `  file:       ${summary.fileName} (sha256 ${shortHash(summary.contentSha256)}…)`,
      `  numbers:    ${summary.numbersDone} of ${summary.numbers} have an outcome`,
    );
  }
  lines.push(...countLines(summary));
  const steps = nextSteps(summary);
  if (steps.length > 0) lines.push('', ...steps);
  const notIn = rows.filter((r) => r.status !== 'imported' && r.status !== 'waiting');
  if (notIn.length > 0) lines.push('', 'Rows not imported:', ...firstLines(notIn, rowLine));
  if (options.detail === true || notIn.length > 50) {
    lines.push('', `The whole receipt: dialsheet jobs show ${summary.id} --json, or dialsheet jobs export ${summary.id} --out receipt.xlsx (or .csv).`);
  }
  return lines.join('\n');
}

/**
 * The receipt after a run, as `upload --json` has always printed it (the five counts and the
 * rows), with the job's id and state; `waiting` only when rows are left to send.
 */
export function runJson(summary: JobSummary, rows: readonly JobRow[]): string {
  const { imported, rejected, invalid, duplicate, unknown, waiting } = summary.counts;
  return JSON.stringify({ job: summary.id, state: summary.state, imported, rejected, invalid, duplicate, unknown, ...(waiting > 0 ? { waiting } : {}), rows });
}

/** `jobs show --json`: everything the history knows of the job (as `jobs list --json`), and every row. */
export function showJson(summary: JobSummary, rows: readonly JobRow[]): string {
  return JSON.stringify({ job: summary, rows });
}

/** Exit code after a run: 0 all in, 3 some rows not (rejected, unknown or still waiting), 130 paused by Ctrl-C. */
export function runExitCode(summary: JobSummary): number {
  if (summary.state === 'paused') return INTERRUPTED;
  const { rejected, unknown, waiting } = summary.counts;
  return rejected + unknown + waiting > 0 ? SOME_NOT_DONE : 0;
}

function countsInWords(summary: JobSummary): string {
  return JOB_ROW_STATUSES.filter((s) => summary.counts[s] > 0 || s === 'imported')
    .map((s) => `${summary.counts[s]} ${s}`)
    .join(', ');
}

/** `jobs list`: two lines a job, newest first. */
export function jobListText(summaries: readonly JobSummary[], jobsDir: string): string {
  if (summaries.length === 0) return `No jobs yet in ${jobsDir}.`;
  const lines: string[] = [];
  for (const s of summaries) {
    lines.push(
      `${s.id}  ${s.state.padEnd(11)} ${localTime(s.createdAt)}  ${formatSeconds(s.durationMs / 1000).padStart(9)}  ${s.profileName} → ${PROVIDER_NAMES[s.provider]} campaign ${s.campaignId}`,
      `    ${s.fileName} (sha256 ${shortHash(s.contentSha256)}): ${s.rows} rows, ${countsInWords(s)}`,
    );
  }
  lines.push('', '`dialsheet jobs show ID` shows a job and its rows not imported.');
  return lines.join('\n');
}
