import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';

import { UserError } from '../user-error';

/** What the "pin this certificate?" prompt shows a user to compare with their administrator. */
export interface ServerCertificate {
  /** SHA-256 of the DER certificate, upper-case hex with colons. */
  readonly sha256: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly selfSigned: boolean;
}

export interface CertificateEndpoint {
  /** Bare host: IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
  /** SNI name; undefined for an IP address, which may not be sent as SNI. */
  readonly servername: string | undefined;
}

const PROBE_TIMEOUT_MS = 10_000;

/** One line per name, as a person reads it: "CN=dialer.example, O=Example". */
function oneLine(distinguishedName: string): string {
  return distinguishedName.split('\n').filter(Boolean).join(', ');
}

export function describeCertificate(der: Uint8Array): ServerCertificate {
  const certificate = new X509Certificate(der);
  return {
    sha256: certificate.fingerprint256.toUpperCase(),
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    validFrom: certificate.validFrom,
    validTo: certificate.validTo,
    // Not checkIssued(): OpenSSL's version also wants the keyCertSign usage, which a server leaf lacks.
    selfSigned: certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey),
  };
}

/** The leaf certificate a connected TLS socket was shown, or null when it was shown none. */
export function peerCertificate(socket: TLSSocket): ServerCertificate | null {
  const raw = (socket.getPeerCertificate() as { raw?: Buffer }).raw;
  return raw === undefined ? null : describeCertificate(raw);
}

export function endpointOf(url: URL): CertificateEndpoint {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(url.port || 443), servername: isIP(host) === 0 ? host : undefined };
}

/**
 * Reads the certificate a server presents, without trusting it: verification is off for this
 * one handshake because its only purpose is to show the user what the server offers, so they can
 * decide whether to pin it. Nothing is written on this connection and it is closed at once; it
 * is never used for a request.
 */
export function probeCertificate(endpoint: CertificateEndpoint, timeoutMs = PROBE_TIMEOUT_MS): Promise<ServerCertificate> {
  return new Promise((resolve, reject) => {
    const where = `${endpoint.host}:${endpoint.port}`;
    const socket = connect({ host: endpoint.host, port: endpoint.port, servername: endpoint.servername, rejectUnauthorized: false });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      reject(new UserError('unreadable', `${where} did not complete a TLS handshake within ${timeoutMs / 1000} s. Check the address and port.`));
    });
    socket.once('secureConnect', () => {
      const seen = peerCertificate(socket);
      socket.destroy();
      if (seen === null) reject(new UserError('unreadable', `${where} presented no certificate.`));
      else resolve(seen);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      reject(new UserError('unreadable', `Could not read the certificate of ${where}: ${error.code ?? 'TLS handshake failed'}.`));
    });
  });
}

/** For the "pin this certificate?" prompt: the fingerprint and names the server at `url` shows. */
export async function fetchServerCertificate(url: string | URL): Promise<ServerCertificate> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new UserError('bad-input', 'Only an https address has a certificate to read.');
  return probeCertificate(endpointOf(parsed));
}
