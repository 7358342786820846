import { z } from 'zod';
import { CAMERA_SHOTS, type CameraShotName, type CameraTarget, type SceneView } from './camera-shots';
import { cameraArgument, closeUpArgument, layerArgument, structureArgument, viewArgument, type Cue } from './cue-vocabulary';
import {
  carriedOver,
  feed,
  letDown,
  lifeTimeArgument,
  release,
  scenarioArgument,
  setScenario,
  setStage,
  setStress,
  setTime,
  stageArgument,
  type LessonPhysiology,
  type LifeTimeSpec,
} from './lesson-physiology';
import type { ScenarioKind, StageId } from '../physiology/physiology-types';
import { isInTreeLayout, parseAlveolusId, partOf, SCENE_LAYERS, type SceneLayer, type StructureCatalog } from './structure-ids';

/**
 * What the 3D view shows at one moment of a lesson, as plain data, and how cues change it.
 *
 * Each step starts from a scene: the one its ```scene block declares, on top of where the previous
 * step ended (keys left out carry over; the first step starts from `INITIAL_SCENE`). Cues then change
 * it one after the other (`applyCue`), so the scene at any point of a step is a fold of its cues:
 * that is how the player seeks (`sceneAt` in load-lessons.ts).
 *
 * `physiology` is null while the gland is shown and describes the physiology view otherwise
 * (lesson-physiology.ts).
 */
export interface SceneState {
  camera: CameraTarget;
  view: SceneView;
  /** The visible layers, in `SCENE_LAYERS` order. */
  layers: readonly SceneLayer[];
  /** Highlighted ids, in the order they were highlighted. */
  highlight: readonly string[];
  /** Ids whose name is shown beside them. */
  labels: readonly string[];
  /** The lobule or alveolus whose close-up is open, or null for the whole gland. */
  closeUp: string | null;
  /** The physiology view (body map, hormones, stage, feed), or null for the gland. */
  physiology: LessonPhysiology | null;
}

export const INITIAL_SCENE: SceneState = Object.freeze<SceneState>({
  camera: { kind: 'shot', shot: 'whole-breast' },
  view: 'anatomy',
  layers: SCENE_LAYERS,
  highlight: [],
  labels: [],
  closeUp: null,
  physiology: null,
});

// ---------------------------------------------------------------------------------------------
// The scene block

/** Keys planned for later issues: refused with a message that says so. */
export const RESERVED_SCENE_KEYS: Readonly<Record<string, string>> = {};

const structureIds = (catalog: StructureCatalog, key: string) =>
  z
    .array(z.string({ error: `each item of ${key} must be a structure id, e.g. duct-3` }).pipe(structureArgument(catalog)), {
      error: `${key} must be a list of structure ids, e.g. [nipple, duct-3], or [] for none`,
    })
    .transform((lists) => [...new Set(lists.flat())]);

/** Turns `all` into every layer and `none` into no layer. */
const layerWords = (value: unknown): unknown => (value === 'all' ? [...SCENE_LAYERS] : value === 'none' ? [] : value);

export function sceneBlockShape(catalog: StructureCatalog) {
  return {
    /** A camera shot or a structure to frame. */
    camera: z.string({ error: 'camera must be a camera shot or a structure id, e.g. whole-breast or duct-3' }).pipe(cameraArgument(catalog)).optional(),
    view: z.string({ error: 'view must be anatomy or tree' }).pipe(viewArgument).optional(),
    /** Exactly the visible layers; `all` or `none` also work. */
    layers: z
      .preprocess(
        layerWords,
        z.array(z.string({ error: 'each layer must be a word, e.g. ducts' }).pipe(layerArgument), {
          error: 'layers must be a list of layers, e.g. [ducts, lobules], or all, or none',
        }),
      )
      .optional(),
    highlight: structureIds(catalog, 'highlight').optional(),
    labels: structureIds(catalog, 'labels').optional(),
    /** A lobule or an alveolus to start the step in its close-up; `none` for the whole gland. */
    closeUp: z
      .preprocess((value) => (value === 'none' ? null : value), z.string({ error: 'closeUp must be a lobule or alveolus id, or none' }).pipe(closeUpArgument(catalog)).nullable())
      .optional(),
    /** on: the physiology view; off: the gland. Setting time, stage or scenario also means on. */
    physiology: z.enum(['on', 'off'], { error: 'physiology must be on or off' }).optional(),
    time: z.string({ error: 'time must be a landmark or unit-N, e.g. day-3 or pregnancy-week-20' }).pipe(lifeTimeArgument).optional(),
    stage: z.string({ error: 'stage must be a stage of lactation, e.g. secretory-activation' }).pipe(stageArgument).optional(),
    scenario: z.string({ error: 'scenario must be term-birth, relactation or induced-lactation' }).pipe(scenarioArgument).optional(),
    placenta: z.enum(['complete', 'retained'], { error: 'placenta must be complete or retained' }).optional(),
    stress: z.number({ error: 'stress must be a number from 0 to 100' }).min(0, { error: 'stress must be from 0 to 100' }).max(100, { error: 'stress must be from 0 to 100' }).optional(),
  };
}

