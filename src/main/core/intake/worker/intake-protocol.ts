import type { ErrorCode } from '../../../../shared/result';
import type { IntakeMethod } from '../intake';
import type { ProgressEvent } from '../intake-service';

export interface IntakeRequest {
  id: number;
  method: IntakeMethod;
  args: unknown[];
}

export type IntakeReply =
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; code: ErrorCode; message: string; user: boolean }
  | { kind: 'progress'; event: ProgressEvent };

export interface IntakeWorkerData {
  dataDir: string | null;
  defaultCountry: string;
}
