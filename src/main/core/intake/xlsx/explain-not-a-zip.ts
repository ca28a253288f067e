import { XlsxError } from './xlsx-error';

/** OLE2 / Compound File Binary: the container of old .xls files and of password-protected .xlsx files. */
const COMPOUND_FILE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Stream names are UTF-16LE in a compound file's directory; these two tell its two uses apart. */
const ENCRYPTED_PACKAGE_STREAM = Buffer.from('EncryptedPackage', 'utf16le');
const LEGACY_WORKBOOK_STREAM = Buffer.from('Workbook', 'utf16le');

const PASSWORD_MESSAGE =
  'This workbook is password-protected. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again.';
const OLD_XLS_MESSAGE =
  'This is an old .xls file (Excel 97-2003). Open it in Excel and save it as .xlsx (File > Save As > Excel Workbook), then try again.';
const COMPOUND_FILE_MESSAGE =
  'This is a password-protected .xlsx or an old .xls file; save it from Excel as .xlsx without a password, then try again.';

function startsWith(bytes: Uint8Array, prefix: Uint8Array | string): boolean {
  const expected = typeof prefix === 'string' ? Buffer.from(prefix, 'latin1') : prefix;
  return bytes.length >= expected.length && Buffer.from(bytes.buffer, bytes.byteOffset, expected.length).equals(expected);
}

function explainCompoundFile(bytes: Uint8Array): XlsxError {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The directory may sit anywhere in the file, so look through all of it; one memmem pass is cheap.
  if (buffer.includes(ENCRYPTED_PACKAGE_STREAM)) return new XlsxError('encrypted', PASSWORD_MESSAGE);
  if (buffer.includes(LEGACY_WORKBOOK_STREAM)) return new XlsxError('old-xls', OLD_XLS_MESSAGE);
  return new XlsxError('encrypted', COMPOUND_FILE_MESSAGE);
}

/** Text has no NUL bytes and few control characters: a CSV that someone renamed to .xlsx. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample.length === 0) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control / sample.length < 0.01;
}

/** Says what a file that is not a zip most likely is, so the user knows what to do with it. */
export function explainNotAZip(bytes: Uint8Array): XlsxError {
  if (bytes.length === 0) return new XlsxError('not-a-zip', 'This file is empty (0 bytes). Save the workbook again from Excel and try again.');
  if (startsWith(bytes, COMPOUND_FILE_MAGIC)) return explainCompoundFile(bytes);
  if (startsWith(bytes, 'MZ') || startsWith(bytes, '\x7fELF')) {
    return new XlsxError('not-a-zip', 'This file is a program, not a spreadsheet, even though its name ends in .xlsx. Do not open it; ask the sender for the real workbook.');
  }
  if (startsWith(bytes, '%PDF')) {
    return new XlsxError('not-a-zip', 'This file is a PDF, not a spreadsheet. Ask for the list as .xlsx or .csv.');
  }
  if (looksLikeText(bytes)) {
    return new XlsxError('not-a-zip', 'This file is plain text (perhaps a CSV) with a spreadsheet name. Rename it to .csv and open it again.');
  }
  return new XlsxError('not-a-zip', 'This file is not an Excel workbook (.xlsx): its contents are not a workbook at all. Save the list from Excel as .xlsx and try again.');
}