export type SceneBlock = {
  camera?: CameraTarget | undefined;
  view?: SceneView | undefined;
  layers?: SceneLayer[] | undefined;
  highlight?: string[] | undefined;
  labels?: string[] | undefined;
  closeUp?: string | null | undefined;
  physiology?: 'on' | 'off' | undefined;
  time?: LifeTimeSpec | undefined;
  stage?: StageId | undefined;
  scenario?: ScenarioKind | undefined;
  placenta?: 'complete' | 'retained' | undefined;
  stress?: number | undefined;
};

export function sceneBlockSchema(catalog: StructureCatalog): z.ZodType<SceneBlock> {
  return z.strictObject(sceneBlockShape(catalog), {
    error: 'a scene block is a list of keys and values (camera: …, view: …, layers: […], highlight: […])',
  });
}

/** Where a step without a scene block starts: where the last one ended, but between feeds. */
export function continueScene(previous: SceneState): SceneState {
  const physiology = carriedOver(previous.physiology);
  return physiology === previous.physiology ? previous : { ...previous, physiology };
}

/** The scene a step starts in: `previous` (where the last step ended) with the block's keys applied. */
export function resolveScene(previous: SceneState, block: SceneBlock): SceneState {
  let scene: SceneState = { ...continueScene(previous) };
  scene.physiology = resolvePhysiology(scene.physiology, block);
  if (block.view !== undefined) scene = withView(scene, block.view);
  if (block.layers !== undefined) scene.layers = orderedLayers(block.layers);
  if (block.closeUp !== undefined && block.closeUp !== scene.closeUp) {
    scene = block.closeUp === null ? leaveCloseUp(scene, { kind: 'shot', shot: 'whole-breast' }) : enterCloseUp(scene, block.closeUp);
  }
  if (block.camera !== undefined) scene.camera = block.camera;
  if (block.highlight !== undefined) scene.highlight = block.highlight;
  if (block.labels !== undefined) scene.labels = block.labels;
  return scene;
}

function resolvePhysiology(current: LessonPhysiology | null, block: SceneBlock): LessonPhysiology | null {
  if (block.physiology === 'off') return null;
  const touched = block.physiology === 'on' || block.stage !== undefined || block.time !== undefined || block.scenario !== undefined || block.placenta !== undefined || block.stress !== undefined;
  if (!touched) return current;
  let physiology = current ?? setStress(null, 0);
  if (block.stage !== undefined) physiology = setStage(physiology, block.stage);
  if (block.scenario !== undefined || block.placenta !== undefined) {
    physiology = setScenario(physiology, block.scenario ?? physiology.scenario, (block.placenta ?? (physiology.retainedPlacenta ? 'retained' : 'complete')) === 'retained');
  }
  if (block.time !== undefined) physiology = setTime(physiology, block.time);
  if (block.stress !== undefined) physiology = setStress(physiology, block.stress / 100);
  return physiology;
}

// ---------------------------------------------------------------------------------------------
// Cues

/**
 * The scene after one cue. Never fails: `checkCue` says beforehand whether the cue makes sense there.
 * `at` is when the cue fires, in seconds from the start of its step (the physiology's events need it).
 */
