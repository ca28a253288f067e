import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { MAX_FILE_BYTES } from '../../../../shared/limits';
import { buildWorkbook, buildZip, workbookParts } from '../xlsx/xlsx-test-zip';

/** What reading a hostile file must end in: a refusal with this message, or rows read with this note. */
export interface HostileCase {
  name: string;
  outcome: 'refused' | 'read';
  message: RegExp;
  /** For files that are read: how many data rows must come out. */
  rows?: number;
}

type Maker = (path: string) => Promise<void>;

/** 0 -> A, 25 -> Z, 26 -> AA, as Excel names columns. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Deterministic junk: the same bytes on every run, so a failure can be reproduced.
function junk(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const text = (content: string): Maker => (path) => writeFile(path, content);

/** A file whose size is past the limit without writing its bytes: a sparse file. */
const sparse = (size: number): Maker => async (path) => {
  const handle = await open(path, 'w');
  await handle.truncate(size);
  await handle.close();
};

const MIB = 1024 * 1024;
const contacts = '<row r="1"><c r="A1" t="inlineStr"><is><t>Телефон</t></is></c></row><row r="2"><c r="A2"><v>380931234567</v></c></row>';
const goodWorkbook = (): Buffer => buildWorkbook({ sheets: [{ name: 'Контакти', rows: contacts }] });

const CASES: (HostileCase & { make: Maker })[] = [
  {
    name: 'zip-bomb.xlsx',
    outcome: 'refused',
    message: /zip-bomb\.xlsx: This file was refused: .* "zip bomb"/,
    // 64 MiB of spaces in a sheet part of a few kilobytes.
    make: (p) =>
      writeFile(
        p,
        buildZip(
          workbookParts({ sheets: [{ name: 'A', rows: '' }] }).map((part) =>
            part.name.includes('worksheets/') ? { ...part, data: Buffer.alloc(64 * MIB, 0x20) } : part,
          ),
        ),
      ),
  },
  {
    name: 'truncated.xlsx',
    outcome: 'refused',
    message: /truncated\.xlsx: This workbook is (incomplete|damaged)/,
    make: (p) => {
      const whole = goodWorkbook();
      return writeFile(p, whole.subarray(0, Math.floor(whole.length * 0.6)));
    },
  },
  {
    name: 'password.xlsx',
    outcome: 'refused',
    message: /password\.xlsx: This workbook is password-protected/,
    make: (p) =>
      writeFile(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), junk(1024), Buffer.from('EncryptedPackage', 'utf16le'), junk(1024)])),
  },
  {
    name: 'no-workbook.xlsx',
    outcome: 'refused',
    message: /no-workbook\.xlsx: This zip file is not/,
    make: (p) => writeFile(p, buildZip([{ name: 'hello.txt', data: 'not a workbook' }])),
  },
  {
    name: 'wide-row.xlsx',
    outcome: 'read',
    rows: 1,
    message: /more than 1,000 columns; only the first 1,000 are kept/,
    make: (p) => {
      const cells = Array.from({ length: 16_000 }, (_, i) => `<c r="${columnName(i)}2"><v>${i}</v></c>`).join('');
      return writeFile(p, buildWorkbook({ sheets: [{ name: 'Wide', rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>phone</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row><row r="2">${cells}</row>` }] }));
    },
  },
  { name: 'empty.csv', outcome: 'refused', message: /empty\.csv holds no rows/, make: text('') },
  { name: 'only-bom.csv', outcome: 'refused', message: /holds no rows/, make: (p) => writeFile(p, Buffer.from([0xef, 0xbb, 0xbf])) },
  { name: 'blank-lines.csv', outcome: 'refused', message: /no rows with anything in them/, make: text('\n\r\n   \n;;;\n'.repeat(50_000)) },
  { name: 'header-only.csv', outcome: 'read', rows: 0, message: /header but no rows under it/, make: text('Телефон;ПІБ\n') },
  { name: 'binary-junk.csv', outcome: 'refused', message: /binary file/, make: (p) => writeFile(p, junk(64 * 1024)) },
  { name: 'renamed-setup.exe.csv', outcome: 'refused', message: /program or a PDF/, make: (p) => writeFile(p, Buffer.concat([Buffer.from('MZ'), junk(4096)])) },
  { name: 'report.pdf.csv', outcome: 'refused', message: /program or a PDF/, make: text('%PDF-1.7\n1 0 obj\n') },
  {
    name: 'old-excel.xls',
    outcome: 'refused',
    message: /password-protected \.xlsx or an old \.xls file/,
    make: (p) => writeFile(p, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), junk(4096)])),
  },
  { name: 'too-large.csv', outcome: 'refused', message: /Dialsheet opens files up to|larger than Dialsheet opens/, make: sparse(MAX_FILE_BYTES + 1) },
  {
    name: 'wide-row.csv',
    outcome: 'read',
    rows: 2,
    message: /more than 1,000 columns; only the first 1,000 are kept/,
    make: text(`phone,name\n0931234567,${'x,'.repeat(100_000)}x\n0671234567,b\n`),
  },
  {
    name: 'mixed-line-endings.csv',
    outcome: 'read',
    rows: 4,
    message: /Phone column chosen/,
    make: text('phone,name\r\n0931234567,a\n0671234567,b\r0501234567,c\r\n0661234567,d'),
  },
  {
    name: 'nul-bytes.csv',
    outcome: 'read',
    rows: 100,
    message: /2 NUL bytes were removed/,
    make: text(`phone,name\n${Array.from({ length: 100 }, (_, i) => `+38093${String(i).padStart(7, '0')},name ${i}${i % 50 === 7 ? '\0' : ''}`).join('\n')}\n`),
  },
  {
    name: 'unclosed-quote.csv',
    outcome: 'read',
    message: /opens a quoted value \("\) that is never closed/,
    make: text('phone,name\n0931234567,"Іван\n0671234567,Петро\n0501234567,Олена\n'),
  },
  {
    name: 'giant-cell.csv',
    outcome: 'read',
    rows: 1,
    message: /Phone column chosen/,
    make: text(`phone,note\n0931234567,${'ы'.repeat(5_000_000)}\n`),
  },
];

/** Writes the corpus into `dir` and returns what each file must give. */
export async function writeHostileCorpus(dir: string): Promise<(HostileCase & { path: string })[]> {
  const written = [];
  for (const { make, ...expected } of CASES) {
    const path = join(dir, expected.name);
    await make(path);
    written.push({ ...expected, path });
  }
  return written;
}
