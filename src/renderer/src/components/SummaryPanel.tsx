import type { IssueReason, NumberType } from '../../../shared/intake-options';
import type { Summary } from '../../../shared/sheet-schemas';
import { formatCount, REASON_LABELS, TYPE_LABELS } from '../labels';

interface BarsProps<K extends string> {
  title: string;
  counts: Partial<Record<K, number>>;
  labels: Record<K, string>;
  tone: 'invalid' | 'valid';
}

function Bars<K extends string>({ title, counts, labels, tone }: BarsProps<K>) {
  const entries = (Object.entries(counts) as [K, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  const max = Math.max(...entries.map(([, n]) => n));
  return (
    <figure className="bars" aria-label={title}>
      <figcaption className="bars__title">{title}</figcaption>
      {entries.map(([key, n]) => (
        <div key={key} className="bars__row">
          <span className="bars__label">{labels[key]}</span>
          <span className="bars__track" aria-hidden="true">
            <span className={`bars__fill tone-bg-${tone}`} style={{ width: `${(n / max) * 100}%` }} />
          </span>
          <span className="bars__value">{formatCount(n)}</span>
        </div>
      ))}
    </figure>
  );
}

/** Counts by status, by reason and by number type; the status strip is the chart a glance needs. */
export function SummaryPanel({ summary }: { summary: Summary }) {
  const total = Math.max(1, summary.rows);
  const share = (n: number): string => `${(n / total) * 100}%`;
  return (
    <section className="panel summary" aria-label="Summary">
      <div className="summary__figures">
        <p>
          <strong data-testid="count-rows">{formatCount(summary.rows)}</strong> rows
        </p>
        <p className="tone-valid">
          <strong data-testid="count-valid">{formatCount(summary.valid)}</strong> valid
        </p>
        <p className="tone-invalid">
          <strong data-testid="count-invalid">{formatCount(summary.invalid)}</strong> invalid
        </p>
        <p className="tone-duplicate">
          <strong data-testid="count-duplicate">{formatCount(summary.duplicate)}</strong> duplicate
        </p>
        <p>
          <strong data-testid="count-numbers">{formatCount(summary.numbers)}</strong> numbers to send
        </p>
      </div>
      <div className="status-strip" role="img" aria-label={`${summary.valid} valid, ${summary.invalid} invalid, ${summary.duplicate} duplicate rows`}>
        <span className="status-strip__part tone-bg-valid" style={{ width: share(summary.valid) }} />
        <span className="status-strip__part tone-bg-invalid" style={{ width: share(summary.invalid) }} />
        <span className="status-strip__part tone-bg-duplicate" style={{ width: share(summary.duplicate) }} />
      </div>
      <div className="summary__charts">
        <Bars<IssueReason> title="Problems by reason" counts={summary.byReason} labels={REASON_LABELS} tone="invalid" />
        <Bars<NumberType> title="Usable numbers by type (duplicates included)" counts={summary.byType} labels={TYPE_LABELS} tone="valid" />
      </div>
    </section>
  );
}