export function applyCue(scene: SceneState, cue: Cue, at = 0): SceneState {
  switch (cue.name) {
    case 'physiology':
      return { ...scene, physiology: cue.args.on ? (scene.physiology ?? setStress(null, 0)) : null };
    case 'time':
      return { ...scene, physiology: setTime(scene.physiology, cue.args.when) };
    case 'stage':
      return { ...scene, physiology: setStage(scene.physiology, cue.args.stage) };
    case 'scenario':
      return { ...scene, physiology: setScenario(scene.physiology, cue.args.scenario, cue.args.retainedPlacenta) };
    case 'release':
      return { ...scene, physiology: release(scene.physiology, cue.args.hormone, at) };
    case 'cry':
      return { ...scene, physiology: release(scene.physiology, 'oxytocin', at, true) };
    case 'feed':
      return { ...scene, physiology: feed(scene.physiology, cue.args.word, cue.args.cry, at) };
    case 'let-down':
      return { ...scene, physiology: letDown(scene.physiology, at) };
    case 'stress':
      return { ...scene, physiology: setStress(scene.physiology, cue.args.stress) };
    case 'focus': {
      const { target } = cue.args;
      if (target.kind === 'structure' && partOf(target.id)) return { ...scene, camera: target };
      return leaveCloseUp(scene, target);
    }
    case 'highlight':
      return { ...scene, highlight: union(scene.highlight, cue.args.ids) };
    case 'unhighlight':
      return { ...scene, highlight: cue.args.ids.length === 0 ? [] : without(scene.highlight, cue.args.ids) };
    case 'label':
      return { ...scene, labels: union(scene.labels, cue.args.ids) };
    case 'unlabel':
      return { ...scene, labels: cue.args.ids.length === 0 ? [] : without(scene.labels, cue.args.ids) };
    case 'pulse':
      return scene;
    case 'show':
      return { ...scene, layers: orderedLayers([...scene.layers, ...cue.args.layers]) };
    case 'hide':
      return { ...scene, layers: scene.layers.filter((layer) => !cue.args.layers.includes(layer)) };
    case 'morph':
      return withView(scene, cue.args.view);
    case 'fly-into':
      return enterCloseUp(scene, cue.args.id);
    case 'fly-out': {
      const { closeUp } = scene;
      if (closeUp === null) return scene;
      const alveolus = parseAlveolusId(closeUp);
      if (alveolus) return enterCloseUp(scene, alveolus.lobuleId);
      return leaveCloseUp(scene, { kind: 'structure', id: closeUp });
    }
  }
}

/** Why `cue` cannot happen in `scene`, or null when it can. */
export function checkCue(scene: SceneState, cue: Cue, catalog: StructureCatalog): string | null {
  const marker = `{${cue.name}}`;
  if (scene.physiology !== null && GLAND_CUES.has(cue.name)) {
    return `${marker} acts on the gland, and the physiology view is shown: add {physiology off} before it`;
  }
  switch (cue.name) {
    case 'physiology':
    case 'time':
    case 'stage':
    case 'scenario':
    case 'release':
    case 'cry':
    case 'let-down':
    case 'stress':
      return null;
    case 'feed':
      return cue.args.word === 'stop' && (scene.physiology?.feed ?? null) === null ? `${marker}: no feed is under way in this step (start one with {feed breastfeed} or {feed pump})` : null;
    case 'focus':
      return cameraProblem(cue.args.target, scene, catalog, marker);
    case 'highlight':
    case 'label':
    case 'pulse':
      return partsProblem(cue.args.ids, scene, marker);
    case 'unhighlight':
    case 'unlabel':
    case 'show':
    case 'hide':
      return null;
    case 'morph':
      return scene.closeUp !== null ? `${marker} is not available in a close-up: leave ${scene.closeUp} with {fly-out} first` : null;
    case 'fly-into':
      return scene.view === 'tree' ? `${marker} needs the anatomical view: add {morph anatomy} before it` : null;
    case 'fly-out':
      return scene.closeUp === null ? `${marker}: the scene is not in a close-up (open one with {fly-into …})` : null;
  }
}

/** Cues that act on the gland's 3D view, not shown while the physiology view is. */
const GLAND_CUES: ReadonlySet<Cue['name']> = new Set(['focus', 'highlight', 'unhighlight', 'label', 'unlabel', 'pulse', 'show', 'hide', 'morph', 'fly-into', 'fly-out']);

