import { DateStyles, DateStylesBuilder, STYLE_NAMES } from './date-styles';
import type { SharedString } from './cell-value';
import { SHARED_STRING_NAMES, SharedStringsBuilder } from './shared-strings';
import { type XlsxLimits } from './xlsx-limits';
import { XlsxError, xlsxErrors } from './xlsx-error';
import { exceljsSecondDecode } from './xml-entities';
import { parseXmlPartInChunks, parseXmlPartSync, partCap } from './xml-part';
import { type XmlHandler, type XmlTag } from './xml-tokenizer';
import { type ZipArchive } from './zip-reader';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface XlsxSheetInfo {
  /** Position among the workbook's worksheets, in the order Excel shows their tabs. */
  readonly index: number;
  readonly name: string;
  readonly state: SheetState;
}

export interface WorkbookSheet extends XlsxSheetInfo {
  /** The zip entry holding the sheet's XML; undefined when the workbook points nowhere. */
  readonly partPath: string | undefined;
}

export interface WorkbookInfo {
  readonly sheets: readonly WorkbookSheet[];
  readonly date1904: boolean;
  readonly sharedStringsPath: string | undefined;
  readonly stylesPath: string | undefined;
}

interface Relationship {
  type: string;
  target: string;
}

const WORKSHEET_TYPE = '/worksheet';
const OFFICE_DOCUMENT_TYPE = '/officeDocument';
const SHARED_STRINGS_TYPE = '/sharedStrings';
const STYLES_TYPE = '/styles';

class RelationshipsReader implements XmlHandler {
  readonly byId = new Map<string, Relationship>();
  readonly list: Relationship[] = [];

  open(name: number, tag: XmlTag): void {
    if (name !== 0 || tag.attribute('TargetMode') === 'External') return;
    const relationship = { type: tag.attribute('Type') ?? '', target: tag.attribute('Target') ?? '' };
    this.list.push(relationship);
    const id = tag.attribute('Id');
    if (id !== undefined) this.byId.set(id, relationship);
  }

  close(): void {}
  text(): void {}

  ofType(suffix: string): Relationship | undefined {
    return this.list.find((relationship) => relationship.type.endsWith(suffix));
  }
}

interface SheetEntry {
  name: string;
  state: SheetState;
  relationshipId: string | undefined;
}

class WorkbookReader implements XmlHandler {
  readonly sheets: SheetEntry[] = [];
  date1904 = false;

  open(name: number, tag: XmlTag): void {
    if (name === 0) {
      this.sheets.push({
        // exceljs decodes the name a second time (its WorksheetXform); mirrored so names match.
        name: exceljsSecondDecode(tag.attribute('name') ?? ''),
        state: sheetState(tag.attribute('state')),
        relationshipId: tag.attribute('id'),
      });
    } else if (name === 1) {
      // exceljs accepts only "1"; "true" is the same xsd:boolean and some writers use it.
      const value = tag.attribute('date1904');
      this.date1904 = value === '1' || value === 'true';
    }
  }

  close(): void {}
  text(): void {}
}

