/**
 * 10 MiB to a real OpenSSH sshd on loopback: ssh2-sftp-client's plain put() as most code calls it
 * (ssh2 opens the socket, Nagle left on) against our uploadFiles (no-delay, 64 KiB requests with
 * 1 MiB in flight, temporary name + rename). Each case connects, uploads, verifies nothing and
 * disconnects, so connection setup counts on both sides. Rounds alternate and the best is kept,
 * because the machine is shared. Needs root (see src/main/core/testing/openssh-server.ts).
 *   npx jiti bench/sftp-upload.bench.ts [MiB]
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import SftpClient from 'ssh2-sftp-client';

import { sshFingerprint } from '../src/main/core/providers/sftp/host-key';
import { uploadFiles } from '../src/main/core/providers/sftp/sftp-upload';
import { openSshServerUnavailableReason, startOpenSshServer, type OpenSshServer } from '../src/main/core/testing/openssh-server';

const MIB = Number(process.argv[2] ?? 10);
const ROUNDS = 3;
const SILENT = { error: () => undefined, end: () => undefined, close: () => undefined };

type Case = (server: OpenSshServer, bytes: Buffer, name: string) => Promise<void>;

async function withPlainClient(server: OpenSshServer, work: (client: SftpClient) => Promise<unknown>): Promise<void> {
  const client = new SftpClient('bench', SILENT);
  await client.connect({
    host: server.host,
    port: server.port,
    username: server.username,
    privateKey: server.clientKey ?? '',
    hostVerifier: (key: Buffer) => sshFingerprint(key) === server.hostKeyFingerprint,
  });
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** ssh2 writes 64 KiB at a time, one request in flight: the case the toolchain note measured at 5.9 s. */
const putStream: Case = (server, bytes, name) =>
  withPlainClient(server, (client) => {
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536));
    return client.put(Readable.from(chunks), name);
  });

/** The whole buffer in one write, which ssh2 sends as one 256 KiB request after another. */
const putBuffer: Case = (server, bytes, name) => withPlainClient(server, (client) => client.put(bytes, name));

const ours: Case = async (server, bytes, name) => {
  await uploadFiles({
    host: server.host,
    port: server.port,
    username: server.username,
    auth: { privateKey: server.clientKey ?? '' },
    pinnedHostKey: server.hostKeyFingerprint,
    remoteDir: '.',
    files: [{ name, bytes }],
  });
};

async function main(): Promise<void> {
  const unavailable = openSshServerUnavailableReason();
  if (unavailable !== undefined) {
    console.log(`skipped: ${unavailable}`);
    return;
  }
  const server = await startOpenSshServer({ auth: 'key' });
  try {
    const bytes = randomBytes(MIB * 1024 * 1024);
    const cases: Array<[string, Case]> = [
      ['ssh2-sftp-client put(stream), Nagle on (baseline)', putStream],
      ['ssh2-sftp-client put(Buffer), Nagle on', putBuffer],
      ['uploadFiles (ours)', ours],
    ];
    const best = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, run] of cases) {
        const name = `bench-${round}-${cases.findIndex(([l]) => l === label)}.bin`;
        const started = performance.now();
        await run(server, bytes, name);
        best.set(label, Math.min(best.get(label) ?? Infinity, performance.now() - started));
        // Every case must really have put the bytes there, or its time means nothing.
        if (Buffer.compare(await readFile(join(server.dataDir, name)), bytes) !== 0) throw new Error(`${label}: bytes differ on disk`);
        await rm(join(server.dataDir, name));
      }
    }
    const baseline = best.get(cases[0]![0])!;
    console.log(`${MIB} MiB to OpenSSH on loopback, connect + upload + disconnect, best of ${ROUNDS}:`);
    for (const [label] of cases) {
      const ms = best.get(label)!;
      console.log(`  ${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms  ratio ${(ms / baseline).toFixed(3)}  (${(baseline / ms).toFixed(1)}x)`);
    }
  } finally {
    await server.stop();
  }
}

await main();
