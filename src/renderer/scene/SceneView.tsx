import { Canvas, type ThreeEvent } from '@react-three/fiber';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import type { Theme } from '../../shared/settings';
import type { Host } from '../host/host';
import { CameraRig, type ViewCommands } from './CameraRig';
import { GlandModel } from './gland/GlandModel';
import { GLAND_PALETTES } from './gland/gland-palette';
import { DEFAULT_LAYERS, GLAND_LAYERS, type GlandLayer, type LayerVisibility } from './gland/gland-layers';
import { InfoPanel } from './gland/InfoPanel';
import { LabelProjector, type LabelAnchor } from './gland/LabelProjector';
import { createMorphUniforms } from './gland/morph-material';
import { MorphDriver } from './gland/MorphDriver';
import { pickStructure } from './gland/pick-structure';
import { SelectionHighlight } from './gland/SelectionHighlight';
import { StructureSearch } from './gland/StructureSearch';
import { StructureTree } from './gland/StructureTree';
import { structureFocus } from './gland/structure-focus';
import { treeOffset } from './gland/tree-frame';
import { useGlandAnatomy } from './gland/use-gland-anatomy';
import type { Orbit, OrbitLimits } from './orbit-keys';
import { SceneErrorBoundary } from './SceneErrorBoundary';

const FOV = 36;
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

