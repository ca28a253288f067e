import { useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { IssueReason, RowFilter } from '../../../shared/intake-options';
import type { Summary } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';
import { type Problem, problemOf } from '../i18n/problem';
import { shownTotal } from './StatusTabs';
import { ErrorBanner } from './ErrorBanner';

interface Props {
  api: DialsheetApi;
  sheetId: string;
  summary: Summary;
  filter: RowFilter;
  reason: IssueReason | null;
  /** False while the file is read: a change of many rows needs them all. */
  ready: boolean;
  onShowAll: () => void;
  onChanged: (summary: Summary) => void;
}

type Done = { readonly kind: 'removed' | 'restored'; readonly count: number };

/**
 * One click for the rows on show: remove the invalid ones, the duplicates, or those of one
 * problem; put back the removed ones. Nothing is lost: removed rows stay listed under Removed.
 */
export function RowActions({ api, sheetId, summary, filter, reason, ready, onShowAll, onChanged }: Props) {
  const { t, problem } = useT();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<Problem | null>(null);
  const words = t.rowActions;
  const count = shownTotal(summary, filter, reason);

  const label = ((): string | null => {
    if (count === 0) return null;
    if (reason !== null) return words.removeReason(count);
    if (filter === 'invalid') return words.removeInvalid(count);
    if (filter === 'duplicate') return words.removeDuplicates(count);
    if (filter === 'removed') return words.restoreAll(count);
    return null;
  })();

  const act = (): void => {
    const restoring = filter === 'removed';
    const rows = { sheetId, filter, ...(reason === null ? {} : { reason }) };
    setBusy(true);
    setError(null);
    (restoring ? api.restoreRows(rows) : api.removeRows(rows))
      .then(({ changed, summary: next }) => {
        setDone({ kind: restoring ? 'restored' : 'removed', count: changed });
        onChanged(next);
      })
      .catch((caught: unknown) => setError(problemOf(caught, 'editNotSaved')))
      .finally(() => setBusy(false));
  };

  return (
    <div className="row-actions" role="group" aria-label={words.region}>
      {reason !== null ? (
        <p className="row-actions__showing">
          {words.showing(t.reasons[reason])}{' '}
          <button type="button" className="link-button" onClick={onShowAll}>
            {words.showAll}
          </button>
        </p>
      ) : (
        <p className="row-actions__showing panel__hint">{words.reasonsHint}</p>
      )}
      {label !== null && (
        <button type="button" className="button button--secondary button--small" disabled={busy || !ready} onClick={act}>
          {label}
        </button>
      )}
      {/* A status line that is always there: the outcome appears in place, moving nothing. */}
      <p className="row-actions__done" role="status">
        {done === null ? '' : done.kind === 'removed' ? words.removed(done.count) : words.restored(done.count)}
      </p>
      {error !== null && (
        <ErrorBanner>
          {problem(error)}
        </ErrorBanner>
      )}
    </div>
  );
}
