import { describe, expect, it } from 'vitest';

import { cellToText, dateToText, numberToText } from './cell-text';

describe('numberToText', () => {
  it('writes phone numbers with every digit, never in exponent form', () => {
    expect(numberToText(380931234567)).toBe('380931234567');
    expect(numberToText(3.8093e11)).toBe('380930000000');
    expect(numberToText(123456789012345)).toBe('123456789012345');
    expect(numberToText(1e20)).toBe('100000000000000000000');
    expect(numberToText(9.99e20)).toBe('999000000000000000000');
  });

  it('writes decimals plainly, small ones included', () => {
    expect(numberToText(0.5)).toBe('0.5');
    expect(numberToText(-2.25)).toBe('-2.25');
    expect(numberToText(1e-7)).toBe('0.0000001');
    expect(numberToText(-1.5e-7)).toBe('-0.00000015');
    expect(numberToText(1.2345e-10)).toBe('0.00000000012345');
    expect(numberToText(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('keeps exponent form only from 1e21, where integers stop being exact anyway', () => {
    expect(numberToText(1e21)).toBe('1e+21');
  });

  it('writes nothing for NaN (an empty <v>), and 0 for -0', () => {
    expect(numberToText(Number.NaN)).toBe('');
    expect(numberToText(-0)).toBe('0');
    expect(numberToText(Number.POSITIVE_INFINITY)).toBe('Infinity');
  });
});

describe('dateToText', () => {
  it('gives the ISO date, with the time only when it is not midnight', () => {
    expect(dateToText(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(dateToText(new Date(Date.UTC(2024, 2, 5, 14, 30, 15)))).toBe('2024-03-05T14:30:15');
    expect(dateToText(new Date(Date.UTC(2024, 2, 5, 0, 0, 0, 250)))).toBe('2024-03-05T00:00:00.250');
    expect(dateToText(new Date(Number.NaN))).toBe('');
  });
});

describe('cellToText', () => {
  it('turns every kind of value into the text the intake uses', () => {
    expect(cellToText(undefined)).toBe('');
    expect(cellToText('Шевченко')).toBe('Шевченко');
    expect(cellToText(380931234567)).toBe('380931234567');
    expect(cellToText(true)).toBe('TRUE');
    expect(cellToText(false)).toBe('FALSE');
    expect(cellToText(new Date(Date.UTC(2024, 0, 31)))).toBe('2024-01-31');
    expect(cellToText({ error: '#N/A' })).toBe('#N/A');
    expect(cellToText({ richText: [{ text: 'Іван ' }, { text: 'Петренко' }] })).toBe('Іван Петренко');
    expect(cellToText({ formula: 'A1*2', result: 761862469134 })).toBe('761862469134');
    expect(cellToText({ formula: 'B1', result: 'ab' })).toBe('ab');
    expect(cellToText({ formula: 'NOW()' })).toBe('');
  });
});
