import { JOB_ROW_STATUSES, type JobSummary } from '../../../shared/jobs';
import type { Jobs } from '../hooks/useJobs';
import { useNow } from '../hooks/useNow';
import { durationParts } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import type { Messages } from '../i18n/messages/en';
import { PROVIDER_LABELS } from '../labels';
import { ErrorBanner } from './ErrorBanner';

interface Props {
  jobs: Jobs;
  onOpen: (jobId: string) => void;
  /** The start screen shows the newest few, with a way to all of them. */
  limit?: number;
  onShowAll?: () => void;
  title: string;
}

function countsText(t: Messages, job: JobSummary): string {
  const parts = JOB_ROW_STATUSES.filter((status) => job.counts[status] > 0).map((status) =>
    t.history.count(t.jobs.statusCount[status](job.counts[status]), job.counts[status]),
  );
  return parts.length === 0 ? t.history.noRows : parts.join(' · ');
}

/** Past and present uploads, newest first, each opening its receipt. */
export function History({ jobs, onOpen, limit, onShowAll, title }: Props) {
  const { t, f, problem } = useT();
  const list = jobs.list;
  const shown = list === null ? [] : limit === undefined ? list : list.slice(0, limit);
  // "5 minutes ago" on each creation time (its tooltip), kept true to the minute.
  const now = useNow(30_000);
  const columns = t.history.columns;
  return (
    <section className="panel history" aria-label={title}>
      <div className="history__head">
        <h2 className="panel__title">{title}</h2>
        <button type="button" className="link-button" onClick={jobs.refresh}>
          {t.history.refresh}
        </button>
        {onShowAll && list !== null && limit !== undefined && list.length > limit && (
          <button type="button" className="link-button" onClick={onShowAll}>
            {t.history.showAll(list.length)}
          </button>
        )}
      </div>
      {jobs.listError !== null && (
        <ErrorBanner>
          {t.history.readFailed(problem(jobs.listError))}{' '}
          <button type="button" className="link-button" onClick={jobs.refresh}>
            {t.history.tryAgain}
          </button>
        </ErrorBanner>
      )}
      {list === null && jobs.listError === null && <p className="panel__hint">{t.history.reading}</p>}
      {list !== null && list.length === 0 && (
        <p className="history__empty" data-testid="history-empty">
          {t.history.empty}
        </p>
      )}
      {shown.length > 0 && (
        <div className="history__scroll">
          <table className="receipt-table history__table" aria-label={t.history.table}>
            <thead>
              <tr>
                <th scope="col">{columns.created}</th>
                <th scope="col">{columns.file}</th>
                <th scope="col">{columns.profile}</th>
                <th scope="col">{columns.provider}</th>
                <th scope="col">{columns.campaign}</th>
                <th scope="col">{columns.state}</th>
                <th scope="col">{columns.rows}</th>
                <th scope="col">{columns.took}</th>
                <th scope="col">
                  <span className="visually-hidden">{columns.receipt}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((job) => (
                <tr key={job.id} data-testid={`history-${job.id}`}>
                  <td className="nowrap" title={f.relative(job.createdAt, now)}>
                    {f.dateTime(job.createdAt)}
                  </td>
                  <td>
                    {job.fileName}{' '}
                    <code className="hash" title={t.jobs.fileHash(job.contentSha256)}>
                      {job.contentSha256.slice(0, 8)}
                    </code>
                  </td>
                  <td>{job.profileName}</td>
                  <td>{PROVIDER_LABELS[job.provider]}</td>
                  <td>{job.campaignId}</td>
                  <td>
                    <span className={`state-badge state-badge--${jobs.isRunning(job.id) ? 'running' : job.state}`}>
                      {t.jobs.state[jobs.isRunning(job.id) ? 'running' : job.state]}
                    </span>
                    {job.undecided > 0 && <span className="history__flag">{t.history.choiceNeeded}</span>}
                  </td>
                  <td title={t.history.rowsTitle(job.rows, job.numbersDone, job.numbers)}>
                    {f.count(job.rows)}: {countsText(t, job)}
                  </td>
                  <td className="nowrap">{t.jobs.duration(durationParts(job.durationMs))}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => onOpen(job.id)}
                      aria-label={t.history.openLabel(job.fileName, f.dateTime(job.createdAt))}
                    >
                      {t.history.open}
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
