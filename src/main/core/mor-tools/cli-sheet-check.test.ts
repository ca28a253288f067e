import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';

import { addClis, type CliAddClient } from './cli-add';
import type { CliRequest } from './cli-row-check';
import { parseCliSheet } from './cli-sheet';
import { checkCliSheet } from './cli-sheet-check';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// Good rows, each kind of bad cell, a repeat and a row only MOR can refuse (device 999).
const SHEET = [
  'Device ID,Number,Description,Comment,Banned,IVR ID',
  '1,37061110001,Front desk,from sheet,no,',
  '1,37061110002,Hotline,,yes,2',
  '999,37061110003,No such device,,,',
  '1,12ab,Not a number,,,',
  '0,37061110004,,,maybe,x',
  '1,37061110001,Repeat,,,',
  '1,sip.example.com,Domain,,,',
].join('\n');

/** What the send does with the same bytes: the invalid outcomes, and the requests MOR is sent. */
async function sendOf(bytes: Uint8Array): Promise<{ invalid: [number, string][]; sent: CliRequest[] }> {
  const sent: CliRequest[] = [];
  const client: CliAddClient = {
    addCli: vi.fn((request: CliRequest) => {
      sent.push(request);
      return Promise.resolve({ ok: true as const, value: { text: 'CLI successfully created' } });
    }),
  };
  const report = await addClis(client, (await parseCliSheet(bytes, 'clis.csv')).rows, { apiSecret: 's', pauseMs: 0 });
  return { invalid: report.rows.filter((o) => o.status === 'invalid').map((o) => [o.row, o.message]), sent };
}

describe('checkCliSheet', () => {
  it('finds the very invalid rows, in the very words, that the send leaves out, and sends nothing', async () => {
    const bytes = utf8(SHEET);
    const check = await checkCliSheet(bytes, 'clis.csv');
    const send = await sendOf(bytes);
    // The same words: before the send they say the row will not go, in the receipt that it did not.
    const ahead = check.rows.filter((r) => r.status === 'invalid').map((r) => [r.row, r.message.replace(/ It will not be sent\.$/, ' The row was not sent.')]);
    expect(ahead).toEqual(send.invalid);
    expect(check.rows.filter((r) => r.status === 'ready').map((r) => r.cli)).toEqual(send.sent.map((r) => r.cliNumber ?? r.cliDomain));
    expect(check).toMatchObject({ ready: 4, invalid: 3 });
    expect(check.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'ready'],
      [3, 'ready'],
      [4, 'ready'], // device 999 is for MOR to refuse: only the receipt knows
      [5, 'invalid'],
      [6, 'invalid'],
      [7, 'invalid'],
      [8, 'ready'],
    ]);
    expect(check.rows[3]?.message).toBe('CLI "12ab" is neither a number (digits only) nor a domain such as sip.example.com. It will not be sent.');
    expect(check.rows[5]?.message).toMatch(/^The same CLI as row 2;/);
  });

  it('gives each row its cells as read and says which columns it recognised', async () => {
    const check = await checkCliSheet(utf8(SHEET), 'clis.csv');
    expect(check.rows[1]).toEqual({
      row: 3,
      device: '1',
      cli: '37061110002',
      description: 'Hotline',
      comment: '',
      banned: 'yes',
      ivr: '2',
      status: 'ready',
      message: '',
    });
    expect(check.rows[4]).toMatchObject({ device: '0', banned: 'maybe', ivr: 'x', status: 'invalid' });
    expect(check.columns).toEqual([
      { role: 'device', header: 'Device ID' },
      { role: 'number', header: 'Number' },
      { role: 'description', header: 'Description' },
      { role: 'comment', header: 'Comment' },
      { role: 'banned', header: 'Banned' },
      { role: 'ivr', header: 'IVR ID' },
    ]);
  });

  it('recognises Ukrainian and Russian headers as the send does, in sheet order, with the notes', async () => {
    const uk = await checkCliSheet(iconv.encode('Список АОН\r\nНомер;Пристрій;Опис;Заблоковано;Ще щось\r\n37061110001;1;Київ;ні;x\r\n', 'win1251'), 'uk.csv');
    expect(uk.columns).toEqual([
      { role: 'number', header: 'Номер' },
      { role: 'device', header: 'Пристрій' },
      { role: 'description', header: 'Опис' },
      { role: 'banned', header: 'Заблоковано' },
    ]);
    expect(uk.rows).toMatchObject([{ row: 3, device: '1', cli: '37061110001', description: 'Київ', banned: 'ні', status: 'ready' }]);
    expect(uk.notes).toEqual(['1 row above the header was skipped (row 1: "Список АОН").', 'Column "Ще щось" is not a cli_add field and was ignored.']);
    const ru = await checkCliSheet(utf8('Устройство,Номер,Описание,Комментарий,Заблокирован,ИВР\n1,37061110001,Киев,тест,да,3\n'), 'ru.csv');
    expect(ru.columns.map((c) => c.role)).toEqual(['device', 'number', 'description', 'comment', 'banned', 'ivr']);
    expect(ru.rows).toMatchObject([{ comment: 'тест', banned: 'да', ivr: '3', status: 'ready' }]);
  });

  it('refuses a sheet without the device and CLI columns, saying what it has and which headers it looked for', async () => {
    await expect(checkCliSheet(utf8('phone,name\n0930000001,Ann\n'), 'contacts.csv')).rejects.toThrow(
      'contacts.csv has no header naming the device and the CLI columns. Its first row reads "phone, name": it has a CLI ("phone") column but no device column. ' +
        'Give it a header row such as "Device ID, CLI, Description, Comment, Banned, IVR ID"',
    );
    await expect(checkCliSheet(utf8('Пристрій,Опис\n1,Київ\n'), 'uk.csv')).rejects.toThrow(/it has a device \("Пристрій"\) column but no CLI \(number or domain\) column\. Give it/);
    await expect(checkCliSheet(utf8('Name,City\nAnn,Kyiv\n'), 'x.csv')).rejects.toThrow(/it names neither a device column nor a CLI \(number or domain\) column\. Give it/);
    await expect(checkCliSheet(utf8('Device,CLI\n'), 'empty.csv')).rejects.toThrow(/has a header but no CLI rows under it/);
  });
});
