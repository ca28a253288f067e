import type { DialsheetApi } from '../../../shared/bridge';
import type { Jobs } from '../hooks/useJobs';
import type { UploadChoice, useUpload } from '../hooks/useUpload';
import { useT } from '../i18n/I18nProvider';
import { PlanDetails } from './PlanDetails';
import { Receipt } from './Receipt';
import { ErrorBanner } from './ErrorBanner';

interface Props {
  api: DialsheetApi;
  jobs: Jobs;
  upload: ReturnType<typeof useUpload>;
  /** What the plan on show must have been made for; another plan is not shown. */
  planKey: string;
  choice: UploadChoice;
}

/** The plan of what would be sent, the Send, and then the run's progress and receipt. */
export function SendStep({ api, jobs, upload, planKey, choice }: Props) {
  const { t, problem } = useT();
  const plan = upload.plan && upload.planKey === planKey ? upload.plan : null;
  const sending = upload.busy === 'sending';
  const sent = upload.sentKey === planKey;
  return (
    <div className="send" data-testid="send-step">
      {upload.error !== null && (
        <ErrorBanner>
          {problem(upload.error)}
        </ErrorBanner>
      )}
      {upload.busy === 'planning' && (
        <p className="panel__hint" role="status">
          {t.send.planning}
        </p>
      )}
      {plan && <PlanDetails plan={plan} />}
      {/* A refused plan is not asked for again by itself: Plan again is the user's to press. */}
      {(plan !== null || upload.error !== null) && (
        <div className="send__actions">
          {plan !== null && !sent && (
            <button type="button" className="button" disabled={upload.busy !== null || plan.numbers === 0} onClick={() => void upload.send(choice, planKey)}>
              {t.send.sendNumbers(plan.numbers, plan.campaignId)}
            </button>
          )}
          <button type="button" className="button button--secondary" disabled={upload.busy !== null} onClick={() => void upload.dryRun(choice, planKey)}>
            {t.send.planAgain}
          </button>
        </div>
      )}
      {(upload.jobId !== null || sending) && (
        // Before the run's first progress names the job, the receipt shows only that it is starting.
        <div className="send__receipt" data-testid="send-receipt">
          <Receipt key={upload.jobId ?? 'starting'} api={api} jobs={jobs} jobId={upload.jobId} title={t.app.receipt} />
        </div>
      )}
    </div>
  );
}
