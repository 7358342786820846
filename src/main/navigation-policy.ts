/** The origin the renderer is served from. Every trusted frame lives here. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'atlas';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The only links that may leave the app: well-formed `https:` URLs with a host and no credentials.
 * Returns the normalised URL to hand to the system browser, or null.
 */
export function externalLinkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') {
    return null;
  }
  return parsed.href;
}

/** A frame as main sees it when a message arrives. */
export interface FrameLike {
  url: string;
  parent: unknown;
}

/** Requests are served only for our own top-level frame on `app://atlas`. */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}
