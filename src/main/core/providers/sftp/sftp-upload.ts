/**
 * Puts files on the customer's SFTP server (Huawei CC-iSales call data) for the dialer to pick
 * up. The host key must match the user's pin before anything is sent; each file appears under its
 * real name only when complete; any failure is an SftpError saying what is on the server.
 */
import { remoteFailureKind, transportFailureKind, type RemoteStep } from './classify-failure';
import { isSshFingerprint, normalizeFingerprint } from './host-key';
import { ensureDirectory, moveIntoPlace, NotADirectoryError } from './remote-ops';
import { fileNamesProblem, remotePath, temporaryName } from './remote-names';
import {
  badInputFailure,
  noPinFailure,
  scrubSecrets,
  transferFailure,
  type ServerContext,
  type SftpError,
  type TransferFailureKind,
  type UploadState,
} from './sftp-errors';
import { openSession, type Session, type SftpAuth } from './sftp-session';
import { startStallTimer, type StallTimer } from './stall-timer';
import { trackProgress, type Progress } from './upload-progress';
import { IN_FLIGHT_BYTES, writeAll } from './write-all';

export type { SftpAuth } from './sftp-session';

export interface UploadFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface UploadOptions {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly auth: SftpAuth;
  /** The fingerprint the user confirmed ("SHA256:…", see probeHostKey). */
  readonly pinnedHostKey: string;
  /** Created if missing; relative paths start from the account's SFTP start directory. */
  readonly remoteDir: string;
  readonly files: readonly UploadFile[];
  /** Bytes the server has acknowledged, over all files. Throwing from it abandons the upload with that error. */
  readonly onProgress?: (sentBytes: number, totalBytes: number) => void;
  /** How long to wait for the connection, and for the server to answer anything once connected. */
  readonly timeoutMs?: number;
}

export interface UploadedFile {
  readonly name: string;
  readonly remotePath: string;
  readonly bytes: number;
}

export interface UploadResult {
  readonly files: readonly UploadedFile[];
  readonly totalBytes: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const CLEANUP_MS = 3000;
// ssh2's stream would fchmod new files to 0666, ignoring the server's umask: the dialer must
// read the file, and nobody else should be able to change it.
const FILE_MODE = 0o644;

function inputProblem(options: UploadOptions): string | undefined {
  if (!isSshFingerprint(normalizeFingerprint(options.pinnedHostKey))) {
    return `The pinned host key "${options.pinnedHostKey.slice(0, 60)}" is not a SHA256 fingerprint; read and pin the server's key again.`;
  }
  if (options.host.trim() === '') return 'The server host is empty.';
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) return `Port ${options.port} is not a TCP port (1-65535).`;
  if (options.username === '') return 'The user name is empty.';
  if (options.remoteDir.includes('\0')) return 'The remote directory holds a NUL character.';
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) return 'The timeout must be a positive number of milliseconds.';
  return fileNamesProblem(options.files.map((file) => file.name));
}

/** Refuses bad input before any connection: above all a missing pin, which only the user can give. */
function checkInput(options: UploadOptions, server: ServerContext): void {
  const pin: unknown = options.pinnedHostKey;
  if (typeof pin !== 'string' || pin.trim() === '') throw noPinFailure(server);
  const problem = inputProblem(options);
  if (problem !== undefined) throw badInputFailure(problem);
}

/** Carries which kind of request failed, so the server's status can be read in context. */
class StepFailure extends Error {
  constructor(
    readonly step: RemoteStep,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : String(error));
  }
}

interface Run {
  readonly options: UploadOptions;
  readonly session: Session;
  readonly stall: StallTimer;
  readonly progress: Progress;
  readonly state: { remoteDir: string; total: number; uploaded: string[]; current?: string; temporary?: string };
}

/** A request that also gives up when the connection dies, so a dead server cannot hang the upload. */
async function step<T>(run: Run, name: RemoteStep, work: () => Promise<T>): Promise<T> {
  const { lost } = run.session;
  run.stall.kick();
  let stopWaiting = (): void => undefined;
  const gone = new Promise<never>((_, reject) => {
    const onLost = (): void => reject(new Error('the connection ended'));
    lost.addEventListener('abort', onLost, { once: true });
    stopWaiting = () => lost.removeEventListener('abort', onLost);
  });
  try {
    if (lost.aborted) throw new Error('the connection ended');
    return await Promise.race([work(), gone]);
  } catch (error) {
    throw new StepFailure(name, error);
  } finally {
    stopWaiting();
    run.stall.kick();
  }
}

