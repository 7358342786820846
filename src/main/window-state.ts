import { z } from 'zod';
import type { DocumentSpec } from '../shared/persisted-document';

/**
 * Where the main window was, and where to put it back. A saved position is kept (nudged fully onto
 * its display) only if a grabbable part of the window lands on a display that still exists;
 * otherwise (a projector or a second monitor unplugged) the window comes back on the primary
 * display, sized to fit.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayLike {
  workArea: Rect;
}

const rectSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const windowStateSchema = z
  .object({ schemaVersion: z.literal(1), bounds: rectSchema.nullable(), maximized: z.boolean() })
  .strict();
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** How much of the title bar must be on a display for the user to grab it (px). */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;

export const windowStateDocument: DocumentSpec<WindowState> = {
  name: 'window-state',
  currentVersion: 1,
  schema: windowStateSchema,
  migrations: {},
  defaults: () => ({ schemaVersion: 1, bounds: null, maximized: false }),
};

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function centredIn(area: Rect, width: number, height: number): Rect {
  const w = Math.min(width, area.width);
  const h = Math.min(height, area.height);
  return {
    x: Math.round(area.x + (area.width - w) / 2),
    y: Math.round(area.y + (area.height - h) / 2),
    width: w,
    height: h,
  };
}

export function defaultBoundsOn(primary: DisplayLike): Rect {
  return centredIn(primary.workArea, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height);
}

/** The bounds to open the window with, given what was saved and the displays present now. */
export function placeWindow(saved: Rect | null, displays: readonly DisplayLike[], primary: DisplayLike): Rect {
  if (!saved) return defaultBoundsOn(primary);
  const home = displays.find((d) => {
    const o = overlap(saved, d.workArea);
    return o.width >= Math.min(GRAB_WIDTH, saved.width) && o.height >= Math.min(GRAB_HEIGHT, saved.height);
  });
  if (!home) return centredIn(primary.workArea, saved.width, saved.height);
  const area = home.workArea;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  // Keep the remembered position, nudged so the whole window fits on that display.
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}
