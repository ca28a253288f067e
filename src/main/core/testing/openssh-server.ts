/**
 * For tests: a real OpenSSH sshd on 127.0.0.1, serving only SFTP, with its own config, host key
 * and authorized_keys in a temp dir. The system sshd and its config are never touched.
 *
 * Password auth: with UsePAM off, OpenSSH checks a password against /etc/shadow, so it needs a
 * real account. The harness creates one system user for all runs (TEST_USER, no home, nologin
 * shell) if it is missing, and gives it a fresh random password (through chpasswd's stdin, so the
 * password never shows in a process list) each time a password-mode server starts. Two
 * password-mode servers started at the same time by different processes would overwrite each
 * other's password, so keep password-mode servers in one test file. Key mode uses the same user
 * (so permission tests mean something: root would ignore a read-only directory) and never touches
 * its password. Creating users needs root; without it the harness reports itself unavailable.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEST_USER = 'dialsheet-sftp';
const HOST = '127.0.0.1';
const SSHD_CANDIDATES = ['/usr/sbin/sshd', '/usr/local/sbin/sshd'];
const READY_TIMEOUT_MS = 10_000;

export interface OpenSshServerOptions {
  readonly auth: 'password' | 'key';
  /** Key mode only: encrypt the client key with this passphrase. */
  readonly clientKeyPassphrase?: string;
}

export interface OpenSshServer {
  readonly host: string;
  readonly port: number;
  /** "SHA256:…" as `ssh-keygen -lf` prints it; changes after rotateHostKey(). */
  readonly hostKeyFingerprint: string;
  /** Where uploads land: the sftp session starts here, so relative remote paths resolve under it. */
  readonly dataDir: string;
  readonly username: string;
  readonly password?: string;
  /** The client's private key, OpenSSH format. */
  readonly clientKey?: string;
  readonly logFile: string;
  /** Restarts sshd on the same port with a newly generated host key; resolves to its fingerprint. */
  rotateHostKey(): Promise<string>;
  stop(): Promise<void>;
}

interface Tools {
  readonly sshd: string;
  readonly sshKeygen: string;
}

function findTools(): Tools | string {
  const sshd = SSHD_CANDIDATES.find((path) => existsSync(path));
  if (sshd === undefined) return `no sshd binary (looked in ${SSHD_CANDIDATES.join(', ')}); install openssh-server`;
  const sshKeygen = which('ssh-keygen');
  if (sshKeygen === undefined) return 'no ssh-keygen on PATH; install openssh-client';
  return { sshd, sshKeygen };
}

function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' ? path : undefined;
}

/** Why a server cannot be started here, or undefined when it can. Tests skip with this reason. */
export function openSshServerUnavailableReason(): string | undefined {
  const tools = findTools();
  if (typeof tools === 'string') return tools;
  if (process.getuid?.() !== 0) return 'the OpenSSH test server needs root (it creates a system user and runs sshd)';
  if (which('useradd') === undefined || which('chpasswd') === undefined) return 'useradd/chpasswd are missing';
  return undefined;
}

function run(command: string, args: readonly string[], input?: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', input });
  if (result.status !== 0) {
    throw new Error(`${command} ${args[0] ?? ''} failed (${result.status ?? result.signal}): ${result.stderr.trim()}`);
  }
  return result.stdout;
}

interface Account {
  readonly uid: number;
  readonly gid: number;
}

