import type { IssueReason, RowFilter } from '../../../shared/intake-options';
import type { CheckOptions, ColumnMapping, RowSelection, RowsChange, RowView, SheetSettings, SheetView, Summary } from '../../../shared/sheet-schemas';
import type { IntakeService } from './intake-service';

export interface RowWindow {
  offset: number;
  total: number;
  rows: RowView[];
  done: boolean;
}

/** The intake as the handlers see it, whether it runs in a worker thread or in this thread. */
export interface Intake {
  open(fileName: string, bytes: Uint8Array, settings?: SheetSettings): Promise<SheetView>;
  reopen(id: string, settings: SheetSettings): Promise<SheetView>;
  setMapping(id: string, mapping: ColumnMapping): Promise<SheetView>;
  setOptions(id: string, options: CheckOptions): Promise<SheetView>;
  view(id: string): Promise<SheetView>;
  rows(id: string, offset: number, limit: number, filter: RowFilter, reason?: IssueReason): Promise<RowWindow>;
  edit(id: string, index: number, column: number, value: string): Promise<{ row: RowView; summary: Summary }>;
  removeRows(id: string, selection: RowSelection): Promise<RowsChange>;
  restoreRows(id: string, selection: RowSelection): Promise<RowsChange>;
  close(id: string): Promise<boolean>;
  dispose(): Promise<void>;
}

export type IntakeMethod = Exclude<keyof Intake, 'dispose'>;

/** Runs the intake in the calling thread: for tests, the command line and small files. */
export function localIntake(service: IntakeService): Intake {
  return {
    open: (fileName, bytes, settings) => service.open(fileName, bytes, settings),
    reopen: (id, settings) => service.reopen(id, settings),
    setMapping: (id, mapping) => service.setMapping(id, mapping),
    setOptions: async (id, options) => service.setOptions(id, options),
    view: async (id) => service.view(id),
    rows: async (id, offset, limit, filter, reason) => service.rows(id, offset, limit, filter, reason),
    edit: async (id, index, column, value) => service.edit(id, index, column, value),
    removeRows: async (id, selection) => service.removeRows(id, selection),
    restoreRows: async (id, selection) => service.restoreRows(id, selection),
    close: async (id) => service.close(id),
    dispose: async () => undefined,
  };
}
