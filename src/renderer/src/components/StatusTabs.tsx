import { type IssueReason, ROW_FILTERS, type RowFilter } from '../../../shared/intake-options';
import type { Summary } from '../../../shared/sheet-schemas';
import { useT } from '../i18n/I18nProvider';
import { CountTabs } from './CountTabs';

export function filterTotal(summary: Summary, filter: RowFilter): number {
  return filter === 'all' ? summary.rows : summary[filter];
}

/** How many rows the table lists: of a status, or (with 'all') those not removed that have a problem of the reason. */
export function shownTotal(summary: Summary, filter: RowFilter, reason: IssueReason | null): number {
  return reason === null ? filterTotal(summary, filter) : (summary.byReason[reason] ?? 0);
}

export function StatusTabs({ filter, summary, onChange }: { filter: RowFilter; summary: Summary; onChange: (f: RowFilter) => void }) {
  const { t } = useT();
  return (
    <CountTabs
      label={t.rowTabs.label}
      tabs={ROW_FILTERS}
      selected={filter}
      nameOf={(tab) => t.rowTabs.tabs[tab]}
      countOf={(tab) => filterTotal(summary, tab)}
      onChange={onChange}
    />
  );
}