function lookupAccount(name: string): Account | undefined {
  const found = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  if (found.status !== 0) return undefined;
  const [, , uid, gid] = found.stdout.trim().split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function ensureTestUser(): Account {
  const existing = lookupAccount(TEST_USER);
  if (existing !== undefined) return existing;
  // '*' (not useradd's default '!') because sshd without PAM treats '!' as a locked account and
  // refuses even key logins; '*' matches no password, so the account stays key-only until a
  // password-mode server sets one.
  const created = spawnSync('useradd', ['--system', '-M', '-d', '/nonexistent', '-s', '/usr/sbin/nologin', '-p', '*', TEST_USER], {
    encoding: 'utf8',
  });
  // 9: another test process created it between our lookup and useradd.
  if (created.status !== 0 && created.status !== 9) throw new Error(`useradd failed: ${created.stderr.trim()}`);
  const account = lookupAccount(TEST_USER);
  if (account === undefined) throw new Error(`${TEST_USER} was not created`);
  return account;
}

function setPassword(password: string): void {
  run('chpasswd', [], `${TEST_USER}:${password}\n`);
}

/** Asks the kernel for a free port; sshd binds it a moment later (a start retries if it lost the race). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function fingerprintOf(sshKeygen: string, publicKeyFile: string): string {
  // "256 SHA256:abc… comment (ED25519)"
  const fingerprint = run(sshKeygen, ['-l', '-E', 'sha256', '-f', publicKeyFile]).split(' ')[1];
  if (fingerprint?.startsWith('SHA256:') !== true) throw new Error(`ssh-keygen printed no fingerprint for ${publicKeyFile}`);
  return fingerprint;
}

function generateKey(sshKeygen: string, file: string, passphrase = ''): void {
  run(sshKeygen, ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'dialsheet-test', '-f', file]);
}

interface Layout {
  readonly dir: string;
  readonly dataDir: string;
  readonly hostKey: string;
  readonly clientKey: string;
  readonly authorizedKeys: string;
  readonly config: string;
  readonly logFile: string;
}

function layoutIn(dir: string): Layout {
  return {
    dir,
    dataDir: join(dir, 'data'),
    hostKey: join(dir, 'host_ed25519'),
    clientKey: join(dir, 'client_ed25519'),
    authorizedKeys: join(dir, 'authorized_keys'),
    config: join(dir, 'sshd_config'),
    logFile: join(dir, 'sshd.log'),
  };
}

function sshdConfig(layout: Layout, port: number, auth: OpenSshServerOptions['auth']): string {
  return [
    `Port ${port}`,
    `ListenAddress ${HOST}`,
    `HostKey ${layout.hostKey}`,
    'PidFile none',
    `AuthorizedKeysFile ${layout.authorizedKeys}`,
    // The keys live under /tmp, which StrictModes would reject as world-writable.
    'StrictModes no',
    'UsePAM no',
    `PasswordAuthentication ${auth === 'password' ? 'yes' : 'no'}`,
    `PubkeyAuthentication ${auth === 'key' ? 'yes' : 'no'}`,
    'KbdInteractiveAuthentication no',
    'PermitRootLogin no',
    `AllowUsers ${TEST_USER}`,
    'Subsystem sftp internal-sftp',
    // -d, not ChrootDirectory: a chroot must be root-owned all the way up, and /tmp is not.
    `ForceCommand internal-sftp -d ${layout.dataDir}`,
    'AllowTcpForwarding no',
    'AllowAgentForwarding no',
    'AllowStreamLocalForwarding no',
    'PermitTunnel no',
    'X11Forwarding no',
    'PermitTTY no',
    'PrintMotd no',
    'LogLevel VERBOSE',
    '',
  ].join('\n');
}

/** Resolves once something on the port speaks SSH, so the first test never races sshd's bind. */
async function answersSsh(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: HOST, port });
    const finish = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('data', (chunk: Buffer) => finish(chunk.toString('latin1').startsWith('SSH-2.0-')));
  });
}

async function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntilReady(child: ChildProcess, port: number, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      throw new SshdExited(log.trim());
    }
    if (await answersSsh(port)) return;
    await sleep(50);
  }
  throw new Error(`sshd did not answer on ${HOST}:${port} within ${READY_TIMEOUT_MS} ms`);
}

class SshdExited extends Error {
  constructor(readonly log: string) {
    super(`sshd exited at start: ${log.split('\n').slice(-3).join(' | ')}`);
  }
}

/** Kills the sshd we started if the test process exits without stop(), so no daemon outlives it. */
function killOnExit(child: ChildProcess): () => void {
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.once('exit', kill);
  return () => process.removeListener('exit', kill);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(forced);
}

interface Running {
  readonly child: ChildProcess;
  readonly forget: () => void;
}

