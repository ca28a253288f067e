/**
 * The only hosts that may be reached over plain http: the embedded simulator listens on them, and
 * traffic to them never leaves the machine. Deliberately the three names a user would type, not
 * all of 127.0.0.0/8: a narrow list is easier to reason about and nothing needs more.
 */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Accepts a URL's hostname (IPv6 in brackets) or a bare host as a connector receives it. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}
