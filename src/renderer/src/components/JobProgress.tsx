import { useState } from 'react';

import type { JobSummary } from '../../../shared/jobs';
import type { JobProgressEvent, StopKind } from '../hooks/useJobs';
import { formatCount, formatDuration, formatRate, JOB_STATE_LABELS } from '../labels';
import { ConfirmDialog } from './ConfirmDialog';

interface Props {
  /** Numbers are being sent now (or the run is about to begin). */
  running: boolean;
  progress: JobProgressEvent | undefined;
  /** The job's last known summary: the figures once the run has ended. */
  summary: JobSummary | undefined;
  stopping: StopKind | undefined;
  /** Pause and Cancel need the job's id, which arrives with the run's first progress. */
  onPause: (() => void) | null;
  onCancel: (() => void) | null;
}

function labelOf({ running, progress, summary, stopping }: Props): string {
  if (stopping === 'pause') return 'Pausing after the numbers in flight…';
  if (stopping === 'cancel') return 'Cancelling after the numbers in flight…';
  if (running) return progress ? 'Sending' : 'Starting…';
  return summary ? JOB_STATE_LABELS[summary.state] : '';
}

/**
 * How far a run is: numbers with an outcome out of all, how fast, how long still, and the buttons
 * that stop it. Its size never changes while it is on screen, so nothing below it jumps.
 */
export function JobProgress(props: Props) {
  const { running, progress, summary, stopping, onPause, onCancel } = props;
  const [confirming, setConfirming] = useState(false);
  const done = running ? (progress?.done ?? summary?.numbersDone ?? 0) : (summary?.numbersDone ?? progress?.done ?? 0);
  const total = running ? (progress?.total ?? summary?.numbers ?? 0) : (summary?.numbers ?? progress?.total ?? 0);
  const known = progress !== undefined || summary !== undefined;
  const eta = progress?.etaSeconds;
  return (
    <div className={running ? 'job-progress job-progress--running' : 'job-progress'} role="group" aria-label="Upload progress" data-testid="job-progress">
      <div className="job-progress__text">
        <span className="job-progress__label" role="status" aria-live="polite" data-testid="progress-state">
          {labelOf(props)}
        </span>
        <span className="job-progress__figures" data-testid="progress-done">
          {known ? `${formatCount(done)} of ${formatCount(total)} numbers ${running ? 'done' : 'have an outcome'}` : ''}
        </span>
        <span className="job-progress__rate" data-testid="progress-rate">
          {running && progress ? formatRate(progress.ratePerSecond) : ''}
        </span>
        <span className="job-progress__eta" data-testid="progress-eta">
          {running && progress ? (eta == null ? 'working out the time left' : `about ${formatDuration(eta * 1000)} left`) : ''}
        </span>
      </div>
      <div className="job-progress__actions">
        {running && (
          <>
            <button type="button" className="button button--secondary" disabled={onPause === null || stopping !== undefined} onClick={() => onPause?.()}>
              Pause
            </button>
            <button type="button" className="button button--secondary button--danger-text" disabled={onCancel === null || stopping !== undefined} onClick={() => setConfirming(true)}>
              Cancel
            </button>
          </>
        )}
      </div>
      <progress className="job-progress__bar" max={Math.max(1, total)} value={total === 0 ? (running ? undefined : 1) : done} aria-label="Numbers with an outcome" />
      {confirming && (
        <ConfirmDialog
          title="Cancel this upload?"
          confirmLabel="Cancel upload"
          cancelLabel="Keep sending"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onCancel?.();
          }}
        >
          <p>Numbers already sent stay in the campaign. The ones not sent yet will not be sent, and the receipt marks them rejected “Not sent”.</p>
          <p>You can still send them later with Retry failed.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
