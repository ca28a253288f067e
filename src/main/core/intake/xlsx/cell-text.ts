import type { CellValue } from './cell-value';

/** Below this, JavaScript prints every integer digit by digit; from here on it switches to "1e+21". */
const PLAIN_INTEGER_LIMIT = 1e21;

/** "1.5e-7" -> "0.00000015": a decimal with an exponent, written out in full. */
function expandExponent(text: string): string {
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const point = 1 + exponent;
  return point >= digits.length ? `${sign}${digits}${'0'.repeat(point - digits.length)}` : `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A number as a person would type it: every digit of a phone number (380931234567, never
 * 3.80931234567e+11), no exponent for anything a sheet realistically holds.
 */
export function numberToText(value: number): string {
  if (Number.isNaN(value)) return '';
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  if (Math.abs(value) >= PLAIN_INTEGER_LIMIT || !text.includes('e')) return text;
  return expandExponent(text);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** ISO date, plus the time when it is not midnight. exceljs dates are UTC-based, so UTC fields are the sheet's own. */
export function dateToText(value: Date): string {
  const time = value.getTime();
  if (Number.isNaN(time)) return '';
  const iso = value.toISOString();
  const date = iso.slice(0, iso.indexOf('T'));
  const hours = value.getUTCHours();
  const minutes = value.getUTCMinutes();
  const seconds = value.getUTCSeconds();
  const milliseconds = value.getUTCMilliseconds();
  if (hours === 0 && minutes === 0 && seconds === 0 && milliseconds === 0) return date;
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  return milliseconds === 0 ? `${date}T${clock}` : `${date}T${clock}.${pad(milliseconds, 3)}`;
}

/** The text the intake works with for one cell; an empty cell is "". */
export function cellToText(value: CellValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateToText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  return value.result === undefined ? '' : cellToText(value.result);
}
