import { describe, expect, it } from 'vitest';

import { callDataXlsx, calledJson } from '../testing/call-data-xlsx';
import { checkTemplateRow, matchesTemplateHeader, parseCalledCell, readCallDataTemplate } from './isales-template-rows';

describe('call-data template rows', () => {
  it('recognises the header, with or without the template\'s "(Optional)" marks', () => {
    expect(matchesTemplateHeader(['sessionId', 'called', 'caller', 'callData', 'customField', 'recycleTime'])).toBe(true);
    expect(matchesTemplateHeader(['sessionId (Optional)', 'called (Mandatory)', 'caller', 'callData', 'customField', 'recycleTime', 'priority'])).toBe(true);
    expect(matchesTemplateHeader(['called', 'sessionId', 'caller', 'callData', 'customField', 'recycleTime'])).toBe(false);
  });

  it("reads `called` as JSON or in the template's single-quoted form", () => {
    expect(parseCalledCell('[{"calledNo":"0931234567","delayTime":"5"}]')).toEqual([{ calledNo: '0931234567', delayTime: '5' }]);
    expect(parseCalledCell("[{'calledNo':1234566}]")).toEqual([{ calledNo: '1234566' }]);
    expect(parseCalledCell('0931234567')).toBeUndefined();
    expect(parseCalledCell('[{"number":"1"}]')).toBeUndefined();
  });

  it('checks each row with the documented field rules', () => {
    expect(checkTemplateRow(2, ['s1', calledJson('123')])).toEqual({ rowNumber: 2, ok: true, sessionId: 's1', called: ['123'] });
    const plus = checkTemplateRow(3, ['', calledJson('+380931234567')]);
    expect(!plus.ok && plus.problem).toMatch(/only digits/);
    const longSession = checkTemplateRow(4, ['x'.repeat(33), calledJson('1')]);
    expect(!longSession.ok && longSession.problem).toMatch(/sessionId/);
    const badTime = checkTemplateRow(5, ['', calledJson('1'), '', '', '', '2024-02-30 10:00:00']);
    expect(!badTime.ok && badTime.problem).toMatch(/recycleTime/);
  });

  it('reads a workbook: header, data rows with their row numbers, blank rows skipped', async () => {
    const bytes = await callDataXlsx([['a', calledJson('111')], [], ['b', "[{'calledNo':222}]"], ['c', 'junk']]);
    const read = await readCallDataTemplate(bytes);
    if (!read.ok) throw new Error(read.errMsg);
    expect(read.rows.map((row) => [row.rowNumber, row.ok])).toEqual([
      [2, true],
      [4, true],
      [5, false],
    ]);
  });

  it('fails a file without the template header, over the record limit, or not a workbook', async () => {
    expect(await readCallDataTemplate(await callDataXlsx([[calledJson('1')]], ['phone']))).toMatchObject({ ok: false, errMsg: /Row 1/ });
    expect(await readCallDataTemplate(await callDataXlsx([['', calledJson('1')], ['', calledJson('2')]]), 1)).toMatchObject({ ok: false, errMsg: /more than 1 records/ });
    expect(await readCallDataTemplate(new TextEncoder().encode('sessionId,called\n'))).toEqual({ ok: false, errMsg: 'The file is not a readable .xlsx workbook.' });
  });
});