async function launch(tools: Tools, layout: Layout, port: number, auth: OpenSshServerOptions['auth']): Promise<Running> {
  await writeFile(layout.config, sshdConfig(layout, port, auth), { mode: 0o600 });
  run(tools.sshd, ['-t', '-f', layout.config]);
  await writeFile(layout.logFile, '');
  // -D keeps sshd in the foreground as our child, so we hold its pid and see it exit.
  const child = spawn(tools.sshd, ['-D', '-f', layout.config, '-E', layout.logFile], { stdio: 'ignore' });
  const forget = killOnExit(child);
  try {
    await waitUntilReady(child, port, layout.logFile);
    return { child, forget };
  } catch (error) {
    forget();
    await stopChild(child);
    throw error;
  }
}

async function launchOnFreePort(tools: Tools, layout: Layout, auth: OpenSshServerOptions['auth']): Promise<{ port: number; running: Running }> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return { port, running: await launch(tools, layout, port, auth) };
    } catch (error) {
      const lostRace = error instanceof SshdExited && error.log.includes('Address already in use');
      if (!lostRace || attempt >= 3) throw error;
    }
  }
}

async function prepareLayout(tools: Tools, account: Account, options: OpenSshServerOptions): Promise<Layout> {
  const layout = layoutIn(await mkdtemp(join(tmpdir(), 'dialsheet-sshd-')));
  // The sftp session runs as the test user and must traverse the dir to reach data/; 0711 lets it
  // through without letting it list or read the host key.
  await chmod(layout.dir, 0o711);
  await mkdir(layout.dataDir, { mode: 0o755 });
  await chown(layout.dataDir, account.uid, account.gid);
  generateKey(tools.sshKeygen, layout.hostKey);
  if (options.auth === 'key') {
    generateKey(tools.sshKeygen, layout.clientKey, options.clientKeyPassphrase);
    await writeFile(layout.authorizedKeys, await readFile(`${layout.clientKey}.pub`));
  } else {
    await writeFile(layout.authorizedKeys, '');
  }
  return layout;
}

interface Credentials {
  readonly password?: string;
  readonly clientKey?: string;
}

/** The handle tests get: it owns the sshd child, and restarts it on the same port for a new host key. */
function serverHandle(
  tools: Tools,
  layout: Layout,
  options: OpenSshServerOptions,
  started: { port: number; running: Running },
  credentials: Credentials,
): OpenSshServer {
  const { port } = started;
  let running: Running | undefined = started.running;
  let fingerprint = fingerprintOf(tools.sshKeygen, `${layout.hostKey}.pub`);
  const halt = async (): Promise<void> => {
    if (running === undefined) return;
    running.forget();
    await stopChild(running.child);
    running = undefined;
  };
  return {
    host: HOST,
    port,
    get hostKeyFingerprint() {
      return fingerprint;
    },
    dataDir: layout.dataDir,
    username: TEST_USER,
    ...credentials,
    logFile: layout.logFile,
    async rotateHostKey() {
      await halt();
      await rm(layout.hostKey, { force: true });
      await rm(`${layout.hostKey}.pub`, { force: true });
      generateKey(tools.sshKeygen, layout.hostKey);
      running = await launch(tools, layout, port, options.auth);
      fingerprint = fingerprintOf(tools.sshKeygen, `${layout.hostKey}.pub`);
      return fingerprint;
    },
    async stop() {
      await halt();
      await rm(layout.dir, { recursive: true, force: true });
    },
  };
}

export async function startOpenSshServer(options: OpenSshServerOptions): Promise<OpenSshServer> {
  const unavailable = openSshServerUnavailableReason();
  if (unavailable !== undefined) throw new Error(`Cannot start the OpenSSH test server: ${unavailable}`);
  const tools = findTools();
  if (typeof tools === 'string') throw new Error(`Cannot start the OpenSSH test server: ${tools}`);
  // sshd refuses to start without its privilege-separation dir. It is left in place afterwards:
  // another test process may have an sshd running that still needs it.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const account = ensureTestUser();
  const password = options.auth === 'password' ? randomBytes(18).toString('base64url') : undefined;
  if (password !== undefined) setPassword(password);

  const layout = await prepareLayout(tools, account, options);
  try {
    const credentials: Credentials = password !== undefined ? { password } : { clientKey: await readFile(layout.clientKey, 'utf8') };
    const started = await launchOnFreePort(tools, layout, options.auth);
    return serverHandle(tools, layout, options, started, credentials);
  } catch (error) {
    await rm(layout.dir, { recursive: true, force: true });
    throw error;
  }
}
