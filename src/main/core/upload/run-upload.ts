import type { UnlockedProfile } from '../../../shared/profiles/profile-schemas';
import { countReceipt, type ReceiptCounts, type ReceiptRow } from '../../../shared/receipt';
import { connectIsales, connectMor, connectRingostat, expectProvider, sftpAuth, withConnection } from '../providers/connect';
import type { Timing } from '../providers/transport/timing';
import { sendToIsalesApi } from './send-to-isales-api';
import { sendToIsalesFiles } from './send-to-isales-files';
import { sendToMor } from './send-to-mor';
import type { SendHooks } from './send-progress';
import { sendToRingostat } from './send-to-ringostat';
import type { PlannedContact, UploadPlan } from './upload-plan';
import { morNumbersPerFile, ringostatPace } from './upload-options';

/** Per-upload choices that override the profile's defaults (the window's target step, tests). */
export interface UploadChoices {
  readonly numbersPerFile?: number;
  readonly concurrency?: number;
  readonly requestsPerSecond?: number;
  /** iSales: a scheduled import, hour and minute. */
  readonly at?: { readonly hour: number; readonly minute: number };
  /** iSales: how often to ask about import tasks (tests use a fast simulator). */
  readonly pollMs?: number;
  /** iSales JSON path: the gap between calls; never below 1 s against a real server. */
  readonly intervalMs?: number;
  readonly timing?: Timing;
}

export interface UploadRequest extends SendHooks {
  readonly unlocked: UnlockedProfile;
  readonly campaignId: string;
  readonly plan: UploadPlan;
  /** The source file's name: upload files and sessionIds are named after it. */
  readonly fileName: string;
  readonly choices?: UploadChoices;
  readonly onUploadProgress?: (sent: number, total: number) => void;
}

export interface UploadReceipt {
  readonly provider: UnlockedProfile['profile']['provider'];
  readonly campaignId: string;
  /** One per data row of the file, in row order; the counts add up to the file's data rows. */
  readonly rows: readonly ReceiptRow[];
  readonly counts: ReceiptCounts;
}

function baseNameOf(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

/** What sendContacts needs: an UploadRequest with the contacts to send instead of the whole plan. */
export interface SendRequest extends Omit<UploadRequest, 'plan'> {
  readonly contacts: readonly PlannedContact[];
}

/**
 * Sends contacts to the profile's provider: a whole plan's, or what a resumed job has left.
 * One receipt line per contact.
 */
export async function sendContacts(request: SendRequest): Promise<ReceiptRow[]> {
  const { unlocked, campaignId, contacts, choices = {} } = request;
  const hooks: SendHooks = {
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress }),
    ...(request.onRow === undefined ? {} : { onRow: request.onRow }),
    ...(request.onNumber === undefined ? {} : { onNumber: request.onNumber }),
    ...(request.beforeSend === undefined ? {} : { beforeSend: request.beforeSend }),
  };
  const timing = choices.timing === undefined ? {} : { timing: choices.timing };
  const baseName = baseNameOf(request.fileName);
  switch (unlocked.profile.provider) {
    case 'mor': {
      const { profile, secrets } = expectProvider(unlocked, 'mor', 'The upload');
      const numbersPerFile = morNumbersPerFile(profile, choices);
      return withConnection(connectMor(profile, secrets), (client) => sendToMor(client, contacts, { ...hooks, campaignId, numbersPerFile, baseName }));
    }
    case 'ringostat': {
      const { profile, secrets } = expectProvider(unlocked, 'ringostat', 'The upload');
      const { concurrency, requestsPerSecond } = ringostatPace(profile, choices);
      return withConnection(connectRingostat(profile, secrets), (client) =>
        sendToRingostat(client, contacts, { ...hooks, ...timing, campaignId, concurrency, requestsPerSecond }),
      );
    }
    case 'isales': {
      const { profile, secrets } = expectProvider(unlocked, 'isales', 'The upload');
      const { sftp } = profile;
      return withConnection(connectIsales(profile, secrets), async (client) => {
        if (sftp === null) {
          return sendToIsalesApi(client, contacts, { ...hooks, ...timing, campaignId, baseName, ...(choices.intervalMs === undefined ? {} : { intervalMs: choices.intervalMs }) });
        }
        return sendToIsalesFiles(
          client,
          contacts,
          {
            ...hooks,
            ...timing,
            campaignId,
            baseName,
            sftp,
            sftpAuth: sftpAuth(profile, secrets),
            ...(choices.at === undefined ? {} : { at: choices.at }),
            ...(choices.pollMs === undefined ? {} : { pollMs: choices.pollMs }),
            ...(request.onUploadProgress === undefined ? {} : { onUploadProgress: request.onUploadProgress }),
          },
          profile.name,
        );
      });
    }
  }
}

/**
 * Sends a plan to the profile's provider and gives the receipt: every data row of the file in
 * exactly one of imported, rejected, invalid, duplicate and unknown.
 */
export async function runUpload(request: UploadRequest): Promise<UploadReceipt> {
  const sent = request.plan.send.length > 0 ? await sendContacts({ ...request, contacts: request.plan.send }) : [];
  const rows = [...request.plan.skipped, ...sent].sort((a, b) => a.row - b.row);
  if (rows.length !== request.plan.rows) throw new Error(`the receipt has ${rows.length} rows for ${request.plan.rows} in the file`);
  return { provider: request.unlocked.profile.provider, campaignId: request.campaignId, rows, counts: countReceipt(rows) };
}
