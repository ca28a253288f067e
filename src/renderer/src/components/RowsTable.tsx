import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import type { IssueReason, RowFilter } from '../../../shared/intake-options';
import type { RowView, SheetView, Summary } from '../../../shared/sheet-schemas';
import { useRowPages } from '../hooks/useRowPages';
import { useT } from '../i18n/I18nProvider';
import { type Problem, problemOf } from '../i18n/problem';
import { shownTotal } from './StatusTabs';
import { ErrorBanner } from './ErrorBanner';

const ROW_HEIGHT = 34;
const FIXED_COLUMNS = ['row', 'status', 'number', 'type', 'problem', 'keep'] as const;

interface Props {
  api: DialsheetApi;
  view: SheetView;
  filter: RowFilter;
  /** Only the rows with a problem of this reason (with the filter 'all'). */
  reason: IssueReason | null;
  version: number;
  /** The view's first rows, when they are current. */
  seed: RowView[] | undefined;
  onEdited: (summary: Summary) => void;
}

/** The intake's own words for what is wrong: English, from the core, with the row's details. */
function rowProblem(row: RowView): string {
  return row.numbers.flatMap((n) => (n.issue ? [n.issue.message] : [])).join(' ');
}

/** What is wrong in the window's language: the core's words in English, the reason's name in others. */
function rowProblemIn(locale: string, reasons: Record<IssueReason, string>, row: RowView): string {
  if (locale === 'en') return rowProblem(row);
  return [...new Set(row.numbers.flatMap((n) => (n.issue ? [reasons[n.issue.reason]] : [])))].join(', ');
}

function EditPhone({ row, column, onSave, onCancel }: { row: RowView; column: number; onSave: (v: string) => void; onCancel: () => void }) {
  const { t } = useT();
  const [value, setValue] = useState(row.cells[column] ?? '');
  return (
    <form
      className="cell-edit"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(value);
      }}
    >
      <input
        autoFocus
        aria-label={t.rowsTable.newNumber(row.row)}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
        }}
      />
    </form>
  );
}

/**
 * The rows of the sheet with their check, virtualised: only the rows on screen exist in the page,
 * so 500,000 rows scroll as smoothly as 50. Rows arrive from main a page at a time.
 */
export function RowsTable({ api, view, filter, reason, version, seed, onEdited }: Props) {
  const { t, locale, problem } = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const { rowAt, replaceRow } = useRowPages(api, view.sheetId, filter, reason, version, seed);
  const [editing, setEditing] = useState<number | null>(null);
  const [editError, setEditError] = useState<Problem | null>(null);
  const total = shownTotal(view.summary, filter, reason);
  const phoneColumn = view.mapping.phone[0];

  // TanStack Virtual is built for re-rendering on scroll; the compiler cannot memoise around it, and need not.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // Fixed widths: every row is its own grid, and only equal tracks keep the columns lined up.
  const template = `5rem 7.5rem 13rem 7rem 18rem 6.5rem repeat(${view.columns.length}, 11rem)`;

  const save = (row: RowView, value: string): void => {
    if (phoneColumn === undefined) return;
    api
      .editCell({ sheetId: view.sheetId, index: row.index, column: phoneColumn, value })
      .then(({ row: updated, summary }) => {
        replaceRow(updated);
        setEditing(null);
        setEditError(null);
        onEdited(summary);
      })
      .catch((error: unknown) => setEditError(problemOf(error, 'editNotSaved')));
  };

  // Other rows' duplicates may change with it, so the summary's new version fetches the rows again.
  const keep = (row: RowView, kept: boolean): void => {
    const change = kept ? api.restoreRows : api.removeRows;
    change({ sheetId: view.sheetId, indexes: [row.index] })
      .then(({ summary }) => {
        setEditError(null);
        onEdited(summary);
      })
      .catch((error: unknown) => setEditError(problemOf(error, 'editNotSaved')));
  };

  const label = t.rowsTable.label(view.fileName);
  return (
    // The scroller takes the focus (to scroll from the keyboard) as a named region; the table is inside
    // it, so the table holds only rows.
    <div className="rows">
      {editError && (
        <ErrorBanner>
          {problem(editError)}
        </ErrorBanner>
      )}
      <div className="rows__scroll" ref={scroller} tabIndex={0} role="region" aria-label={label} data-testid="rows-scroll">
        <div className="rows__table" role="table" aria-label={label} aria-rowcount={total + 1}>
          <div className="rows__head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            {[...FIXED_COLUMNS.map((column) => t.rowsTable.columns[column]), ...view.columns].map((name, i) => (
              <span key={i} role="columnheader" className="rows__cell" title={name}>
                {name}
              </span>
            ))}
          </div>
          <div className="rows__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={row ? `rows__row rows__row--${row.status}` : 'rows__row rows__row--loading'}
                  style={{ gridTemplateColumns: template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  {row ? (
                    <>
                      <span role="cell" className="rows__cell rows__cell--number">
                        {row.row}
                      </span>
                      <span role="cell" className="rows__cell">
                        <span className={`badge badge--${row.status}`}>{t.status[row.status]}</span>
                      </span>
                      <span role="cell" className="rows__cell rows__cell--phone">
                        {editing === row.index ? (
                          <EditPhone row={row} column={phoneColumn ?? 0} onSave={(v) => save(row, v)} onCancel={() => setEditing(null)} />
                        ) : (
                          <>
                            {row.numbers.flatMap((n) => (n.value ? [n.value] : [])).join(', ')}
                            {phoneColumn !== undefined && row.status !== 'valid' && (
                              <button type="button" className="link-button" onClick={() => setEditing(row.index)} aria-label={t.rowsTable.fixLabel(row.row)}>
                                {t.rowsTable.fix}
                              </button>
                            )}
                          </>
                        )}
                      </span>
                      <span role="cell" className="rows__cell">
                        {row.numbers.flatMap((n) => (n.type && !n.issue ? [t.types[n.type]] : [])).join(', ')}
                      </span>
                      <span role="cell" className="rows__cell rows__cell--problem" title={rowProblem(row)}>
                        {rowProblemIn(locale, t.reasons, row)}
                      </span>
                      <span role="cell" className="rows__cell">
                        {row.status === 'removed' ? (
                          <button type="button" className="link-button" onClick={() => keep(row, true)} aria-label={t.rowsTable.restoreLabel(row.row)}>
                            {t.rowsTable.restore}
                          </button>
                        ) : (
                          <button type="button" className="link-button" onClick={() => keep(row, false)} aria-label={t.rowsTable.removeLabel(row.row)}>
                            {t.rowsTable.remove}
                          </button>
                        )}
                      </span>
                      {view.columns.map((_, c) => (
                        <span key={c} role="cell" className="rows__cell" title={row.cells[c]}>
                          {row.cells[c] ?? ''}
                        </span>
                      ))}
                    </>
                  ) : (
                    <span role="cell" className="rows__cell rows__cell--loading">
                      …
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
