import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

import type { DialsheetApi } from '../../../shared/bridge';
import { type ReceiptFilter, useReceiptPages } from '../hooks/useReceiptPages';
import { useT } from '../i18n/I18nProvider';
import { leftOutMessage } from '../i18n/skipped-row';

const ROW_HEIGHT = 34;
const COLUMNS = ['row', 'number', 'status', 'message'] as const;
const TEMPLATE = '5rem 14rem 9rem minmax(20rem, 1fr)';

interface Props {
  api: DialsheetApi;
  jobId: string;
  filter: ReceiptFilter;
  /** Rows for this filter as the job's summary counts them; the core's own count wins once known. */
  count: number;
  /** Changes whenever the job's summary does, so rows are read again after a run. */
  stamp: string;
  label: string;
}

/** The receipt of a job, one line per source row, virtualised like the sheet's rows and paged from the core. */
export function ReceiptTable({ api, jobId, filter, count, stamp, label }: Props) {
  const i18n = useT();
  const { t, problem } = i18n;
  const scroller = useRef<HTMLDivElement>(null);
  const pages = useReceiptPages(api, jobId, filter, stamp);
  const total = pages.total ?? count;

  // TanStack Virtual is built for re-rendering on scroll; the compiler cannot memoise around it, and need not.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  if (pages.error !== null) {
    return (
      <div className="banner banner--error receipt__error" role="alert">
        {t.receiptTable.readFailed(problem(pages.error))}{' '}
        <button type="button" className="link-button" onClick={pages.retry}>
          {t.receiptTable.tryAgain}
        </button>
      </div>
    );
  }
  if (total === 0) {
    return (
      <p className="receipt__empty" data-testid="receipt-empty">
        {filter === 'all' ? t.receiptTable.noRows : t.receiptTable.noRowsOfStatus}
      </p>
    );
  }

  return (
    // The scroller takes the focus (to scroll from the keyboard) as a named region; the table is inside
    // it, so the table holds only rows.
    <div className="rows receipt-rows">
      <div className="rows__scroll" ref={scroller} tabIndex={0} role="region" aria-label={label} data-testid="receipt-scroll">
        <div className="rows__table" role="table" aria-label={label} aria-rowcount={total + 1}>
          <div className="rows__head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: TEMPLATE }}>
            {COLUMNS.map((column) => (
              <span key={column} role="columnheader" className="rows__cell">
                {t.receiptTable.columns[column]}
              </span>
            ))}
          </div>
          <div className="rows__body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = pages.rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={row ? `rows__row receipt-row--${row.status}` : 'rows__row rows__row--loading'}
                  style={{ gridTemplateColumns: TEMPLATE, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  {row ? (
                    <>
                      <span role="cell" className="rows__cell rows__cell--number">
                        {row.row}
                      </span>
                      <span role="cell" className="rows__cell rows__cell--phone" title={row.number}>
                        {row.number}
                      </span>
                      <span role="cell" className="rows__cell">
                        <span className={`badge badge--${row.status}`}>{t.jobs.status[row.status]}</span>
                      </span>
                      <span role="cell" className="rows__cell receipt-row__message" title={row.message}>
                        {leftOutMessage(i18n, row)}
                      </span>
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
