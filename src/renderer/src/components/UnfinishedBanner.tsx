import type { JobSummary } from '../../../shared/jobs';
import { formatCount, jobTarget } from '../labels';

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
  const what = job.state === 'paused' ? 'An upload is paused' : 'An upload was interrupted';
  return (
    <section className="banner banner--warning unfinished" aria-label="Unfinished upload" data-testid="unfinished-banner">
      <p className="unfinished__text">
        {what}: {jobTarget(job)}, {formatCount(job.numbersDone)} of {formatCount(job.numbers)} numbers have an outcome.
        {others > 0 && ` ${formatCount(others)} more unfinished in History.`}
      </p>
      <div className="unfinished__actions">
        <button type="button" className="button" onClick={onResume}>
          Resume
        </button>
        <button type="button" className="button button--secondary" onClick={onOpen}>
          Open receipt
        </button>
        <button type="button" className="link-button" onClick={onDismiss} aria-label="Dismiss this notice until Dialsheet starts again">
          Not now
        </button>
      </div>
    </section>
  );
}
