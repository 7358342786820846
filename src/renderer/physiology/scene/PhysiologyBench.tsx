import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FEED, DEFAULT_SCENARIO, physiologyAt, planFeed, type PhysiologyState } from '../../../shared/physiology';
import type { Theme } from '../../../shared/settings';
import { BenchProbe } from '../../bench/BenchProbe';
import { useReducedMotion } from '../../use-reduced-motion';
import { PHYSIOLOGY_SUBJECT } from './physiology-model';
import { PhysiologyScene } from './PhysiologyScene';

/**
 * `?bench=physiology`: the physiology scene full-window, driven by the model through one scripted,
 * deterministic breastfeed a month after birth (established lactation): the baby cries 5 minutes
 * before the latch (a conditioned oxytocin release and a small ejection), then suckles for 15
 * minutes with two more ejections (DEFAULT_FEED, ejection-reflex.ts).
 *
 * The feed's clock reads `at + rate · s` seconds, where s is:
 * - the bench probe's frame clock (frame / 60 s) once scripts/bench.ts has frozen the canvas and
 *   draws frames with `advance` — so every run draws the same frames;
 * - with `&play`, seconds since the page opened, ticked by requestAnimationFrame (a stand-in for
 *   the app's clock, which calls the scene's `frames` the same way);
 * - otherwise 0: a still picture of the feed at `at` (what screenshots and browser tests use).
 * Other parameters: `hours` (life hours, default one month), `feed=none` (no feed: the timeline
 * alone), `theme=projector`, `lang=fr`. Defaults: `at` = 790 s, the second suckling ejection, with
 * the ducts near their widest and milk flowing; `rate` = 1.
 */
const params = new URLSearchParams(window.location.search);
const numberParam = (name: string, fallback: number): number => {
  const raw = params.get(name);
  const value = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(value) ? value : fallback;
};
const AT = numberParam('at', 790);
const RATE = numberParam('rate', 1);
const LIFE_HOURS = numberParam('hours', 30 * 24);
const WITH_FEED = params.get('feed') !== 'none';
const PLAY = params.has('play');
const THEME: Theme = params.get('theme') === 'projector' ? 'projector' : 'standard';
const LANGUAGE = params.get('lang');

/** Reads the probe's frame clock (frame / 60 s) while the bench has frozen the canvas, 0 before. */
function FrameClock({ read }: { read: MutableRefObject<() => number> }) {
  const get = useThree((s) => s.get);
  useLayoutEffect(() => {
    read.current = () => {
      const state = get();
      return state.frameloop === 'never' ? state.clock.elapsedTime : 0;
    };
  }, [get, read]);
  return null;
}

export function PhysiologyBench() {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  const plan = useMemo(() => planFeed(DEFAULT_FEED), []);
  const frameClock = useRef<() => number>(() => 0);
  const playClock = useRef(0);
  const frames = useMemo(() => ({ current: null as (() => void) | null }), []);

  useEffect(() => {
    document.documentElement.dataset['theme'] = THEME;
    if (LANGUAGE === 'fr' || LANGUAGE === 'en') void i18n.changeLanguage(LANGUAGE);
  }, [i18n]);

  // The demo clock: ticks the scene the way the app's clock will (the scene decides whether to draw).
  useEffect(() => {
    if (!PLAY) return;
    let handle = 0;
    let start: number | null = null;
    const tick = (now: number): void => {
      start ??= now;
      playClock.current = (now - start) / 1000;
      frames.current?.();
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [frames]);

  const time = useMemo(() => () => AT + RATE * (PLAY ? playClock.current : frameClock.current()), []);
  const state = useMemo(
    () => (): PhysiologyState => physiologyAt({ scenario: DEFAULT_SCENARIO, lifeHours: LIFE_HOURS, feed: WITH_FEED ? { plan, seconds: time(), suckledBreast: 0 } : null }),
    [plan, time],
  );

  return (
    <div style={{ width: '100vw', height: '100vh' }}>
      <PhysiologyScene state={state} time={time} theme={THEME} reducedMotion={reducedMotion} frames={frames}>
        <FrameClock read={frameClock} />
        <BenchProbe subject={PHYSIOLOGY_SUBJECT} />
      </PhysiologyScene>
    </div>
  );
}
