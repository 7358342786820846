import { Canvas, useThree, type ThreeEvent } from '@react-three/fiber';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlandAnatomy, Vec3 } from '../../shared/anatomy/gland-anatomy';
import type { Theme } from '../../shared/settings';
import type { Host } from '../host/host';
import { BenchProbe } from '../bench/BenchProbe';
import { ToggleButton } from '../components/ToggleButton';
import { Breadcrumb } from './Breadcrumb';
import { CameraRig, type CameraScale, type ViewCommands } from './CameraRig';
import { AlveolusDetail } from './detail/AlveolusDetail';
import { ALVEOLUS_PARTS, buildAlveolusDetail, type AlveolusPart } from './detail/alveolus-detail';
import { pickAlveolusPart } from './detail/alveolus-pick';
import { alveolusLabels, lobuleLabels } from './detail/close-up-labels';
import { buildLobuleDetail, pickAlveolus } from './detail/lobule-detail';
import { LobuleDetail } from './detail/LobuleDetail';
import { GlandModel } from './gland/GlandModel';
import { GLAND_PALETTES } from './gland/gland-palette';
import { DEFAULT_LAYERS, GLAND_LAYERS, type GlandLayer, type LayerVisibility } from './gland/gland-layers';
import { InfoPanel } from './gland/InfoPanel';
import { LabelProjector, type LabelAnchor } from './gland/LabelProjector';
import { createMorphUniforms } from './gland/morph-material';
import { MorphDriver } from './gland/MorphDriver';
import { pickStructure, type Ray } from './gland/pick-structure';
import { SelectionHighlight } from './gland/SelectionHighlight';
import { StructureSearch } from './gland/StructureSearch';
import { StructureTree } from './gland/StructureTree';
import { structureBounds, structureFocus } from './gland/structure-focus';
import { displayName } from './gland/structure-names';
import { treeOffset } from './gland/tree-frame';
import { useGlandAnatomy } from './gland/use-gland-anatomy';
import type { Orbit, OrbitLimits } from './orbit-keys';
import type { CameraTarget } from '../../shared/lessons/camera-shots';
import type { SceneState } from '../../shared/lessons/scene';
import type { AnimationPhase } from '../../shared/lessons/timeline';
import { lessonCameraProgress, lessonMorph } from './gland/lesson-morph';
import { PulseHighlight } from './gland/PulseHighlight';
import { shotView } from './camera-shots-view';
import { PointerHover } from './PointerHover';
import {
  alveolusSeed,
  arriveAtLobule,
  describedKind,
  INITIAL_VIEW,
  levelUp,
  lobuleDetailInput,
  navigate,
  PART_PREFIX,
  scaleLevel,
  scaleTrail,
  treeTrail,
  type Navigation,
  type ViewState,
} from './scale-navigation';
import { SceneErrorBoundary } from './SceneErrorBoundary';
import { selectionToShow } from '../glossary/show-in-gland';
import { useGlandViewHandle } from '../bookmarks/use-gland-view-handle';
import type { GlandViewHandle, HandleSlot } from '../bookmarks/view-handles';

const FOV = 36;
const NO_POINTERS: readonly string[] = [];
const HOME: Orbit = { azimuth: 0.55, polar: 1.4, distance: 31 };
const LIMITS: OrbitLimits = { minPolar: 0.15, maxPolar: Math.PI - 0.15, minDistance: 2, maxDistance: 70 };

function labelAnchors(anatomy: GlandAnatomy): LabelAnchor[] {
  const offset = treeOffset(anatomy);
  const shift = (p: readonly [number, number, number]) => [p[0] + offset[0], p[1] + offset[1], p[2] + offset[2]] as const;
  // A branch in the upper lateral part, away from the nipple label.
  const mainDuct = anatomy.ducts.filter((d) => d.depth === 1).reduce((best, d) => (d.points.at(-1)![0] - d.points.at(-1)![1] * 0.2 > best.points.at(-1)![0] - best.points.at(-1)![1] * 0.2 ? d : best));
  const lobule = anatomy.lobules.reduce((best, l) => (l.center[1] - l.center[0] * 0.3 > best.center[1] - best.center[0] * 0.3 ? l : best), anatomy.lobules[0]!);
  const trunkTop = anatomy.treeTrunkTop ?? [0, 3, 0];
  return [
    { key: 'nipple', anatomy: anatomy.nipple.tip, tree: shift([trunkTop[0] / 2, trunkTop[1] / 2, trunkTop[2] / 2]) },
    { key: 'ducts', anatomy: mainDuct.points.at(-1)!, tree: shift(mainDuct.treePoints.at(-1)!) },
    { key: 'alveoli', anatomy: lobule.center, tree: shift(lobule.treeCenter) },
  ];
}

