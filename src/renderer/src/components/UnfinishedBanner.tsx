import type { JobSummary } from '../../../shared/jobs';
import { useT } from '../i18n/I18nProvider';
import { PROVIDER_LABELS } from '../labels';

interface Props {
  job: JobSummary;
  /** Other unfinished uploads besides this one. */
  others: number;
  onResume: () => void;
  onOpen: () => void;
  onDismiss: () => void;
}

/** At start: an upload that a crash cut short, or one left paused, waits for the user. */
export function UnfinishedBanner({ job, others, onResume, onOpen, onDismiss }: Props) {
  const { t } = useT();
  const what = job.state === 'paused' ? t.unfinished.paused : t.unfinished.interrupted;
  const target = t.jobs.target(job.fileName, PROVIDER_LABELS[job.provider], job.campaignId);
  return (
    <section className="banner banner--warning unfinished" aria-label={t.unfinished.region} data-testid="unfinished-banner">
      <p className="unfinished__text">
        {t.unfinished.text(what, target, job.numbersDone, job.numbers)}
        {others > 0 && t.unfinished.others(others)}
      </p>
      <div className="unfinished__actions">
        <button type="button" className="button" onClick={onResume}>
          {t.unfinished.resume}
        </button>
        <button type="button" className="button button--secondary" onClick={onOpen}>
          {t.unfinished.openReceipt}
        </button>
        <button type="button" className="link-button" onClick={onDismiss} aria-label={t.unfinished.notNowLabel}>
          {t.unfinished.notNow}
        </button>
      </div>
    </section>
  );
}
