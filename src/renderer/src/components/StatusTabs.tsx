import { ROW_FILTERS, type RowFilter } from '../../../shared/intake-options';
import type { Summary } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';

export function filterTotal(summary: Summary, filter: RowFilter): number {
  return filter === 'all' ? summary.rows : summary[filter];
}

export function StatusTabs({ filter, summary, onChange }: { filter: RowFilter; summary: Summary; onChange: (f: RowFilter) => void }) {
  const { t, f: format } = useT();
  return (
    <div className="tabs" role="tablist" aria-label={t.rowTabs.label}>
      {ROW_FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          role="tab"
          aria-selected={filter === f}
          className={filter === f ? 'tab tab--active' : 'tab'}
          onClick={() => onChange(f)}
        >
          {t.rowTabs.tabs[f]} <span className="tab__count">{format.count(filterTotal(summary, f))}</span>
        </button>
      ))}
    </div>
  );
}
