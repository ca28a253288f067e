import type { z } from 'zod';

import { CLI_COLUMN_ROLES, type checkClisOutputSchema } from '../../../shared/mor-tools-schemas';
import { parseCliSheet } from './cli-sheet';

export type CliSheetCheck = z.infer<typeof checkClisOutputSchema>;

/**
 * Reads and checks a sheet of CLIs for the window before anything is sent: the very reading and
 * row check addClis sends from (parseCliSheet), so a row ready here is a row addClis sends, and an
 * invalid one carries the words its receipt will give. What only MOR knows (a device that is not
 * there, a CLI already taken, an unknown IVR) is left for the receipt. A sheet without a device and
 * a CLI column is refused with the headers it should have.
 */
export async function checkCliSheet(bytes: Uint8Array, fileName: string): Promise<CliSheetCheck> {
  const sheet = await parseCliSheet(bytes, fileName);
  const rows = sheet.rows.map(({ row, device, cli, cells, ...verdict }) => ({
    row,
    device,
    cli,
    ...cells,
    ...(verdict.ok ? { status: 'ready' as const, message: '' } : { status: 'invalid' as const, message: `${verdict.problem} It will not be sent.` }),
  }));
  const columns = CLI_COLUMN_ROLES.flatMap((role) => {
    const at = sheet.columns[role];
    return at === undefined ? [] : [{ at, role, header: (sheet.header[at] ?? '').trim() }];
  })
    .sort((a, b) => a.at - b.at)
    .map(({ role, header }) => ({ role, header }));
  const ready = rows.filter((row) => row.status === 'ready').length;
  return { ready, invalid: rows.length - ready, columns, rows, notes: [...sheet.notes] };
}
