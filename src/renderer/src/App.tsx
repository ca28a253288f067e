import { useEffect, useState } from 'react';

import type { DialsheetApi } from '../../shared/bridge';
import type { RowFilter } from '../../shared/intake-options';
import { CheckOptionsPanel } from './components/CheckOptionsPanel';
import { ColumnRoles } from './components/ColumnRoles';
import { DropZone } from './components/DropZone';
import { FileSettings } from './components/FileSettings';
import { ProgressBar } from './components/ProgressBar';
import { SendPanel } from './components/SendPanel';
import { RowsTable } from './components/RowsTable';
import { StatusTabs } from './components/StatusTabs';
import { SummaryPanel } from './components/SummaryPanel';
import { useSheet } from './hooks/useSheet';
import { useWindowFileDrop } from './hooks/useWindowFileDrop';

export function App({ api }: { api: DialsheetApi }) {
  const [version, setVersion] = useState('');
  const [countries, setCountries] = useState<string[]>([]);
  const [filter, setFilter] = useState<RowFilter>('all');
  const sheet = useSheet(api);
  const dragging = useWindowFileDrop(sheet.open);
  const view = sheet.view;

  useEffect(() => {
    api.appInfo({}).then(
      (info) => {
        setVersion(info.version);
        setCountries(info.countries);
      },
      () => undefined,
    );
  }, [api]);

  const reading = view !== null && !view.progress.done;
  return (
    <div className={dragging ? 'app app--dragging' : 'app'}>
      <header className="app-header">
        <h1 className="app-title">Dialsheet</h1>
        {version && <span className="app-version">v{version}</span>}
        {view && (
          <span className="app-file" data-testid="file-name">
            {view.fileName}
          </span>
        )}
      </header>
      <main className="app-main">
        <DropZone onFile={sheet.open} busy={sheet.busy !== null} compact={view !== null} />
        {(sheet.busy !== null || reading) && (
          <ProgressBar label={sheet.busy ?? `Reading ${view?.fileName ?? ''}`} progress={sheet.progress ?? view?.progress ?? null} />
        )}
        {sheet.error !== null && (
          <div className="banner banner--error" role="alert">
            {sheet.error}
          </div>
        )}
        {view && (
          <>
            <div className="panels">
              <FileSettings view={view} disabled={sheet.busy !== null} onChange={sheet.reopen} />
              <CheckOptionsPanel options={view.options} countries={countries} disabled={sheet.busy !== null} onChange={sheet.setOptions} />
            </div>
            <ColumnRoles view={view} disabled={sheet.busy !== null} onChange={sheet.setMapping} />
            {view.notes.map((note) => (
              <div key={note} className="banner banner--warning" role="note">
                {note}
              </div>
            ))}
            <SummaryPanel summary={view.summary} />
            <SendPanel api={api} sheetId={view.sheetId} ready={!reading && sheet.busy === null} />
            <StatusTabs filter={filter} summary={view.summary} onChange={setFilter} />
            <RowsTable
              api={api}
              view={view}
              filter={filter}
              version={sheet.version}
              seed={sheet.previewFresh ? view.preview : undefined}
              onEdited={sheet.updateSummary}
            />
          </>
        )}
      </main>
    </div>
  );
}
