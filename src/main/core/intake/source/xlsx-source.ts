import type { SheetSettings } from '../../../../shared/sheet-schemas';
import { UserError } from '../../user-error';
import type { RecordStream } from './record-batch';

export interface XlsxSheetInfo {
  index: number;
  name: string;
  hidden: boolean;
}

export interface XlsxSource {
  sheets: XlsxSheetInfo[];
  sheet: number;
  notes: string[];
  records: RecordStream;
}

export function openXlsxSource(_bytes: Uint8Array, fileName: string, _settings: SheetSettings): XlsxSource {
  throw new UserError('unreadable', `${fileName} is a workbook; reading workbooks is not wired in yet. Save it as CSV UTF-8 for now.`);
}
