import type { AtlasMethods, MenuCommand } from '../../shared/ipc-contract';

/**
 * Everything the renderer needs from the outside world. Two implementations: the Electron bridge
 * (`window.atlas`) and the web host of the browser preview. Components never touch either directly.
 */
export type Host = AtlasMethods & {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** An error from the host, with the code main attached (`not-found`, `read-only`, ...). */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
