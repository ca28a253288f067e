import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';

import { buildConnector } from 'undici';

import { UserError } from '../user-error';
import { CertificateRefusedError, type RefusalReason } from './certificate-refused-error';
import { isLoopbackHost } from '../../../shared/profiles/loopback';
import { peerCertificate, probeCertificate, type CertificateEndpoint } from './server-certificate';
import type { TlsPin } from '../../../shared/profiles/tls-pin';

type ConnectOptions = buildConnector.Options;
type ConnectCallback = buildConnector.Callback;

/** Node's verification codes that mean "this certificate", as opposed to a network failure. */
const CERTIFICATE_CODES: ReadonlyMap<string, RefusalReason> = new Map([
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'wrong-host'],
  ['HOSTNAME_MISMATCH', 'wrong-host'],
  ['CERT_HAS_EXPIRED', 'outside-validity'],
  ['CERT_NOT_YET_VALID', 'outside-validity'],
  ...[
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
    'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
    'CERT_SIGNATURE_FAILURE',
    'CERT_CHAIN_TOO_LONG',
    'CERT_REVOKED',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'INVALID_CA',
    'INVALID_PURPOSE',
    'PATH_LENGTH_EXCEEDED',
  ].map((code): [string, RefusalReason] => [code, 'untrusted']),
]);

function endpointOf(options: ConnectOptions): CertificateEndpoint {
  const host = options.hostname.replace(/^\[(.*)\]$/, '$1');
  const servername = options.servername ?? undefined;
  return { host, port: Number(options.port || 443), servername };
}

/**
 * TLS options per pin. Session resumption is off in every mode: Node skips the host-name check
 * on a resumed session, and a session cached from a connection we went on to refuse must never
 * let a later one through. Connections are kept alive, so the extra handshakes are rare.
 */
function tlsOptionsFor(pin: TlsPin): buildConnector.BuildOptions {
  if (pin === null) return { rejectUnauthorized: true, maxCachedSessions: 0 };
  if ('caPem' in pin) return { ca: pin.caPem, rejectUnauthorized: true, maxCachedSessions: 0 };
  // A fingerprint pin replaces chain verification with an exact identity check (connector below).
  // An on-premises server's self-signed certificate has no chain that could verify, and none is
  // needed: the pin names the one certificate (and so the one private key) we accept, which is a
  // stronger statement than "some CA vouches for this name". Its host name and dates are not
  // checked either, for the same reason: the user confirmed this exact certificate, and such
  // servers are often reached by IP address with a certificate made for another name.
  return { rejectUnauthorized: false, maxCachedSessions: 0 };
}

/** Turns Node's certificate failure into a refusal that tells what the server presented. */
async function explainFailure(error: Error, options: ConnectOptions): Promise<Error> {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = CERTIFICATE_CODES.get(code);
  if (reason === undefined) return error;
  const endpoint = endpointOf(options);
  // The failed handshake was torn down by Node before its certificate could be read, so it is
  // read again on a connection that sends nothing; it only informs the "pin it?" prompt.
  const seen = await probeCertificate(endpoint, 5_000).catch(() => null);
  return new CertificateRefusedError({ host: endpoint.host, port: endpoint.port, reason, tlsCode: code, seen, expectedSha256: null });
}

/** The fingerprint check, run after the handshake and before undici writes a single byte. */
function checkFingerprint(socket: Socket, expected: string, options: ConnectOptions): CertificateRefusedError | null {
  const seen = socket instanceof TLSSocket ? peerCertificate(socket) : null;
  if (seen !== null && seen.sha256 === expected) return null;
  const { host, port } = endpointOf(options);
  return new CertificateRefusedError({ host, port, reason: 'fingerprint-mismatch', tlsCode: null, seen, expectedSha256: expected });
}

function refusePlainHttp(options: ConnectOptions): UserError | null {
  if (options.protocol === 'https:' || isLoopbackHost(options.hostname)) return null;
  return new UserError(
    'refused',
    `Plain http to ${options.hostname} was refused: credentials would cross the network unencrypted. Use an https address; only 127.0.0.1, localhost and ::1 may use http.`,
  );
}

/**
 * An undici connector that applies `pin` to every connection, including ones a redirect opens,
 * and refuses plain http to anything but loopback. There is no parameter that weakens it.
 */
export function buildPinnedConnector(pin: TlsPin): buildConnector.connector {
  const connect = buildConnector(tlsOptionsFor(pin));
  const expected = pin !== null && 'sha256' in pin ? pin.sha256 : null;
  return (options: ConnectOptions, callback: ConnectCallback): void => {
    const plainHttp = refusePlainHttp(options);
    if (plainHttp !== null) return callback(plainHttp, null);
    connect(options, (...args: Parameters<ConnectCallback>) => {
      const [error, socket] = args;
      if (error !== null) {
        void explainFailure(error, options).then((explained) => callback(explained, null));
        return;
      }
      const refusal = options.protocol === 'https:' && expected !== null ? checkFingerprint(socket, expected, options) : null;
      if (refusal === null) return callback(null, socket);
      socket.destroy();
      callback(refusal, null);
    });
  };
}