async function putFile(run: Run, file: UploadFile): Promise<UploadedFile> {
  const { client } = run.session;
  const dir = run.options.remoteDir;
  const temporary = remotePath(dir, temporaryName(file.name));
  run.state.current = file.name;
  run.state.temporary = temporary;
  await step(run, 'write', async () => {
    const stream = client.createWriteStream(temporary, { flags: 'w', mode: FILE_MODE, highWaterMark: IN_FLIGHT_BYTES });
    await writeAll(stream, file.bytes, (bytes) => {
      run.stall.kick();
      run.progress.add(bytes);
    });
  });
  const target = remotePath(dir, file.name);
  await step(run, 'rename', () => moveIntoPlace(client, temporary, target));
  run.state.uploaded.push(file.name);
  run.state.current = undefined;
  run.state.temporary = undefined;
  return { name: file.name, remotePath: target, bytes: file.bytes.length };
}

/** Best effort: true when the temporary file is known to be gone. */
async function removeTemporary(run: Run, path: string): Promise<boolean> {
  if (run.session.lost.aborted) return false;
  const removed = run.session.client.delete(path, true).then(
    () => true,
    () => false,
  );
  const gaveUp = new Promise<boolean>((resolve) => setTimeout(resolve, CLEANUP_MS, false).unref());
  return Promise.race([removed, gaveUp]);
}

function failureKind(run: Run, failure: unknown): TransferFailureKind {
  if (run.stall.fired) return 'timeout';
  const transport = transportFailureKind(run.session.transportError);
  if (transport === 'timeout') return 'timeout';
  if (run.session.lost.aborted || transport !== undefined) return 'connection-lost';
  if (!(failure instanceof StepFailure)) return 'failed';
  if (failure.error instanceof NotADirectoryError) return 'remote-dir';
  return remoteFailureKind(failure.error, failure.step);
}

function secretsOf(auth: SftpAuth): string[] {
  return 'password' in auth ? [auth.password] : [auth.passphrase ?? ''];
}

async function describeFailure(run: Run, failure: unknown): Promise<SftpError> {
  const kind = failureKind(run, failure);
  const temporary = run.state.temporary;
  const leftover = temporary !== undefined && !(await removeTemporary(run, temporary)) ? temporary : undefined;
  const state: UploadState = { ...run.state, uploaded: [...run.state.uploaded], ...(leftover !== undefined ? { leftover } : {}) };
  const cause = failure instanceof StepFailure ? failure.error : failure;
  const detail = cause instanceof Error ? scrubSecrets(cause.message, secretsOf(run.options.auth)) : undefined;
  return transferFailure(kind, {
    server: { host: run.options.host, port: run.options.port },
    username: run.options.username,
    timeoutMs: run.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    state,
    ...(detail !== undefined ? { detail } : {}),
  });
}

export async function uploadFiles(options: UploadOptions): Promise<UploadResult> {
  const server: ServerContext = { host: options.host, port: options.port };
  checkInput(options, server);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const totalBytes = options.files.reduce((sum, file) => sum + file.bytes.length, 0);
  const session = await openSession({ ...options, pinnedHostKey: normalizeFingerprint(options.pinnedHostKey), timeoutMs });
  const run: Run = {
    options,
    session,
    stall: startStallTimer(timeoutMs, () => session.destroy()),
    progress: trackProgress(totalBytes, options.onProgress),
    state: { remoteDir: options.remoteDir, total: options.files.length, uploaded: [] },
  };
  try {
    await step(run, 'mkdir', () => ensureDirectory(session.client, options.remoteDir));
    const files: UploadedFile[] = [];
    for (const file of options.files) files.push(await putFile(run, file));
    run.progress.finish();
    return { files, totalBytes };
  } catch (failure) {
    const error = await describeFailure(run, failure);
    // The app's own progress callback failed: that is its error to see, not an SFTP one.
    throw run.progress.callbackError ?? error;
  } finally {
    run.stall.stop();
    await session.close();
  }
}
