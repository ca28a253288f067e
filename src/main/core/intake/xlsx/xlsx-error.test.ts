import { describe, expect, it } from 'vitest';

import { UserError } from '../../user-error';
import { isXlsxError, XlsxError, xlsxErrors } from './xlsx-error';

describe('XlsxError', () => {
  it('is a UserError, so the RPC layer shows its message as is', () => {
    const error = new XlsxError('zip-bomb', 'refused');
    expect(error).toBeInstanceOf(UserError);
    expect(error.code).toBe('too-large');
    expect(error.reason).toBe('zip-bomb');
    expect(new XlsxError('sheet-not-found', 'x').code).toBe('not-found');
    expect(new XlsxError('truncated', 'x').code).toBe('unreadable');
  });

  it('is recognised by reason', () => {
    const error = xlsxErrors.truncated();
    expect(isXlsxError(error)).toBe(true);
    expect(isXlsxError(error, 'truncated')).toBe(true);
    expect(isXlsxError(error, 'corrupt')).toBe(false);
    expect(isXlsxError(new Error('other'))).toBe(false);
  });

  it('says what is wrong and what to do', () => {
    expect(xlsxErrors.truncated().message).toMatch(/incomplete.*again/);
    expect(xlsxErrors.badXml('xl/worksheets/sheet1.xml', 'it declares a DTD').message).toBe(
      'This workbook is damaged: xl/worksheets/sheet1.xml is not valid Excel XML (it declares a DTD). Open it in Excel, save it again as .xlsx (Excel Workbook) and try again.',
    );
    expect(xlsxErrors.zipBomb('it expands to more than 1024 MB').message).toMatch(/refused: it expands.*zip bomb.*if you trust the file, open it in Excel/i);
  });
});
