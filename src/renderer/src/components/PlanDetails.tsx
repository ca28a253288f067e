import type { ReactNode } from 'react';

import type { UploadPlanSummary } from '../hooks/useUpload';
import { useT } from '../i18n/I18nProvider';
import { leftOutMessage } from '../i18n/skipped-row';

interface PlanListProps<T> {
  title: string;
  tableLabel: string;
  /** All there are; `items` may be only the first of them. */
  total: number;
  items: readonly T[];
  empty: string;
  more: (left: number) => string;
  columns: readonly string[];
  row: (item: T) => ReactNode;
}

/** One list of the dry run: a titled, scrolling table of its first items, and how many more there are. */
function PlanList<T>({ title, tableLabel, total, items, empty, more, columns, row }: PlanListProps<T>) {
  const { f } = useT();
  return (
    <div className="plan__list">
      <h3 className="plan__title">
        {title} <span className="plan__count">{f.count(total)}</span>
      </h3>
      {items.length === 0 ? (
        <p className="plan__empty">{empty}</p>
      ) : (
        <div className="plan__scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="receipt-table" aria-label={tableLabel}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{items.map(row)}</tbody>
          </table>
          {total > items.length && <p className="plan__more">{more(total - items.length)}</p>}
        </div>
      )}
    </div>
  );
}

/** The dry run: what would be sent, in which batches, and which rows stay behind and why. */
export function PlanDetails({ plan }: { plan: UploadPlanSummary }) {
  const i18n = useT();
  const { t, f } = i18n;
  // How the batches travel comes in figures and is worded here; each skipped row's reason comes as a code
  // (named in the window's language) beside the core's English words (shown in English, and on hover).
  return (
    <div className="plan" data-testid="plan-details">
      <p className="send__plan" data-testid="send-plan">
        {t.plan.summary(plan.planned, plan.numbers, plan.campaignId, t.plan.travel(plan.travel), plan.invalid, plan.duplicate)}
      </p>
      <div className="plan__lists">
        <PlanList
          title={t.plan.batches}
          tableLabel={t.plan.batchesTable}
          total={plan.batchCount}
          items={plan.batchList}
          empty={t.plan.nothingToSend}
          more={t.plan.moreBatches}
          columns={[t.plan.batchColumns.batch, t.plan.batchColumns.rows, t.plan.batchColumns.numbers]}
          row={(batch) => (
            <tr key={batch.index}>
              <td>{t.plan.batch(plan.travel.kind, batch.index, plan.batchCount, batch.numbers)}</td>
              <td>{t.plan.rowSpan(batch.firstRow, batch.lastRow)}</td>
              <td className="num">{f.count(batch.numbers)}</td>
            </tr>
          )}
        />
        <PlanList
          title={t.plan.leftOut}
          tableLabel={t.plan.leftOutTable}
          total={plan.invalid + plan.duplicate}
          items={plan.skipped}
          empty={t.plan.noneLeftOut}
          more={t.plan.moreLeftOut}
          columns={[t.plan.leftOutColumns.row, t.plan.leftOutColumns.number, t.plan.leftOutColumns.status, t.plan.leftOutColumns.why]}
          row={(line) => (
            <tr key={line.row}>
              <td className="num">{line.row}</td>
              <td>{line.number}</td>
              <td>
                <span className={`badge badge--${line.status}`}>{t.jobs.status[line.status]}</span>
              </td>
              <td title={line.message}>{leftOutMessage(i18n, line)}</td>
            </tr>
          )}
        />
      </div>
    </div>
  );
}
