import { randomBytes } from 'node:crypto';

import { UserError } from '../user-error';

export interface StoredSheet {
  fileName: string;
  encoding: string;
  delimiter: string;
  columns: string[];
  rows: string[][];
  notes: string[];
}

/**
 * The sheets the renderer has open, held in main so the renderer only ever asks for windows
 * of rows. The oldest is let go past `capacity`, so memory stays bounded in a long day.
 */
export class SheetStore {
  private readonly sheets = new Map<string, StoredSheet>();
  constructor(private readonly capacity = 8) {}

  add(sheet: StoredSheet): string {
    const id = `sheet-${randomBytes(8).toString('hex')}`;
    this.sheets.set(id, sheet);
    while (this.sheets.size > this.capacity) {
      const oldest = this.sheets.keys().next().value;
      if (oldest === undefined) break;
      this.sheets.delete(oldest);
    }
    return id;
  }

  get(id: string): StoredSheet {
    const sheet = this.sheets.get(id);
    if (!sheet) throw new UserError('not-found', 'That sheet is no longer open. Open the file again.');
    return sheet;
  }

  delete(id: string): boolean {
    return this.sheets.delete(id);
  }

  get size(): number {
    return this.sheets.size;
  }
}
