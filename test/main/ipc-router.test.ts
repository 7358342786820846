import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { answerRequest, HandlerError, registerIpcHandlers, type Handlers } from '../../src/main/ipc-router';
import { contract, MAX_REQUEST_BYTES, type MethodName } from '../../src/shared/ipc-contract';

const ownFrame = { senderFrame: { url: 'app://atlas/index.html', parent: null } };

/** One valid request per method, so every channel is exercised. */
const VALID: { [M in MethodName]: unknown } = {
  getAppInfo: undefined,
  listContent: { root: 'content' },
  readContent: { root: 'models', path: 'gland.json' },
  readSettings: undefined,
  writeSettings: { schemaVersion: 2, language: 'fr', theme: 'standard', narrationVoice: 'reading', systemVoice: null, narrationSpeed: 1.5 },
  readProgress: undefined,
  writeProgress: { schemaVersion: 2, lessons: {}, bookmarks: [] },
  exportProgress: { progress: { schemaVersion: 2, lessons: {}, bookmarks: [] } },
  importProgress: undefined,
  openAudience: undefined,
  closeAudience: undefined,
  toggleAudienceFullScreen: undefined,
  saveHandoutPdf: { fileName: 'lactation-atlas-tree-of-milk-en.pdf' },
};

/** Wrong shapes, types and sizes, per method. */
const INVALID: { [M in MethodName]: unknown[] } = {
  getAppInfo: [{}, 'info', 1, null],
  listContent: [undefined, {}, { root: 'home' }, { root: 'content', extra: 1 }, 'content', [], null],
  readContent: [
    { root: 'content' },
    { root: 'content', path: '../package.json' },
    { root: 'content', path: '/etc/passwd' },
    { root: 'content', path: 'a'.repeat(600) },
    { root: 'userData', path: 'progress.json' },
    { root: 'content', path: 42 },
  ],
  readSettings: [{ force: true }, 'x'],
  writeSettings: [
    undefined,
    {},
    { schemaVersion: 2, language: 'de', theme: 'standard', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 },
    { schemaVersion: 1, language: 'en', theme: 'standard' },
    { schemaVersion: 3, language: 'en', theme: 'standard', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1 },
    { schemaVersion: 2, language: 'en', theme: 'standard' },
    { schemaVersion: 2, language: 'en', theme: 'standard', narrationVoice: 'audio', systemVoice: null, narrationSpeed: 1, admin: true },
    { schemaVersion: 2, language: 'en', theme: 'standard', narrationVoice: 'robot', systemVoice: null, narrationSpeed: 1 },
    { schemaVersion: 2, language: 'en', theme: 'standard', narrationVoice: 'speech', systemVoice: null, narrationSpeed: 2 },
    { schemaVersion: 2, language: 'en', theme: 'standard', narrationVoice: 'speech', systemVoice: '', narrationSpeed: 1 },
    { schemaVersion: 2, language: 'en', theme: 'standard', narrationVoice: 'speech', systemVoice: 'x'.repeat(201), narrationSpeed: 1 },
    { schemaVersion: 2, language: 'en', theme: 'standard', narrationVoice: 'speech', systemVoice: 42, narrationSpeed: 1 },
  ],
  readProgress: [0],
  writeProgress: [
    { schemaVersion: 1 },
    { schemaVersion: 1, lessons: { '../x': { completed: true, lastPositionSeconds: 0, bestQuizScore: null, updatedAt: '2026-01-01T00:00:00Z' } } },
    { schemaVersion: 1, lessons: { a: { completed: true, lastPositionSeconds: -5, bestQuizScore: null, updatedAt: '2026-01-01T00:00:00Z' } } },
    { schemaVersion: 1, lessons: { a: { completed: true, lastPositionSeconds: 0, bestQuizScore: 2, updatedAt: 'yesterday' } } },
    { schemaVersion: 1, lessons: {}, padding: 'x'.repeat(MAX_REQUEST_BYTES) },
  ],
  exportProgress: [
    undefined,
    {},
    { schemaVersion: 1, lessons: {} },
    // The renderer never names the file: main asks the learner where to save it.
    { progress: { schemaVersion: 1, lessons: {} }, path: '/etc/passwd' },
    { progress: { schemaVersion: 1, lessons: { '../x': { completed: true, lastPositionSeconds: 0, bestQuizScore: null, updatedAt: '2026-01-01T00:00:00Z' } } } },
    { progress: { schemaVersion: 1, lessons: {} } },
    { progress: { schemaVersion: 2, lessons: {} } },
  ],
  importProgress: [{ path: '/etc/passwd' }, 'progress.json', 0],
  openAudience: [{ display: 'external' }, 'open', 1],
  closeAudience: [{ all: true }, null],
  toggleAudienceFullScreen: [{ fullScreen: true }, true],
  saveHandoutPdf: [undefined, {}, 'x.pdf', { fileName: '../x.pdf' }, { fileName: 'x.exe' }, { fileName: 'x.pdf', folder: '/tmp' }],
};

