import type { GlandAnatomy, Lobule } from '../../shared/anatomy/gland-anatomy';
import type { DescribedKind } from '../../shared/content/structure-descriptions';
import { ALVEOLUS_PARTS, type AlveolusPart } from './detail/alveolus-detail';
import { mixSeed } from './detail/detail-math';
import type { LobuleDetailInput } from './detail/lobule-detail';

/**
 * Where the learner is among the atlas's three scales — the whole breast, one lobule, one
 * alveolus — and what they have selected there, as plain data: `navigate` says how a request to
 * show an id changes that, and which camera move goes with it. SceneView carries it out.
 *
 * Ids are those of the gland model (`duct-3`, `lobule-3.1.2`, `alveolus-3.1.2.5`), plus
 * `part:<part>` for a part of the alveolus in the alveolus close-up.
 */
export interface CloseUp {
  lobuleId: string;
  alveolusId: string | null;
  part: AlveolusPart | null;
}

export interface ViewState {
  selectedId: string | null;
  closeUp: CloseUp | null;
}

export type ScaleLevel = 'breast' | 'lobule' | 'alveolus';

export type CameraMove =
  | { kind: 'none' }
  | { kind: 'home' }
  /** Look at a structure of the gland. */
  | { kind: 'focus'; id: string }
  /** Fly to the lobule in the gland, then open its close-up. */
  | { kind: 'fly-into-lobule'; lobuleId: string }
  /** A close-up (or the gland again) has just been shown: frame it. */
  | { kind: 'enter'; level: ScaleLevel };

export type Navigation = { ok: true; state: ViewState; camera: CameraMove } | { ok: false; unknownId: string };

export const INITIAL_VIEW: ViewState = { selectedId: null, closeUp: null };
export const PART_PREFIX = 'part:';

export function scaleLevel(state: ViewState): ScaleLevel {
  if (!state.closeUp) return 'breast';
  return state.closeUp.alveolusId ? 'alveolus' : 'lobule';
}

/** `alveolus-3.1.2.5` → the lobule `lobule-3.1.2` and the alveolus's number in it (from 1). */
export function parseAlveolusId(id: string): { lobuleId: string; index: number } | null {
  const match = /^alveolus-((?:\d+\.)*\d+)\.(\d+)$/.exec(id);
  if (!match) return null;
  return { lobuleId: `lobule-${match[1]}`, index: Number(match[2]) };
}

function findLobule(anatomy: GlandAnatomy, id: string): Lobule | undefined {
  return anatomy.lobules.find((l) => l.id === id);
}

export function isAlveolusOf(anatomy: GlandAnatomy, id: string): boolean {
  const parsed = parseAlveolusId(id);
  const lobule = parsed && findLobule(anatomy, parsed.lobuleId);
  return !!lobule && parsed.index >= 1 && parsed.index <= lobule.alveolusCount;
}

function partOf(id: string): AlveolusPart | null {
  if (!id.startsWith(PART_PREFIX)) return null;
  const part = id.slice(PART_PREFIX.length);
  return (ALVEOLUS_PARTS as readonly string[]).includes(part) ? (part as AlveolusPart) : null;
}

export function navigate(anatomy: GlandAnatomy, state: ViewState, id: string): Navigation {
  const { closeUp } = state;
  const part = partOf(id);
  if (part) {
    if (!closeUp?.alveolusId) return { ok: false, unknownId: id };
    return { ok: true, state: { selectedId: closeUp.alveolusId, closeUp: { ...closeUp, part } }, camera: { kind: 'none' } };
  }
  if (isAlveolusOf(anatomy, id)) {
    const lobuleId = parseAlveolusId(id)!.lobuleId;
    const same = closeUp?.alveolusId === id;
    return { ok: true, state: { selectedId: id, closeUp: { lobuleId, alveolusId: id, part: null } }, camera: same ? { kind: 'none' } : { kind: 'enter', level: 'alveolus' } };
  }
  const node = anatomy.structures.get(id);
  if (!node) return { ok: false, unknownId: id };
  if (node.kind === 'lobule') {
    const lobuleCloseUp: CloseUp = { lobuleId: id, alveolusId: null, part: null };
    if (closeUp?.lobuleId === id) return { ok: true, state: { selectedId: id, closeUp: lobuleCloseUp }, camera: closeUp.alveolusId ? { kind: 'enter', level: 'lobule' } : { kind: 'none' } };
    // Already in a close-up: go straight to the other lobule's. From the gland: fly there first.
    if (closeUp) return { ok: true, state: { selectedId: id, closeUp: lobuleCloseUp }, camera: { kind: 'enter', level: 'lobule' } };
    return { ok: true, state: { selectedId: id, closeUp: null }, camera: { kind: 'fly-into-lobule', lobuleId: id } };
  }
  return { ok: true, state: { selectedId: id, closeUp: null }, camera: id === 'breast' ? { kind: 'home' } : { kind: 'focus', id } };
}

