/**
 * The renderer's Content-Security-Policy. index.html carries it in a meta tag; both hosts
 * also send it as a header, which adds frame-ancestors (a meta tag cannot carry that).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
