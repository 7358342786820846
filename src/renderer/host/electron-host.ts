import { contract, type AtlasBridge, type Envelope, type MethodName } from '../../shared/ipc-contract';
import { HostError, type Host } from './host';

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new HostError(envelope.error.code, envelope.error.message);
}

/** The host inside the desktop app: the preload's bridge, with errors turned back into throws. */
export function createElectronHost(bridge: AtlasBridge): Host {
  const methods = Object.fromEntries(
    (Object.keys(contract) as MethodName[]).map((method) => {
      const call = bridge[method] as (request?: unknown) => Promise<Envelope<unknown>>;
      return [method, async (request?: unknown) => unwrap(await call(request))];
    }),
  );
  return { ...methods, onMenuCommand: (listener) => bridge.onMenuCommand(listener) } as Host;
}
