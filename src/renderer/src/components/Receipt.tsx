import { useEffect, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import { JOB_ROW_STATUSES, type JobRowStatus, type JobSummary, type ReceiptFormat } from '../../../shared/jobs';
import { downloadBase64 } from '../download';
import { type Jobs, messageOf } from '../hooks/useJobs';
import type { ReceiptFilter } from '../hooks/useReceiptPages';
import { durationParts } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import type { Problem } from '../i18n/problem';
import { PROVIDER_LABELS } from '../labels';
import { ConfirmDialog } from './ConfirmDialog';
import { ExportButtons } from './ExportButtons';
import { JobProgress } from './JobProgress';
import { CountTabs } from './CountTabs';
import { ReceiptTable } from './ReceiptTable';
import { ErrorBanner } from './ErrorBanner';

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

/** `counting`: the counts are final enough to show; while numbers are being sent the progress line speaks instead. */
function SummaryLine({ summary, counting }: { summary: JobSummary; counting: boolean }) {
  const { t, f } = useT();
  const counted = JOB_ROW_STATUSES.filter((status) => ALWAYS_COUNTED.includes(status) || summary.counts[status] > 0);
  return (
    <div className="receipt__summary" data-testid="receipt-summary">
      <p className="receipt__meta">
        <span className={`state-badge state-badge--${summary.state}`} data-testid="receipt-state">
          {t.jobs.state[summary.state]}
        </span>
        <span>{summary.profileName}</span>
        <span>
          {t.receipt.campaignOf(PROVIDER_LABELS[summary.provider])}
          <strong>{summary.campaignId}</strong>
        </span>
        <span>
          {summary.fileName}{' '}
          <code className="hash" title={t.jobs.fileHash(summary.contentSha256)}>
            {summary.contentSha256.slice(0, 8)}
          </code>
        </span>
        <span className="receipt__when">
          {f.dateTime(summary.createdAt)}
          {counting && t.receipt.took(durationParts(summary.durationMs))}
        </span>
      </p>
      <p className="summary__figures receipt__counts" hidden={!counting}>
        <span>
          <strong data-testid="receipt-rows">{f.count(summary.rows)}</strong> {t.receipt.rows(summary.rows)}
        </span>
        {counted.map((status) => (
          <span key={status} className={`receipt-count tone-${status}`}>
            <strong data-testid={`receipt-${status}`}>{f.count(summary.counts[status])}</strong> {t.jobs.statusCount[status](summary.counts[status])}
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
  const { t, problem } = useT();
  const [filter, setFilter] = useState<ReceiptFilter>('all');
  const [exporting, setExporting] = useState<ReceiptFormat | null>(null);
  const [exportError, setExportError] = useState<Problem | null>(null);
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
  const provider = summary ? PROVIDER_LABELS[summary.provider] : t.receipt.theProvider;

  return (
    <section className="receipt" aria-label={title} data-testid="receipt">
      <div className="receipt__head">
        <h3 className="receipt__title">{title}</h3>
        <ExportButtons
          labels={{ csv: t.receipt.exportCsv, xlsx: t.receipt.exportXlsx }}
          disabled={exporting !== null || summary === undefined}
          exporting={exporting}
          onExport={exportAs}
        />
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

      {summary ? <SummaryLine summary={summary} counting={!runningHere} /> : error === undefined && !starting && <p className="receipt__loading">{t.receipt.reading}</p>}

      {error !== undefined && (
        <ErrorBanner>
          {problem(error)}
        </ErrorBanner>
      )}
      {exportError !== null && (
        <ErrorBanner>
          {t.receipt.exportFailed(problem(exportError))}
        </ErrorBanner>
      )}

      {summary && !busy && (resumable || summary.counts.rejected > 0) && (
        <div className="receipt__actions">
          {resumable && (
            <>
              <span className="receipt__hint">
                {t.receipt.notSentYet(summary.counts.waiting)}
              </span>
              <button type="button" className="button" onClick={() => jobs.resume(id)}>
                {t.receipt.resume}
              </button>
            </>
          )}
          {summary.counts.rejected > 0 && (
            <button type="button" className="button button--secondary" onClick={() => jobs.retryFailed(id)}>
              {t.receipt.retryFailed}
            </button>
          )}
          {resumable && (
            <button type="button" className="button button--secondary button--danger-text" onClick={() => setAsking('cancel')}>
              {t.receipt.cancelRest}
            </button>
          )}
        </div>
      )}

      {summary && !busy && summary.undecided > 0 && (
        <div className="banner banner--warning receipt__unknown" role="group" aria-label={t.receipt.unknownGroup} data-testid="unknown-choice">
          <p>
            <strong>{t.receipt.unknownHeadline(summary.undecided)}</strong> {t.receipt.unknownBody(summary.undecided, provider)}
          </p>
          <div className="receipt__choice">
            <button type="button" className="button button--secondary" onClick={() => setAsking('resend')}>
              {t.receipt.sendAgain}
            </button>
            <button type="button" className="button button--secondary" onClick={() => jobs.decideUnknown(id, 'leave')}>
              {t.receipt.leaveUnknown}
            </button>
          </div>
        </div>
      )}

      {runningHere && <p className="receipt__hint">{t.receipt.runningHint}</p>}
      {runningElsewhere && (
        <p className="receipt__hint">
          {t.receipt.elsewhereHint}{' '}
          <button type="button" className="link-button" onClick={() => load(id)}>
            {t.receipt.refresh}
          </button>
        </p>
      )}

      {summary && !runningHere && (
        <>
          <CountTabs
            label={t.receipt.tabs}
            tabs={tabs}
            selected={shown}
            nameOf={(tab) => (tab === 'all' ? t.receipt.all : t.jobs.status[tab])}
            countOf={countOf}
            onChange={setFilter}
          />
          <ReceiptTable
            key={`${id}|${shown}`}
            api={api}
            jobId={id}
            filter={shown}
            count={countOf(shown)}
            stamp={stampOf(summary)}
            label={t.receipt.rowsLabel(summary.fileName)}
          />
        </>
      )}

      {asking === 'resend' && (
        <ConfirmDialog
          title={t.receipt.resendTitle}
          confirmLabel={t.receipt.resendConfirm}
          cancelLabel={t.receipt.resendCancel}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            jobs.decideUnknown(id, 'resend');
          }}
        >
          <p>{t.receipt.resendRisk(provider)}</p>
          <p>{t.receipt.resendAdvice}</p>
        </ConfirmDialog>
      )}
      {asking === 'cancel' && (
        <ConfirmDialog
          title={t.receipt.cancelTitle}
          confirmLabel={t.receipt.cancelConfirm}
          cancelLabel={t.receipt.cancelKeep}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            jobs.cancel(id);
          }}
        >
          <p>{t.receipt.cancelBody}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
