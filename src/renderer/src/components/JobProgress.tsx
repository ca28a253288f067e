import { useState } from 'react';

import type { JobSummary } from '../../../shared/jobs';
import type { JobProgressEvent, StopKind } from '../hooks/useJobs';
import { durationParts } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import type { Messages } from '../i18n/messages/en';
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

function labelOf(t: Messages, { running, progress, summary, stopping }: Props): string {
  if (stopping === 'pause') return t.progressLine.pausing;
  if (stopping === 'cancel') return t.progressLine.cancelling;
  if (running) return progress ? t.progressLine.sending : t.progressLine.starting;
  return summary ? t.jobs.state[summary.state] : '';
}

/**
 * How far a run is: numbers with an outcome out of all, how fast, how long still, and the buttons
 * that stop it. Its size never changes while it is on screen, so nothing below it jumps.
 */
export function JobProgress(props: Props) {
  const { running, progress, summary, stopping, onPause, onCancel } = props;
  const { t } = useT();
  const [confirming, setConfirming] = useState(false);
  const done = running ? (progress?.done ?? summary?.numbersDone ?? 0) : (summary?.numbersDone ?? progress?.done ?? 0);
  const total = running ? (progress?.total ?? summary?.numbers ?? 0) : (summary?.numbers ?? progress?.total ?? 0);
  const known = progress !== undefined || summary !== undefined;
  const eta = progress?.etaSeconds;
  return (
    <div className={running ? 'job-progress job-progress--running' : 'job-progress'} role="group" aria-label={t.progressLine.group} data-testid="job-progress">
      <div className="job-progress__text">
        <span className="job-progress__label" role="status" aria-live="polite" data-testid="progress-state">
          {labelOf(t, props)}
        </span>
        <span className="job-progress__figures" data-testid="progress-done">
          {known ? (running ? t.progressLine.done(done, total) : t.progressLine.withOutcome(done, total)) : ''}
        </span>
        <span className="job-progress__rate" data-testid="progress-rate">
          {running && progress ? t.progressLine.rate(progress.ratePerSecond) : ''}
        </span>
        <span className="job-progress__eta" data-testid="progress-eta">
          {running && progress ? (eta == null ? t.progressLine.workingOut : t.progressLine.left(durationParts(eta * 1000))) : ''}
        </span>
      </div>
      <div className="job-progress__actions">
        {running && (
          <>
            <button type="button" className="button button--secondary" disabled={onPause === null || stopping !== undefined} onClick={() => onPause?.()}>
              {t.progressLine.pause}
            </button>
            <button type="button" className="button button--secondary button--danger-text" disabled={onCancel === null || stopping !== undefined} onClick={() => setConfirming(true)}>
              {t.progressLine.cancel}
            </button>
          </>
        )}
      </div>
      <progress className="job-progress__bar" max={Math.max(1, total)} value={total === 0 ? (running ? undefined : 1) : done} aria-label={t.progressLine.bar} />
      {confirming && (
        <ConfirmDialog
          title={t.progressLine.confirmTitle}
          confirmLabel={t.progressLine.confirm}
          cancelLabel={t.progressLine.keep}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onCancel?.();
          }}
        >
          <p>{t.progressLine.confirmSent}</p>
          <p>{t.progressLine.confirmLater}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
