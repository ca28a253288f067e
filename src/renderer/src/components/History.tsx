import { JOB_ROW_STATUSES, type JobSummary } from '../../../shared/jobs';
import type { Jobs } from '../hooks/useJobs';
import { formatCount, formatDuration, formatWhen, JOB_STATE_LABELS, JOB_STATUS_LABELS, PROVIDER_LABELS } from '../labels';

interface Props {
  jobs: Jobs;
  onOpen: (jobId: string) => void;
  /** The start screen shows the newest few, with a way to all of them. */
  limit?: number;
  onShowAll?: () => void;
  title: string;
}

function countsText(job: JobSummary): string {
  const parts = JOB_ROW_STATUSES.filter((status) => job.counts[status] > 0).map((status) => `${formatCount(job.counts[status])} ${JOB_STATUS_LABELS[status].toLowerCase()}`);
  return parts.length === 0 ? 'no rows' : parts.join(' · ');
}

/** Past and present uploads, newest first, each opening its receipt. */
export function History({ jobs, onOpen, limit, onShowAll, title }: Props) {
  const list = jobs.list;
  const shown = list === null ? [] : limit === undefined ? list : list.slice(0, limit);
  return (
    <section className="panel history" aria-label={title}>
      <div className="history__head">
        <h2 className="panel__title">{title}</h2>
        <button type="button" className="link-button" onClick={jobs.refresh}>
          Refresh
        </button>
        {onShowAll && list !== null && limit !== undefined && list.length > limit && (
          <button type="button" className="link-button" onClick={onShowAll}>
            Show all {formatCount(list.length)}
          </button>
        )}
      </div>
      {jobs.listError !== null && (
        <div className="banner banner--error" role="alert">
          The history could not be read: {jobs.listError}
        </div>
      )}
      {list === null && jobs.listError === null && <p className="panel__hint">Reading the history…</p>}
      {list !== null && list.length === 0 && (
        <p className="history__empty" data-testid="history-empty">
          No uploads yet. Every list you send is kept here with its receipt, and an upload cut short can be resumed from here.
        </p>
      )}
      {shown.length > 0 && (
        <div className="history__scroll">
          <table className="receipt-table history__table" aria-label="Uploads">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">File</th>
                <th scope="col">Profile</th>
                <th scope="col">Provider</th>
                <th scope="col">Campaign</th>
                <th scope="col">State</th>
                <th scope="col">Rows</th>
                <th scope="col">Took</th>
                <th scope="col">
                  <span className="visually-hidden">Receipt</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((job) => (
                <tr key={job.id} data-testid={`history-${job.id}`}>
                  <td className="nowrap">{formatWhen(job.createdAt)}</td>
                  <td>
                    {job.fileName}{' '}
                    <code className="hash" title={`SHA-256 of the file: ${job.contentSha256}`}>
                      {job.contentSha256.slice(0, 8)}
                    </code>
                  </td>
                  <td>{job.profileName}</td>
                  <td>{PROVIDER_LABELS[job.provider]}</td>
                  <td>{job.campaignId}</td>
                  <td>
                    <span className={`state-badge state-badge--${jobs.isRunning(job.id) ? 'running' : job.state}`}>
                      {JOB_STATE_LABELS[jobs.isRunning(job.id) ? 'running' : job.state]}
                    </span>
                    {job.undecided > 0 && <span className="history__flag"> · choice needed</span>}
                  </td>
                  <td title={`${formatCount(job.rows)} rows, ${formatCount(job.numbersDone)} of ${formatCount(job.numbers)} numbers with an outcome`}>
                    {formatCount(job.rows)}: {countsText(job)}
                  </td>
                  <td className="nowrap">{formatDuration(job.durationMs)}</td>
                  <td>
                    <button type="button" className="button button--secondary button--small" onClick={() => onOpen(job.id)} aria-label={`Open the receipt of ${job.fileName}, ${formatWhen(job.createdAt)}`}>
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
