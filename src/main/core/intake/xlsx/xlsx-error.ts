import type { ErrorCode } from '../../../../shared/result';
import { UserError } from '../../user-error';

/** Why a workbook could not be read; the intake branches on this, the user reads the message. */
export type XlsxErrorReason =
  | 'not-a-zip'
  | 'encrypted'
  | 'old-xls'
  | 'truncated'
  | 'corrupt'
  | 'zip-bomb'
  | 'too-large'
  | 'unsupported'
  | 'missing-part'
  | 'bad-xml'
  | 'row-too-wide'
  | 'sheet-not-found';

const ERROR_CODE_BY_REASON: Record<XlsxErrorReason, ErrorCode> = {
  'not-a-zip': 'unreadable',
  encrypted: 'unreadable',
  'old-xls': 'unreadable',
  truncated: 'unreadable',
  corrupt: 'unreadable',
  'zip-bomb': 'too-large',
  'too-large': 'too-large',
  unsupported: 'unreadable',
  'missing-part': 'unreadable',
  'bad-xml': 'unreadable',
  'row-too-wide': 'too-large',
  'sheet-not-found': 'not-found',
};

/**
 * A workbook that cannot be read. It is a UserError so the RPC layer shows the message as is:
 * every message says what is wrong with the file and what the user can do about it.
 */
export class XlsxError extends UserError {
  readonly reason: XlsxErrorReason;
  constructor(reason: XlsxErrorReason, message: string) {
    super(ERROR_CODE_BY_REASON[reason], message);
    this.name = 'XlsxError';
    this.reason = reason;
  }
}

export function isXlsxError(error: unknown, reason?: XlsxErrorReason): error is XlsxError {
  return error instanceof XlsxError && (reason === undefined || error.reason === reason);
}

const RESAVE = 'Open it in Excel, save it again as .xlsx (Excel Workbook) and try again.';

export const xlsxErrors = {
  truncated: (): XlsxError =>
    new XlsxError(
      'truncated',
      'This workbook is incomplete: the file ends too early, as if a copy or download was cut off. Copy or download it again and try again.',
    ),
  corrupt: (detail: string): XlsxError =>
    new XlsxError('corrupt', `This workbook is damaged (${detail}). ${RESAVE}`),
  zipBomb: (detail: string): XlsxError =>
    new XlsxError(
      'zip-bomb',
      `This file was refused: ${detail}. Real workbooks never do this, so it may be a "zip bomb". If you trust the file, ${RESAVE.charAt(0).toLowerCase()}${RESAVE.slice(1)}`,
    ),
  unsupported: (detail: string): XlsxError => new XlsxError('unsupported', `This workbook uses ${detail}, which Dialsheet cannot read. ${RESAVE}`),
  badXml: (part: string, detail: string): XlsxError =>
    new XlsxError('bad-xml', `This workbook is damaged: ${part} is not valid Excel XML (${detail}). ${RESAVE}`),
  missingPart: (part: string): XlsxError =>
    new XlsxError('missing-part', `This workbook is missing a part Excel always writes (${part}). ${RESAVE}`),
};
