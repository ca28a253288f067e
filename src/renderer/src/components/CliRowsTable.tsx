import { useT } from '../i18n/I18nProvider';

/** What every CLI table row has: where it is in the sheet, its device and CLI, and a word on it. */
interface CliTableRow {
  readonly row: number;
  readonly device: string;
  readonly cli: string;
  readonly message: string;
}

interface Props<R extends CliTableRow> {
  /** The table's name for a screen reader, and its scroll region's. */
  label: string;
  testId: string;
  rowTestId: string;
  rows: readonly R[];
  /** Columns shown between the CLI and the status: their headers, and a row's cells in that order. */
  extraHeaders?: readonly string[];
  extraCells?: (row: R) => readonly string[];
  statusHeader: string;
  messageHeader: string;
  /** A row's status as a badge: its class (the colour) and its word. */
  badgeOf: (row: R) => { readonly className: string; readonly text: string };
}

/** A scrollable table of CLI rows, as the check and the receipt of the CLIs screen show them. */
export function CliRowsTable<R extends CliTableRow>({ label, testId, rowTestId, rows, extraHeaders = [], extraCells, statusHeader, messageHeader, badgeOf }: Props<R>) {
  const { t } = useT();
  return (
    <div className="table-scroll clis__table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="receipt-table clis__table" data-testid={testId}>
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            {[t.clis.row, t.clis.device, t.clis.cli, ...extraHeaders, statusHeader, messageHeader].map((header) => (
              <th key={header} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const badge = badgeOf(row);
            return (
              <tr key={row.row} data-testid={rowTestId}>
                <td className="clis__number">{row.row}</td>
                <td>{row.device || '–'}</td>
                <td>{row.cli || '–'}</td>
                {(extraCells?.(row) ?? []).map((cell, at) => (
                  <td key={extraHeaders[at] ?? at}>{cell}</td>
                ))}
                <td>
                  <span className={`badge ${badge.className}`}>{badge.text}</span>
                </td>
                <td>{row.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
