import { z } from 'zod';

/**
 * Presenter mode keeps one state: the presenter's window owns it (its lesson clock, blackout,
 * pointer, class quiz) and sends it on every change to the audience, which only draws it. The two
 * windows talk over a BroadcastChannel of this name: the same code in the desktop app (both windows
 * are on app://atlas) and in the browser preview (two tabs or windows of the same origin).
 *
 * Messages come from another window, so each one is checked against these schemas before use and
 * anything else is ignored.
 */
export const PRESENTATION_CHANNEL = 'lactation-atlas-presentation';

/** Whose timings place the sentences: the lesson's recordings or the reading clock (speech uses it too). */
export const PRESENTATION_TIMINGS = ['recorded', 'reading'] as const;
export type PresentationTimings = (typeof PRESENTATION_TIMINGS)[number];

/** A structure of the gland (`duct-3`, `lobule-3.1.2.1`), a close-up part (`part:lactocyte`), or a part of the body map (`body:heart`). */
const pointerSchema = z.string().regex(/^[A-Za-z0-9:.-]{1,96}$/);

export const classQuizPositionSchema = z
  .object({
    /** The question shown, from 0; the question count itself means the closing card. */
    index: z.number().int().min(0).max(500),
    revealed: z.boolean(),
  })
  .strict();
export type ClassQuizPosition = z.infer<typeof classQuizPositionSchema>;

export const presentationStateSchema = z
  .object({
    /** The lesson's file (`content/lessons/en/tree-of-milk.md`), as the library reads it. */
    lessonFile: z.string().regex(/^[A-Za-z0-9_/.-]{1,256}$/),
    timings: z.enum(PRESENTATION_TIMINGS),
    /** Lesson seconds. */
    time: z.number().finite().min(0).max(6 * 3600),
    playing: z.boolean(),
    speed: z.number().finite().min(0.25).max(4),
    captions: z.boolean(),
    /** The room sees a black screen (B or `.` on the clicker). */
    blackout: z.boolean(),
    /** What the teacher points out to the room, or null. */
    pointer: pointerSchema.nullable(),
    /** The class quiz on the projector, or null while the lesson shows. */
    quiz: classQuizPositionSchema.nullable(),
  })
  .strict();
export type PresentationState = z.infer<typeof presentationStateSchema>;

/** What the audience may ask of the presenter: a clicker pressed while the audience window has focus. */
export const PRESENTER_COMMANDS = ['next', 'previous', 'play-pause', 'blackout', 'full-screen', 'leave', 'switch-view'] as const;
export type PresenterCommand = (typeof PRESENTER_COMMANDS)[number];

export const presentationMessageSchema = z.discriminatedUnion('kind', [
  /** Presenter → audience: the whole state (small), sent on every change and every frame while playing. */
  z.object({ kind: z.literal('state'), state: presentationStateSchema }).strict(),
  /** Audience → presenter: "I have just opened, send me the state". */
  z.object({ kind: z.literal('hello') }).strict(),
  /** Audience → presenter: a key the audience window received. */
  z.object({ kind: z.literal('command'), command: z.enum(PRESENTER_COMMANDS) }).strict(),
  /** Presenter → audience: the presentation is over. */
  z.object({ kind: z.literal('ended') }).strict(),
  /** Audience → presenter: the audience window was closed (its close button, the system's keys). */
  z.object({ kind: z.literal('closed') }).strict(),
]);
export type PresentationMessage = z.infer<typeof presentationMessageSchema>;

/** The message, or null when `data` is not one (another app's message, an older version, garbage). */
export function readPresentationMessage(data: unknown): PresentationMessage | null {
  const parsed = presentationMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * The audience's estimate of the presenter's lesson time `elapsed` seconds after `state` arrived:
 * between two messages a playing lesson moves on at its speed, never past its end.
 */
export function extrapolatedTime(state: Pick<PresentationState, 'time' | 'playing' | 'speed'>, elapsed: number, duration: number): number {
  if (!state.playing) return state.time;
  return Math.min(duration, state.time + Math.max(0, elapsed) * state.speed);
}
