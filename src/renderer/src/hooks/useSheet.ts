import { useCallback, useEffect, useRef, useState } from 'react';

import type { DialsheetApi, PickedFile } from '../../../shared/bridge';
import type { EventPayload } from '../../../shared/contract';
import { DialsheetError } from '../../../shared/result';
import type { CheckOptions, ColumnMapping, SheetSettings, SheetView, Summary } from '../../../shared/sheet-schemas';

type Progress = EventPayload<'sheetProgress'>;

export interface SheetState {
  view: SheetView | null;
  /** Bumped whenever rows may have changed their check: cached windows of rows are stale. */
  version: number;
  /** Whether view.preview is as fresh as `version` (an edit changes rows without a new view). */
  previewFresh: boolean;
  progress: Progress | null;
  busy: string | null;
  error: string | null;
  open: (file: PickedFile) => void;
  reopen: (settings: SheetSettings) => void;
  setMapping: (mapping: ColumnMapping) => void;
  setOptions: (options: CheckOptions) => void;
  updateSummary: (summary: Summary) => void;
}

function messageOf(error: unknown): string {
  if (error instanceof DialsheetError) return error.message;
  return 'Something went wrong; nothing was changed. Try again, and if it keeps happening, see the log.';
}

/** The open sheet as the window knows it: its view, its progress, and the changes a user makes. */
export function useSheet(api: DialsheetApi): SheetState {
  const [view, setView] = useState<SheetView | null>(null);
  const [version, setVersion] = useState(0);
  const [acceptedVersion, setAcceptedVersion] = useState(-1);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<SheetView | null>(null);

  const accept = useCallback((next: SheetView) => {
    current.current = next;
    setView(next);
    setVersion((v) => {
      setAcceptedVersion(v + 1);
      return v + 1;
    });
  }, []);

  useEffect(
    () =>
      api.on('sheetProgress', (event) => {
        if (event.sheetId !== current.current?.sheetId) return;
        setProgress(event);
        // Rows read so far keep their check as more arrive, so cached rows stay good: no new version.
        setView((v) => (v && v.sheetId === event.sheetId ? { ...v, summary: event.summary, progress: event } : v));
        if (event.done) {
          // The final view carries notes written at the end (blank rows skipped, reading stopped).
          api.getSheetView({ sheetId: event.sheetId }).then(accept, () => undefined);
        }
      }),
    [api, accept],
  );

  const run = useCallback(
    (label: string, task: () => Promise<SheetView>) => {
      setBusy(label);
      setError(null);
      task()
        .then(accept)
        .catch((caught: unknown) => setError(messageOf(caught)))
        .finally(() => setBusy(null));
    },
    [accept],
  );

  const open = useCallback(
    (file: PickedFile) => {
      const previous = current.current;
      setProgress(null);
      run(`Reading ${file.name}`, async () => {
        const next = await api.openFile(file);
        if (previous) api.closeSheet({ sheetId: previous.sheetId }).catch(() => undefined);
        return next;
      });
    },
    [api, run],
  );

  const withSheet = useCallback(
    (label: string, task: (sheetId: string) => Promise<SheetView>) => {
      const sheetId = current.current?.sheetId;
      if (sheetId) run(label, () => task(sheetId));
    },
    [run],
  );

  return {
    view,
    version,
    previewFresh: acceptedVersion === version,
    progress,
    busy,
    error,
    open,
    reopen: (settings) => withSheet('Reading the file again', (sheetId) => api.reopenSheet({ sheetId, settings })),
    setMapping: (mapping) => withSheet('Checking with the new columns', (sheetId) => api.setMapping({ sheetId, mapping })),
    setOptions: (options) => withSheet('Checking the numbers again', (sheetId) => api.setCheckOptions({ sheetId, options })),
    updateSummary: (summary) => {
      setView((v) => (v ? { ...v, summary } : v));
      setVersion((n) => n + 1);
    },
  };
}
