import { useCallback, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallOutput } from '../../../shared/contract';
import type { Problem } from '../i18n/problem';
import { type Jobs, messageOf } from './useJobs';

export type UploadPlanSummary = CallOutput<'planSheetUpload'>;

export interface UploadState {
  plan: UploadPlanSummary | null;
  /** What the plan was made for (sheet version, profile, campaign); another choice makes it stale. */
  planKey: string | null;
  /** The job the last Send made, once its run has begun. */
  jobId: string | null;
  busy: 'planning' | 'sending' | null;
  error: Problem | null;
}

const EMPTY: UploadState = { plan: null, planKey: null, jobId: null, busy: null, error: null };

const targetOf = (sheetId: string, profileId: string, campaignId: string) => ({ sheetId, profileId, ...(campaignId === '' ? {} : { campaignId }) });

/**
 * The plan (dry run) and the send of the open sheet. The Send panel is keyed by sheet, so this
 * state belongs to one sheet; the job itself lives on in `jobs` and in the History.
 */
export function useUpload(api: DialsheetApi, jobs: Jobs, sheetId: string) {
  const [state, setState] = useState<UploadState>(EMPTY);

  const dryRun = useCallback(
    async (profileId: string, campaignId: string, planKey: string) => {
      setState((s) => ({ ...s, plan: null, planKey: null, busy: 'planning', error: null }));
      try {
        const plan = await api.planSheetUpload(targetOf(sheetId, profileId, campaignId));
        setState((s) => ({ ...s, plan, planKey, busy: null }));
      } catch (error) {
        setState((s) => ({ ...s, busy: null, error: messageOf(error) }));
      }
    },
    [api, sheetId],
  );

  const send = useCallback(
    async (profileId: string, campaignId: string) => {
      setState((s) => ({ ...s, jobId: null, busy: 'sending', error: null }));
      try {
        const summary = await jobs.send(targetOf(sheetId, profileId, campaignId), (jobId) => setState((s) => ({ ...s, jobId })));
        setState((s) => ({ ...s, jobId: summary.id, busy: null }));
      } catch (error) {
        // Once the job has begun its receipt says what went wrong; before that, the panel does.
        setState((s) => ({ ...s, busy: null, error: s.jobId === null ? messageOf(error) : null }));
      }
    },
    [jobs, sheetId],
  );

  return { ...state, dryRun, send };
}
