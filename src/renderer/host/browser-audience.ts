import { HostError } from './host';

/**
 * Presenter mode in the browser preview: the audience is a second browser window of the same page
 * (`?view=audience`), which the teacher drags to the projector and makes full screen there with F
 * (a page can only go full screen from a key pressed in it).
 */
export function createBrowserAudience(baseUrl: string) {
  let audience: Window | null = null;
  const open = () => (audience && !audience.closed ? audience : null);
  return {
    openAudience: () => {
      const existing = open();
      if (existing) {
        existing.focus();
        return Promise.resolve({ display: 'same' as const });
      }
      const url = new URL(baseUrl);
      url.search = '?view=audience';
      url.hash = '';
      audience = window.open(url.href, 'lactation-atlas-audience', 'popup,width=1024,height=640');
      if (!audience) return Promise.reject(new HostError('forbidden', 'The browser blocked the audience window (allow pop-ups for this page).'));
      return Promise.resolve({ display: 'same' as const });
    },
    closeAudience: () => {
      const existing = open();
      audience = null;
      existing?.close();
      return Promise.resolve({ closed: existing !== null });
    },
    toggleAudienceFullScreen: () => Promise.reject(new HostError('failed', 'In the browser, the audience window goes full screen with F pressed in it.')),
  };
}
