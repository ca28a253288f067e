import { useEffect, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import { JOB_ROW_STATUSES, type JobRowStatus, type JobSummary, type ReceiptFormat } from '../../../shared/jobs';
import { downloadBase64 } from '../download';
import { type Jobs, messageOf } from '../hooks/useJobs';
import type { ReceiptFilter } from '../hooks/useReceiptPages';
import { formatCount, formatDuration, formatWhen, JOB_STATE_LABELS, JOB_STATUS_LABELS, PROVIDER_LABELS } from '../labels';
import { ConfirmDialog } from './ConfirmDialog';
import { JobProgress } from './JobProgress';
import { ReceiptTable } from './ReceiptTable';

interface Props {
  api: DialsheetApi;
  jobs: Jobs;
  /** Null while a send has not yet named its job: the receipt then shows only that it is starting. */
  jobId: string | null;
  title: string;
}

/** The statuses a receipt always counts; waiting only while there is some. */
const ALWAYS_COUNTED: readonly JobRowStatus[] = ['imported', 'rejected', 'invalid', 'duplicate', 'unknown'];

const stampOf = (s: JobSummary): string => [s.state, s.numbersDone, s.undecided, s.durationMs, ...JOB_ROW_STATUSES.map((k) => s.counts[k])].join('|');

const rowsWord = (n: number): string => (n === 1 ? 'row' : 'rows');

/** `counting`: the counts are final enough to show; while numbers are being sent the progress line speaks instead. */
function SummaryLine({ summary, counting }: { summary: JobSummary; counting: boolean }) {
  const counted = JOB_ROW_STATUSES.filter((status) => ALWAYS_COUNTED.includes(status) || summary.counts[status] > 0);
  return (
    <div className="receipt__summary" data-testid="receipt-summary">
      <p className="receipt__meta">
        <span className={`state-badge state-badge--${summary.state}`} data-testid="receipt-state">
          {JOB_STATE_LABELS[summary.state]}
        </span>
        <span>{summary.profileName}</span>
        <span>
          {PROVIDER_LABELS[summary.provider]} campaign <strong>{summary.campaignId}</strong>
        </span>
        <span>
          {summary.fileName}{' '}
          <code className="hash" title={`SHA-256 of the file: ${summary.contentSha256}`}>
            {summary.contentSha256.slice(0, 8)}
          </code>
        </span>
        <span className="receipt__when">
          {formatWhen(summary.createdAt)}
          {counting && `, sending took ${formatDuration(summary.durationMs)}`}
        </span>
      </p>
      <p className="summary__figures receipt__counts" hidden={!counting}>
        <span>
          <strong data-testid="receipt-rows">{formatCount(summary.rows)}</strong> rows:
        </span>
        {counted.map((status) => (
          <span key={status} className={`receipt-count tone-${status}`}>
            <strong data-testid={`receipt-${status}`}>{formatCount(summary.counts[status])}</strong> {JOB_STATUS_LABELS[status].toLowerCase()}
          </span>
        ))}
      </p>
    </div>
  );
}

/**
 * One job's receipt: what happened to every row of the file, the job's state and what can be done
 * next (resume, retry, a choice about unknown numbers), and the receipt as a CSV or XLSX file.
 */
export function Receipt({ api, jobs, jobId, title }: Props) {
  const [filter, setFilter] = useState<ReceiptFilter>('all');
  const [exporting, setExporting] = useState<ReceiptFormat | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [asking, setAsking] = useState<'resend' | 'cancel' | null>(null);
  const { load } = jobs;

  useEffect(() => {
    if (jobId !== null) load(jobId);
  }, [load, jobId]);

  const id = jobId ?? '';
  const summary = jobId === null ? undefined : jobs.summaryOf(jobId);
  const run = jobs.runs[id];
  const progress = jobs.progress[id];
  const starting = jobId === null;
  const runningHere = starting || (run !== undefined && run !== 'leave') || (progress !== undefined && summary?.state === 'running');
  const runningElsewhere = !runningHere && summary?.state === 'running';
  const busy = run !== undefined || runningElsewhere;
  const error = jobs.errors[id];

  const exportAs = (format: ReceiptFormat): void => {
    if (jobId === null) return;
    setExporting(format);
    setExportError(null);
    api
      .exportReceipt({ jobId, format })
      .then(({ fileName, dataBase64 }) => downloadBase64(fileName, dataBase64))
      .catch((caught: unknown) => setExportError(messageOf(caught)))
      .finally(() => setExporting(null));
  };

  // A filter whose rows are all gone (after a retry, a choice) falls back to all rows.
  const shown: ReceiptFilter = filter !== 'all' && summary !== undefined && summary.counts[filter] === 0 ? 'all' : filter;
  const tabs: ReceiptFilter[] = summary ? ['all', ...JOB_ROW_STATUSES.filter((s) => summary.counts[s] > 0)] : [];
  const countOf = (f: ReceiptFilter): number => (summary === undefined ? 0 : f === 'all' ? summary.rows : summary.counts[f]);
  const resumable = summary !== undefined && (summary.state === 'paused' || summary.state === 'interrupted');
  const provider = summary ? PROVIDER_LABELS[summary.provider] : 'The provider';

  return (
    <section className="receipt" aria-label={title} data-testid="receipt">
      <div className="receipt__head">
        <h3 className="receipt__title">{title}</h3>
        <div className="receipt__exports">
          {/* Labels that never change, so the buttons keep their width while a file is made. */}
          <button
            type="button"
            className="button button--secondary"
            disabled={exporting !== null || summary === undefined}
            aria-busy={exporting === 'csv'}
            onClick={() => exportAs('csv')}
          >
            Export CSV
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={exporting !== null || summary === undefined}
            aria-busy={exporting === 'xlsx'}
            onClick={() => exportAs('xlsx')}
          >
            Export XLSX
          </button>
        </div>
      </div>

      {(jobs.touched[id] === true || runningHere) && (
        <JobProgress
          running={runningHere}
          progress={progress}
          summary={summary}
          stopping={jobs.stopping[id] ?? (run === 'cancel' ? 'cancel' : undefined)}
          onPause={starting ? null : () => jobs.pause(id)}
          onCancel={starting ? null : () => jobs.cancel(id)}
        />
      )}

      {summary ? <SummaryLine summary={summary} counting={!runningHere} /> : error === undefined && !starting && <p className="receipt__loading">Reading the receipt…</p>}

      {error !== undefined && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {exportError !== null && (
        <div className="banner banner--error" role="alert">
          The receipt could not be exported: {exportError}
        </div>
      )}

      {summary && !busy && (resumable || summary.counts.rejected > 0) && (
        <div className="receipt__actions">
          {resumable && (
            <>
              <span className="receipt__hint">
                {formatCount(summary.counts.waiting)} {rowsWord(summary.counts.waiting)} not sent yet.
              </span>
              <button type="button" className="button" onClick={() => jobs.resume(id)}>
                Resume
              </button>
            </>
          )}
          {summary.counts.rejected > 0 && (
            <button type="button" className="button button--secondary" onClick={() => jobs.retryFailed(id)}>
              Retry failed
            </button>
          )}
          {resumable && (
            <button type="button" className="button button--secondary button--danger-text" onClick={() => setAsking('cancel')}>
              Cancel the rest
            </button>
          )}
        </div>
      )}

      {summary && !busy && summary.undecided > 0 && (
        <div className="banner banner--warning receipt__unknown" role="group" aria-label="Unknown numbers" data-testid="unknown-choice">
          <p>
            <strong>
              {formatCount(summary.undecided)} {rowsWord(summary.undecided)} {summary.undecided === 1 ? 'has' : 'have'} a number with an unknown outcome.
            </strong>{' '}
            Dialsheet stopped or lost the connection while {summary.undecided === 1 ? 'it was' : 'they were'} being sent, so {provider} may hold{' '}
            {summary.undecided === 1 ? 'it' : 'them'} or not. Check the campaign if you can, then choose. Nothing is sent again unless you say so.
          </p>
          <div className="receipt__choice">
            <button type="button" className="button button--secondary" onClick={() => setAsking('resend')}>
              Send again
            </button>
            <button type="button" className="button button--secondary" onClick={() => jobs.decideUnknown(id, 'leave')}>
              Leave as unknown
            </button>
          </div>
        </div>
      )}

      {runningHere && <p className="receipt__hint">Every row’s outcome is listed here when the run ends; pause to see it sooner.</p>}
      {runningElsewhere && (
        <p className="receipt__hint">
          Another Dialsheet (a window or the command line) is sending this job; pause it there. This receipt is as it stood when read.{' '}
          <button type="button" className="link-button" onClick={() => load(id)}>
            Refresh
          </button>
        </p>
      )}

      {summary && !runningHere && (
        <>
          <div className="tabs" role="tablist" aria-label="Show receipt rows">
            {tabs.map((f) => (
              <button
                key={f}
                type="button"
                role="tab"
                aria-selected={shown === f}
                className={shown === f ? 'tab tab--active' : 'tab'}
                onClick={() => setFilter(f)}
              >
                {f === 'all' ? 'All' : JOB_STATUS_LABELS[f]} <span className="tab__count">{formatCount(countOf(f))}</span>
              </button>
            ))}
          </div>
          <ReceiptTable
            key={`${id}|${shown}`}
            api={api}
            jobId={id}
            filter={shown}
            count={countOf(shown)}
            stamp={stampOf(summary)}
            label={`Receipt rows of ${summary.fileName}`}
          />
        </>
      )}

      {asking === 'resend' && (
        <ConfirmDialog
          title="Send the unknown numbers again?"
          confirmLabel="Send again"
          cancelLabel="Don’t send"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            jobs.decideUnknown(id, 'resend');
          }}
        >
          <p>
            {provider} may already hold some of these numbers. Sending them again can add a number to the campaign twice, and it may then be dialled
            twice.
          </p>
          <p>If you can, check the campaign first and leave the numbers that arrived.</p>
        </ConfirmDialog>
      )}
      {asking === 'cancel' && (
        <ConfirmDialog
          title="Cancel the rest of this upload?"
          confirmLabel="Cancel the rest"
          cancelLabel="Keep it"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            jobs.cancel(id);
          }}
        >
          <p>The rows not sent yet will not be sent, and the receipt marks them rejected “Not sent”. You can still send them later with Retry failed.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
