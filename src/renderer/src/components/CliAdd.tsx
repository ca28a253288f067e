import { useEffect, useRef, useState } from 'react';

import type { DialsheetApi, PickedFile } from '../../../shared/bridge';
import type { CallOutput, EventPayload } from '../../../shared/contract';
import type { ReceiptFormat } from '../../../shared/jobs';
import { downloadBase64 } from '../download';
import { useT } from '../i18n/I18nProvider';
import { type Problem, problemOf } from '../i18n/problem';
import { CountTabs } from './CountTabs';
import { TitleWithExports } from './ExportButtons';
import { MorProfilesStatus } from './MorProfilesStatus';
import { ProgressLine } from './ProgressBar';
import { useMorProfiles } from '../hooks/useMorProfiles';
import { ErrorBanner } from './ErrorBanner';

type Report = CallOutput<'addClis'>;
type CliStatus = Report['rows'][number]['status'];
type CliFilter = 'all' | CliStatus;
type CliProgress = EventPayload<'cliProgress'>;

const STATUSES: readonly CliStatus[] = ['added', 'rejected', 'invalid', 'unknown'];
const BADGE: Record<CliStatus, string> = { added: 'badge--imported', rejected: 'badge--rejected', invalid: 'badge--invalid', unknown: 'badge--unknown' };

async function base64Of(file: PickedFile): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The statuses a report has rows in, in a fixed order. */
const statusesOf = (report: Report): CliStatus[] => STATUSES.filter((status) => report[status] > 0);

/**
 * The CLIs screen: a MOR profile and a sheet of CLIs, one cli_add per row, and the outcome of each
 * row in MOR's (or the core's) words. Files dropped here stay here: they never open as a sheet.
 */
