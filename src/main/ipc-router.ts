import {
  contract,
  MAX_REQUEST_BYTES,
  type Envelope,
  type ErrorCode,
  type MethodName,
  type RequestOf,
  type ResponseOf,
} from '../shared/ipc-contract';
import { describeZodError } from '../shared/zod-messages';
import { isTrustedSender, type FrameLike } from './navigation-policy';

/**
 * What main does for each method, given a request that already passed its schema and the event
 * it came with (a few methods act on the window that asked: printing it, opening its audience).
 */
export type Handlers = { [M in MethodName]: (request: RequestOf<M>, event?: InvokeEventLike) => Promise<ResponseOf<M>> };

export interface InvokeEventLike {
  senderFrame: FrameLike | null;
  /** The asking window's web contents (Electron's `event.sender`); opaque here, used by the wiring. */
  sender?: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
}

/** An error whose code the renderer may act on (e.g. `not-found`, `read-only`). */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function payloadSize(payload: unknown): number | null {
  if (payload === undefined) return 0;
  try {
    return JSON.stringify(payload).length;
  } catch {
    return null;
  }
}

/**
 * Answers one request: checks the sender, the size and the schema before the handler runs, so a
 * bad payload changes nothing. Exported for tests; `registerIpcHandlers` wires it to every channel.
 */
export async function answerRequest<M extends MethodName>(
  method: M,
  event: InvokeEventLike,
  payload: unknown,
  handlers: Handlers,
  log: (message: string) => void = () => undefined,
): Promise<Envelope<ResponseOf<M>>> {
  const spec = contract[method];
  if (!isTrustedSender(event.senderFrame)) {
    log(`refused ${spec.channel}: sender ${event.senderFrame?.url ?? '(none)'} is not the atlas window`);
    return fail('forbidden', `${spec.channel} is only answered for the atlas window`);
  }
  const size = payloadSize(payload);
  if (size === null || size > MAX_REQUEST_BYTES) {
    return fail('invalid-request', `${spec.channel}: the request is not serialisable or larger than ${MAX_REQUEST_BYTES} bytes`);
  }
  const parsed = spec.request.safeParse(payload);
  if (!parsed.success) {
    return fail('invalid-request', `${spec.channel}: ${describeZodError(parsed.error)}`);
  }
  try {
    const handler = handlers[method] as (request: unknown, event: InvokeEventLike) => Promise<ResponseOf<M>>;
    return { ok: true, value: await handler(parsed.data, event) };
  } catch (error) {
    const code = error instanceof HandlerError ? error.code : 'failed';
    const message = error instanceof Error ? error.message : String(error);
    log(`${spec.channel} failed: ${message}`);
    return fail(code, message);
  }
}

export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: Handlers, log?: (message: string) => void): void {
  for (const method of Object.keys(contract) as MethodName[]) {
    ipcMain.handle(contract[method].channel, (event, payload) => answerRequest(method, event, payload, handlers, log));
  }
}