/** Marks the canvas with the scale it shows (for tests and the benchmark to wait on). */
function ScaleMarker({ level }: { level: string }) {
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    canvas.dataset['scale'] = level;
  }, [canvas, level]);
  return null;
}

/** Frames a close-up of `radius` (centred on the origin, +y up) from the given direction. */
function closeUpScale(radius: number, azimuth: number, polar: number): CameraScale {
  // Room around it for the side panels and the trail above: the close-up fills about two-thirds of the height.
  const distance = (radius / Math.tan((FOV / 2) * (Math.PI / 180))) * 1.55;
  return { home: { azimuth, polar, distance }, target: [0, 0, 0], limits: { minPolar: 0.1, maxPolar: Math.PI - 0.1, minDistance: radius * 0.7, maxDistance: distance * 2.2 } };
}

/** Room (px) kept for the lesson's captions above its controls when centring the picture. */
const CAPTION_ALLOWANCE = 80;

/** A close-up starts this many times farther than its home, so entering it reads as flying in. */
const FLY_IN_FROM = 3.2;

interface Label {
  key: string;
  text: string;
  anchor: LabelAnchor;
}

/**
 * What a lesson asks the view to show (see src/shared/lessons/scene.ts). `instant` after a seek:
 * the view jumps to the scene instead of animating into it.
 */
export interface SceneDirection {
  scene: SceneState;
  instant: boolean;
  /** Structures a `{pulse}` cue of the current step names (they glow while its phase runs). */
  pulsing: readonly string[];
  /** The animations running now, read on every drawn frame (from the lesson clock). */
  phases: () => readonly AnimationPhase[];
  /** Filled in by the view: asks for a frame. The player calls it while an animation runs. */
  frames: { current: (() => void) | null };
  /** The lesson clock's time and the seconds since the step began, read on every drawn frame. */
  time: () => number;
  stepTime: () => number;
}

/** Gives the lesson player a way to ask the on-demand canvas for frames while its animations run. */
function FrameRequests({ frames }: { frames: SceneDirection['frames'] | null }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    if (!frames) return;
    frames.current = invalidate;
    return () => {
      if (frames.current === invalidate) frames.current = null;
    };
  }, [frames, invalidate]);
  return null;
}