export function CliAdd({ api, profilesVersion = 0 }: { api: DialsheetApi; profilesVersion?: number }) {
  const { t, problem } = useT();
  const { profiles, profileId, setProfileId, loadError } = useMorProfiles(api, profilesVersion);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [sending, setSending] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [sentName, setSentName] = useState('');
  const [sendError, setSendError] = useState<Problem | null>(null);
  const [filter, setFilter] = useState<CliFilter>('all');
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<CliProgress | null>(null);
  const [exporting, setExporting] = useState<ReceiptFormat | null>(null);
  const [exportError, setExportError] = useState<Problem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // The run this window waits for: its id comes with the run's first progress ('' until then).
  const run = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('cliProgress', (event) => {
        if (run.current === null) return;
        if (run.current === '') run.current = event.runId;
        if (event.runId === run.current) setProgress(event);
      }),
    [api],
  );

  const pick = (picked: PickedFile): void => {
    setFile(picked);
    setSendError(null);
  };

  const send = (): void => {
    if (file === null) return;
    const wanted = { profileId, file };
    setSending(true);
    setSendError(null);
    setExportError(null);
    setProgress(null);
    run.current = '';
    base64Of(wanted.file)
      .then((dataBase64) => api.addClis({ profileId: wanted.profileId, name: wanted.file.name, dataBase64 }))
      .then((answer) => {
        setReport(answer);
        setSentName(wanted.file.name);
        setFilter('all');
        setFile(null);
      })
      .catch((caught: unknown) => setSendError(problemOf(caught, 'unexpectedNothingChanged')))
      .finally(() => {
        run.current = null;
        setSending(false);
      });
  };

  const exportAs = (format: ReceiptFormat): void => {
    if (report === null) return;
    setExporting(format);
    setExportError(null);
    api
      .exportCliReceipt({ runId: report.runId, format })
      .then(({ fileName, dataBase64 }) => downloadBase64(fileName, dataBase64))
      .catch((caught: unknown) => setExportError(problemOf(caught, 'unexpected')))
      .finally(() => setExporting(null));
  };

  const canSend = profiles !== null && profileId !== '' && file !== null && !sending;
  const canExport = report !== null && exporting === null && !sending;
  const statuses = report === null ? [] : statusesOf(report);
  const tabs: CliFilter[] = ['all', ...statuses];
  const shown = report === null ? [] : report.rows.filter((row) => filter === 'all' || row.status === filter);

  return (
    <section className="panel clis" aria-labelledby="clis-title" data-testid="clis">
      <TitleWithExports id="clis-title" text={t.clis} disabled={!canExport} exporting={exporting} onExport={exportAs} />
      <p className="panel__hint">{t.clis.intro}</p>
      <form
        className="settings"
        onSubmit={(event) => {
          event.preventDefault();
          if (canSend) send();
        }}
      >
        <label className="field field--wide">
          <span className="field__label">{t.clis.profile}</span>
          <select
            value={profileId}
            onChange={(e) => setProfileId(e.target.value)}
            disabled={sending || profiles === null || profiles.length === 0}
            data-testid="clis-profile"
          >
            {(profiles ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={!canSend} aria-busy={sending}>
          {sending ? t.clis.sending : t.clis.send}
        </button>
      </form>
      <div
        className={over ? 'drop-zone drop-zone--compact clis__drop clis__drop--over' : 'drop-zone drop-zone--compact clis__drop'}
        role="region"
        aria-label={t.clis.dropRegion}
        data-testid="clis-drop"
        // Stopped here, so the window's own drop (which opens a sheet in Check & send) never sees it.
        onDragEnter={(event) => {
          event.preventDefault();
          event.stopPropagation();
          setOver(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.stopPropagation();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(event) => {
          event.stopPropagation();
          setOver(false);
        }}
        onDrop={(event) => {
          event.preventDefault();
          event.stopPropagation();
          setOver(false);
          const dropped = event.dataTransfer.files[0];
          if (dropped && !sending) pick(dropped);
        }}
      >
        <p className="drop-zone__text" data-testid="clis-file">
          {file === null ? t.clis.dropHere : t.clis.chosen(file.name)}
        </p>
        <button type="button" className="button button--secondary" disabled={sending} onClick={() => input.current?.click()}>
          {t.clis.choose}
        </button>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          accept=".xlsx,.csv,.tsv,.txt,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={t.clis.input}
          data-testid="clis-input"
          tabIndex={-1}
          onChange={(event) => {
            const picked = event.target.files?.[0];
            event.target.value = '';
            if (picked) pick(picked);
          }}
        />
      </div>

      {sendError !== null && (
        <ErrorBanner>
          {t.clis.sendFailed(problem(sendError))}
        </ErrorBanner>
      )}
      {exportError !== null && (
        <ErrorBanner>
          {t.clis.exportFailed(problem(exportError))}
        </ErrorBanner>
      )}

      {/* One line kept for what is being read, what to do next, or what came back: nothing below moves as it changes. */}
      <div className="status-slot" aria-live="polite" data-testid="clis-status">
        <MorProfilesStatus profiles={profiles} loadError={loadError} reading={t.clis.readingProfiles} none={t.clis.noMorProfile} />
        {report === null && sendError === null && profiles !== null && profiles.length > 0 && !sending && <p className="receipt__empty">{t.clis.notSent}</p>}
        {sending && (
          <ProgressLine
            label={t.clis.progressLabel}
            figures={progress === null ? '…' : t.clis.progress(progress.done, progress.total)}
            percent={progress === null || progress.total === 0 ? undefined : Math.round((progress.done / progress.total) * 100)}
            testId="clis-progress"
          />
        )}
        {report !== null && !sending && (
          <p className="receipt__meta" data-testid="clis-summary">
            {t.clis.summary(sentName, report.rows.length, report.added, report.rejected, report.invalid, report.unknown)}
          </p>
        )}
      </div>
      {report !== null &&
        report.notes.map((note) => (
          <div key={note} className="banner banner--warning" role="note">
            {note}
          </div>
        ))}
      {report !== null && statuses.length > 1 && (
        <CountTabs
          label={t.clis.filterLabel}
          tabs={tabs}
          selected={filter}
          nameOf={(tab) => t.clis.status[tab]}
          countOf={(tab) => (tab === 'all' ? report.rows.length : report[tab])}
          onChange={setFilter}
        />
      )}
      {report !== null && (
        <div className="table-scroll clis__table-wrap" tabIndex={0} role="region" aria-label={t.clis.tableLabel(sentName)}>
          <table className="receipt-table clis__table" data-testid="clis-table">
            <caption className="visually-hidden">{t.clis.tableLabel(sentName)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.clis.row}</th>
                <th scope="col">{t.clis.device}</th>
                <th scope="col">{t.clis.cli}</th>
                <th scope="col">{t.clis.outcome}</th>
                <th scope="col">{t.clis.message}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.row} data-testid="clis-row">
                  <td className="clis__number">{row.row}</td>
                  <td>{row.device || '–'}</td>
                  <td>{row.cli || '–'}</td>
                  <td>
                    <span className={`badge ${BADGE[row.status]}`}>{t.clis.status[row.status]}</span>
                  </td>
                  <td>{row.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
