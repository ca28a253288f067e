import { ROW_FILTERS, type RowFilter } from '../../../shared/intake-options';
import type { Summary } from '../../../shared/sheet-schemas';
import { formatCount } from '../labels';

const TAB_LABELS: Record<RowFilter, string> = { all: 'All', valid: 'Valid', invalid: 'Invalid', duplicate: 'Duplicates' };

export function filterTotal(summary: Summary, filter: RowFilter): number {
  return filter === 'all' ? summary.rows : summary[filter];
}

export function StatusTabs({ filter, summary, onChange }: { filter: RowFilter; summary: Summary; onChange: (f: RowFilter) => void }) {
  return (
    <div className="tabs" role="tablist" aria-label="Show rows">
      {ROW_FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          role="tab"
          aria-selected={filter === f}
          className={filter === f ? 'tab tab--active' : 'tab'}
          onClick={() => onChange(f)}
        >
          {TAB_LABELS[f]} <span className="tab__count">{formatCount(filterTotal(summary, f))}</span>
        </button>
      ))}
    </div>
  );
}