export function SceneView({
  host,
  theme,
  reducedMotion,
  onProblems,
  children,
  direction = null,
  show = null,
  onSelection,
  viewHandle,
  chrome = 'full',
  pointers = NO_POINTERS,
  onPoint,
}: {
  host: Host;
  theme: Theme;
  reducedMotion: boolean;
  onProblems(problems: string[]): void;
  /** Extra canvas content, mounted once the gland is there (a handout's picture taker). */
  children?: ReactNode;
  direction?: SceneDirection | null;
  /** A structure to select from outside the view (the glossary's "Show in 3D"): a new object each time. */
  show?: { structure: string } | null;
  /** Told what is selected (a structure id, `part:…` in the alveolus close-up, or null): the self-check's "Choose in the 3D view". */
  onSelection?(id: string | null): void;
  /** Filled in for bookmarks: reads and restores what the view shows, camera included. */
  viewHandle?: HandleSlot<GlandViewHandle>;
  /** `none` for presenter mode's audience: the picture only, no panels or toolbar. */
  chrome?: 'full' | 'none';
  /** Structures the presenter points out to the room (or a class quiz reveals): highlighted and named. */
  pointers?: readonly string[];
  /** When given, a click on the gland points at a structure (presenter mode) instead of selecting it. */
  onPoint?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { anatomy, problems } = useGlandAnatomy(host);
  const commandRef = useRef<ViewCommands | null>(null);
  const labelRefs = useRef<Record<string, HTMLElement | null>>({});
  const tipRef = useRef<HTMLDivElement | null>(null);
  const uniforms = useMemo(createMorphUniforms, []);
  const [attempt, setAttempt] = useState(0);
  const [treeView, setTreeView] = useState(false);
  const [showLabels, setShowLabels] = useState(true);
  const [layers, setLayers] = useState<LayerVisibility>(DEFAULT_LAYERS);
  const [view, setView] = useState<ViewState>(INITIAL_VIEW);
  const viewRef = useRef<ViewState>(INITIAL_VIEW);
  const [panelOpen, setPanelOpen] = useState(true);
  const [unknownId, setUnknownId] = useState<string | null>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const [cameraReady, setCameraReady] = useState(false);
  // What a lesson has highlighted and named (empty outside lessons).
  const [directedHighlights, setDirectedHighlights] = useState<readonly string[]>([]);
  const [directedLabels, setDirectedLabels] = useState<readonly string[]>([]);
  const onCameraReady = useCallback(() => setCameraReady(true), []);
  const [xray, setXray] = useState(0);
  const [section, setSection] = useState<{ enabled: boolean; at: number }>({ enabled: false, at: 0.5 });
  const instructionsId = useId();
  const palette = GLAND_PALETTES[theme];
  const level = scaleLevel(view);
  const closeUp = view.closeUp;

  useEffect(() => {
    if (problems.length > 0) onProblems(problems);
  }, [problems, onProblems]);

  // The sectioning plane applies to the whole breast only.
  const sectionX = anatomy && section.enabled && !treeView ? anatomy.envelope.center[0] + (section.at * 2 - 1) * anatomy.envelope.radii[0] : null;
  const offset = useMemo(() => (anatomy ? treeOffset(anatomy) : ([0, 0, 0] as const)), [anatomy]);
  const breastScale = useMemo<CameraScale>(
    () => ({ home: HOME, target: anatomy ? [anatomy.envelope.center[0], anatomy.envelope.center[1], anatomy.envelope.radii[2] * 0.45] : [0, 0, 0], limits: LIMITS }),
    [anatomy],
  );

  // Close-ups are built when shown and disposed by their components when left.
  const lobuleId = level === 'lobule' ? closeUp!.lobuleId : null;
  const lobuleModel = useMemo(() => {
    const input = anatomy && lobuleId ? lobuleDetailInput(anatomy, lobuleId) : null;
    return input ? buildLobuleDetail(input) : null;
  }, [anatomy, lobuleId]);
  const alveolusId = level === 'alveolus' ? closeUp!.alveolusId : null;
  const alveolusModel = useMemo(() => (anatomy && alveolusId ? buildAlveolusDetail(alveolusSeed(anatomy, alveolusId)) : null), [anatomy, alveolusId]);

  const labels = useMemo<Label[]>(() => {
    if (!anatomy) return [];
    // Keys differ between scales, so a new label never appears where its namesake stood a scale ago.
    const fixed = (key: string, text: string, at: Vec3, side: 'left' | 'right'): Label => ({ key, text, anchor: { key, anatomy: at, tree: at, side } });
    if (alveolusModel) return alveolusLabels().map(({ key, at, side }) => fixed(`alveolus-${key}`, t(`closeUp.parts.${key}`), at, side));
    if (lobuleModel) return lobuleLabels(lobuleModel).map(({ key, at, side }) => fixed(`lobule-${key}`, t(`closeUp.labels.${key}`), at, side));
    const words = treeView
      ? { nipple: t('scene.labels.trunk'), ducts: t('scene.labels.branches'), alveoli: t('scene.labels.leaves') }
      : { nipple: t('scene.labels.nipple'), ducts: t('scene.labels.ducts'), alveoli: t('scene.labels.alveoli') };
    // In a lesson only the labels it asks for are shown.
    const base = direction ? [] : labelAnchors(anatomy).map((anchor) => ({ key: anchor.key, text: words[anchor.key as keyof typeof words], anchor }));
    // Names a lesson asks to show, at the centre of what they name, in both layouts.
    const named = [...new Set([...directedLabels, ...pointers.filter((id) => anatomy.structures.has(id))])].flatMap((id): Label[] => {
      const anatomical = structureBounds(anatomy, [id], false, offset);
      const tree = structureBounds(anatomy, [id], true, offset);
      return anatomical && tree ? [{ key: `named-${id}`, text: displayName(anatomy, id, t), anchor: { key: `named-${id}`, anatomy: anatomical.centre, tree: tree.centre } }] : [];
    });
    return [...base, ...named];
  }, [anatomy, lobuleModel, alveolusModel, treeView, t, directedLabels, offset, direction, pointers]);
  const anchors = useMemo(() => labels.map((l) => l.anchor), [labels]);

  const focusGland = useCallback(
    (id: string, onArrive?: () => void) => {
      if (!anatomy) return;
      const focus = structureFocus(anatomy, id, uniforms.uMorph.value > 0.5, offset, FOV);
      const commands = commandRef.current;
      // No camera yet (the canvas is still mounting): nothing to fly, so arrive at once.
      if (focus && commands) commands.focus(focus.centre, focus.distance, onArrive);
      else onArrive?.();
    },
    [anatomy, offset, uniforms],
  );

  const sceneKey = (state: ViewState): string => `${scaleLevel(state)}:${state.closeUp?.lobuleId ?? ''}:${state.closeUp?.alveolusId ?? ''}`;

  const perform = useCallback(
    (navigation: Navigation | null) => {
      if (!navigation) return;
      if (!navigation.ok) {
        setUnknownId(navigation.unknownId);
        return;
      }
      setUnknownId(null);
      setPanelOpen(true);
      setHoverId(null);
      const previous = viewRef.current;
      viewRef.current = navigation.state;
      setView(navigation.state);
      // A change of scene is framed by the effect below, once the close-up is built.
      if (sceneKey(previous) !== sceneKey(navigation.state)) return;
      const move = navigation.camera;
      if (move.kind === 'home') commandRef.current?.key('Home');
      else if (move.kind === 'focus') focusGland(move.id);
      else if (move.kind === 'fly-into-lobule')
        focusGland(move.lobuleId, () => {
          const next = arriveAtLobule(viewRef.current, move.lobuleId);
          if (next) perform({ ok: true, state: next, camera: { kind: 'enter', level: 'lobule' } });
        });
    },
    [focusGland],
  );

  const select = useCallback((id: string) => anatomy && perform(navigate(anatomy, viewRef.current, id)), [anatomy, perform]);
  const stepOut = useCallback(() => anatomy && perform(levelUp(anatomy, viewRef.current)), [anatomy, perform]);

  // Asked from outside (the glossary): selected as if the learner had picked it.
  useEffect(() => {
    if (!anatomy || !show) return;
    for (const id of selectionToShow(anatomy, show.structure)) select(id);
  }, [anatomy, show, select]);

  // Frames the scene that has just been shown: a close-up flies in from afar; back on the gland,
  // the camera pulls back from the lobule it left towards the selected structure.
  const shownScene = useRef(sceneKey(INITIAL_VIEW));
  const pendingCamera = useRef<CameraTarget | null>(null);
  const lessonCamera = useRef<(() => number | null) | null>(null);
  /** Points the camera as a lesson asks: a named shot, or a structure of the gland. */
  const aim = useCallback(
    (target: CameraTarget) => {
      if (!anatomy) return;
      // The glide follows the lesson's clock: its camera phase, while one runs.
      const progress = lessonCamera.current ?? undefined;
      if (target.kind === 'structure') {
        const focus = anatomy.structures.has(target.id) ? structureFocus(anatomy, target.id, uniforms.uMorph.value > 0.5, offset, FOV) : null;
        if (focus) commandRef.current?.focus(focus.centre, focus.distance, undefined, progress);
        return;
      }
      const shot = shotView(anatomy, target.shot, offset, FOV);
      if (shot) commandRef.current?.look(shot.target, shot.orbit, progress);
    },
    [anatomy, offset, uniforms],
  );
  const leftLobule = useRef<string | null>(null);
  useEffect(() => {
    const key = sceneKey(view);
    const commands = commandRef.current;
    // Until the camera is ready, a change of scene waits (this runs again once it is).
    if (key === shownScene.current || !anatomy || !cameraReady || !commands) return;
    shownScene.current = key;
    if (alveolusModel || lobuleModel) {
      const scale = alveolusModel ? closeUpScale(alveolusModel.boundingRadius * 1.2, 0.67, 1.27) : closeUpScale(lobuleModel!.boundingRadius, 0.35, 1.38);
      commands.enterScale(scale, { target: scale.target, distance: scale.home.distance * FLY_IN_FROM }, lessonCamera.current ?? undefined);
      leftLobule.current = view.closeUp?.lobuleId ?? null;
      return;
    }
    const from = leftLobule.current ? structureFocus(anatomy, leftLobule.current, uniforms.uMorph.value > 0.5, offset, FOV) : null;
    commands.enterScale(breastScale, { target: from?.centre ?? breastScale.target, distance: from ? 1.5 : breastScale.home.distance });
    const deferred = pendingCamera.current;
    pendingCamera.current = null;
    if (deferred) aim(deferred);
    else if (view.selectedId && view.selectedId !== 'breast') focusGland(view.selectedId);
    leftLobule.current = null;
  }, [view, anatomy, alveolusModel, lobuleModel, breastScale, offset, uniforms, focusGland, cameraReady, aim]);

  // A lesson directs the view: layers, layout, highlights, labels, close-up and camera.
  useEffect(() => {
    if (!direction || !anatomy) {
      setDirectedHighlights([]);
      setDirectedLabels([]);
      return;
    }
    const { scene } = direction;
    setTreeView(scene.view === 'tree');
    setLayers(Object.fromEntries(GLAND_LAYERS.map((layer) => [layer, scene.layers.includes(layer)])) as unknown as LayerVisibility);
    setDirectedHighlights(scene.highlight);
    setDirectedLabels(scene.labels);
    const current = viewRef.current.closeUp;
    const shown = current ? (current.alveolusId ?? current.lobuleId) : null;
    if (scene.closeUp !== shown) {
      // The camera follows once the close-up (or the gland) is on screen.
      pendingCamera.current = scene.closeUp ? null : scene.camera;
      const toCloseUp = scene.closeUp ? navigate(anatomy, viewRef.current, scene.closeUp) : null;
      // In a lesson a lobule's close-up opens at once; its fly-in then follows the lesson's clock.
      const opened: Navigation | null =
        toCloseUp?.ok && toCloseUp.camera.kind === 'fly-into-lobule'
          ? { ok: true, state: { selectedId: toCloseUp.camera.lobuleId, closeUp: { lobuleId: toCloseUp.camera.lobuleId, alveolusId: null, part: null } }, camera: { kind: 'enter', level: 'lobule' } }
          : toCloseUp;
      perform(opened ?? { ok: true, state: INITIAL_VIEW, camera: { kind: 'none' } });
    } else if (!scene.closeUp) aim(scene.camera);
  }, [direction, anatomy, perform, aim]);

  // After the framing effect above: a bookmark's camera is placed once its scale is framed.
  useGlandViewHandle(viewHandle, {
    anatomy,
    commands: commandRef,
    cameraReady,
    treeView,
    layers,
    xray,
    section,
    view,
    setTreeView,
    setLayers,
    setXray,
    setSection,
    perform,
    framed: () => shownScene.current === sceneKey(viewRef.current),
  });

  lessonCamera.current = direction ? () => lessonCameraProgress(direction.phases()) : null;
  const lessonMorphValue = useMemo(() => (direction ? () => lessonMorph(direction.phases(), direction.scene.view, reducedMotion || direction.instant) : null), [direction, reducedMotion]);

  const onViewportKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Escape' && viewRef.current.closeUp) {
      stepOut();
      event.preventDefault();
      return;
    }
    if (commandRef.current?.key(event.key)) event.preventDefault();
  };

  const pick = useCallback(
    (ray: Ray): string | null => {
      if (!anatomy) return null;
      if (alveolusModel) {
        const part = pickAlveolusPart(alveolusModel, ray);
        return part && `${PART_PREFIX}${part}`;
      }
      if (lobuleModel) return pickAlveolus(lobuleModel, ray);
      return pickStructure(anatomy, ray, { morph: uniforms.uMorph.value, treeOffset: offset, slack: 0.12, showDucts: layers.ducts, showLobules: layers.lobules });
    },
    [anatomy, alveolusModel, lobuleModel, uniforms, offset, layers],
  );

  const onGlandClick = (event: ThreeEvent<MouseEvent>) => {
    if (event.delta > 4) return;
    const { origin, direction } = event.ray;
    const id = pick({ origin: [origin.x, origin.y, origin.z], direction: [direction.x, direction.y, direction.z] });
    if (!id) return;
    if (onPoint) onPoint(id);
    else select(id);
  };

  const sectionRef = useRef<HTMLElement | null>(null);
  const freeArea = useCallback(() => {
    const section = sectionRef.current;
    const canvas = section?.querySelector('canvas');
    if (!section || !canvas) return null;
    const bounds = canvas.getBoundingClientRect();
    // The lesson transcript and controls sit beside the section, in the same main area.
    const area = section.closest('main') ?? section.parentElement ?? section;
    const left = area.querySelector('.scene__panel--left')?.getBoundingClientRect();
    const right = area.querySelector('.scene__panel--right')?.getBoundingClientRect();
    // A lesson's controls (and the captions above them, about five lines of text) cover the bottom.
    const controls = area.querySelector('.player-controls')?.getBoundingClientRect();
    const bottom = controls ? controls.top - bounds.top - CAPTION_ALLOWANCE : bounds.height;
    return { left: left ? left.right - bounds.left : 0, right: right ? right.left - bounds.left : bounds.width, top: 0, bottom };
  }, []);

  const onHover = useCallback(
    (id: string | null, x: number, y: number) => {
      setHoverId(id);
      const tip = tipRef.current;
      if (tip) tip.style.transform = `translate(${x + 14}px, ${y + 16}px)`;
    },
    [],
  );

  const toggleLayer = (layer: GlandLayer) => setLayers((current) => ({ ...current, [layer]: !current[layer] }));
  const trail = anatomy ? scaleTrail(anatomy, view).map((id) => ({ id, name: displayName(anatomy, id, t) })) : [];
  const infoId = closeUp?.part ? `${PART_PREFIX}${closeUp.part}` : view.selectedId;
  useEffect(() => onSelection?.(infoId), [infoId, onSelection]);
  const inGland = level === 'breast';
  const glandSelection = inGland ? view.selectedId : null;
  const hoverName = anatomy && hoverId ? displayName(anatomy, hoverId, t) : '';
  const directedPart = (directedHighlights.find((id) => id.startsWith(PART_PREFIX))?.slice(PART_PREFIX.length) ?? null) as AlveolusPart | null;
  const hoveredPart = hoverId?.startsWith(PART_PREFIX) ? (hoverId.slice(PART_PREFIX.length) as AlveolusPart) : null;

  return (
    <section className="scene" aria-label={t('scene.regionLabel')} ref={sectionRef}>
      <SceneErrorBoundary key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
        <div
          className={`scene__viewport${hoverId ? ' scene__viewport--pointing' : ''}`}
          role="application"
          tabIndex={0}
          aria-label={t('scene.regionLabel')}
          aria-describedby={instructionsId}
          onKeyDown={onViewportKey}
          data-testid="scene-viewport"
        >
          <Canvas frameloop="demand" dpr={[1, 2]} camera={{ fov: FOV, near: 0.1, far: 400 }} aria-hidden="true">
            <color attach="background" args={[palette.background]} />
            <hemisphereLight args={['#fff6ef', '#4d5a68', 1.3]} />
            <directionalLight position={[18, 26, 30]} intensity={2.3} />
            <directionalLight position={[-24, 6, -10]} intensity={0.7} color="#cfe0ff" />
            <directionalLight position={[0, -20, 25]} intensity={0.35} />
            {anatomy && (
              // Kept while a close-up shows (hidden, and deaf to clicks) so coming back is instant.
              <group visible={inGland} {...(inGland ? { onClick: onGlandClick } : {})}>
                <GlandModel anatomy={anatomy} palette={palette} layers={layers} uniforms={uniforms} xray={xray} sectionX={sectionX} />
                <SelectionHighlight anatomy={anatomy} uniforms={uniforms} selectedId={glandSelection} color={palette.highlight} />
                {inGland && direction && direction.pulsing.length > 0 && (
                  <PulseHighlight anatomy={anatomy} uniforms={uniforms} color={palette.highlight} ids={direction.pulsing} phases={direction.phases} />
                )}
                {inGland &&
                  [...new Set([...directedHighlights, ...pointers])]
                    .filter((id) => id !== glandSelection && anatomy.structures.has(id))
                    .map((id) => <SelectionHighlight key={id} anatomy={anatomy} uniforms={uniforms} selectedId={id} color={palette.highlight} />)}
                <SelectionHighlight anatomy={anatomy} uniforms={uniforms} selectedId={inGland && hoverId !== view.selectedId ? hoverId : null} color={palette.highlight} opacity={0.3} />
              </group>
            )}
            {lobuleModel && closeUp && (
              <LobuleDetail model={lobuleModel} theme={theme} onSelectAlveolus={select} selectedAlveolusId={hoverId ?? directedHighlights.find((id) => id.startsWith('alveolus-')) ?? null} />
            )}
            {alveolusModel && closeUp && (
              <AlveolusDetail model={alveolusModel} theme={theme} onSelect={(part) => select(`${PART_PREFIX}${part}`)} selectedPart={hoveredPart ?? closeUp.part ?? directedPart} />
            )}
            {anatomy && <PointerHover pick={pick} onHover={onHover} />}
            <ScaleMarker level={level} />
            {anatomy && <MorphDriver uniforms={uniforms} treeView={treeView} reducedMotion={reducedMotion} external={lessonMorphValue} />}
            <FrameRequests frames={direction?.frames ?? null} />
            {anatomy && showLabels && <LabelProjector anchors={anchors} elements={labelRefs} uniforms={uniforms} />}
            <CameraRig commandRef={commandRef} reducedMotion={reducedMotion || !!direction?.instant} initial={breastScale} freeArea={freeArea} layoutKey={`${theme}:${infoId ?? ''}:${panelOpen}:${direction ? 'lesson' : ''}`} onReady={onCameraReady} />
            {anatomy && children}
            <BenchProbe />
          </Canvas>
          {showLabels && (
            <div className="scene-labels" aria-hidden="true">
              {labels.map(({ key, text, anchor }) => (
                <span
                  key={key}
                  className={`scene-label${anchor.side === 'left' ? ' scene-label--left' : ''}`}
                  ref={(el) => {
                    labelRefs.current[key] = el;
                  }}
                >
                  <span className="scene-label__text">{text}</span>
                </span>
              ))}
            </div>
          )}
          <div ref={tipRef} className="scene-hover-tip" aria-hidden="true" hidden={!hoverName}>
            {hoverName}
          </div>
          {closeUp && !panelOpen && (
            // The info panel shows the same trail; without it, this is the way back out.
            <Breadcrumb label={t('closeUp.trail')} trail={trail} onSelect={select} className="scene-close-up" />
          )}
          {unknownId && (
            <p role="alert" className="scene__alert">
              {t('info.unknownStructure', { id: unknownId })}
            </p>
          )}
        </div>
        {/* A lesson drives the layout and camera itself; its player takes this corner. */}
        <div className="scene__toolbar" role="toolbar" aria-label={t('scene.toolbar')} hidden={!!direction || chrome === 'none'}>
          <ToggleButton pressed={treeView} disabled={!inGland} onToggle={setTreeView}>
            {t('scene.treeView')}
          </ToggleButton>
          <ToggleButton pressed={showLabels} onToggle={setShowLabels}>
            {t('scene.showLabels')}
          </ToggleButton>
          <button type="button" className="button" onClick={() => commandRef.current?.key('Home')}>
            <span className="button__glyph" aria-hidden="true">
              ⟲
            </span>
            {t('scene.resetView')}
          </button>
        </div>
      </SceneErrorBoundary>
      <aside className="scene__panel scene__panel--left" hidden={chrome === 'none'}>
        <h2 className="scene__panel-title">{t('structures.title')}</h2>
        {anatomy ? <StructureTree anatomy={anatomy} selectedId={closeUp ? closeUp.lobuleId : view.selectedId} onSelect={select} /> : <p role="status">{t('loading')}</p>}
        <StructureSearch anatomy={anatomy} onSelect={select} />
        {inGland ? (
          <>
            <fieldset className="layers">
              <legend className="scene__panel-title">{t('scene.layersTitle')}</legend>
              {GLAND_LAYERS.map((layer) => (
                <label key={layer} className="layers__item">
                  <input type="checkbox" checked={layers[layer]} onChange={() => toggleLayer(layer)} />
                  <span className={`layer-swatch layer-swatch--${layer}`} aria-hidden="true" />
                  {t(`scene.layers.${layer}`)}
                </label>
              ))}
            </fieldset>
            <fieldset className="scene__sliders">
              <label className="slider">
                <span className="slider__label">{t('scene.xray')}</span>
                <input type="range" min={0} max={100} step={5} value={Math.round(xray * 100)} onChange={(e) => setXray(Number(e.target.value) / 100)} aria-valuetext={`${Math.round(xray * 100)} %`} />
              </label>
              <label className="layers__item">
                <input type="checkbox" checked={section.enabled} disabled={treeView} onChange={() => setSection((s) => ({ ...s, enabled: !s.enabled }))} />
                {t('scene.crossSection')}
              </label>
              <label className="slider">
                <span className="slider__label">{t('scene.crossSectionAt')}</span>
                <input
                  type="range"
                  min={0}
                  max={100}
                  step={2}
                  value={Math.round(section.at * 100)}
                  disabled={!section.enabled || treeView}
                  onChange={(e) => setSection((s) => ({ ...s, at: Number(e.target.value) / 100 }))}
                  aria-valuetext={t('scene.crossSectionValue', { percent: Math.round(section.at * 100) })}
                />
              </label>
            </fieldset>
          </>
        ) : (
          <div className="close-up-controls" role="group" aria-label={t('closeUp.controlsTitle')}>
            <h2 className="scene__panel-title">{t('closeUp.controlsTitle')}</h2>
            {lobuleModel && lobuleModel.alveoli[0] && (
              <button type="button" className="button button--small" onClick={() => select(lobuleModel.alveoli[0]!.id)}>
                {t('closeUp.openAlveolus')}
              </button>
            )}
            {alveolusModel &&
              ALVEOLUS_PARTS.map((part) => (
                <button key={part} type="button" className="button button--small" aria-pressed={closeUp?.part === part} onClick={() => select(`${PART_PREFIX}${part}`)}>
                  {t(`closeUp.parts.${part}`)}
                </button>
              ))}
          </div>
        )}
        <p id={instructionsId} className="scene__instructions">
          {closeUp && (
            <strong className="scene__close-up-hint">
              {t(level === 'alveolus' ? 'closeUp.hint.alveolus' : 'closeUp.hint.lobule')} {t('closeUp.notToScale')}{' '}
            </strong>
          )}
          {t('scene.instructions')}
        </p>
      </aside>
      {anatomy && infoId && panelOpen && !direction && chrome === 'full' && (
        <InfoPanel
          host={host}
          structureId={infoId}
          kind={describedKind(anatomy, infoId)}
          title={displayName(anatomy, infoId, t)}
          trail={treeTrail(anatomy, view).map((id) => ({ id, name: displayName(anatomy, id, t) }))}
          onSelect={select}
          onClose={() => (closeUp ? setPanelOpen(false) : perform({ ok: true, state: INITIAL_VIEW, camera: { kind: 'none' } }))}
        />
      )}
    </section>
  );
}
