import type { CallDataProblem } from './calldata-row';

/**
 * Characters a text cell cannot carry through an .xlsx file unchanged:
 * - C0 controls other than tab and line feed, and U+FFFE/U+FFFF: not allowed in XML at all;
 *   exceljs silently drops the controls, so the cell would differ from what was checked;
 * - carriage return: every XML reader turns CR LF into LF, so iSales would read another value;
 * - DEL: exceljs drops it too;
 * - a lone UTF-16 surrogate: it cannot be written as UTF-8 and becomes U+FFFD.
 */
// With the u flag a surrogate range matches only a lone half, never a well-formed pair.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF\uD800-\uDFFF]/u;

function nameOf(char: string): string {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (char === '\r') return `a carriage return (${code})`;
  if (/[\uD800-\uDFFF]/.test(char)) return `a broken character (${code}, half of a surrogate pair)`;
  return `the control character ${code}`;
}

/** A problem for a value that would not reach iSales as written, or none. */
export function cellTextProblems(field: string, value: string): CallDataProblem[] {
  const found = UNSTORABLE.exec(value);
  if (found === null) return [];
  return [
    {
      field,
      reason: 'invalid-characters',
      message: `${field} holds ${nameOf(found[0])} at position ${found.index + 1}, which an .xlsx cell cannot carry unchanged; remove it.`,
    },
  ];
}
