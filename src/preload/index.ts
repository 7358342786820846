import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { contract, MENU_COMMAND_CHANNEL, type AtlasBridge, type MenuCommand, type MethodName } from '../shared/ipc-contract';

/**
 * The only file that touches ipcRenderer. It exposes exactly the contract's methods plus the menu
 * event; never ipcRenderer itself, a generic invoke, or event objects.
 */
const methods = Object.fromEntries(
  (Object.keys(contract) as MethodName[]).map((method) => [
    method,
    (request?: unknown) => ipcRenderer.invoke(contract[method].channel, request),
  ]),
);

const bridge = {
  ...methods,
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const forward = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
} as AtlasBridge;

contextBridge.exposeInMainWorld('atlas', bridge);
