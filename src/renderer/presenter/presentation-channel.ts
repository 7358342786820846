import { PRESENTATION_CHANNEL, readPresentationMessage, type PresentationMessage } from '../../shared/presentation/presentation-state';

/**
 * The line between the presenter's window and the audience's: a BroadcastChannel, which reaches
 * every window of the same origin (both windows of the desktop app are on app://atlas; in the
 * browser preview, two windows of the preview). What arrives is checked before anyone sees it.
 */
export interface PresentationChannel {
  post(message: PresentationMessage): void;
  /** Calls `listener` with each valid message; returns a function that stops listening. */
  listen(listener: (message: PresentationMessage) => void): () => void;
  close(): void;
}

export function openPresentationChannel(): PresentationChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(PRESENTATION_CHANNEL);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const receive = (event: MessageEvent<unknown>): void => {
        const message = readPresentationMessage(event.data);
        if (message) listener(message);
        else console.warn('[atlas] ignored a presentation message that is not one of ours');
      };
      channel.addEventListener('message', receive);
      return () => channel.removeEventListener('message', receive);
    },
    close: () => channel.close(),
  };
}
