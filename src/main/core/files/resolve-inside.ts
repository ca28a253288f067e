import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';

/**
 * The file under `root` that a URL path names, or null when it would leave `root`
 * (`..`, encoded or not, absolute paths, NUL bytes, backslashes used as separators).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  // Browsers resolve dot segments before sending, so one that arrives was put there on purpose.
  if (decoded.split('/').includes('..')) return null;
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const rootAbs = resolve(root);
  const target = resolve(rootAbs, '.' + normalize('/' + wanted));
  const rel = relative(rootAbs, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return target;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function contentTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 ? TYPES[path.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}
