import type { UploadPlanSummary } from '../hooks/useUpload';
import { formatCount, JOB_STATUS_LABELS } from '../labels';

const rowSpan = (first: number, last: number): string => (first === last ? `row ${first}` : `rows ${first}–${last}`);

/** The dry run: what would be sent, in which batches, and which rows stay behind and why. */
export function PlanDetails({ plan }: { plan: UploadPlanSummary }) {
  const skippedTotal = plan.invalid + plan.duplicate;
  return (
    <div className="plan" data-testid="plan-details">
      <p className="send__plan" data-testid="send-plan">
        Will send {formatCount(plan.planned)} rows ({formatCount(plan.numbers)} numbers) to campaign {plan.campaignId}, as {plan.batches}. Left out:{' '}
        {formatCount(plan.invalid)} invalid, {formatCount(plan.duplicate)} duplicate. Nothing was sent.
      </p>
      <div className="plan__lists">
        <div className="plan__list">
          <h3 className="plan__title">
            Batches <span className="plan__count">{formatCount(plan.batchCount)}</span>
          </h3>
          {plan.batchList.length === 0 ? (
            <p className="plan__empty">Nothing to send: no row has a valid, new number.</p>
          ) : (
            <div className="plan__scroll" tabIndex={0} aria-label="Batches">
              <table className="receipt-table" aria-label="Batches to send">
                <thead>
                  <tr>
                    <th scope="col">Batch</th>
                    <th scope="col">Rows</th>
                    <th scope="col">Numbers</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.batchList.map((batch) => (
                    <tr key={`${batch.label}|${batch.firstRow}`}>
                      <td>{batch.label}</td>
                      <td>{rowSpan(batch.firstRow, batch.lastRow)}</td>
                      <td className="num">{formatCount(batch.numbers)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.batchCount > plan.batchList.length && (
                <p className="plan__more">…and {formatCount(plan.batchCount - plan.batchList.length)} more batches like these.</p>
              )}
            </div>
          )}
        </div>
        <div className="plan__list">
          <h3 className="plan__title">
            Rows left out <span className="plan__count">{formatCount(skippedTotal)}</span>
          </h3>
          {plan.skipped.length === 0 ? (
            <p className="plan__empty">None: every row goes.</p>
          ) : (
            <div className="plan__scroll" tabIndex={0} aria-label="Rows left out">
              <table className="receipt-table" aria-label="Rows that will not be sent">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Number</th>
                    <th scope="col">Status</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.skipped.map((line) => (
                    <tr key={line.row}>
                      <td className="num">{line.row}</td>
                      <td>{line.number}</td>
                      <td>
                        <span className={`badge badge--${line.status}`}>{JOB_STATUS_LABELS[line.status]}</span>
                      </td>
                      <td>{line.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {skippedTotal > plan.skipped.length && (
                <p className="plan__more">…and {formatCount(skippedTotal - plan.skipped.length)} more; the Invalid and Duplicates tabs below list them all.</p>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
