import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-reader';

export interface XlsxLimits extends ZipLimits {
  /** Cells in one <row>; Excel's own maximum is 16,384 columns. */
  maxCellsPerRow: number;
  /** Longest single tag or text run in any part; Excel caps a cell at 32,767 characters. */
  maxTokenBytes: number;
  /** The shared-strings part is kept whole in memory, so it gets its own, lower ceiling. */
  maxSharedStringsBytes: number;
  /** workbook.xml, the relationship parts and styles.xml are read in one piece. */
  maxMetadataPartBytes: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxCellsPerRow: 20_000,
  maxTokenBytes: 4 * 1024 * 1024,
  maxSharedStringsBytes: 256 * 1024 * 1024,
  maxMetadataPartBytes: 32 * 1024 * 1024,
};

/** The last column Excel has (XFD); exceljs refuses a cell beyond it. */
export const MAX_EXCEL_COLUMNS = 16_384;
