import { useCallback, useEffect, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallOutput } from '../../../shared/contract';
import type { ReceiptRow } from '../../../shared/receipt';
import { DialsheetError } from '../../../shared/result';

export type UploadPlanSummary = CallOutput<'planSheetUpload'>;
export type UploadSent = CallOutput<'sendSheet'>;

export interface UploadState {
  plan: UploadPlanSummary | null;
  sent: UploadSent | null;
  /** Rows of the receipt that did not go in, for the list under the counts. */
  notImported: ReceiptRow[];
  progress: { done: number; total: number } | null;
  busy: 'planning' | 'sending' | null;
  error: string | null;
}

const EMPTY: UploadState = { plan: null, sent: null, notImported: [], progress: null, busy: null, error: null };
const SHOWN_ROWS = 200;

function messageOf(error: unknown): string {
  return error instanceof DialsheetError ? error.message : 'Something went wrong; nothing more is known.';
}

/** The plan (dry run) and the send of the open sheet to a profile's campaign. */
export function useUpload(api: DialsheetApi, sheetId: string) {
  const [state, setState] = useState<UploadState>(EMPTY);

  useEffect(() => {
    setState(EMPTY);
    return api.on('uploadProgress', ({ done, total }) => setState((s) => (s.busy === 'sending' ? { ...s, progress: { done, total } } : s)));
  }, [api, sheetId]);

  const dryRun = useCallback(
    async (profileId: string, campaignId: string) => {
      setState({ ...EMPTY, busy: 'planning' });
      try {
        const summary = await api.planSheetUpload({ sheetId, profileId, ...(campaignId === '' ? {} : { campaignId }) });
        setState({ ...EMPTY, plan: summary });
      } catch (error) {
        setState({ ...EMPTY, error: messageOf(error) });
      }
    },
    [api, sheetId],
  );

  const send = useCallback(
    async (profileId: string, campaignId: string) => {
      setState((s) => ({ ...s, sent: null, notImported: [], busy: 'sending', error: null, progress: null }));
      try {
        const sent = await api.sendSheet({ sheetId, profileId, ...(campaignId === '' ? {} : { campaignId }) });
        const lists = await Promise.all(
          (['rejected', 'unknown'] as const).map((status) => api.receiptRows({ uploadId: sent.uploadId, offset: 0, limit: SHOWN_ROWS, status })),
        );
        const notImported = lists.flatMap((list) => list.rows).sort((a, b) => a.row - b.row);
        setState((s) => ({ ...s, sent, notImported, busy: null }));
      } catch (error) {
        setState((s) => ({ ...s, busy: null, error: messageOf(error) }));
      }
    },
    [api, sheetId],
  );

  return { ...state, dryRun, send };
}
