import { useCallback, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallInput, CallOutput } from '../../../shared/contract';
import type { Problem } from '../i18n/problem';
import { type Jobs, messageOf } from './useJobs';

export type UploadPlanSummary = CallOutput<'planSheetUpload'>;
/** Where the open sheet goes: all of the upload's target but the sheet itself. */
export type UploadChoice = Omit<CallInput<'planSheetUpload'>, 'sheetId'>;

export interface UploadState {
  plan: UploadPlanSummary | null;
  /** What the plan was made for (sheet version and the whole choice); another choice makes it stale. */
  planKey: string | null;
  /** What the last plan was asked for, made or refused: it is not asked for again by itself. */
  triedKey: string | null;
  /** The plan the last Send sent: it is not offered again until planned anew. */
  sentKey: string | null;
  /** The job the last Send made, once its run has begun. */
  jobId: string | null;
  busy: 'planning' | 'sending' | null;
  error: Problem | null;
}

const EMPTY: UploadState = { plan: null, planKey: null, triedKey: null, sentKey: null, jobId: null, busy: null, error: null };

/**
 * The plan (dry run) and the send of the open sheet. The import wizard is keyed by sheet, so this
 * state belongs to one sheet; the job itself lives on in `jobs` and in the History.
 */
export function useUpload(api: DialsheetApi, jobs: Jobs, sheetId: string) {
  const [state, setState] = useState<UploadState>(EMPTY);

  const dryRun = useCallback(
    async (choice: UploadChoice, planKey: string) => {
      setState((s) => ({ ...s, plan: null, planKey: null, triedKey: planKey, sentKey: null, busy: 'planning', error: null }));
      try {
        const plan = await api.planSheetUpload({ sheetId, ...choice });
        setState((s) => ({ ...s, plan, planKey, busy: null }));
      } catch (error) {
        setState((s) => ({ ...s, busy: null, error: messageOf(error) }));
      }
    },
    [api, sheetId],
  );

  const send = useCallback(
    async (choice: UploadChoice, planKey: string) => {
      setState((s) => ({ ...s, sentKey: planKey, jobId: null, busy: 'sending', error: null }));
      try {
        const summary = await jobs.send({ sheetId, ...choice }, (jobId) => setState((s) => ({ ...s, jobId })));
        setState((s) => ({ ...s, jobId: summary.id, busy: null }));
      } catch (error) {
        // Once the job has begun its receipt says what went wrong; before that, the panel does.
        // A send refused before it began may be tried again.
        setState((s) => ({ ...s, busy: null, sentKey: s.jobId === null ? null : s.sentKey, error: s.jobId === null ? messageOf(error) : null }));
      }
    },
    [jobs, sheetId],
  );

  return { ...state, dryRun, send };
}