function spyHandlers(): Handlers & Record<MethodName, ReturnType<typeof vi.fn>> {
  const handlers = Object.fromEntries(
    (Object.keys(contract) as MethodName[]).map((method) => [method, vi.fn(() => Promise.resolve({ method } as never))]),
  );
  return handlers as unknown as Handlers & Record<MethodName, ReturnType<typeof vi.fn>>;
}

const methods = Object.keys(contract) as MethodName[];

describe('answerRequest', () => {
  it.each(methods)('%s: answers a valid request from the atlas window', async (method) => {
    const handlers = spyHandlers();
    expect(await answerRequest(method, ownFrame, VALID[method], handlers)).toEqual({ ok: true, value: { method } });
    expect(handlers[method]).toHaveBeenCalledTimes(1);
  });

  it.each(methods)('%s: refuses other senders before looking at the payload', async (method) => {
    const handlers = spyHandlers();
    for (const senderFrame of [null, { url: 'https://evil.example/', parent: null }, { url: 'app://atlas/index.html', parent: { url: 'app://atlas/' } }]) {
      const answer = await answerRequest(method, { senderFrame }, VALID[method], handlers);
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it.each(methods)('%s: refuses payloads of the wrong shape, type or size with a message', async (method) => {
    const handlers = spyHandlers();
    for (const payload of INVALID[method]) {
      const answer = await answerRequest(method, ownFrame, payload, handlers);
      expect(answer.ok, JSON.stringify(payload)?.slice(0, 80)).toBe(false);
      expect(!answer.ok && answer.error.code).toBe('invalid-request');
      expect(!answer.ok && answer.error.message).toContain(contract[method].channel);
    }
    expect(handlers[method]).not.toHaveBeenCalled();
  });

  it.each(methods)('%s: only ever passes schema-valid requests to the handler', async (method) => {
    const handlers = spyHandlers();
    await fc.assert(
      fc.asyncProperty(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }), async (payload) => {
        handlers[method].mockClear();
        const answer = await answerRequest(method, ownFrame, payload, handlers);
        const valid = contract[method].request.safeParse(payload).success;
        if (!answer.ok) expect(handlers[method]).not.toHaveBeenCalled();
        else expect(valid).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses payloads that cannot be measured, such as cycles', async () => {
    const cyclic: Record<string, unknown> = { root: 'content' };
    cyclic['self'] = cyclic;
    expect(await answerRequest('listContent', ownFrame, cyclic, spyHandlers())).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('turns handler failures into error values with their code', async () => {
    const handlers = spyHandlers();
    handlers.readContent.mockRejectedValueOnce(new HandlerError('not-found', 'No content file at "x.md"'));
    handlers.writeProgress.mockRejectedValueOnce(new Error('disk full'));
    expect(await answerRequest('readContent', ownFrame, VALID.readContent, handlers)).toEqual({ ok: false, error: { code: 'not-found', message: 'No content file at "x.md"' } });
    expect(await answerRequest('writeProgress', ownFrame, VALID.writeProgress, handlers)).toEqual({ ok: false, error: { code: 'failed', message: 'disk full' } });
  });
});

describe('registerIpcHandlers', () => {
  it('registers one handler per contract channel', () => {
    const handle = vi.fn();
    registerIpcHandlers({ handle }, spyHandlers());
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual(methods.map((m) => contract[m].channel).sort());
  });
});
