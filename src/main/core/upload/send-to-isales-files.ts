import type { ProfileOf } from '../../../shared/profiles/profile-schemas';
import type { ReceiptRow } from '../../../shared/receipt';
import type { ImportTask } from '../providers/isales/answer';
import { buildCallDataFiles, type CallDataFile } from '../providers/isales/calldata-file';
import type { IsalesCall, IsalesClient } from '../providers/isales/isales-client';
import { realTiming, type Timing } from '../providers/transport/timing';
import type { SftpAuth } from '../providers/sftp/sftp-session';
import { uploadFiles } from '../providers/sftp/sftp-upload';
import { UserError } from '../user-error';
import { toCallDataContact } from './isales-contacts';
import { batchOutcome, type NumberOutcome, type NumberRef, RowReceipts } from './row-receipts';
import { NOT_SENT_CANCELLED, notSentAfter, receiptHooks, type SendHooks } from './send-progress';
import type { PlannedContact } from './upload-plan';

export interface IsalesFileSendOptions extends SendHooks {
  readonly campaignId: string;
  readonly sftp: NonNullable<ProfileOf<'isales'>['sftp']>;
  readonly sftpAuth: SftpAuth;
  /** File names and generated sessionIds are made from it. */
  readonly baseName: string;
  /** A scheduled import (both or neither, as iSales wants). */
  readonly at?: { readonly hour: number; readonly minute: number };
  readonly rowsPerFile?: number;
  /** The first wait before asking about the import tasks; later waits grow to 5 s. */
  readonly pollMs?: number;
  readonly maxWaitMs?: number;
  /** Bytes sent over SFTP. */
  readonly onUploadProgress?: (sent: number, total: number) => void;
  readonly timing?: Timing;
}

const MAX_POLL_MS = 5000;

type IsalesFileClient = Pick<IsalesClient, 'uploadFileServer' | 'queryImportTasks'>;

interface Started {
  readonly file: CallDataFile;
  readonly taskId?: string;
  readonly outcome?: NumberOutcome;
}

export function hostKeyNotPinned(profileName: string): UserError {
  return new UserError(
    'refused',
    `The SFTP server of "${profileName}" has no pinned host key, so Dialsheet cannot know it is talking to the right server. Test the connection and confirm its host key (or put "hostKeySha256" in the profile file), then send again. Nothing was sent.`,
  );
}

function answerWords(answer: Exclude<IsalesCall<unknown>, { ok: true }>): { words: string; mayHaveArrived: boolean } {
  if ('transport' in answer) return { words: answer.transport.message, mayHaveArrived: answer.transport.mayHaveArrived };
  return { words: `CC-iSales: "${answer.error.providerText}". ${answer.error.message}`, mayHaveArrived: false };
}

async function startImport(client: IsalesFileClient, file: CallDataFile, options: IsalesFileSendOptions): Promise<Started> {
  const answer = await client.uploadFileServer(options.campaignId, {
    serverId: options.sftp.serverId,
    // The profile's remote folder is the file server's own directory, so the path is its root.
    filePath: '/',
    fileName: file.name,
    ...(options.at === undefined ? {} : { at: options.at }),
  });
  if (answer.ok) return { file, taskId: answer.value.importTaskId };
  const { words, mayHaveArrived } = answerWords(answer);
  const outcome: NumberOutcome = mayHaveArrived
    ? { status: 'unknown', message: `${words} The import of ${file.name} may have started; see Import Result in CC-iSales.` }
    : { status: 'rejected', message: `The import of ${file.name} was refused: ${words}` };
  return { file, outcome };
}

function taskOutcome(task: ImportTask, file: CallDataFile): NumberOutcome {
  const { succNum = 0, repeatNum = 0, failNum = 0, blackNum = 0 } = task;
  const report = `CC-iSales import of ${file.name}: ${succNum} imported, ${repeatNum} repeated, ${failNum} failed, ${blackNum} on the blocklist${task.errMsg ? ` ("${task.errMsg}")` : ''}.`;
  if (task.status === 'failed' && succNum === 0) return { status: 'rejected', message: report };
  return batchOutcome(file.entries.length, { imported: succNum, duplicate: repeatNum, rejected: failNum + blackNum }, report);
}