/** Opens the close-up of a lobule the camera has flown to (unless the learner has moved on meanwhile). */
export function arriveAtLobule(state: ViewState, lobuleId: string): ViewState | null {
  if (state.selectedId !== lobuleId || state.closeUp) return null;
  return { selectedId: lobuleId, closeUp: { lobuleId, alveolusId: null, part: null } };
}

/** One step out (Escape): from a part to its alveolus, alveolus → lobule, lobule → the gland with that lobule selected. */
export function levelUp(anatomy: GlandAnatomy, state: ViewState): Navigation | null {
  const { closeUp } = state;
  if (!closeUp) return null;
  if (closeUp.part && closeUp.alveolusId) return { ok: true, state: { selectedId: closeUp.alveolusId, closeUp: { ...closeUp, part: null } }, camera: { kind: 'none' } };
  if (closeUp.alveolusId) return navigate(anatomy, state, closeUp.lobuleId);
  return { ok: true, state: { selectedId: closeUp.lobuleId, closeUp: null }, camera: { kind: 'focus', id: closeUp.lobuleId } };
}

/**
 * The trail the scale breadcrumb shows: Breast › Duct 3 › Lobule 3.1.2 › Alveolus 3.1.2.5 (› part).
 * The main duct stands for its whole branching system; the branches between are in the info panel.
 */
export function scaleTrail(anatomy: GlandAnatomy, state: ViewState): string[] {
  const { closeUp } = state;
  if (!closeUp) return [];
  const lobule = findLobule(anatomy, closeUp.lobuleId);
  const trail = ['breast'];
  if (lobule) trail.push(`duct-${lobule.system}`);
  trail.push(closeUp.lobuleId);
  if (closeUp.alveolusId) trail.push(closeUp.alveolusId);
  if (closeUp.part) trail.push(`${PART_PREFIX}${closeUp.part}`);
  return trail;
}

/** The full trail from the root for the info panel: every duct branch down to the lobule, then the close-up's steps. */
export function treeTrail(anatomy: GlandAnatomy, state: ViewState): string[] {
  const { selectedId, closeUp } = state;
  const anchor = closeUp ? closeUp.lobuleId : selectedId;
  if (!anchor) return [];
  const chain: string[] = [];
  let node = anatomy.structures.get(anchor);
  while (node) {
    chain.unshift(node.id);
    node = node.parentId ? anatomy.structures.get(node.parentId) : undefined;
  }
  if (closeUp?.alveolusId) chain.push(closeUp.alveolusId);
  if (closeUp?.part) chain.push(`${PART_PREFIX}${closeUp.part}`);
  return chain;
}

/** Which description file explains an id (a part of the alveolus, an alveolus, a gland structure). */
export function describedKind(anatomy: GlandAnatomy, id: string): DescribedKind | null {
  const part = partOf(id);
  if (part) return part === 'lumen' ? 'milk' : part;
  if (isAlveolusOf(anatomy, id)) return 'alveolus';
  return anatomy.structures.get(id)?.kind ?? null;
}

/** What the lobule close-up needs from the gland: its terminal duct's course and size, and how many alveoli it has. */
export function lobuleDetailInput(anatomy: GlandAnatomy, lobuleId: string): LobuleDetailInput | null {
  const lobule = findLobule(anatomy, lobuleId);
  const duct = lobule && anatomy.ducts.find((d) => d.id === lobule.ductId);
  if (!lobule || !duct) return null;
  return { lobuleId, ductPoints: duct.points, ductRadius: duct.radii.at(-1) ?? 0.05, alveolusCount: lobule.alveolusCount, seed: anatomy.seed };
}

/** Every alveolus looks a little different, the same way each time. */
export function alveolusSeed(anatomy: GlandAnatomy, alveolusId: string): number {
  return mixSeed(anatomy.seed, alveolusId);
}
