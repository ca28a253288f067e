import { useCallback, useEffect, useState } from 'react';

import type { DialsheetApi, PickedFile } from '../../shared/bridge';
import { Accounts } from './components/Accounts';
import { CliAdd } from './components/CliAdd';
import { DropZone } from './components/DropZone';
import { History } from './components/History';
import { ImportWizard } from './components/ImportWizard';
import { IvrResults } from './components/IvrResults';
import { ProgressBar } from './components/ProgressBar';
import { Receipt } from './components/Receipt';
import { UnfinishedBanner } from './components/UnfinishedBanner';
import { useJobs } from './hooks/useJobs';
import { useSendTarget } from './hooks/useSendTarget';
import { type SheetTask, useSheet } from './hooks/useSheet';
import { useWindowFileDrop } from './hooks/useWindowFileDrop';
import { useT } from './i18n/I18nProvider';
import type { Messages } from './i18n/messages/en';
import { LanguageSwitch } from './i18n/LanguageSwitch';
import { ErrorBanner } from './components/ErrorBanner';

type Screen = 'sheet' | 'history' | 'ivr' | 'clis' | 'accounts';

/** Uploads the start screen lists under the drop zone; the History screen has them all. */
const RECENT_UPLOADS = 5;

const taskLabel = (t: Messages, task: SheetTask): string => (task.kind === 'reading' ? t.sheetTask.reading(task.fileName) : t.sheetTask[task.kind]);

export function App({ api }: { api: DialsheetApi }) {
  const { t, problem } = useT();
  const [version, setVersion] = useState('');
  const [countries, setCountries] = useState<string[]>([]);
  const [screen, setScreen] = useState<Screen>('sheet');
  const [openJobId, setOpenJobId] = useState<string | null>(null);
  const [profilesVersion, setProfilesVersion] = useState(0);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const sheet = useSheet(api);
  const jobs = useJobs(api);
  const target = useSendTarget(api, profilesVersion);
  const { open: openSheet } = sheet;
  const open = useCallback(
    (file: PickedFile) => {
      setScreen('sheet');
      openSheet(file);
    },
    [openSheet],
  );
  // The CLIs screen takes files on its own drop area; nothing dropped there opens as a sheet.
  const dragging = useWindowFileDrop(open, screen !== 'clis');
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

  const openReceipt = (jobId: string): void => {
    setOpenJobId(jobId);
    setScreen('history');
  };
  const showHistory = (): void => {
    setOpenJobId(null);
    setScreen('history');
    jobs.refresh();
  };

  // Uploads a crash cut short, or left paused, when the window opened; each until it is resumed, finished or dismissed.
  const unfinished = (jobs.unfinishedAtStart ?? [])
    .flatMap((id) => {
      const job = jobs.summaryOf(id);
      return job && (job.state === 'interrupted' || job.state === 'paused') && !jobs.isRunning(id) && !dismissed.has(id) ? [job] : [];
    });
  // Not over the receipt of the same upload, which offers the same choices.
  const first = unfinished.find((job) => !(screen === 'history' && openJobId === job.id));

  const reading = view !== null && !view.progress.done;
  const openJob = openJobId === null ? undefined : jobs.summaryOf(openJobId);
  return (
    <div className={dragging ? 'app app--dragging' : 'app'}>
      <header className="app-header">
        <h1 className="app-title">Dialsheet</h1>
        {version && <span className="app-version">v{version}</span>}
        <nav className="app-nav" aria-label={t.app.screens}>
          <button type="button" className="app-nav__item" aria-current={screen === 'sheet' ? 'page' : undefined} onClick={() => setScreen('sheet')}>
            {t.app.checkAndSend}
          </button>
          <button type="button" className="app-nav__item" aria-current={screen === 'history' ? 'page' : undefined} onClick={showHistory}>
            {t.app.history}
          </button>
          <button type="button" className="app-nav__item" aria-current={screen === 'ivr' ? 'page' : undefined} onClick={() => setScreen('ivr')}>
            {t.app.ivrResults}
          </button>
          <button type="button" className="app-nav__item" aria-current={screen === 'clis' ? 'page' : undefined} onClick={() => setScreen('clis')}>
            {t.app.clis}
          </button>
          <button type="button" className="app-nav__item" aria-current={screen === 'accounts' ? 'page' : undefined} onClick={() => setScreen('accounts')}>
            {t.app.accounts}
          </button>
        </nav>
        {view && (
          <span className="app-file" data-testid="file-name">
            {view.fileName}
          </span>
        )}
        <LanguageSwitch />
      </header>
      <main className="app-main">
        {first && (
          <UnfinishedBanner
            job={first}
            others={unfinished.length - 1}
            onResume={() => {
              jobs.resume(first.id);
              openReceipt(first.id);
            }}
            onOpen={() => openReceipt(first.id)}
            onDismiss={() => setDismissed((d) => new Set([...d, first.id]))}
          />
        )}
        {screen === 'history' && (
          <div className="screen">
            {openJobId === null ? (
              <History jobs={jobs} onOpen={openReceipt} title={t.app.history} />
            ) : (
              <section className="panel" aria-label={t.app.upload}>
                <button type="button" className="link-button back-link" onClick={showHistory}>
                  {t.app.allUploads}
                </button>
                <Receipt api={api} jobs={jobs} jobId={openJobId} title={openJob ? t.app.receiptOf(openJob.fileName) : t.app.receipt} />
              </section>
            )}
          </div>
        )}
        {screen === 'ivr' && (
          <div className="screen">
            <IvrResults api={api} profilesVersion={profilesVersion} />
          </div>
        )}
        {screen === 'clis' && (
          <div className="screen">
            <CliAdd api={api} profilesVersion={profilesVersion} />
          </div>
        )}
        {screen === 'accounts' && (
          <div className="screen">
            <Accounts api={api} onChanged={() => setProfilesVersion((v) => v + 1)} />
          </div>
        )}
        {/* Hidden, not closed, while the History is on screen: the open sheet and its send stay as they were. */}
        <div className="screen" hidden={screen !== 'sheet'}>
          <DropZone onFile={open} busy={sheet.busy !== null} compact={view !== null} />
          {(sheet.busy !== null || reading) && (
            <ProgressBar
              label={taskLabel(t, sheet.busy ?? { kind: 'reading', fileName: view?.fileName ?? '' })}
              progress={sheet.progress ?? view?.progress ?? null}
            />
          )}
          {sheet.error !== null && (
            <ErrorBanner>
              {problem(sheet.error)}
            </ErrorBanner>
          )}
          {view === null && sheet.busy === null && jobs.list !== null && jobs.list.length > 0 && (
            <History jobs={jobs} onOpen={openReceipt} limit={RECENT_UPLOADS} onShowAll={showHistory} title={t.app.recentUploads} />
          )}
          {view && <ImportWizard key={view.sheetId} api={api} jobs={jobs} sheet={sheet} countries={countries} target={target} />}
        </div>
      </main>
    </div>
  );
}
