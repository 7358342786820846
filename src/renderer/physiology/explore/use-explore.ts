import { useCallback, useEffect, useRef, useState } from 'react';
import { LessonClock, type ClockTimeline } from '../../../shared/lessons/lesson-clock';
import { DEFAULT_FEED, ejectionAt, milkRemovedShare } from '../../../shared/physiology/ejection-reflex';
import { clampLifeHours, hoursToScrubber, landmarkHours, scrubberToHours } from '../../../shared/physiology/life-timeline';
import type { LandmarkId, PhysiologyState } from '../../../shared/physiology/physiology-types';
import { explainChange, type ChangeCause } from './explain-change';
import { makeSession, scenarioFor, snapshotOf, stateOf, type ExploreInputs } from './explore-model';
import { feedSnapshot, sameFeedMoment, type ExploreSnapshot, type ScenarioChoice } from './explore-snapshot';
import { clampStress, clockToFeedSeconds, setupAfterAction, type FeedAction } from './feed-session';
import type { Message } from './messages';

/**
 * The explore view's state and its one clock. Discrete state (scenario, scrubber, stress, the feed
 * under way) is React state; the feed's time is the LessonClock's, read by the scene every frame
 * through `sceneState` and `sceneTime`. While a feed plays, a frame loop watches the clock and
 * re-renders only when something a learner is told about changes (a phase, an ejection, the flow's
 * direction, the feed minute). Nothing runs between feeds.
 */

export interface ExploreView {
  inputs: ExploreInputs;
  position: number;
  snapshot: ExploreSnapshot;
  explanation: Message | null;
  playing: boolean;
  /** Feed seconds on the clock, updated at discrete changes and each feed minute. */
  feedSeconds: number;
  /** Index of the clock's current step (a moment), for "moment n of m". */
  momentIndex: number;
}

/** A moment of life to go back to (a bookmark): scenario, time on the timeline, stress. */
export interface ExploreMoment {
  choice: ScenarioChoice;
  lifeHours: number;
  stress: number;
}

const EMPTY_TIMELINE: ClockTimeline = { duration: 0, stepStarts: [0] };
export const START_LANDMARK: LandmarkId = 'one-month';