export interface SceneProblem {
  /** The scene-block keys the problem concerns, the most relevant first. */
  keys: readonly (keyof SceneBlock)[];
  message: string;
}

/** What is wrong with a step's starting scene (parts outside an alveolus, a close-up in the tree view…). */
export function checkScene(scene: SceneState, catalog: StructureCatalog): SceneProblem[] {
  const problems: SceneProblem[] = [];
  if (scene.closeUp !== null && scene.view === 'tree') {
    problems.push({ keys: ['view', 'closeUp'], message: 'a close-up cannot be shown in the tree view: set view: anatomy or closeUp: none' });
  }
  const camera = cameraProblem(scene.camera, scene, catalog, 'camera');
  if (camera) problems.push({ keys: ['camera', 'view', 'closeUp'], message: camera });
  const highlight = partsProblem(scene.highlight, scene, 'highlight');
  if (highlight) problems.push({ keys: ['highlight', 'closeUp'], message: highlight });
  const labels = partsProblem(scene.labels, scene, 'labels');
  if (labels) problems.push({ keys: ['labels', 'closeUp'], message: labels });
  return problems;
}

// ---------------------------------------------------------------------------------------------

function cameraProblem(target: CameraTarget, scene: SceneState, catalog: StructureCatalog, where: string): string | null {
  if (target.kind === 'shot') {
    const { view } = CAMERA_SHOTS[target.shot];
    if (view === scene.view) return null;
    return `${where}: the shot "${target.shot}" is made for the ${view === 'tree' ? 'tree' : 'anatomical'} view: add {morph ${view}} before it`;
  }
  const parts = partsProblem([target.id], scene, where);
  if (parts) return parts;
  if (scene.view === 'tree' && catalog.kindOf(target.id) !== null && !isInTreeLayout(target.id)) {
    return `${where}: "${target.id}" is not drawn in the tree view (only the nipple, ducts, lobules and alveoli are): add {morph anatomy} before it`;
  }
  return null;
}

function partsProblem(ids: readonly string[], scene: SceneState, where: string): string | null {
  const part = ids.find((id) => partOf(id) !== null);
  if (part === undefined) return null;
  if (scene.closeUp !== null && parseAlveolusId(scene.closeUp)) return null;
  return `${where}: "${part}" is a part of the alveolus close-up: open an alveolus first with {fly-into alveolus-…} (or closeUp: alveolus-… in the scene block)`;
}

/** The default shot of each view: where the camera goes when what it framed is not in the new view. */
export const VIEW_SHOTS: Readonly<Record<SceneView, CameraShotName>> = { anatomy: 'whole-breast', tree: 'tree' };

/**
 * Switches the view. The camera stays on its structure when the new view draws it; a shot made for
 * the other view, or a structure the tree does not draw, gives way to the new view's whole shot.
 */
function withView(scene: SceneState, view: SceneView): SceneState {
  if (view === scene.view) return scene;
  const { camera } = scene;
  const keeps = camera.kind === 'shot' ? CAMERA_SHOTS[camera.shot].view === view : view === 'anatomy' || isInTreeLayout(camera.id);
  return { ...scene, view, camera: keeps ? camera : { kind: 'shot', shot: VIEW_SHOTS[view] } };
}

function enterCloseUp(scene: SceneState, id: string): SceneState {
  const intoAlveolus = parseAlveolusId(id) !== null;
  return {
    ...scene,
    closeUp: id,
    camera: { kind: 'structure', id },
    highlight: intoAlveolus ? scene.highlight : withoutParts(scene.highlight),
    labels: intoAlveolus ? scene.labels : withoutParts(scene.labels),
  };
}

function leaveCloseUp(scene: SceneState, camera: CameraTarget): SceneState {
  return { ...scene, closeUp: null, camera, highlight: withoutParts(scene.highlight), labels: withoutParts(scene.labels) };
}

function withoutParts(ids: readonly string[]): readonly string[] {
  return ids.some((id) => partOf(id)) ? ids.filter((id) => !partOf(id)) : ids;
}

function orderedLayers(layers: readonly SceneLayer[]): SceneLayer[] {
  return SCENE_LAYERS.filter((layer) => layers.includes(layer));
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function without(a: readonly string[], b: readonly string[]): string[] {
  return a.filter((id) => !b.includes(id));
}
