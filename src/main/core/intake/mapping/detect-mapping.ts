import type { MappingReason } from '../../../../shared/sheet-notes';
import type { ColumnMapping } from '../../../../shared/sheet-schemas';
import { MAX_PHONE_COLUMNS } from '../../../../shared/limits';
import { looksLikePhoneData } from '../cells/phone-like-cell';
import { sheetNote } from '../sheet-note';
import { headerHas, headerWords } from './header-words';

// Stems in English, Ukrainian and Russian, matched as word prefixes.
const CALLER = ['caller', 'callerid', 'cli', 'аон', 'ani'];
const PHONE_STRONG = ['phone', 'telephone', 'tel', 'mobile', 'mob', 'cell', 'msisdn', 'телеф', 'тел', 'моб', 'сотов'];
const PHONE_WEAK = ['number', 'номер', 'num', 'no'];
const NAME = ['name', 'піб', 'пiб', 'фіо', 'фио', "ім'я", 'имя', 'прізвищ', 'фамил', 'client', 'customer', 'клієнт', 'клиент', 'абонент', 'contact', 'контакт'];
const CUSTOM = ['comment', 'note', 'custom', 'field', 'коментар', 'комментар', 'примітк', 'примечан', 'дані', 'данные', 'info'];

/** Share of the sample's cells in a column that look like phone numbers. */
function phoneShare(rows: readonly (readonly string[])[], column: number): number {
  let filled = 0;
  let phones = 0;
  for (const row of rows) {
    const cell = row[column]?.trim() ?? '';
    if (cell === '') continue;
    filled += 1;
    if (looksLikePhoneData(cell)) phones += 1;
  }
  return filled === 0 ? 0 : phones / filled;
}

export interface MappingGuess {
  mapping: ColumnMapping;
  reason: MappingReason;
}

/**
 * Which column holds what, from the header words first and the contents second: a column named
 * "Телефон" is the phone even if half its cells are junk (they become issues to fix), while in a
 * file without a header the column whose cells look like numbers is.
 */
export function detectMapping(columns: readonly string[], sample: readonly (readonly string[])[]): MappingGuess {
  const words = columns.map(headerWords);
  const shares = columns.map((_, column) => phoneShare(sample, column));
  const taken = new Set<number>();
  const pick = (test: (column: number) => boolean): number[] => {
    const found = columns.map((_, c) => c).filter((c) => !taken.has(c) && test(c));
    for (const c of found) taken.add(c);
    return found;
  };

  const callers = pick((c) => headerHas(words[c] ?? [], CALLER));
  let phone = pick((c) => headerHas(words[c] ?? [], PHONE_STRONG));
  const named = (): string[] => phone.map((c) => columns[c] ?? '');
  let reason: MappingReason = phone.length > 0 ? sheetNote({ code: 'phone-column-from-header', columns: named() }) : sheetNote({ code: 'no-phone-column' });
  if (phone.length === 0) {
    phone = pick((c) => headerHas(words[c] ?? [], PHONE_WEAK) && (shares[c] ?? 0) >= 0.6);
    if (phone.length > 0) reason = sheetNote({ code: 'phone-column-from-header-and-contents', columns: named() });
  }
  if (phone.length === 0) {
    const best = shares.reduce((bestSoFar, share, c) => (share > (shares[bestSoFar] ?? 0) ? c : bestSoFar), 0);
    if ((shares[best] ?? 0) >= 0.5 && !taken.has(best)) {
      phone = pick((c) => c === best);
      reason = sheetNote({ code: 'phone-column-from-contents', column: columns[best] ?? '' });
    }
  }
  const [name] = pick((c) => headerHas(words[c] ?? [], NAME));
  const custom = pick((c) => headerHas(words[c] ?? [], CUSTOM));
  return {
    mapping: {
      phone: phone.slice(0, MAX_PHONE_COLUMNS),
      name: name ?? null,
      caller: callers[0] ?? null,
      custom,
    },
    reason,
  };
}
