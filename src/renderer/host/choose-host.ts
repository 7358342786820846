import type { AtlasBridge } from '../../shared/ipc-contract';
import { createElectronHost } from './electron-host';
import type { Host } from './host';
import { createWebHost } from './web-host';

declare global {
  interface Window {
    /** Present only inside the desktop app, put there by the preload. */
    atlas?: AtlasBridge;
  }
}

/** The desktop bridge when the preload provided one, otherwise the browser preview's host. */
export function chooseHost(): Host {
  if (window.atlas) return createElectronHost(window.atlas);
  return createWebHost({ storage: window.localStorage, baseUrl: document.baseURI, locale: navigator.language });
}