function sheetState(value: string | undefined): SheetState {
  return value === 'hidden' || value === 'veryHidden' ? value : 'visible';
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
export function resolvePartPath(baseFolder: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : baseFolder + target;
  const parts: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function relationshipsPathOf(path: string): string {
  const folder = folderOf(path);
  return `${folder}_rels/${path.slice(folder.length)}.rels`;
}

function readRelationships(zip: ZipArchive, path: string, limits: XlsxLimits): RelationshipsReader {
  const reader = new RelationshipsReader();
  const entry = zip.find(path);
  if (entry !== undefined) parseXmlPartSync(zip, entry, reader, ['Relationship'], limits);
  return reader;
}

/** A zip without a workbook: say what it is instead, when it is something people mix up with .xlsx. */
function explainMissingWorkbook(zip: ZipArchive): XlsxError {
  const has = (path: string): boolean => zip.find(path) !== undefined;
  if (has('xl/workbook.bin')) {
    return new XlsxError('missing-part', 'This is a binary Excel workbook (.xlsb). Open it in Excel and save it as .xlsx (Excel Workbook), then try again.');
  }
  if (has('content.xml') && has('mimetype')) {
    return new XlsxError('missing-part', 'This is an OpenDocument file (.ods, from LibreOffice or Google Sheets). Save it as .xlsx and try again.');
  }
  if (has('word/document.xml') || has('ppt/presentation.xml')) {
    return new XlsxError('missing-part', 'This is a Word or PowerPoint file, not a spreadsheet. Put the list in Excel, save it as .xlsx and try again.');
  }
  return new XlsxError('missing-part', 'This zip file is not an Excel workbook: it has no xl/workbook.xml. Save the list from Excel as .xlsx and try again.');
}

function findWorkbookPath(zip: ZipArchive, limits: XlsxLimits): string {
  const declared = readRelationships(zip, '_rels/.rels', limits).ofType(OFFICE_DOCUMENT_TYPE);
  const candidates = declared === undefined ? [] : [resolvePartPath('', declared.target)];
  // exceljs reads xl/workbook.xml whatever the package relationships say; fall back to it too.
  candidates.push('xl/workbook.xml');
  const found = candidates.find((path) => zip.find(path) !== undefined);
  if (found === undefined) throw explainMissingWorkbook(zip);
  return found;
}

/** Part path from the workbook's relationships, else the name exceljs hard-codes, if present. */
function optionalPart(zip: ZipArchive, folder: string, relationship: Relationship | undefined, fallback: string): string | undefined {
  const path = relationship === undefined ? fallback : resolvePartPath(folder, relationship.target);
  return zip.find(path) === undefined ? undefined : path;
}

/** Reads the workbook's sheet list, its date system and where its shared parts are. */
export function readWorkbookInfo(zip: ZipArchive, limits: XlsxLimits): WorkbookInfo {
  const workbookPath = findWorkbookPath(zip, limits);
  const folder = folderOf(workbookPath);
  const relationships = readRelationships(zip, relationshipsPathOf(workbookPath), limits);
  const workbook = new WorkbookReader();
  const workbookEntry = zip.find(workbookPath);
  if (workbookEntry === undefined) throw xlsxErrors.missingPart(workbookPath);
  parseXmlPartSync(zip, workbookEntry, workbook, ['sheet', 'workbookPr'], limits);

  const sheets: WorkbookSheet[] = [];
  for (const sheet of workbook.sheets) {
    const relationship = sheet.relationshipId === undefined ? undefined : relationships.byId.get(sheet.relationshipId);
    // Chart sheets and macro sheets hold no rows; only worksheets are offered.
    if (relationship !== undefined && !relationship.type.endsWith(WORKSHEET_TYPE)) continue;
    const partPath = relationship === undefined ? undefined : resolvePartPath(folder, relationship.target);
    sheets.push({ index: sheets.length, name: sheet.name, state: sheet.state, partPath });
  }
  return {
    sheets,
    date1904: workbook.date1904,
    sharedStringsPath: optionalPart(zip, folder, relationships.ofType(SHARED_STRINGS_TYPE), `${folder}sharedStrings.xml`),
    stylesPath: optionalPart(zip, folder, relationships.ofType(STYLES_TYPE), `${folder}styles.xml`),
  };
}

export function readDateStyles(zip: ZipArchive, info: WorkbookInfo, limits: XlsxLimits): DateStyles {
  const entry = info.stylesPath === undefined ? undefined : zip.find(info.stylesPath);
  if (entry === undefined) return DateStyles.NONE;
  const builder = new DateStylesBuilder();
  parseXmlPartSync(zip, entry, builder, STYLE_NAMES, limits);
  return builder.build();
}

export async function readSharedStrings(zip: ZipArchive, info: WorkbookInfo, limits: XlsxLimits): Promise<readonly SharedString[]> {
  const entry = info.sharedStringsPath === undefined ? undefined : zip.find(info.sharedStringsPath);
  if (entry === undefined) return [];
  const builder = new SharedStringsBuilder();
  const cap = partCap('shared-strings table', limits.maxSharedStringsBytes);
  for await (const inflated of parseXmlPartInChunks(zip, entry, builder, SHARED_STRING_NAMES, limits, cap)) void inflated;
  return builder.strings;
}
