import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, MENU_COMMAND_CHANNEL } from '../../src/shared/ipc-contract';

const exposed = new Map<string, Record<string, unknown>>();
const ipcRenderer = {
  invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'answer' })),
  on: vi.fn(),
  removeListener: vi.fn(),
  send: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, unknown>) => exposed.set(name, api) },
  ipcRenderer,
}));

beforeEach(async () => {
  exposed.clear();
  vi.resetModules();
  vi.clearAllMocks();
  await import('../../src/preload/index');
});

describe('preload', () => {
  it('exposes exactly the contract methods and the menu listener as window.atlas', () => {
    const api = exposed.get('atlas');
    expect([...exposed.keys()]).toEqual(['atlas']);
    expect(Object.keys(api ?? {}).sort()).toEqual([...Object.keys(contract), 'onMenuCommand'].sort());
    for (const value of Object.values(api ?? {})) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it('invokes each method on its own channel with the request only', async () => {
    const api = exposed.get('atlas') as Record<string, (request?: unknown) => Promise<unknown>>;
    await api['readContent']?.({ root: 'content', path: 'about/en.md' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('content:read', { root: 'content', path: 'about/en.md' });
    for (const [method, spec] of Object.entries(contract)) {
      ipcRenderer.invoke.mockClear();
      await api[method]?.(undefined);
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(spec.channel, undefined);
    }
  });

  it('passes menu commands to the listener without the event object, and can stop', () => {
    const api = exposed.get('atlas') as { onMenuCommand(listener: (command: unknown) => void): () => void };
    const listener = vi.fn();
    const stop = api.onMenuCommand(listener);
    const [channel, forward] = ipcRenderer.on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe(MENU_COMMAND_CHANNEL);
    forward({ sender: 'secret event' }, { type: 'show-about' });
    expect(listener).toHaveBeenCalledWith({ type: 'show-about' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(MENU_COMMAND_CHANNEL, forward);
  });
});
