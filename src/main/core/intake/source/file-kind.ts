import { UserError } from '../../user-error';
import { explainNotAZip } from '../xlsx/explain-not-a-zip';

export type FileKind = 'text' | 'xlsx';

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

/**
 * Tells a workbook from a text table by the bytes, not the file name: supervisors rename files,
 * and Excel saves "CSV" that is really XLSX and the reverse. Formats Dialsheet does not read get
 * a message that says how to convert them.
 */
export function sniffFileKind(bytes: Uint8Array, fileName: string): FileKind {
  if (startsWith(bytes, OLE)) {
    // The compound-file container is shared by old .xls and encrypted .xlsx; its directory tells which.
    throw new UserError('unreadable', `${fileName}: ${explainNotAZip(bytes).message} Nothing was loaded.`);
  }
  if (startsWith(bytes, EMPTY_ZIP)) {
    throw new UserError('unreadable', `${fileName} is an empty archive, not a workbook. Nothing was loaded.`);
  }
  if (startsWith(bytes, ZIP)) {
    // An OpenDocument file stores its type uncompressed as the first entry, "mimetype".
    if (ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 38 + ODS_MIME.length) === ODS_MIME) {
      throw new UserError(
        'unreadable',
        `${fileName} is an OpenDocument spreadsheet (.ods). In LibreOffice choose File > Save As > Excel 2007-365 (.xlsx), or CSV, and open that. Nothing was loaded.`,
      );
    }
    return 'xlsx';
  }
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    throw new UserError(
      'unreadable',
      `${fileName} is a program or a PDF, not a table of numbers. Save the list from Excel as .xlsx or CSV and open that. Nothing was loaded.`,
    );
  }
  return 'text';
}
