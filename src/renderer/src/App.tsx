import { useCallback, useEffect, useState } from 'react';

import type { DialsheetApi, PickedFile } from '../../shared/bridge';
import type { EventPayload, SheetSummary } from '../../shared/contract';
import { DialsheetError } from '../../shared/result';
import { DropZone } from './components/DropZone';
import { ProgressBar } from './components/ProgressBar';
import { SheetPreview } from './components/SheetPreview';
import { useWindowFileDrop } from './hooks/useWindowFileDrop';

type Progress = EventPayload<'sheetProgress'>;

function messageOf(error: unknown): string {
  if (error instanceof DialsheetError) return error.message;
  return 'Something went wrong; the file was not loaded. Try again, and if it keeps happening, see the log.';
}

export function App({ api }: { api: DialsheetApi }) {
  const [version, setVersion] = useState<string>('');
  const [sheet, setSheet] = useState<SheetSummary | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [loadingName, setLoadingName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.appInfo({}).then((info) => setVersion(info.version), () => setVersion(''));
    return api.on('sheetProgress', setProgress);
  }, [api]);

  const open = useCallback(
    (file: PickedFile) => {
      setError(null);
      setProgress(null);
      setLoadingName(file.name);
      api
        .openFile(file)
        .then((summary) => {
          if (sheet) api.closeSheet({ sheetId: sheet.sheetId }).catch(() => undefined);
          setSheet(summary);
        })
        .catch((caught: unknown) => setError(messageOf(caught)))
        .finally(() => setLoadingName(null));
    },
    [api, sheet],
  );

  const dragging = useWindowFileDrop(open);

  return (
    <div className={dragging ? 'app app--dragging' : 'app'}>
      <header className="app-header">
        <h1 className="app-title">Dialsheet</h1>
        {version && <span className="app-version">v{version}</span>}
      </header>
      <main className="app-main">
        <DropZone onFile={open} busy={loadingName !== null} compact={sheet !== null} />
        {loadingName !== null && <ProgressBar label={`Reading ${loadingName}`} progress={progress} />}
        {error !== null && (
          <div className="banner banner--error" role="alert">
            {error}
          </div>
        )}
        {sheet && <SheetPreview sheet={sheet} />}
      </main>
    </div>
  );
}
