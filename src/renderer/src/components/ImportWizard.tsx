import { useEffect, useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { IssueReason, RowFilter } from '../../../shared/intake-options';
import type { Jobs } from '../hooks/useJobs';
import type { SendTarget } from '../hooks/useSendTarget';
import type { SheetState } from '../hooks/useSheet';
import { useUpload } from '../hooks/useUpload';
import { useT } from '../i18n/I18nProvider';
import { noteText } from '../i18n/sheet-notes';
import { choiceOf } from '../upload-options';
import { CheckOptionsPanel } from './CheckOptionsPanel';
import { ColumnRoles } from './ColumnRoles';
import { FileSettings } from './FileSettings';
import { IMPORT_STEPS, type ImportStep, ImportSteps } from './ImportSteps';
import { RowActions } from './RowActions';
import { RowsTable } from './RowsTable';
import { SendStep } from './SendStep';
import { StatusTabs } from './StatusTabs';
import { SummaryPanel } from './SummaryPanel';
import { TargetStep } from './TargetStep';

interface Props {
  api: DialsheetApi;
  jobs: Jobs;
  sheet: SheetState;
  countries: string[];
  target: SendTarget;
}

/** Steps that show the rows: each change there is seen at once in the table below. */
const WITH_ROWS: readonly ImportStep[] = ['file', 'columns', 'check'];

/**
 * The open sheet, a step at a time: how the file is read, which column is what, the check, where
 * it goes, and the plan, send and receipt. Every step can be gone back to and keeps what was set:
 * the sheet's settings live in main, the target outlives the sheet, the plan and the send are
 * this sheet's (the wizard is keyed by sheet).
 */
export function ImportWizard({ api, jobs, sheet, countries, target }: Props) {
  const { t } = useT();
  const view = sheet.view;
  const [step, setStep] = useState<ImportStep>('file');
  const [filter, setFilter] = useState<RowFilter>('all');
  const [reason, setReason] = useState<IssueReason | null>(null);
  const [triedNext, setTriedNext] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const upload = useUpload(api, jobs, view?.sheetId ?? '');

  const busy = sheet.busy !== null;
  const ready = view !== null && view.progress.done && !busy;
  const choice = choiceOf(target);
  // A plan says what these choices would send; after another choice or a change to the sheet it is not shown.
  const planKey = `${sheet.version}|${JSON.stringify(choice.ok ? choice.value : null)}`;

  // A step change moves focus to its title, so a screen reader says where the user now is.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [step]);

  // Arriving at the send step with no plan for what is chosen now makes one: nothing is sent without it.
  // Once: a refused plan is asked for again only by the user (Plan again), never in a loop.
  const { dryRun } = upload;
  const planned = upload.triedKey === planKey || upload.busy !== null;
  useEffect(() => {
    if (step === 'send' && ready && choice.ok && !planned) void dryRun(choice.value, planKey);
  }, [step, ready, choice, planned, dryRun, planKey]);

  if (view === null) return null;
  const reachable = (s: ImportStep): boolean => s !== 'send' || (ready && choice.ok && target.profile !== undefined);
  const go = (next: ImportStep): void => {
    moved.current = true;
    setStep(next);
  };
  const index = IMPORT_STEPS.indexOf(step);
  const previous = IMPORT_STEPS[index - 1];
  const next = IMPORT_STEPS[index + 1];
  const goNext = (): void => {
    if (next === undefined) return;
    if (next === 'send' && !choice.ok) {
      setTriedNext(true);
      return;
    }
    go(next);
  };

  return (
    <div className="wizard">
      <ImportSteps step={step} reachable={reachable} onStep={go} summary={view.summary} profileName={target.profile?.name} />
      <section className="panel step" aria-labelledby="import-step-title">
        <div className="step__head">
          <h2 id="import-step-title" className="step__title" tabIndex={-1} ref={heading}>
            {t.wizard.titles[step]}
          </h2>
          <div className="step__actions">
            {previous !== undefined && (
              <button type="button" className="button button--secondary" onClick={() => go(previous)}>
                {t.wizard.back}
              </button>
            )}
            {next !== undefined && next !== 'file' && (
              <button type="button" className="button" disabled={next === 'send' && (!ready || target.profile === undefined)} onClick={goNext}>
                {t.wizard.next[next]}
              </button>
            )}
          </div>
        </div>
        <p className="step__hint">{t.wizard.hints[step]}</p>
        {step === 'file' && <FileSettings view={view} disabled={busy} onChange={sheet.reopen} />}
        {step === 'columns' && (
          <div className="panels">
            <ColumnRoles view={view} disabled={busy} onChange={sheet.setMapping} />
            <CheckOptionsPanel options={view.options} countries={countries} disabled={busy} onChange={sheet.setOptions} />
          </div>
        )}
        {step === 'check' && (
          <SummaryPanel
            summary={view.summary}
            reason={reason}
            onReason={(picked) => {
              setFilter('all');
              setReason(picked === reason ? null : picked);
            }}
          />
        )}
        {step === 'target' && <TargetStep target={target} errors={triedNext && !choice.ok ? choice.errors : {}} disabled={upload.busy === 'sending'} />}
        {step === 'target' && !ready && <p className="panel__hint">{t.send.notReady}</p>}
        {step === 'send' && choice.ok && <SendStep api={api} jobs={jobs} upload={upload} planKey={planKey} choice={choice.value} />}
      </section>
      {WITH_ROWS.includes(step) && (
        <>
          {view.notes.map((note, i) => (
            <div key={`${i}-${note.code}`} className="banner banner--warning" role="note">
              {noteText(t, note)}
            </div>
          ))}
          <StatusTabs
            filter={filter}
            summary={view.summary}
            onChange={(next) => {
              setFilter(next);
              setReason(null);
            }}
          />
          {step === 'check' && (
            <RowActions
              api={api}
              sheetId={view.sheetId}
              summary={view.summary}
              filter={filter}
              reason={reason}
              ready={ready}
              onShowAll={() => setReason(null)}
              onChanged={sheet.updateSummary}
            />
          )}
          <RowsTable
            api={api}
            view={view}
            filter={filter}
            reason={reason}
            version={sheet.version}
            seed={sheet.previewFresh ? view.preview : undefined}
            onEdited={sheet.updateSummary}
          />
        </>
      )}
    </div>
  );
}
