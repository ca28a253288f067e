import { describe, expect, it } from 'vitest';

import { readDateStyles, readSharedStrings, readWorkbookInfo, resolvePartPath } from './workbook';
import { isXlsxError, type XlsxErrorReason } from './xlsx-error';
import { DEFAULT_XLSX_LIMITS } from './xlsx-limits';
import { buildWorkbook, buildZip, stylesXml, type TestZipEntry, workbookParts } from './xlsx-test-zip';
import { ZipArchive } from './zip-reader';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function info(entries: TestZipEntry[]): ReturnType<typeof readWorkbookInfo> {
  return readWorkbookInfo(ZipArchive.open(buildZip(entries)), DEFAULT_XLSX_LIMITS);
}

function reasonOf(run: () => unknown): XlsxErrorReason | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (isXlsxError(error)) return error.reason;
    throw error;
  }
}

describe('resolvePartPath', () => {
  it('resolves relative, parent and absolute targets', () => {
    expect(resolvePartPath('xl/', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePartPath('xl/', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(resolvePartPath('xl/', '/xl/worksheets/./sheet2.xml')).toBe('xl/worksheets/sheet2.xml');
  });
});

describe('readWorkbookInfo', () => {
  it('lists sheets in tab order with their states and parts', () => {
    const workbook = buildWorkbook({
      sheets: [
        { name: 'Контакти', rows: '' },
        { name: 'Hidden', rows: '', state: 'hidden' },
        { name: 'R&D', rows: '', state: 'veryHidden' },
      ],
    });
    const read = readWorkbookInfo(ZipArchive.open(workbook), DEFAULT_XLSX_LIMITS);
    expect(read.sheets).toEqual([
      { index: 0, name: 'Контакти', state: 'visible', partPath: 'xl/worksheets/sheet1.xml' },
      { index: 1, name: 'Hidden', state: 'hidden', partPath: 'xl/worksheets/sheet2.xml' },
      { index: 2, name: 'R&D', state: 'veryHidden', partPath: 'xl/worksheets/sheet3.xml' },
    ]);
    expect(read.date1904).toBe(false);
    expect(read.sharedStringsPath).toBeUndefined();
  });

  it('follows the relationships to oddly named parts, and skips chart sheets', () => {
    const read = info([
      { name: '_rels/.rels', data: `<Relationships><Relationship Id="r" Type="${REL}/officeDocument" Target="/book/main.xml"/></Relationships>` },
      {
        name: 'book/main.xml',
        data: '<workbook><workbookPr date1904="true"/><sheets><sheet name="Chart" sheetId="1" r:id="c"/><sheet name="Data" sheetId="2" r:id="d"/></sheets></workbook>',
      },
      {
        name: 'book/_rels/main.xml.rels',
        data:
          `<Relationships><Relationship Id="c" Type="${REL}/chartsheet" Target="charts/c1.xml"/>` +
          `<Relationship Id="d" Type="${REL}/worksheet" Target="/data/Sheet%20A.xml"/>` +
          `<Relationship Id="s" Type="${REL}/sharedStrings" Target="strings.xml"/>` +
          `<Relationship Id="t" Type="${REL}/styles" Target="look.xml"/>` +
          `<Relationship Id="x" Type="${REL}/hyperlink" Target="https://example.com" TargetMode="External"/></Relationships>`,
      },
      { name: 'book/strings.xml', data: '<sst/>' },
      { name: 'book/look.xml', data: '<styleSheet/>' },
    ]);
    expect(read.sheets).toEqual([{ index: 0, name: 'Data', state: 'visible', partPath: 'data/Sheet%20A.xml' }]);
    expect(read.date1904).toBe(true);
    expect(read.sharedStringsPath).toBe('book/strings.xml');
    expect(read.stylesPath).toBe('book/look.xml');
  });

  it('falls back to xl/workbook.xml and the standard part names, as exceljs does', () => {
    const parts = workbookParts({ sheets: [{ name: 'A', rows: '' }], sharedStrings: [], styles: stylesXml([0]) }).filter(
      (part) => part.name !== '_rels/.rels' && part.name !== 'xl/_rels/workbook.xml.rels',
    );
    const read = info(parts);
    expect(read.sheets).toEqual([{ index: 0, name: 'A', state: 'visible', partPath: undefined }]);
    expect(read.sharedStringsPath).toBe('xl/sharedStrings.xml');
    expect(read.stylesPath).toBe('xl/styles.xml');
  });

  it('says what a zip without a workbook is', () => {
    const explain = (entries: TestZipEntry[]): string => {
      try {
        info(entries);
      } catch (error) {
        if (isXlsxError(error, 'missing-part')) return error.message;
        throw error;
      }
      return 'no error';
    };
    expect(explain([{ name: 'xl/workbook.bin', data: 'x' }])).toMatch(/\.xlsb/);
    expect(explain([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' }, { name: 'content.xml', data: '<x/>' }])).toMatch(/\.ods/);
    expect(explain([{ name: 'word/document.xml', data: '<x/>' }])).toMatch(/Word/);
    expect(explain([{ name: 'photo.jpg', data: 'x' }])).toMatch(/no xl\/workbook\.xml/);
  });

  it('refuses a workbook part bigger than the metadata cap', () => {
    const zip = ZipArchive.open(buildWorkbook({ sheets: [{ name: 'A', rows: '' }] }));
    expect(reasonOf(() => readWorkbookInfo(zip, { ...DEFAULT_XLSX_LIMITS, maxMetadataPartBytes: 100 }))).toBe('too-large');
  });
});

describe('readDateStyles and readSharedStrings', () => {
  it('read the parts the workbook points at, and nothing when there are none', async () => {
    const zip = ZipArchive.open(buildWorkbook({ sheets: [{ name: 'A', rows: '' }], sharedStrings: ['<si><t>x</t></si>'], styles: stylesXml([0, 14]) }));
    const read = readWorkbookInfo(zip, DEFAULT_XLSX_LIMITS);
    expect(readDateStyles(zip, read, DEFAULT_XLSX_LIMITS).isDate(1)).toBe(true);
    expect(await readSharedStrings(zip, read, DEFAULT_XLSX_LIMITS)).toEqual(['x']);
    const bare = ZipArchive.open(buildWorkbook({ sheets: [{ name: 'A', rows: '' }] }));
    const bareInfo = readWorkbookInfo(bare, DEFAULT_XLSX_LIMITS);
    expect(readDateStyles(bare, bareInfo, DEFAULT_XLSX_LIMITS).has(0)).toBe(false);
    expect(await readSharedStrings(bare, bareInfo, DEFAULT_XLSX_LIMITS)).toEqual([]);
  });

  it('refuses a shared-strings table over its own cap', async () => {
    const zip = ZipArchive.open(buildWorkbook({ sheets: [{ name: 'A', rows: '' }], sharedStrings: Array.from({ length: 100 }, () => '<si><t>long enough</t></si>') }));
    const read = readWorkbookInfo(zip, DEFAULT_XLSX_LIMITS);
    await expect(readSharedStrings(zip, read, { ...DEFAULT_XLSX_LIMITS, maxSharedStringsBytes: 500 })).rejects.toMatchObject({ reason: 'too-large' });
  });
});
