import type { UploadPlanSummary } from '../hooks/useUpload';
import { useT } from '../i18n/I18nProvider';

/** The dry run: what would be sent, in which batches, and which rows stay behind and why. */
export function PlanDetails({ plan }: { plan: UploadPlanSummary }) {
  const { t, f } = useT();
  const skippedTotal = plan.invalid + plan.duplicate;
  // The batches' words (how they travel, each one's label) and each skipped row's reason come worded from the core.
  return (
    <div className="plan" data-testid="plan-details">
      <p className="send__plan" data-testid="send-plan">
        {t.plan.summary(plan.planned, plan.numbers, plan.campaignId, plan.batches, plan.invalid, plan.duplicate)}
      </p>
      <div className="plan__lists">
        <div className="plan__list">
          <h3 className="plan__title">
            {t.plan.batches} <span className="plan__count">{f.count(plan.batchCount)}</span>
          </h3>
          {plan.batchList.length === 0 ? (
            <p className="plan__empty">{t.plan.nothingToSend}</p>
          ) : (
            <div className="plan__scroll" tabIndex={0} aria-label={t.plan.batches}>
              <table className="receipt-table" aria-label={t.plan.batchesTable}>
                <thead>
                  <tr>
                    <th scope="col">{t.plan.batchColumns.batch}</th>
                    <th scope="col">{t.plan.batchColumns.rows}</th>
                    <th scope="col">{t.plan.batchColumns.numbers}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.batchList.map((batch) => (
                    <tr key={`${batch.label}|${batch.firstRow}`}>
                      <td>{batch.label}</td>
                      <td>{t.plan.rowSpan(batch.firstRow, batch.lastRow)}</td>
                      <td className="num">{f.count(batch.numbers)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {plan.batchCount > plan.batchList.length && (
                <p className="plan__more">{t.plan.moreBatches(plan.batchCount - plan.batchList.length)}</p>
              )}
            </div>
          )}
        </div>
        <div className="plan__list">
          <h3 className="plan__title">
            {t.plan.leftOut} <span className="plan__count">{f.count(skippedTotal)}</span>
          </h3>
          {plan.skipped.length === 0 ? (
            <p className="plan__empty">{t.plan.noneLeftOut}</p>
          ) : (
            <div className="plan__scroll" tabIndex={0} aria-label={t.plan.leftOut}>
              <table className="receipt-table" aria-label={t.plan.leftOutTable}>
                <thead>
                  <tr>
                    <th scope="col">{t.plan.leftOutColumns.row}</th>
                    <th scope="col">{t.plan.leftOutColumns.number}</th>
                    <th scope="col">{t.plan.leftOutColumns.status}</th>
                    <th scope="col">{t.plan.leftOutColumns.why}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.skipped.map((line) => (
                    <tr key={line.row}>
                      <td className="num">{line.row}</td>
                      <td>{line.number}</td>
                      <td>
                        <span className={`badge badge--${line.status}`}>{t.jobs.status[line.status]}</span>
                      </td>
                      <td>{line.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {skippedTotal > plan.skipped.length && (
                <p className="plan__more">{t.plan.moreLeftOut(skippedTotal - plan.skipped.length)}</p>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
