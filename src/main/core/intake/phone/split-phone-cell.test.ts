import { describe, expect, it } from 'vitest';

import { splitPhoneCell } from './split-phone-cell';

describe('splitPhoneCell: several numbers', () => {
  it('splits at commas, semicolons, pipes and line breaks', () => {
    expect(splitPhoneCell('0931234567, 0671234567')).toEqual(['0931234567', '0671234567']);
    expect(splitPhoneCell('093 123 45 67; 067 123 45 67')).toEqual(['093 123 45 67', '067 123 45 67']);
    expect(splitPhoneCell('0931234567\n0671234567\r\n0501234567')).toEqual(['0931234567', '0671234567', '0501234567']);
    expect(splitPhoneCell('0931234567 | 0671234567')).toEqual(['0931234567', '0671234567']);
  });

  it('splits at a slash between two whole numbers', () => {
    expect(splitPhoneCell('0931234567/0671234567')).toEqual(['0931234567', '0671234567']);
    expect(splitPhoneCell('+38 (093) 123-45-67 / +38 (067) 123-45-67')).toEqual(['+38 (093) 123-45-67', '+38 (067) 123-45-67']);
  });

  it('splits at spaces between whole numbers only', () => {
    expect(splitPhoneCell('0931234567 0671234567')).toEqual(['0931234567', '0671234567']);
    expect(splitPhoneCell('+380931234567   +380671234567')).toEqual(['+380931234567', '+380671234567']);
  });

  it('splits at every level in one cell', () => {
    expect(splitPhoneCell('0931234567 0671234567, 044/2345678; 0501234567/0661234567')).toEqual([
      '0931234567',
      '0671234567',
      '044/2345678',
      '0501234567',
      '0661234567',
    ]);
  });
});

describe('splitPhoneCell: one number', () => {
  it('keeps a number with spaces, brackets and dashes whole', () => {
    for (const cell of ['044 234 56 78', '+38 (093) 123-45-67', '8 800 555 35 35', '+7 9161234567', '+380 931234567', '(093)1234567', '0 800 123 456']) {
      expect(splitPhoneCell(cell), cell).toEqual([cell]);
    }
  });

  it('keeps an area code after a slash with its number ("030/1234567", "044/234-56-78")', () => {
    expect(splitPhoneCell('030/1234567')).toEqual(['030/1234567']);
    expect(splitPhoneCell('044/234-56-78')).toEqual(['044/234-56-78']);
  });

  it('keeps an extension with its number for the checker to judge', () => {
    expect(splitPhoneCell('0931234567 ext 12')).toEqual(['0931234567 ext 12']);
  });

  it('keeps what Excel wrote for a number whole, decimal comma included', () => {
    expect(splitPhoneCell('3,8093E+11')).toEqual(['3,8093E+11']);
    expect(splitPhoneCell('380931234567,5')).toEqual(['380931234567,5']);
    expect(splitPhoneCell('0931234567,0671234567')).toEqual(['0931234567', '0671234567']);
  });

  it('trims, drops empty parts and gives nothing for a blank cell', () => {
    expect(splitPhoneCell('  0931234567 ,, ; ')).toEqual(['0931234567']);
    expect(splitPhoneCell('  ')).toEqual([]);
    expect(splitPhoneCell('')).toEqual([]);
  });

  it('keeps parts that are not numbers, so the checker can say what is wrong', () => {
    expect(splitPhoneCell('0931234567, n/a')).toEqual(['0931234567', 'n/a']);
    expect(splitPhoneCell('0931234567, 12')).toEqual(['0931234567', '12']);
  });
});