export function useExplore(reducedMotion: boolean) {
  const [clock] = useState(() => new LessonClock({ now: () => performance.now() / 1000, timeline: EMPTY_TIMELINE }));
  const seed = useRef(0);
  const [view, setView] = useState<ExploreView>(() => {
    const scenario = scenarioFor('term-birth');
    const inputs: ExploreInputs = { choice: 'term-birth', scenario, lifeHours: landmarkHours(START_LANDMARK, scenario), stress: 0, session: null, suckledBreast: 0 };
    return { inputs, position: hoursToScrubber(inputs.lifeHours, scenario), snapshot: snapshotOf(inputs, stateOf(inputs, 0), 0), explanation: null, playing: false, feedSeconds: 0, momentIndex: 0 };
  });
  const viewNow = useRef(view);
  viewNow.current = view;
  // Filled in by the scene: asks it to draw a frame if anything it shows has changed.
  const frames = useRef<(() => void) | null>(null);

  /** Every change goes through here: the new snapshot, and the explanation of what changed. */
  const commit = useCallback(
    (inputs: ExploreInputs, cause: ChangeCause | null) => {
      const clockSeconds = clock.time();
      const snapshot = snapshotOf(inputs, stateOf(inputs, clockSeconds), clockSeconds);
      const before = viewNow.current;
      const message = cause ? explainChange(before.snapshot, snapshot, cause) : null;
      const next: ExploreView = {
        inputs,
        position: hoursToScrubber(inputs.lifeHours, inputs.scenario),
        snapshot,
        explanation: message ?? before.explanation,
        playing: clock.playing,
        feedSeconds: clockToFeedSeconds(clockSeconds),
        momentIndex: clock.stepIndex(),
      };
      viewNow.current = next;
      setView(next);
    },
    [clock],
  );

  const setExplanation = useCallback((message: Message) => {
    const next = { ...viewNow.current, explanation: message };
    viewNow.current = next;
    setView(next);
  }, []);

  const chooseScenario = useCallback(
    (choice: ScenarioChoice) => {
      const inputs = viewNow.current.inputs;
      if (choice === inputs.choice) return;
      const scenario = scenarioFor(choice);
      // The same moment of life in the new scenario, as far as its timeline allows.
      const lifeHours = scrubberToHours(hoursToScrubber(inputs.lifeHours, scenario), scenario);
      commit({ ...inputs, choice, scenario, lifeHours }, 'scenario');
    },
    [commit],
  );

  const scrubTo = useCallback(
    (position: number) => {
      const inputs = viewNow.current.inputs;
      commit({ ...inputs, lifeHours: scrubberToHours(position, inputs.scenario) }, 'scrub');
    },
    [commit],
  );

  const jumpTo = useCallback(
    (landmark: LandmarkId) => {
      const inputs = viewNow.current.inputs;
      commit({ ...inputs, lifeHours: landmarkHours(landmark, inputs.scenario) }, 'scrub');
    },
    [commit],
  );

  const setStress = useCallback(
    (stress: number) => {
      const inputs = viewNow.current.inputs;
      const value = clampStress(stress);
      let session = inputs.session;
      // Stress acts on the oxytocin pulses still to come: the feed under way is planned again.
      if (session && clock.time() < session.timeline.duration) session = makeSession({ ...session.setup, stress: value });
      if (session && session !== inputs.session) clock.setTimeline(session.timeline, clock.time());
      commit({ ...inputs, stress: value, session }, 'stress');
    },
    [clock, commit],
  );

  const act = useCallback(
    (action: FeedAction) => {
      const inputs = viewNow.current.inputs;
      const running = inputs.session && !clock.ended ? { setup: inputs.session.setup, seconds: clockToFeedSeconds(clock.time()) } : null;
      const nextSeed = DEFAULT_FEED.seed + seed.current + 1;
      const setup = setupAfterAction(action, running, DEFAULT_FEED, inputs.stress, nextSeed);
      // Each new feed has its own seed, so feeds differ from one another yet replay the same.
      if (setup?.seed === nextSeed && running?.setup.seed !== nextSeed) seed.current += 1;
      if (setup === null) {
        clock.pause();
        clock.setTimeline(EMPTY_TIMELINE, 0);
        commit({ ...inputs, session: null }, 'feed');
        return;
      }
      if (running && setup === running.setup) return;
      const continuing = running !== null && setup.seed === running.setup.seed;
      const session = makeSession(setup);
      clock.setTimeline(session.timeline, continuing ? clock.time() : 0);
      if (reducedMotion) {
        // No compressed animation: go straight to the moment that matters.
        clock.pause();
        if (action === 'stop') clock.seek(session.timeline.duration);
        else if (!continuing) clock.seek(0);
      } else clock.play();
      commit({ ...inputs, session }, 'feed');
    },
    [clock, commit, reducedMotion],
  );

  /** Goes to a saved moment; a feed under way stops, since a bookmark keeps a time of life, not a feed. */
  const restore = useCallback(
    (moment: ExploreMoment) => {
      const inputs = viewNow.current.inputs;
      const scenario = scenarioFor(moment.choice);
      clock.pause();
      clock.setTimeline(EMPTY_TIMELINE, 0);
      const next = { ...inputs, choice: moment.choice, scenario, lifeHours: clampLifeHours(moment.lifeHours, scenario), stress: clampStress(moment.stress), session: null };
      commit(next, moment.choice === inputs.choice ? 'scrub' : 'scenario');
    },
    [clock, commit],
  );

  const chooseBreast = useCallback(
    (side: 0 | 1) => {
      commit({ ...viewNow.current.inputs, suckledBreast: side }, null);
    },
    [commit],
  );

  const controlClock = useCallback(
    (command: 'play' | 'pause' | 'next' | 'previous' | 'summary') => {
      const inputs = viewNow.current.inputs;
      if (!inputs.session) return;
      if (command === 'play') clock.play();
      else if (command === 'pause') clock.pause();
      else if (command === 'next') clock.stepForward();
      else if (command === 'previous') clock.stepBack();
      else clock.seek(clock.duration);
      commit(inputs, 'feed');
    },
    [clock, commit],
  );

  // The frame loop, only while the clock plays.
  useEffect(() => {
    if (!view.playing) return;
    let frame = 0;
    const tick = (): void => {
      const current = viewNow.current;
      const inputs = current.inputs;
      const clockSeconds = clock.time();
      const session = inputs.session;
      if (!session) return;
      frames.current?.();
      const seconds = clockToFeedSeconds(clockSeconds);
      const feed = feedSnapshot(session.setup.kind, session.setup.cueBeforeLatch, ejectionAt(session.plan, seconds), session.totalEjections, milkRemovedShare(session.plan, seconds));
      const minuteChanged = Math.floor(seconds / 60) !== Math.floor(current.feedSeconds / 60);
      if (!sameFeedMoment(feed, current.snapshot.feed) || minuteChanged || !clock.playing) commit(inputs, 'feed');
      if (clock.playing) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [view.playing, clock, commit]);

  // Any committed change (a scrub, a step to a moment, a new feed) may change the picture.
  useEffect(() => {
    frames.current?.();
  }, [view]);

  // Reduced motion switched on mid-feed: stop the compressed animation where it is.
  useEffect(() => {
    if (reducedMotion && clock.playing) {
      clock.pause();
      commit(viewNow.current.inputs, null);
    }
  }, [reducedMotion, clock, commit]);

  const stateCache = useRef<{ time: number; inputs: ExploreInputs; state: PhysiologyState } | null>(null);
  const sceneState = useCallback((): PhysiologyState => {
    const time = clock.time();
    const inputs = viewNow.current.inputs;
    const cached = stateCache.current;
    if (cached && cached.time === time && cached.inputs === inputs) return cached.state;
    const state = stateOf(inputs, time);
    stateCache.current = { time, inputs, state };
    return state;
  }, [clock]);
  const sceneTime = useCallback(() => clock.time(), [clock]);

  return { view, clock, frames, chooseScenario, chooseBreast, scrubTo, jumpTo, setStress, act, controlClock, setExplanation, sceneState, sceneTime, restore };
}
