import { useEffect, useRef, useState } from 'react';

import type { DialsheetApi, PickedFile } from '../../../shared/bridge';
import type { CallOutput, EventPayload } from '../../../shared/contract';
import type { ReceiptFormat } from '../../../shared/jobs';
import { downloadBase64 } from '../download';
import { useT } from '../i18n/I18nProvider';
import { type Problem, problemOf } from '../i18n/problem';
import { CliCheck, type CliCheckAnswer, RecognisedColumns } from './CliCheck';
import { CliRowsTable } from './CliRowsTable';
import { CountTabs } from './CountTabs';
import { TitleWithExports } from './ExportButtons';
import { MorProfilesStatus } from './MorProfilesStatus';
import { ProgressLine } from './ProgressBar';
import { useMorProfiles } from '../hooks/useMorProfiles';
import { ErrorBanner } from './ErrorBanner';
import { FilePicker } from './FilePicker';

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

/** A sheet as read from its file, so the send carries the very bytes that were checked. */
interface ChosenSheet {
  readonly name: string;
  readonly dataBase64: string;
}

/** The statuses a report has rows in, in a fixed order. */
const statusesOf = (report: Report): CliStatus[] => STATUSES.filter((status) => report[status] > 0);

/**
 * The CLIs screen: a MOR profile and a sheet of CLIs, checked as soon as it is chosen (nothing is
 * sent), then one cli_add per ready row, and the outcome of each row in MOR's (or the core's) words.
 * Files dropped here stay here: they never open as a sheet.
 */
export function CliAdd({ api, profilesVersion = 0 }: { api: DialsheetApi; profilesVersion?: number }) {
  const { t, problem } = useT();
  const { profiles, profileId, setProfileId, loadError } = useMorProfiles(api, profilesVersion);
  // The sheet chosen last (its name while it is read and checked), and its check once done.
  const [chosenName, setChosenName] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ id: number; sheet: ChosenSheet; answer: CliCheckAnswer } | null>(null);
  const [checkError, setCheckError] = useState<Problem | null>(null);
  const checkRun = useRef(0);
  const [sending, setSending] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [sentName, setSentName] = useState('');
  const [sendError, setSendError] = useState<Problem | null>(null);
  const [filter, setFilter] = useState<CliFilter>('all');
  const [over, setOver] = useState(false);
  const [progress, setProgress] = useState<CliProgress | null>(null);
  const [exporting, setExporting] = useState<ReceiptFormat | null>(null);
  const [exportError, setExportError] = useState<Problem | null>(null);
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

  // A new sheet replaces the one before and whatever it showed; only the last one's check counts.
  const pick = (picked: PickedFile): void => {
    const mine = ++checkRun.current;
    setChosenName(picked.name);
    setChecked(null);
    setCheckError(null);
    setReport(null);
    setSendError(null);
    setExportError(null);
    const latest = (): boolean => mine === checkRun.current;
    base64Of(picked)
      .then(async (dataBase64) => {
        const answer = await api.checkClis({ name: picked.name, dataBase64 });
        if (latest()) setChecked({ id: mine, sheet: { name: picked.name, dataBase64 }, answer });
      })
      .catch((caught: unknown) => {
        if (latest()) setCheckError(problemOf(caught, 'unexpected'));
      });
  };
  const checking = chosenName !== null && checked === null && checkError === null;

  const send = (): void => {
    if (checked === null) return;
    const wanted = { profileId, sheet: checked.sheet };
    setSending(true);
    setSendError(null);
    setExportError(null);
    setProgress(null);
    run.current = '';
    api
      .addClis({ profileId: wanted.profileId, name: wanted.sheet.name, dataBase64: wanted.sheet.dataBase64 })
      .then((answer) => {
        setReport(answer);
        setSentName(wanted.sheet.name);
        setFilter('all');
        setChosenName(null);
        setChecked(null);
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

  const ready = checked?.answer.ready ?? 0;
  const canSend = profiles !== null && profileId !== '' && ready > 0 && !sending;
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
          {sending ? t.clis.sending : ready > 0 ? t.clis.sendCount(ready) : t.clis.send}
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
          {chosenName === null ? t.clis.dropHere : t.clis.chosen(chosenName)}
        </p>
        <FilePicker label={t.clis.choose} inputLabel={t.clis.input} testId="clis-input" disabled={sending} secondary onFile={pick} />
      </div>

      {checkError !== null && (
        <ErrorBanner>
          {t.clis.checkFailed(problem(checkError))}
        </ErrorBanner>
      )}
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
        {report === null && chosenName === null && sendError === null && profiles !== null && profiles.length > 0 && !sending && (
          <p className="receipt__empty">{t.clis.notSent}</p>
        )}
        {checking && chosenName !== null && <p className="receipt__meta">{t.clis.checking(chosenName)}</p>}
        {checked !== null && !sending && (
          <p className="receipt__meta" data-testid="clis-check-summary">
            {t.clis.checkSummary(checked.sheet.name, checked.answer.rows.length, checked.answer.ready, checked.answer.invalid)}
          </p>
        )}
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
      {checked !== null && !sending && <RecognisedColumns check={checked.answer} />}
      {(report ?? (sending ? null : checked?.answer))?.notes.map((note) => (
          <div key={note} className="banner banner--warning" role="note">
            {note}
          </div>
        ))}
      {checked !== null && !sending && <CliCheck key={checked.id} check={checked.answer} fileName={checked.sheet.name} />}
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
        <CliRowsTable
          label={t.clis.tableLabel(sentName)}
          testId="clis-table"
          rowTestId="clis-row"
          rows={shown}
          statusHeader={t.clis.outcome}
          messageHeader={t.clis.message}
          badgeOf={(row) => ({ className: BADGE[row.status], text: t.clis.status[row.status] })}
        />
      )}
    </section>
  );
}
