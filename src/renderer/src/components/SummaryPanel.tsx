import type { IssueReason, NumberType } from '../../../shared/intake-options';
import type { Summary } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';

interface BarsProps<K extends string> {
  title: string;
  counts: Partial<Record<K, number>>;
  labels: Record<K, string>;
  tone: 'invalid' | 'valid';
  /** When given, each bar is a button that picks its key (the rows of one problem). */
  onPick?: (key: K) => void;
  picked?: K | null;
}

function Bars<K extends string>({ title, counts, labels, tone, onPick, picked }: BarsProps<K>) {
  const { f } = useT();
  const entries = (Object.entries(counts) as [K, number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  const max = Math.max(...entries.map(([, n]) => n));
  return (
    <figure className="bars" aria-label={title}>
      <figcaption className="bars__title">{title}</figcaption>
      {entries.map(([key, n]) => {
        const bar = (
          <>
            <span className="bars__label">{labels[key]}</span>
            <span className="bars__track" aria-hidden="true">
              <span className={`bars__fill tone-bg-${tone}`} style={{ width: `${(n / max) * 100}%` }} />
            </span>
            <span className="bars__value">{f.count(n)}</span>
          </>
        );
        return onPick ? (
          <button key={key} type="button" className="bars__row bars__row--button" aria-pressed={picked === key} onClick={() => onPick(key)}>
            {bar}
          </button>
        ) : (
          <div key={key} className="bars__row">
            {bar}
          </div>
        );
      })}
    </figure>
  );
}

/** Counts by status, by reason and by number type; the status strip is the chart a glance needs. */
export function SummaryPanel({ summary, reason = null, onReason }: { summary: Summary; reason?: IssueReason | null; onReason?: (reason: IssueReason) => void }) {
  const { t, f } = useT();
  const total = Math.max(1, summary.rows);
  const share = (n: number): string => `${(n / total) * 100}%`;
  return (
    <section className="panel summary" aria-label={t.summary.region}>
      <div className="summary__figures">
        <p>
          <strong data-testid="count-rows">{f.count(summary.rows)}</strong> {t.summary.rows(summary.rows)}
        </p>
        <p className="tone-valid">
          <strong data-testid="count-valid">{f.count(summary.valid)}</strong> {t.summary.valid(summary.valid)}
        </p>
        <p className="tone-invalid">
          <strong data-testid="count-invalid">{f.count(summary.invalid)}</strong> {t.summary.invalid(summary.invalid)}
        </p>
        <p className="tone-duplicate">
          <strong data-testid="count-duplicate">{f.count(summary.duplicate)}</strong> {t.summary.duplicate(summary.duplicate)}
        </p>
        <p>
          <strong data-testid="count-numbers">{f.count(summary.numbers)}</strong> {t.summary.numbersToSend(summary.numbers)}
        </p>
      </div>
      <div className="status-strip" role="img" aria-label={t.summary.strip(summary.valid, summary.invalid, summary.duplicate)}>
        <span className="status-strip__part tone-bg-valid" style={{ width: share(summary.valid) }} />
        <span className="status-strip__part tone-bg-invalid" style={{ width: share(summary.invalid) }} />
        <span className="status-strip__part tone-bg-duplicate" style={{ width: share(summary.duplicate) }} />
      </div>
      <div className="summary__charts">
        <Bars<IssueReason> title={t.summary.byReason} counts={summary.byReason} labels={t.reasons} tone="invalid" picked={reason} {...(onReason ? { onPick: onReason } : {})} />
        <Bars<NumberType> title={t.summary.byType} counts={summary.byType} labels={t.types} tone="valid" />
      </div>
    </section>
  );
}
