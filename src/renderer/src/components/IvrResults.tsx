import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { CallOutput } from '../../../shared/contract';
import type { ReceiptFormat } from '../../../shared/jobs';
import { downloadBase64 } from '../download';
import { useT } from '../i18n/I18nProvider';
import { type Problem, problemOf } from '../i18n/problem';
import { type ListedProfile, useMorProfiles } from '../hooks/useMorProfiles';
import { TitleWithExports } from './ExportButtons';
import { MorProfilesStatus } from './MorProfilesStatus';
import { ErrorBanner } from './ErrorBanner';

type Results = CallOutput<'ivrResults'>;

const ROW_HEIGHT = 34;

const defaultCampaignText = (profile: ListedProfile | undefined): string => (profile?.campaignId == null ? '' : String(profile.campaignId));

/** For each numbered field (MOR's "question"), the lines that hold a value in it. */
export function answersPerField(results: Results): { field: string; count: number }[] {
  return results.header.map((field, i) => ({ field, count: results.rows.filter((row) => (row[i] ?? '').trim() !== '').length }));
}

/** Answers per question as CSS bars, each with its count in words; the list itself is the text alternative. */
function AnswersChart({ results }: { results: Results }) {
  const { t } = useT();
  const bars = answersPerField(results);
  const most = Math.max(1, ...bars.map((bar) => bar.count));
  const summary = t.ivr.chartSummary(bars.map((bar) => t.ivr.chartPart(bar.field, bar.count)).join('; '));
  return (
    <figure className="ivr-chart" aria-labelledby="ivr-chart-title" data-testid="ivr-chart">
      <figcaption>
        <h3 className="ivr-chart__title" id="ivr-chart-title">
          {t.ivr.chartTitle}
        </h3>
        <p className="panel__hint">{t.ivr.chartNote}</p>
        <p className="visually-hidden">{summary}</p>
      </figcaption>
      <ul className="ivr-chart__bars" aria-label={t.ivr.chartTitle}>
        {bars.map((bar) => (
          <li key={bar.field} className="ivr-chart__bar" data-testid="ivr-bar">
            <span className="ivr-chart__label">{bar.field}</span>
            <span className="ivr-chart__track" aria-hidden="true">
              <span className="ivr-chart__fill" style={{ width: `${(bar.count / most) * 100}%` }} />
            </span>
            <span className="ivr-chart__count" data-testid="ivr-bar-count">
              {t.ivr.answers(bar.count)}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** The results, one line per MOR line, virtualised: a campaign's poll can run to many thousands of lines. */
function ResultsTable({ results }: { results: Results }) {
  const { t } = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const template = `5rem repeat(${results.header.length}, minmax(10rem, 1fr))`;
  // TanStack Virtual is built for re-rendering on scroll; the compiler cannot memoise around it, and need not.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: results.rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const label = t.ivr.tableLabel(results.campaign);
  return (
    // The scroller takes the focus (to scroll from the keyboard) as a named region; the table is inside
    // it, so the table holds only rows.
    <div className="rows ivr-rows">
      <div className="rows__scroll" ref={scroller} tabIndex={0} role="region" aria-label={label} data-testid="ivr-scroll">
        <div className="rows__table" role="table" aria-label={label} aria-rowcount={results.rows.length + 1}>
          <div className="rows__head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            <span role="columnheader" className="rows__cell">
              {t.ivr.line}
            </span>
            {results.header.map((name) => (
              <span key={name} role="columnheader" className="rows__cell">
                {name}
              </span>
            ))}
          </div>
          <div className="rows__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = results.rows[item.index] ?? [];
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="rows__row"
                  data-testid="ivr-row"
                  style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <span role="cell" className="rows__cell rows__cell--number">
                    {item.index + 1}
                  </span>
                  {results.header.map((name, i) => (
                    <span key={name} role="cell" className="rows__cell" title={row[i] ?? ''}>
                      {row[i] ?? ''}
                    </span>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * The IVR results screen: a MOR profile and campaign, MOR's poll results for it as a table and a
 * chart of answers per question, and the same results as a CSV or XLSX file.
 */
export function IvrResults({ api, profilesVersion = 0 }: { api: DialsheetApi; profilesVersion?: number }) {
  const { t, problem } = useT();
  const [campaignId, setCampaignId] = useState('');
  const { profiles, profileId, setProfileId, loadError } = useMorProfiles(api, profilesVersion, (first) => setCampaignId(defaultCampaignText(first)));
  const [fetching, setFetching] = useState(false);
  const [results, setResults] = useState<Results | null>(null);
  /** What the shown results were fetched for: the export asks for the same. */
  const [fetchedFor, setFetchedFor] = useState<{ profileId: string; campaignId: string } | null>(null);
  const [fetchError, setFetchError] = useState<Problem | null>(null);
  const [exporting, setExporting] = useState<ReceiptFormat | null>(null);
  const [exportError, setExportError] = useState<Problem | null>(null);

  const choose = (id: string): void => {
    setProfileId(id);
    setCampaignId(defaultCampaignText(profiles?.find((p) => p.id === id)));
  };

  const fetchResults = (): void => {
    const wanted = { profileId, campaignId };
    setFetching(true);
    setFetchError(null);
    setExportError(null);
    api
      .ivrResults(wanted)
      .then((answer) => {
        setResults(answer);
        setFetchedFor(wanted);
      })
      .catch((caught: unknown) => {
        setResults(null);
        setFetchedFor(null);
        setFetchError(problemOf(caught, 'unexpected'));
      })
      .finally(() => setFetching(false));
  };

  const exportAs = (format: ReceiptFormat): void => {
    if (fetchedFor === null) return;
    setExporting(format);
    setExportError(null);
    api
      .exportIvrResults({ ...fetchedFor, format })
      .then(({ fileName, dataBase64 }) => downloadBase64(fileName, dataBase64))
      .catch((caught: unknown) => setExportError(problemOf(caught, 'unexpected')))
      .finally(() => setExporting(null));
  };

  const canFetch = profiles !== null && profileId !== '' && campaignId !== '' && !fetching;
  const canExport = results !== null && exporting === null && !fetching;

  return (
    <section className="panel ivr" aria-labelledby="ivr-title" data-testid="ivr">
      <TitleWithExports id="ivr-title" text={t.ivr} disabled={!canExport} exporting={exporting} onExport={exportAs} />
      <p className="panel__hint">{t.ivr.intro}</p>
      <form
        className="settings"
        onSubmit={(event) => {
          event.preventDefault();
          if (canFetch) fetchResults();
        }}
      >
        <label className="field field--wide">
          <span className="field__label">{t.ivr.profile}</span>
          <select value={profileId} onChange={(e) => choose(e.target.value)} disabled={fetching || profiles === null || profiles.length === 0} data-testid="ivr-profile">
            {(profiles ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t.ivr.campaign}</span>
          <input value={campaignId} onChange={(e) => setCampaignId(e.target.value.trim())} disabled={fetching} inputMode="numeric" data-testid="ivr-campaign" />
        </label>
        <button type="submit" className="button" disabled={!canFetch} aria-busy={fetching}>
          {fetching ? t.ivr.fetching : t.ivr.fetch}
        </button>
      </form>

      {fetchError !== null && (
        <ErrorBanner>
          {t.ivr.fetchFailed(problem(fetchError))}
        </ErrorBanner>
      )}
      {exportError !== null && (
        <ErrorBanner>
          {t.ivr.exportFailed(problem(exportError))}
        </ErrorBanner>
      )}

      {/* One line kept for what is being read, what to do next, or what came back: nothing below moves as it changes. */}
      <div className="status-slot" aria-live="polite" data-testid="ivr-status">
        <MorProfilesStatus profiles={profiles} loadError={loadError} reading={t.ivr.readingProfiles} none={t.ivr.noMorProfile} />
        {results === null && fetchError === null && profiles !== null && profiles.length > 0 && <p className="receipt__empty">{t.ivr.notFetched}</p>}
        {results !== null && results.rows.length === 0 && (
          <p className="receipt__empty" data-testid="ivr-empty">
            {t.ivr.noResults(results.campaign)}
          </p>
        )}
        {results !== null && results.rows.length > 0 && (
          <p className="receipt__meta" data-testid="ivr-summary">
            {t.ivr.resultsOf(results.campaign, results.rows.length)}
          </p>
        )}
      </div>
      <div className="ivr__body" data-testid="ivr-results">
        {results !== null && results.rows.length > 0 && (
          <>
            <ResultsTable key={`${results.campaign}|${results.raw.length}`} results={results} />
            <AnswersChart results={results} />
          </>
        )}
      </div>
    </section>
  );
}
