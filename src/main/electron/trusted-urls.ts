export const APP_SCHEME = 'app';
export const APP_HOST = 'dialsheet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Whether a frame at `url` is one of the app's own pages: the app:// origin, or in development
 * the dev server's exact origin. Origins are compared parsed, never as string prefixes.
 */
export function isAppUrl(url: unknown, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return true;
  const dev = parse(devServerUrl);
  return dev !== null && parsed.origin === dev.origin;
}

/** Links the app may hand to the system browser: http(s) only, no credentials in them. */
export function isSafeExternalUrl(url: unknown): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password;
}
