import { useCallback, useEffect, useRef, useState } from 'react';

import type { DialsheetApi, PickedFile } from '../../../shared/bridge';
import type { EventPayload } from '../../../shared/contract';
import type { CheckOptions, ColumnMapping, SheetSettings, SheetView, Summary } from '../../../shared/sheet-schemas';
import { type Problem, problemOf } from '../i18n/problem';

type Progress = EventPayload<'sheetProgress'>;

/** What the sheet is busy with; the window words it in its language. */
export type SheetTask = { readonly kind: 'reading'; readonly fileName: string } | { readonly kind: 'readingAgain' | 'newColumns' | 'newOptions' };

export interface SheetState {
  view: SheetView | null;
  /** Bumped whenever rows may have changed their check: cached windows of rows are stale. */
  version: number;
  /** Whether view.preview is as fresh as `version` (an edit changes rows without a new view). */
  previewFresh: boolean;
  progress: Progress | null;
  busy: SheetTask | null;
  error: Problem | null;
  open: (file: PickedFile) => void;
  reopen: (settings: SheetSettings) => void;
  setMapping: (mapping: ColumnMapping) => void;
  setOptions: (options: CheckOptions) => void;
  updateSummary: (summary: Summary) => void;
}

/** The open sheet as the window knows it: its view, its progress, and the changes a user makes. */
export function useSheet(api: DialsheetApi): SheetState {
  const [view, setView] = useState<SheetView | null>(null);
  const [version, setVersion] = useState(0);
  const [acceptedVersion, setAcceptedVersion] = useState(-1);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<SheetTask | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const current = useRef<SheetView | null>(null);
  // Each sheet's last progress since its last change began. Events and a call's answer travel apart
  // (the web host's event stream, its HTTP answers), so a small file's last event can overtake the
  // answer that opened it: that answer, still reading, must not then stand as the sheet's view.
  const seen = useRef(new Map<string, Progress>());

  const accept = useCallback((next: SheetView) => {
    current.current = next;
    for (const id of seen.current.keys()) if (id !== next.sheetId) seen.current.delete(id);
    setView(next);
    setVersion((v) => {
      setAcceptedVersion(v + 1);
      return v + 1;
    });
  }, []);

  useEffect(
    () =>
      api.on('sheetProgress', (event) => {
        seen.current.set(event.sheetId, event);
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
    (label: SheetTask, task: () => Promise<SheetView>) => {
      setBusy(label);
      setError(null);
      task()
        // Read to the end before the answer came: the finished view, with the notes written at the end.
        .then((next) => (seen.current.get(next.sheetId)?.done && !next.progress.done ? api.getSheetView({ sheetId: next.sheetId }) : next))
        .then(accept)
        .catch((caught: unknown) => setError(problemOf(caught, 'unexpectedNothingChanged')))
        .finally(() => setBusy(null));
    },
    [api, accept],
  );

  const open = useCallback(
    (file: PickedFile) => {
      const previous = current.current;
      setProgress(null);
      run({ kind: 'reading', fileName: file.name }, async () => {
        const next = await api.openFile(file);
        if (previous) api.closeSheet({ sheetId: previous.sheetId }).catch(() => undefined);
        return next;
      });
    },
    [api, run],
  );

  const withSheet = useCallback(
    (label: SheetTask, task: (sheetId: string) => Promise<SheetView>) => {
      const sheetId = current.current?.sheetId;
      if (!sheetId) return;
      // What an earlier read of this sheet said is no news of the one this change may start.
      seen.current.delete(sheetId);
      run(label, () => task(sheetId));
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
    reopen: (settings) => withSheet({ kind: 'readingAgain' }, (sheetId) => api.reopenSheet({ sheetId, settings })),
    setMapping: (mapping) => withSheet({ kind: 'newColumns' }, (sheetId) => api.setMapping({ sheetId, mapping })),
    setOptions: (options) => withSheet({ kind: 'newOptions' }, (sheetId) => api.setCheckOptions({ sheetId, options })),
    updateSummary: (summary) => {
      setView((v) => (v ? { ...v, summary } : v));
      setVersion((n) => n + 1);
    },
  };
}
