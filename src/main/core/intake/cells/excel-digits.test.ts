import { describe, expect, it } from 'vitest';

import { checkExcelDigits } from './excel-digits';

describe('checkExcelDigits', () => {
  it.each(['3.8093E+11', '3,8093E+11', '3.8093e11', '3.80931E+11 ', '3E+11', '-1.2E-05', '3.8093 E+11'])(
    'flags %j as scientific notation',
    (value) => {
      expect(checkExcelDigits(value)).toEqual({
        ok: false,
        reason: 'scientific-notation',
        message: 'digits lost in Excel: the number was saved in scientific notation; re-export the column as Text',
      });
    },
  );

  it('flags a number with more than 15 significant digits', () => {
    expect(checkExcelDigits('3809312345678900')).toEqual({
      ok: false,
      reason: 'too-many-digits',
      message:
        'digits lost in Excel: the number has 16 significant digits but Excel keeps only 15 and turns the rest into zeros; re-export the column as Text',
    });
  });

  it.each(['+3809312345678901', '38093123456789.01', '1234567890123456789'])('flags %j as too many digits', (value) => {
    expect(checkExcelDigits(value)).toMatchObject({ ok: false, reason: 'too-many-digits' });
  });

  it.each([
    '380931234567',
    '+380931234567',
    '0931234567',
    '123456789012345',
    '000000380931234567',
    '380931234567.000000',
    '0.00000000000000001',
    '+38 (093) 123-45-67',
    '0931234567 0671234567 0501234567',
    'Шевченко Тарас',
    'E+11',
    '',
  ])('lets %j through', (value) => {
    expect(checkExcelDigits(value)).toEqual({ ok: true });
  });

  it('never offers digits of its own', () => {
    const result = checkExcelDigits('3.8093E+11');
    expect(Object.keys(result).sort()).toEqual(['message', 'ok', 'reason']);
    expect(result.ok ? '' : result.message).not.toMatch(/\d/);
  });
});
