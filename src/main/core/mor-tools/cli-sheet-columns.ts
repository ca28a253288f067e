import type { CliColumnRole } from '../../../shared/mor-tools-schemas';
import { headerWords } from '../intake/mapping/header-words';

export type { CliColumnRole };

export type CliColumns = Readonly<Partial<Record<CliColumnRole, number>>>;

interface RoleWords {
  /** Matched as the start of a header word, so inflections count ("пристрою", "Коментарі"). */
  readonly stems: readonly string[];
  /** Matched whole: as prefixes they would catch other words ("cli" in "client", "ban" in "bank"). */
  readonly exact: readonly string[];
}

/**
 * Header words in English, Ukrainian and Russian. The order matters: a header names its own
 * role before the generic number words, so "Номер пристрою" (device number) is the device,
 * "CLI description" the description and "IVR id" the IVR, and only what is left is the CLI.
 */
const ROLE_WORDS: ReadonlyArray<readonly [CliColumnRole, RoleWords]> = [
  ['device', { stems: ['device', 'пристр', 'устройств', 'девайс'], exact: ['dev'] }],
  ['domain', { stems: ['domain', 'домен'], exact: [] }],
  ['ivr', { stems: ['ivr', 'івр', 'ивр', 'голосов'], exact: [] }],
  ['banned', { stems: ['banned', 'blocked', 'заблок', 'заборон', 'запрещ', 'забан'], exact: ['ban', 'block', 'бан', 'блок'] }],
  ['description', { stems: ['descr', 'опис', 'назв'], exact: ['desc'] }],
  ['comment', { stems: ['comment', 'note', 'коментар', 'комментар', 'примітк', 'примечан'], exact: [] }],
  ['number', { stems: ['number', 'номер', 'phone', 'телефон', 'caller'], exact: ['cli', 'ani', 'аон', 'тел', 'num'] }],
];

function roleOf(header: string): CliColumnRole | undefined {
  const words = headerWords(header);
  const matches = ({ stems, exact }: RoleWords): boolean => words.some((word) => exact.includes(word) || stems.some((stem) => word.startsWith(stem)));
  return ROLE_WORDS.find(([, roleWords]) => matches(roleWords))?.[0];
}

export interface DetectedCliColumns {
  readonly columns: CliColumns;
  /** Said once per sheet: columns left out, and second columns with a role already taken. */
  readonly notes: readonly string[];
}

/** Which column holds what, from the header's words, whether or not the needed ones are there. */
function recogniseCliColumns(header: readonly string[]): { columns: CliColumns; notes: string[]; unused: string[] } {
  const columns: Partial<Record<CliColumnRole, number>> = {};
  const notes: string[] = [];
  const unused: string[] = [];
  header.forEach((cell, index) => {
    const label = cell.trim();
    if (label === '') return;
    const role = roleOf(label);
    if (role === undefined) {
      unused.push(`"${label}"`);
      return;
    }
    const first = columns[role];
    if (first === undefined) columns[role] = index;
    else notes.push(`Column "${label}" also looks like the ${role} column; the first one, "${header[first]?.trim()}", is used and this one is ignored.`);
  });
  return { columns, notes, unused };
}

const hasNeededColumns = (columns: CliColumns): boolean => columns.device !== undefined && (columns.number !== undefined || columns.domain !== undefined);

/**
 * Which column holds what, from the header's words. Null when the row cannot be the header:
 * it must name a device column and a CLI column (number or domain).
 */
export function detectCliColumns(header: readonly string[]): DetectedCliColumns | null {
  const { columns, notes, unused } = recogniseCliColumns(header);
  if (!hasNeededColumns(columns)) return null;
  if (unused.length > 0) notes.unshift(`${unused.length === 1 ? 'Column' : 'Columns'} ${unused.join(', ')} ${unused.length === 1 ? 'is' : 'are'} not a cli_add field and ${unused.length === 1 ? 'was' : 'were'} ignored.`);
  return { columns, notes };
}

/** For the message when no header is found: what the sheet's first row should look like. */
export const CLI_SHEET_HEADER_HINT =
  'a header row such as "Device ID, CLI, Description, Comment, Banned, IVR ID" (or in Ukrainian "Пристрій, Номер, Опис, Коментар, Заблоковано, IVR", or in Russian "Устройство, Номер, Описание, Комментарий, Заблокирован, IVR"; a "Domain" column may stand in for, or sit beside, the number)';

/**
 * For the message when no header is found: which of the needed columns a row (the sheet's first
 * with content) names, and which it lacks, e.g. 'it has a CLI column ("phone") but no device column'.
 */
export function describeNeededCliColumns(header: readonly string[]): string {
  const { columns } = recogniseCliColumns(header);
  const named = (column: number | undefined): string => `"${header[column ?? -1]?.trim() ?? ''}"`;
  const cliColumn = columns.number ?? columns.domain;
  const has: string[] = [];
  const lacks: string[] = [];
  (columns.device === undefined ? lacks : has).push(columns.device === undefined ? 'device' : `device (${named(columns.device)})`);
  (cliColumn === undefined ? lacks : has).push(cliColumn === undefined ? 'CLI (number or domain)' : `CLI (${named(cliColumn)})`);
  if (has.length === 0) return 'it names neither a device column nor a CLI (number or domain) column';
  return `it has a ${has.join(' and a ')} column but no ${lacks.join(' or ')} column`;
}
