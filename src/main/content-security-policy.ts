/**
 * Sent as a header with every response from `app://` and from the browser preview. Nothing may be
 * loaded from anywhere but the app itself; `data:`/`blob:` images and media are needed for three.js
 * textures and audio. Widen it only for a reason you can name in this comment.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
