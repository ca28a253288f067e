import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { checkCliRow, isCliDomain } from './cli-row-check';
import { detectCliColumns } from './cli-sheet-columns';
import { MAX_CLI_ROWS, parseCliSheet } from './cli-sheet';

const ALL = { device: 0, number: 1, description: 2, comment: 3, banned: 4, ivr: 5 };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectCliColumns', () => {
  it('reads English headers, cli_add names included', () => {
    expect(detectCliColumns(['Device ID', 'CLI', 'Description', 'Comment', 'Banned', 'IVR ID'])?.columns).toEqual(ALL);
    expect(detectCliColumns(['device_id', 'cli_number', 'cli_description', 'comment', 'banned', 'ivr_id'])?.columns).toEqual(ALL);
  });

  it('reads Ukrainian and Russian headers, whatever the word ending', () => {
    expect(detectCliColumns(['Номер пристрою', 'Номер АОН', 'Опис', 'Коментар', 'Заблоковано', 'IVR'])?.columns).toEqual(ALL);
    expect(detectCliColumns(['Устройство', 'Номер', 'Описание', 'Комментарий', 'Заблокирован', 'ИВР'])?.columns).toEqual(ALL);
  });

  it('tells a domain column from a number column, and both may be there', () => {
    expect(detectCliColumns(['Device', 'CLI domain'])?.columns).toEqual({ device: 0, domain: 1 });
    expect(detectCliColumns(['Device', 'CLI number', 'CLI domain'])?.columns).toEqual({ device: 0, number: 1, domain: 2 });
  });

  it('does not take "Client" for the CLI or "Bank" for banned', () => {
    expect(detectCliColumns(['Device', 'Client'])).toBeNull();
    expect(detectCliColumns(['Device', 'CLI', 'Bank'])?.columns).toEqual({ device: 0, number: 1 });
  });

  it('needs a device and a CLI column, and says which columns it ignores', () => {
    expect(detectCliColumns(['CLI', 'Description'])).toBeNull();
    expect(detectCliColumns(['Device list for CLI'])).toBeNull();
    const detected = detectCliColumns(['Device', 'CLI', 'Owner', 'CLI 2']);
    expect(detected?.columns).toEqual({ device: 0, number: 1 });
    expect(detected?.notes).toEqual([
      'Column "Owner" is not a cli_add field and was ignored.',
      'Column "CLI 2" also looks like the number column; the first one, "CLI", is used and this one is ignored.',
    ]);
  });
});

describe('checkCliRow', () => {
  const check = (record: string[]): ReturnType<typeof checkCliRow> => checkCliRow(record, ALL, 7);

  it('turns a full row into the cli_add request', () => {
    expect(check(['1', '37060000002', 'Main line', 'from sheet', 'yes', '2'])).toEqual({
      row: 7,
      device: '1',
      cli: '37060000002',
      cells: { description: 'Main line', comment: 'from sheet', banned: 'yes', ivr: '2' },
      ok: true,
      request: { deviceId: 1, cliNumber: '37060000002', cliDescription: 'Main line', comment: 'from sheet', banned: true, ivrId: 2 },
    });
  });

  it('leaves empty optional cells out of the request and reads banned in three languages', () => {
    expect(check([' 3 ', '123', '', '', '', ''])).toMatchObject({ ok: true, request: { deviceId: 3, cliNumber: '123' } });
    for (const [word, banned] of [['1', true], ['TRUE', true], ['так', true], ['да', true], ['no', false], ['0', false], ['ні', false], ['нет', false], ['False', false]] as const) {
      expect(check(['1', '123', '', '', word, '']), word).toMatchObject({ ok: true, request: { banned } });
    }
  });

  it('sends a domain from the number column as cli_domain', () => {
    expect(check(['1', 'sip.example.com', '', '', '', ''])).toMatchObject({ ok: true, cli: 'sip.example.com', request: { deviceId: 1, cliDomain: 'sip.example.com' } });
    expect(checkCliRow(['1', '', 'pbx.example.org'], { device: 0, number: 1, domain: 2 }, 2)).toMatchObject({ ok: true, cli: 'pbx.example.org', request: { cliDomain: 'pbx.example.org' } });
  });

  it('says what is wrong with each bad cell, all at once', () => {
    const row = check(['0', '+380 50 123 45 67', '', '', 'maybe', 'x']);
    expect(row.ok).toBe(false);
    expect(!row.ok && row.problem).toBe(
      'Device id "0" is not a positive whole number. CLI "+380 50 123 45 67" must be digits only (MOR: "CLI must be numeric"); write it as 380501234567. ' +
        'Banned must be yes or no (or 1/0, true/false), not "maybe". IVR id "x" is not a positive whole number.',
    );
  });

  it('names each kind of bad device and CLI', () => {
    const problem = (record: string[]): string => {
      const row = check(record);
      return row.ok ? '' : row.problem;
    };
    expect(problem(['', '123'])).toMatch(/^No device id\./);
    expect(problem(['1.5', '123'])).toMatch(/Device id "1.5" is not a positive whole number/);
    expect(problem(['1', ''])).toMatch(/No CLI: give a number or a domain/);
    expect(problem(['1', '3.8E+11'])).toMatch(/scientific notation/);
    expect(problem(['1', 'hello world'])).toMatch(/neither a number \(digits only\) nor a domain/);
    expect(problem(['1', '12.50'])).toMatch(/must be digits only/);
    expect(checkCliRow(['1', '123', 'a.example'], { device: 0, number: 1, domain: 2 }, 2)).toMatchObject({ ok: false, problem: expect.stringMatching(/not both/) as unknown });
    expect(checkCliRow(['1', '', '12345'], { device: 0, number: 1, domain: 2 }, 2)).toMatchObject({ ok: false, problem: expect.stringMatching(/"12345" is not a domain/) as unknown });
  });
});

