import { externalLinkTarget } from './navigation-policy';

/** The parts of Electron's WebContents the hardening uses; a fake one is enough in tests. */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

/**
 * Locks down a web contents: it can never navigate away from the app, never open windows or embed
 * webviews. An `https:` link the learner clicks is offered to the system browser, and opens only
 * if the learner confirms in a dialog: an explicit action, never a script's.
 */
export function hardenWebContents(
  contents: HardenableContents,
  offerExternalLink: (url: string) => void,
): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const target = externalLinkTarget(url);
    if (target) offerExternalLink(target);
    return { action: 'deny' };
  });
}

/**
 * The atlas needs no camera, microphone, location, notifications or anything else. The one
 * exception is full screen for its own pages: presenter mode puts the room's view full screen with
 * the clicker's F (Electron routes the page's `requestFullscreen()` through this handler), and
 * every page it can show is the atlas's own (navigation away is prevented above).
 */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'fullscreen'));
  session.setPermissionCheckHandler(() => false);
}
