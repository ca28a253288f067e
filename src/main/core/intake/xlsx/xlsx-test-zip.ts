/**
 * Test support: a hand-written zip writer, to build the workbooks exceljs cannot (inline strings,
 * odd part names, lying sizes) and the hostile files a reader must refuse.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface TestZipEntry {
  name: string;
  data: string | Uint8Array;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
  /** Overrides the uncompressed size written in the headers, to make a zip that lies. */
  declaredSize?: number;
  /** Overrides the general-purpose flags (bit 0 marks the entry encrypted). */
  flags?: number;
}

function toBytes(data: string | Uint8Array): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
}

function localHeader(name: Buffer, entry: TestZipEntry, checksum: number, compressedSize: number, size: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE((entry.flags ?? 0) | 0x0800, 6);
  header.writeUInt16LE(entry.method ?? 8, 8);
  header.writeUInt32LE(checksum, 14);
  header.writeUInt32LE(compressedSize, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralHeader(name: Buffer, entry: TestZipEntry, checksum: number, compressedSize: number, size: number, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE((entry.flags ?? 0) | 0x0800, 8);
  header.writeUInt16LE(entry.method ?? 8, 10);
  header.writeUInt32LE(checksum, 16);
  header.writeUInt32LE(compressedSize, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

const ZIP64_MARK = 0xffffffff;

/** The ZIP64 extra field: the real sizes and offset, where the 32-bit fields say 0xFFFFFFFF. */
function zip64Extra(size: number, compressedSize: number, offset: number): Buffer {
  const extra = Buffer.alloc(28);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(size), 4);
  extra.writeBigUInt64LE(BigInt(compressedSize), 12);
  extra.writeBigUInt64LE(BigInt(offset), 20);
  return extra;
}

/** ZIP64 end records: the 64-bit directory record and its locator, then the classic record full of 0xFF. */
function zip64End(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(ZIP64_MARK, 12);
  end.writeUInt32LE(ZIP64_MARK, 16);
  return Buffer.concat([record, locator, end]);
}

function classicEnd(count: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

/** A zip of the entries; `zip64` writes every size and offset the ZIP64 way, as big archives must. */
export function buildZip(entries: readonly TestZipEntry[], options: { zip64?: boolean } = {}): Buffer {
  const zip64 = options.zip64 === true;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = toBytes(entry.data);
    const body = (entry.method ?? 8) === 8 ? deflateRawSync(raw) : raw;
    const checksum = crc32(raw);
    const size = entry.declaredSize ?? raw.length;
    const local = Buffer.concat([localHeader(name, entry, checksum, body.length, size), body]);
    if (zip64) {
      const header = centralHeader(name, entry, checksum, ZIP64_MARK, ZIP64_MARK, ZIP64_MARK);
      header.writeUInt16LE(28, 30);
      centrals.push(Buffer.concat([header, zip64Extra(size, body.length, offset)]));
    } else {
      centrals.push(centralHeader(name, entry, checksum, body.length, size, offset));
    }
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = zip64 ? zip64End(entries.length, directory.length, offset) : classicEnd(entries.length, directory.length, offset);
  return Buffer.concat([...locals, directory, end]);
}

export interface TestSheet {
  name: string;
  /** The <sheetData> content: rows and cells as raw XML. */
  rows: string;
  state?: 'hidden' | 'veryHidden';
}

export interface TestWorkbook {
  sheets: readonly TestSheet[];
  /** The <si> items of the shared-strings table, as raw XML; omitted means no table. */
  sharedStrings?: readonly string[];
  /** The whole styles.xml; omitted means no styles part. */
  styles?: string;
  date1904?: boolean;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
}

/** The parts of a minimal, valid XLSX package, as Excel lays them out. */
export function workbookParts(workbook: TestWorkbook): TestZipEntry[] {
  const sheets = workbook.sheets
    .map((sheet, index) => {
      const state = sheet.state === undefined ? '' : ` state="${sheet.state}"`;
      return `<sheet name="${escapeAttribute(sheet.name)}" sheetId="${index + 1}"${state} r:id="rId${index + 1}"/>`;
    })
    .join('');
  const sheetRelationships = workbook.sheets.map((_, index) => relationship(`rId${index + 1}`, 'worksheet', `worksheets/sheet${index + 1}.xml`));
  const extra: string[] = [];
  if (workbook.styles !== undefined) extra.push(relationship('rIdStyles', 'styles', 'styles.xml'));
  if (workbook.sharedStrings !== undefined) extra.push(relationship('rIdStrings', 'sharedStrings', 'sharedStrings.xml'));
  const parts: TestZipEntry[] = [
    { name: '[Content_Types].xml', data: `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
    {
      name: '_rels/.rels',
      data: `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">${relationship('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr${workbook.date1904 === true ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">${[...sheetRelationships, ...extra].join('')}</Relationships>`,
    },
  ];
  // Styles and strings go before the sheets: exceljs's WorkbookReader defers a sheet that comes
  // before the shared strings and can then drop the parts after it, depending on stream timing.
  if (workbook.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: workbook.styles });
  if (workbook.sharedStrings !== undefined) {
    const items = workbook.sharedStrings.join('');
    parts.push({ name: 'xl/sharedStrings.xml', data: `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${workbook.sharedStrings.length}">${items}</sst>` });
  }
  workbook.sheets.forEach((sheet, index) => {
    parts.push({
      name: `xl/worksheets/sheet${index + 1}.xml`,
      data: `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${sheet.rows}</sheetData></worksheet>`,
    });
  });
  return parts;
}

export function buildWorkbook(workbook: TestWorkbook, options: { zip64?: boolean } = {}): Buffer {
  return buildZip(workbookParts(workbook), options);
}

/** A styles.xml with the given custom formats and one cellXfs entry per numFmtId listed. */
export function stylesXml(cellFormatIds: readonly number[], customFormats: Readonly<Record<number, string>> = {}): string {
  const custom = Object.entries(customFormats)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`)
    .join('');
  const xfs = cellFormatIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('');
  return (
    `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
    (custom === '' ? '' : `<numFmts count="${Object.keys(customFormats).length}">${custom}</numFmts>`) +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
    '<borders count="1"><border/></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${cellFormatIds.length}">${xfs}</cellXfs>` +
    '</styleSheet>'
  );
}