describe('isCliDomain', () => {
  it('takes host names and IPv4 addresses, not numbers with a point', () => {
    expect(isCliDomain('sip.example.com')).toBe(true);
    expect(isCliDomain('10.0.0.1')).toBe(true);
    expect(isCliDomain('12.50')).toBe(false);
    expect(isCliDomain('999.1.1.1')).toBe(false);
    expect(isCliDomain('-bad.example.com')).toBe(false);
    expect(isCliDomain('localhost')).toBe(false);
  });
});

describe('parseCliSheet', () => {
  it('reads a Windows-1251 semicolon file with a title above the header', async () => {
    const text = 'Список АОН для MOR\r\n\r\nПристрій;Номер;Опис;Заблоковано\r\n1;37060000002;Київ;ні\r\n1;37060000003;Львів;так\r\n';
    const sheet = await parseCliSheet(iconv.encode(text, 'win1251'), 'clis.csv');
    expect(sheet.columns).toEqual({ device: 0, number: 1, description: 2, banned: 3 });
    expect(sheet.rows.map((r) => [r.row, r.ok && r.request])).toEqual([
      [4, { deviceId: 1, cliNumber: '37060000002', cliDescription: 'Київ', banned: false }],
      [5, { deviceId: 1, cliNumber: '37060000003', cliDescription: 'Львів', banned: true }],
    ]);
    expect(sheet.notes).toContain('1 row above the header was skipped (row 1: "Список АОН для MOR").');
  });

  it('reads an XLSX sheet, numbers with all their digits', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('CLIs');
    ws.addRow(['Device ID', 'CLI', 'IVR ID']);
    ws.addRow([1, 370600000021, 2]);
    ws.addRow([1, 'sip.example.com', null]);
    const sheet = await parseCliSheet(new Uint8Array(await workbook.xlsx.writeBuffer()), 'clis.xlsx');
    expect(sheet.rows.map((r) => r.ok && r.request)).toEqual([
      { deviceId: 1, cliNumber: '370600000021', ivrId: 2 },
      { deviceId: 1, cliDomain: 'sip.example.com' },
    ]);
  });

  it('sends a repeated CLI once and marks the repeat', async () => {
    const sheet = await parseCliSheet(utf8('Device,CLI\n1,111\n1,222\n2,111\n'), 'clis.csv');
    expect(sheet.rows.map((r) => r.ok)).toEqual([true, true, false]);
    expect(sheet.rows[2]).toMatchObject({ row: 4, device: '2', cli: '111', problem: expect.stringMatching(/^The same CLI as row 2/) as unknown });
  });

  it('skips blank rows and counts only rows with content', async () => {
    const sheet = await parseCliSheet(utf8('Device,CLI\n1,111\n,\n\n1,222\n'), 'clis.csv');
    expect(sheet.rows.map((r) => r.row)).toEqual([2, 5]);
  });

  it('refuses a sheet without a usable header, without rows, or too long, before anything is sent', async () => {
    await expect(parseCliSheet(utf8('1,111\n1,222\n'), 'bare.csv')).rejects.toThrow(/bare\.csv has no header naming the device and the CLI columns\. Its first row reads "1, 111": it names neither a device column nor a CLI.*Nothing was sent\./);
    await expect(parseCliSheet(utf8('Device,CLI\n'), 'empty.csv')).rejects.toThrow(/has a header but no CLI rows under it\. Nothing was sent\./);
    await expect(parseCliSheet(utf8(''), 'nothing.csv')).rejects.toThrow(/empty/);
    const long = `Device,CLI\n${Array.from({ length: MAX_CLI_ROWS + 1 }, (_, i) => `1,${1000 + i}`).join('\n')}`;
    await expect(parseCliSheet(utf8(long), 'long.csv')).rejects.toThrow(/more than 10,000 CLI rows/);
  });
});
