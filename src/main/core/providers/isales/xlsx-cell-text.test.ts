import { describe, expect, it } from 'vitest';

import { cellTextProblems } from './xlsx-cell-text';

describe('cellTextProblems', () => {
  it.each(['', 'plain', 'tab\there', 'two\nlines', 'Олександр Шевченко', 'emoji 😀 pair', '{"a":"\\u0001"}'])('accepts %j', (value) => {
    expect(cellTextProblems('customField', value)).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['a\r\nb', 'a carriage return (U+000D) at position 2', 'CR LF would be read back as LF'],
    ['\u0000', 'the control character U+0000 at position 1', 'not allowed in XML'],
    ['ok\u001F', 'the control character U+001F at position 3', 'not allowed in XML'],
    ['del\u007F', 'the control character U+007F at position 4', 'exceljs drops it'],
    ['x\uFFFE', 'the control character U+FFFE at position 2', 'not an XML character'],
    ['cut \uD83D', 'a broken character (U+D83D, half of a surrogate pair) at position 5', 'lone high surrogate'],
    ['\uDE00 cut', 'a broken character (U+DE00, half of a surrogate pair) at position 1', 'lone low surrogate'],
  ])('refuses %j, naming %s (%s)', (value, named) => {
    expect(cellTextProblems('customField', value)).toEqual([
      { field: 'customField', reason: 'invalid-characters', message: `customField holds ${named}, which an .xlsx cell cannot carry unchanged; remove it.` },
    ]);
  });
});
