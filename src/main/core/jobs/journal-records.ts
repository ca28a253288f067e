import { z } from 'zod';

import { RECEIPT_STATUSES } from '../../../shared/receipt';

const keys = z.array(z.number().int().nonnegative()).min(1);
const at = z.iso.datetime();

/**
 * One line of a job's journal. Numbers are named by their key: their place among the plan's
 * numbers, in plan order. Nothing here carries a secret: messages are masked before writing.
 *
 * - run / pause / cancel / stop: a run of the job began, or ended that way (stop: it ran out of
 *   numbers, or the provider's answer stopped it).
 * - send: these numbers are about to go to the provider. Written, and flushed, before the request:
 *   a number with a send and no end was in flight when Dialsheet stopped.
 * - end: their outcome. free: they certainly did not reach the provider (paused, or chosen to be
 *   sent again), so they wait to be sent. leave: the user chose to leave these unknown numbers.
 */
export const journalRecordSchema = z.discriminatedUnion('k', [
  z.strictObject({ k: z.literal('run'), at, pid: z.number().int() }),
  z.strictObject({ k: z.literal('pause'), at }),
  z.strictObject({ k: z.literal('cancel'), at }),
  z.strictObject({ k: z.literal('stop'), at }),
  z.strictObject({ k: z.literal('send'), n: keys }),
  // t: when, in epoch milliseconds; the last one of a run cut short tells how long it ran.
  z.strictObject({ k: z.literal('end'), n: keys, s: z.enum(RECEIPT_STATUSES), m: z.string(), t: z.number().int().nonnegative() }),
  z.strictObject({ k: z.literal('free'), n: keys }),
  z.strictObject({ k: z.literal('leave'), n: keys }),
]);

export type JournalRecord = z.infer<typeof journalRecordSchema>;
export type ControlRecord = Extract<JournalRecord, { k: 'run' | 'pause' | 'cancel' | 'stop' }>;
