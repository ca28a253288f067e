import type { SheetSummary } from '../../../shared/contract';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** The file's header and its first rows; windows over the whole sheet come with the intake work. */
export function SheetPreview({ sheet }: { sheet: SheetSummary }) {
  const shown = sheet.preview.length;
  return (
    <section className="sheet" aria-labelledby="sheet-title">
      <div className="sheet__summary">
        <h2 id="sheet-title" className="sheet__title">
          {sheet.fileName}
        </h2>
        <p data-testid="row-count">
          <strong>{sheet.rowCount.toLocaleString()}</strong> {sheet.rowCount === 1 ? 'row' : 'rows'}
        </p>
        <p className="sheet__meta">
          {sheet.encoding} · {DELIMITER_NAMES[sheet.delimiter] ?? `“${sheet.delimiter}”`}-separated ·{' '}
          {sheet.columns.length} {sheet.columns.length === 1 ? 'column' : 'columns'}
          {shown < sheet.rowCount ? ` · showing the first ${shown.toLocaleString()}` : ''}
        </p>
      </div>
      {sheet.notes.map((note) => (
        <div key={note} className="banner banner--warning" role="note">
          {note}
        </div>
      ))}
      <div className="table-scroll" tabIndex={0} aria-label={`Rows of ${sheet.fileName}`}>
        <table className="sheet-table">
          <thead>
            <tr>
              <th scope="col" className="sheet-table__row-number">
                #
              </th>
              {sheet.columns.map((column, index) => (
                <th scope="col" key={index}>
                  {column || `Column ${index + 1}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sheet.preview.map((row, rowIndex) => (
              <tr key={rowIndex}>
                <td className="sheet-table__row-number">{rowIndex + 1}</td>
                {sheet.columns.map((_, cellIndex) => (
                  <td key={cellIndex}>{row[cellIndex] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