export function SceneView({ host, theme, reducedMotion, onProblems }: { host: Host; theme: Theme; reducedMotion: boolean; onProblems(problems: string[]): void }) {
  const { t } = useTranslation();
  const { anatomy, problems } = useGlandAnatomy(host);
  const commandRef = useRef<ViewCommands | null>(null);
  const labelRefs = useRef<Record<string, HTMLElement | null>>({});
  const uniforms = useMemo(createMorphUniforms, []);
  const [attempt, setAttempt] = useState(0);
  const [treeView, setTreeView] = useState(false);
  const [showLabels, setShowLabels] = useState(true);
  const [layers, setLayers] = useState<LayerVisibility>(DEFAULT_LAYERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [xray, setXray] = useState(0);
  const [section, setSection] = useState<{ enabled: boolean; at: number }>({ enabled: false, at: 0.5 });
  const instructionsId = useId();
  const palette = GLAND_PALETTES[theme];

  useEffect(() => {
    if (problems.length > 0) onProblems(problems);
  }, [problems, onProblems]);

  const anchors = useMemo(() => (anatomy ? labelAnchors(anatomy) : []), [anatomy]);
  // The cut runs from the medial edge (0) to the lateral edge (1) of the breast.
  const sectionX = anatomy && section.enabled && !treeView ? anatomy.envelope.center[0] + (section.at * 2 - 1) * anatomy.envelope.radii[0] : null;
  const offset = useMemo(() => (anatomy ? treeOffset(anatomy) : ([0, 0, 0] as const)), [anatomy]);
  const homeTarget = useMemo(() => (anatomy ? ([anatomy.envelope.center[0], anatomy.envelope.center[1], anatomy.envelope.radii[2] * 0.45] as const) : ([0, 0, 0] as const)), [anatomy]);

  const select = useCallback(
    (id: string | null) => {
      setSelectedId(id);
      if (!id || !anatomy) return;
      if (id === 'breast') {
        commandRef.current?.key('Home');
        return;
      }
      const focus = structureFocus(anatomy, id, uniforms.uMorph.value > 0.5, offset, FOV);
      if (focus) commandRef.current?.focus(focus.centre, focus.distance);
    },
    [anatomy, offset, uniforms],
  );

  const onViewportKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (commandRef.current?.key(event.key)) event.preventDefault();
  };

  const onPick = (event: ThreeEvent<MouseEvent>) => {
    if (!anatomy || event.delta > 4) return;
    const { origin, direction } = event.ray;
    const id = pickStructure(anatomy, { origin: [origin.x, origin.y, origin.z], direction: [direction.x, direction.y, direction.z] }, {
      morph: uniforms.uMorph.value,
      treeOffset: offset,
      slack: 0.12,
      showDucts: layers.ducts,
      showLobules: layers.lobules,
    });
    if (id) select(id);
  };

  const toggleLayer = (layer: GlandLayer) => setLayers((current) => ({ ...current, [layer]: !current[layer] }));
  const labelText = treeView
    ? { nipple: t('scene.labels.trunk'), ducts: t('scene.labels.branches'), alveoli: t('scene.labels.leaves') }
    : { nipple: t('scene.labels.nipple'), ducts: t('scene.labels.ducts'), alveoli: t('scene.labels.alveoli') };

  return (
    <section className="scene" aria-label={t('scene.regionLabel')}>
      <SceneErrorBoundary key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
        <div
          className="scene__viewport"
          role="application"
          tabIndex={0}
          aria-label={t('scene.regionLabel')}
          aria-describedby={instructionsId}
          onKeyDown={onViewportKey}
          data-testid="scene-viewport"
        >
          <Canvas frameloop="demand" dpr={[1, 2]} camera={{ fov: FOV, near: 0.5, far: 400 }} aria-hidden="true">
            <color attach="background" args={[palette.background]} />
            <hemisphereLight args={['#fff6ef', '#4d5a68', 1.3]} />
            <directionalLight position={[18, 26, 30]} intensity={2.3} />
            <directionalLight position={[-24, 6, -10]} intensity={0.7} color="#cfe0ff" />
            <directionalLight position={[0, -20, 25]} intensity={0.35} />
            {anatomy && (
              <group onClick={onPick}>
                <GlandModel anatomy={anatomy} palette={palette} layers={layers} uniforms={uniforms} xray={xray} sectionX={sectionX} />
                <SelectionHighlight anatomy={anatomy} uniforms={uniforms} selectedId={selectedId} color={palette.highlight} />
              </group>
            )}
            {anatomy && <MorphDriver uniforms={uniforms} treeView={treeView} reducedMotion={reducedMotion} />}
            {anatomy && showLabels && <LabelProjector anchors={anchors} elements={labelRefs} uniforms={uniforms} />}
            <CameraRig commandRef={commandRef} reducedMotion={reducedMotion} home={HOME} homeTarget={homeTarget} limits={LIMITS} sidePanel={!selectedId} />
          </Canvas>
          {showLabels && (
            <div className="scene-labels" aria-hidden="true">
              {anchors.map(({ key }) => (
                <span
                  key={key}
                  className="scene-label"
                  ref={(el) => {
                    labelRefs.current[key] = el;
                  }}
                >
                  <span className="scene-label__text">{labelText[key as keyof typeof labelText]}</span>
                </span>
              ))}
            </div>
          )}
        </div>
        <div className="scene__toolbar" role="toolbar" aria-label={t('scene.toolbar')}>
          <button type="button" className="button" aria-pressed={treeView} onClick={() => setTreeView((v) => !v)}>
            <span className="button__glyph" aria-hidden="true">
              {treeView ? '◉' : '○'}
            </span>
            {t('scene.treeView')}
          </button>
          <button type="button" className="button" aria-pressed={showLabels} onClick={() => setShowLabels((v) => !v)}>
            <span className="button__glyph" aria-hidden="true">
              {showLabels ? '◉' : '○'}
            </span>
            {t('scene.showLabels')}
          </button>
          <button type="button" className="button" onClick={() => commandRef.current?.key('Home')}>
            <span className="button__glyph" aria-hidden="true">
              ⟲
            </span>
            {t('scene.resetView')}
          </button>
        </div>
      </SceneErrorBoundary>
      <aside className="scene__panel scene__panel--left">
        <h2 className="scene__panel-title">{t('structures.title')}</h2>
        {anatomy ? <StructureTree anatomy={anatomy} selectedId={selectedId} onSelect={select} /> : <p role="status">{t('loading')}</p>}
        <StructureSearch anatomy={anatomy} onSelect={select} />
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
        <div className="scene__sliders">
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
        </div>
        <p id={instructionsId} className="scene__instructions">
          {t('scene.instructions')}
        </p>
      </aside>
      {anatomy && selectedId && <InfoPanel host={host} anatomy={anatomy} structureId={selectedId} onSelect={select} onClose={() => setSelectedId(null)} />}
    </section>
  );
}
