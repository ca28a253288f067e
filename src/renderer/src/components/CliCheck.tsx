import { useState } from 'react';

import type { CallOutput } from '../../../shared/contract';
import type { CliColumnRole } from '../../../shared/mor-tools-schemas';
import { useT } from '../i18n/I18nProvider';
import { CliRowsTable } from './CliRowsTable';
import { CountTabs } from './CountTabs';

export type CliCheckAnswer = CallOutput<'checkClis'>;
type CheckStatus = CliCheckAnswer['rows'][number]['status'];
type CheckFilter = 'all' | CheckStatus;
/** The optional cells a check shows, each only when the sheet has its column. */
type OptionalCell = 'description' | 'comment' | 'banned' | 'ivr';

const OPTIONAL: readonly OptionalCell[] = ['description', 'comment', 'banned', 'ivr'];
const BADGE: Record<CheckStatus, string> = { ready: 'badge--valid', invalid: 'badge--invalid' };

/** The recognised columns, in sheet order, as one line: “Device ID” as device id, … */
export function RecognisedColumns({ check }: { check: CliCheckAnswer }) {
  const { t } = useT();
  const named = (role: CliColumnRole): string => t.clis.columnRole[role];
  return (
    <p className="panel__hint" data-testid="clis-columns">
      {t.clis.recognisedColumns(check.columns.map(({ header, role }) => t.clis.recognisedColumn(header, named(role))).join(', '))}
    </p>
  );
}

/**
 * The check of a chosen sheet, before anything is sent: each row ready or invalid (and why, in the
 * words the receipt would give), with counts and filter tabs as the receipt has. `key` it by the
 * sheet so a new sheet starts on All.
 */
export function CliCheck({ check, fileName }: { check: CliCheckAnswer; fileName: string }) {
  const { t } = useT();
  const [filter, setFilter] = useState<CheckFilter>('all');
  const present = new Set(check.columns.map((column) => column.role));
  const optional = OPTIONAL.filter((cell) => present.has(cell));
  const tabs: CheckFilter[] = check.ready > 0 && check.invalid > 0 ? ['all', 'ready', 'invalid'] : [];
  const shown = check.rows.filter((row) => filter === 'all' || row.status === filter);
  return (
    <>
      {tabs.length > 0 && (
        <CountTabs
          label={t.clis.filterLabel}
          tabs={tabs}
          selected={filter}
          nameOf={(tab) => t.clis.checkStatus[tab]}
          countOf={(tab) => (tab === 'all' ? check.rows.length : check[tab])}
          onChange={setFilter}
        />
      )}
      <CliRowsTable
        label={t.clis.checkTableLabel(fileName)}
        testId="clis-check-table"
        rowTestId="clis-check-row"
        rows={shown}
        extraHeaders={optional.map((cell) => t.clis[cell])}
        extraCells={(row) => optional.map((cell) => row[cell])}
        statusHeader={t.clis.check}
        messageHeader={t.clis.reason}
        badgeOf={(row) => ({ className: BADGE[row.status], text: t.clis.checkStatus[row.status] })}
      />
    </>
  );
}