async function waitForTasks(client: IsalesFileClient, started: readonly Started[], options: IsalesFileSendOptions, settle: (s: Started, o: NumberOutcome) => void): Promise<void> {
  const timing = options.timing ?? realTiming;
  const pending = new Map(started.filter((s) => s.taskId !== undefined).map((s) => [s.taskId as string, s]));
  const deadline = timing.now() + (options.maxWaitMs ?? 60 * 60_000);
  // A small file is imported in a moment; a 500,000-row one takes minutes, so the asking slows.
  let wait = options.pollMs ?? 500;
  while (pending.size > 0 && timing.now() < deadline && options.signal?.aborted !== true) {
    await timing.sleep(wait, options.signal);
    wait = Math.min(wait * 1.5, MAX_POLL_MS);
    const answer = await client.queryImportTasks(options.campaignId, [...pending.keys()]);
    if (!answer.ok) continue; // a failed poll changes nothing on the server; ask again
    for (const task of answer.value.tasks) {
      const entry = pending.get(task.id);
      if (entry === undefined || !task.finished) continue;
      settle(entry, taskOutcome(task, entry.file));
      pending.delete(task.id);
    }
  }
  for (const entry of pending.values()) {
    settle(entry, { status: 'unknown', message: `The import of ${entry.file.name} had not finished when Dialsheet stopped waiting; see Import Result in CC-iSales.` });
  }
}

function numbersOfRows(contacts: readonly (PlannedContact | undefined)[]): NumberRef[] {
  return contacts.flatMap((contact) => (contact === undefined ? [] : contact.numbers.map((_, index) => ({ contact, index }))));
}

/**
 * The file path: call-data XLSX files (500,000 rows at most each) put on the profile's SFTP
 * server with its host key pinned, one uploadFileServer per file, then queryDataImportTask until
 * each import ends. iSales reports counts per file, so a file wholly in (or out) settles its rows.
 */
export async function sendToIsalesFiles(client: IsalesFileClient, contacts: readonly PlannedContact[], options: IsalesFileSendOptions, profileName: string): Promise<ReceiptRow[]> {
  const pinned = options.sftp.hostKeySha256;
  if (pinned === null) throw hostKeyNotPinned(profileName);
  const receipts = new RowReceipts(contacts, receiptHooks(options));
  const byRow = new Map(contacts.map((c) => [c.row, c]));
  const built = await buildCallDataFiles(contacts.map(toCallDataContact), { baseName: options.baseName, ...(options.rowsPerFile === undefined ? {} : { rowsPerFile: options.rowsPerFile }) });
  for (const rejected of built.rejected) {
    const contact = byRow.get(rejected.sourceRow);
    if (contact) receipts.settleAll(contact, { status: 'invalid', message: `Not sent: ${rejected.problems.map((p) => p.message).join(' ')}` });
  }
  const settleFile = (started: Started, outcome: NumberOutcome): void => {
    for (const entry of started.file.entries) {
      const contact = byRow.get(entry.sourceRow);
      if (contact) receipts.settleAll(contact, outcome);
    }
    options.onProgress?.(receipts.settled, contacts.length);
  };
  if (built.files.length > 0 && options.signal?.aborted !== true) {
    try {
      await uploadFiles({
        host: options.sftp.host,
        port: options.sftp.port,
        username: options.sftp.username,
        auth: options.sftpAuth,
        pinnedHostKey: pinned,
        remoteDir: options.sftp.remoteDir,
        files: built.files.map((f) => ({ name: f.name, bytes: f.bytes })),
        ...(options.onUploadProgress === undefined ? {} : { onProgress: options.onUploadProgress }),
      });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      receipts.settleUnsent({ status: 'rejected', message: `Not sent: the files could not be put on the SFTP server. ${error.message}` });
      return receipts.lines();
    }
    const started: Started[] = [];
    for (const file of built.files) {
      if (options.signal?.aborted) break;
      await options.beforeSend?.(numbersOfRows(file.entries.map((e) => byRow.get(e.sourceRow))));
      const one = await startImport(client, file, options);
      started.push(one);
      if (one.outcome !== undefined) settleFile(one, one.outcome);
    }
    await waitForTasks(client, started, options, settleFile);
  }
  receipts.settleUnsent({ status: 'rejected', message: options.signal?.aborted ? NOT_SENT_CANCELLED : notSentAfter('An earlier step failed.') });
  return receipts.lines();
}
