import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import type { SheetSummary } from '../../shared/contract';
import { MAX_FILE_BYTES, PREVIEW_ROWS } from '../../shared/limits';
import { APP_NAME, APP_VERSION } from './app-info';
import { decodeText } from './intake/decode-text';
import { parseCsvText } from './intake/parse-csv';
import type { EmitEvent, HandlerTable } from './rpc/handler-table';
import { SheetStore } from './sheets/sheet-store';
import { UserError } from './user-error';

export interface HandlerDeps {
  emit: EmitEvent;
  sheets?: SheetStore;
}

const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

function checkSize(fileName: string, size: number): void {
  if (size > MAX_FILE_BYTES) {
    throw new UserError(
      'too-large',
      `${fileName} is ${megabytes(size)}; Dialsheet opens files up to ${megabytes(MAX_FILE_BYTES)}. Split it and open the parts. Nothing was loaded.`,
    );
  }
}

/** The handler table both hosts bind: every call in the contract, built from the core. */
export function createHandlers(deps: HandlerDeps): HandlerTable {
  const sheets = deps.sheets ?? new SheetStore();

  async function openBytes(fileName: string, bytes: Uint8Array): Promise<SheetSummary> {
    checkSize(fileName, bytes.length);
    const decoded = decodeText(bytes, fileName);
    const report = (rowsRead: number, fraction: number, done: boolean): void =>
      deps.emit('sheetProgress', {
        fileName,
        rowsRead,
        bytesRead: Math.round(bytes.length * fraction),
        bytesTotal: bytes.length,
        done,
      });
    const table = await parseCsvText(decoded.text, (p) =>
      report(p.rowsRead, p.charsTotal === 0 ? 1 : p.charsRead / p.charsTotal, false),
    );
    report(table.rows.length + 1, 1, true);
    const sheetId = sheets.add({
      fileName,
      encoding: decoded.encoding,
      delimiter: table.delimiter,
      columns: table.header,
      rows: table.rows,
      notes: decoded.notes,
    });
    return {
      sheetId,
      fileName,
      encoding: decoded.encoding,
      delimiter: table.delimiter,
      columns: table.header,
      rowCount: table.rows.length,
      preview: table.rows.slice(0, PREVIEW_ROWS),
      notes: decoded.notes,
    };
  }

  return {
    async appInfo() {
      return { name: APP_NAME, version: APP_VERSION };
    },

    async openSheetPath({ path }) {
      const fileName = basename(path);
      const info = await stat(path).catch(() => {
        throw new UserError('not-found', `${fileName} could not be opened: it is not there or cannot be read.`);
      });
      if (!info.isFile()) throw new UserError('unreadable', `${fileName} is not a file.`);
      checkSize(fileName, info.size);
      return openBytes(fileName, await readFile(path));
    },

    openSheetBytes: ({ name, dataBase64 }) => openBytes(basename(name), Buffer.from(dataBase64, 'base64')),

    // async so that a sheet that is gone rejects the promise instead of throwing at the call.
    async sheetRows({ sheetId, offset, limit }) {
      const sheet = sheets.get(sheetId);
      return { offset, rows: sheet.rows.slice(offset, offset + limit), rowCount: sheet.rows.length };
    },

    async closeSheet({ sheetId }) {
      return { closed: sheets.delete(sheetId) };
    },
  };
}
