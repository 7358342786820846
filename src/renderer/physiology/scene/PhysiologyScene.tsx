import { Canvas } from '@react-three/fiber';
import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HORMONES, type HormoneId, type PhysiologyState } from '../../../shared/physiology/physiology-types';
import type { Theme } from '../../../shared/settings';
import { HORMONE_STYLES } from './hormone-style';
import { PhysiologyContent, type FrameRequests, type SceneDom } from './PhysiologyContent';
import { PHYSIOLOGY_PALETTES } from './physiology-palette';
import { LABEL_PLACEMENTS, PHYSIOLOGY_LABELS, type PhysiologyLabel, type PhysiologyStructure } from './scene-labels';
import './physiology-scene.css';

export type { FrameRequests } from './PhysiologyContent';
export type { PhysiologyStructure } from './scene-labels';

export interface PhysiologySceneProps {
  /** Called every drawn frame: the state to draw now. */
  state: () => PhysiologyState;
  /** Seconds of the one animation clock, for particle phases (never Date/performance directly). */
  time: () => number;
  theme: Theme;
  reducedMotion: boolean;
  /** A structure to highlight for the room (presenter pointer); null or absent for none. */
  highlight?: PhysiologyStructure | null;
  /**
   * Filled in by the scene with a function the clock calls on every tick (and whenever the state
   * may have changed). The canvas renders on demand: that call draws a frame only if something
   * drawn would change — the state's picture, or the clock's time while particles travel (during a
   * feed, without reduced motion). Nothing else makes the scene draw, so between feeds, with
   * reduced motion or with the clock paused it draws no frames at all. A new `state` or `time`
   * function, theme or motion setting also draws one frame.
   */
  frames?: FrameRequests;
  /** Extra canvas content (the bench probe on `?bench=physiology`). */
  children?: ReactNode;
}

/**
 * The physiology scene: a body map joined to the gland, where hormones travel as particle streams,
 * the nipple's nerve signal runs to the brain, and during each ejection the alveoli squeeze, the
 * ducts widen and milk flows to the nipple openings. Everything drawn is a function of `state()`
 * and `time()`; the scene keeps no timers and no state of its own that changes the picture.
 * Labels and the legend are HTML beside the canvas, in the learner's language.
 */
export function PhysiologyScene({ state, time, theme, reducedMotion, highlight = null, frames, children }: PhysiologySceneProps) {
  const { t, i18n } = useTranslation();
  const descriptionId = useId();
  const ringId = `${useId().replace(/:/g, '')}-ring`;
  const dom: SceneDom = {
    labels: useRef<Partial<Record<PhysiologyLabel, HTMLElement | null>>>({}),
    leaders: useRef<Partial<Record<PhysiologyLabel, SVGLineElement | null>>>({}),
    legend: useRef<Partial<Record<HormoneId, HTMLElement | null>>>({}),
  };
  const palette = PHYSIOLOGY_PALETTES[theme];

  return (
    <section className={`physiology-scene physiology-scene--${theme}`} aria-label={t('physiologyScene.regionLabel')} aria-describedby={descriptionId}>
      <p id={descriptionId} className="visually-hidden">
        {t('physiologyScene.description')}
      </p>
      <div className="physiology-scene__layout">
      <div className="physiology-scene__viewport">
        <Canvas frameloop="demand" dpr={[1, 2]} camera={{ fov: 26, near: 10, far: 1000 }} aria-hidden="true">
          <color attach="background" args={[palette.background]} />
          <hemisphereLight args={['#fff6ef', '#4d5a68', 1.3]} />
          <directionalLight position={[18, 26, 30]} intensity={2.3} />
          <directionalLight position={[-24, 6, -10]} intensity={0.7} color="#cfe0ff" />
          <directionalLight position={[0, -20, 25]} intensity={0.35} />
          <PhysiologyContent state={state} time={time} theme={theme} reducedMotion={reducedMotion} frames={frames} dom={dom} labelsKey={`${i18n.language}:${theme}`} />
          {children}
        </Canvas>
        <svg className="physiology-scene__leaders" aria-hidden="true">
          <defs>
            {/* The highlighted part is ringed where its leader line ends. */}
            <marker id={ringId} className="physiology-scene__ring" viewBox="-12 -12 24 24" markerWidth="24" markerHeight="24" markerUnits="userSpaceOnUse">
              <circle r="9" />
            </marker>
          </defs>
          {PHYSIOLOGY_LABELS.map((key) => (
            <line
              key={key}
              className={`physiology-scene__leader${highlight === key ? ' physiology-scene__leader--highlight' : ''}`}
              {...(highlight === key ? { markerEnd: `url(#${ringId})` } : {})}
              ref={(el) => {
                dom.leaders.current[key] = el;
              }}
            />
          ))}
        </svg>
        <div className="physiology-scene__labels" aria-hidden="true">
          {PHYSIOLOGY_LABELS.map((key) => {
            const placement = LABEL_PLACEMENTS[key];
            const classes = ['physiology-label', `physiology-label--${placement.side}`, placement.minor ? 'physiology-label--minor' : '', highlight === key ? 'physiology-label--highlight' : ''];
            return (
              <span
                key={key}
                className={classes.filter(Boolean).join(' ')}
                data-label={key}
                ref={(el) => {
                  dom.labels.current[key] = el;
                }}
              >
                <span className="physiology-label__text">{t(`physiologyScene.labels.${key}`)}</span>
              </span>
            );
          })}
        </div>
        <p className="physiology-scene__scale-note">{t('physiologyScene.notToScale')}</p>
      </div>
      <aside className="physiology-legend" aria-label={t('physiologyScene.legendTitle')}>
        <h2 className="physiology-legend__title">{t('physiologyScene.legendTitle')}</h2>
        <h3 className="physiology-legend__subtitle">{t('physiologyScene.legendHormones')}</h3>
        <ul className="physiology-legend__list">
          {HORMONES.map((id) => {
            const style = HORMONE_STYLES[id];
            return (
              <li
                key={id}
                className="physiology-legend__item"
                data-hormone={id}
                ref={(el) => {
                  dom.legend.current[id] = el;
                }}
              >
                <span className="physiology-legend__disc" style={{ background: style.colour, color: style.ink }} aria-hidden="true">
                  {style.glyph}
                </span>
                <span className="physiology-legend__name">{t(`physiology.hormoneShort.${id}`)}</span>
                <span className="physiology-legend__absent">{t('physiologyScene.notNow')}</span>
              </li>
            );
          })}
        </ul>
        <h3 className="physiology-legend__subtitle">{t('physiologyScene.legendOther')}</h3>
        <ul className="physiology-legend__list">
          <li className="physiology-legend__item">
            <span className="physiology-legend__droplet" style={{ background: palette.milk, borderColor: palette.milkOutline }} aria-hidden="true" />
            <span className="physiology-legend__name">{t('physiologyScene.milk')}</span>
          </li>
          <li className="physiology-legend__item">
            <span className="physiology-legend__spark" style={{ background: palette.impulse }} aria-hidden="true" />
            <span className="physiology-legend__name">{t('physiologyScene.impulse')}</span>
          </li>
        </ul>
      </aside>
      </div>
    </section>
  );
}
