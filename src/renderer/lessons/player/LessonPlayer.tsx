import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LessonClock } from '../../../shared/lessons/lesson-clock';
import { needsFrames, pulsingIds, sceneChangedBetween } from '../../../shared/lessons/lesson-state-changes';
import type { Lesson } from '../../../shared/lessons/lesson-types';
import { buildTimeline, mapTime, readingTimings, stateAt, timeOfSentence, timeOfStep, type AnimationPhase, type LessonState, type Timeline } from '../../../shared/lessons/timeline';
import type { LessonProgress } from '../../../shared/progress';
import type { NarrationSettings } from '../../../shared/settings';
import type { Host } from '../../host/host';
import type { SceneDirection } from '../../scene/SceneView';
import { createAudioVoice } from '../voices/audio-voice';
import { createReadingVoice } from '../voices/reading-voice';
import { createSpeechVoice } from '../voices/speech-voice';
import type { NarrationVoice, VoiceKind } from '../voices/voice';
import { loadNarration, type LessonNarration } from './load-narration';
import { PlayerControls } from './PlayerControls';
import { Transcript } from './Transcript';
import { useSystemVoices } from './use-system-voices';

/** How often (lesson seconds) the position is saved while playing, so a crash loses little. */
const SAVE_EVERY_SECONDS = 10;

/** What presenter mode reads of the player on every frame, to send to the room. */
export interface PlayerFrame {
  time: number;
  /** The lesson's length on the clock's timeline (seconds). */
  duration: number;
  /** When each step starts on that timeline. */
  stepStarts: readonly number[];
  /** The time jumped since the last frame (a seek, a step, a new timeline): it did not play there. */
  jumped: boolean;
  playing: boolean;
  speed: number;
  stepIndex: number;
  /** Whose timings the clock runs on: the recordings', or the reading clock's (speech uses it too). */
  timings: 'recorded' | 'reading';
  captions: boolean;
  caption: string | null;
}

/** What presenter mode (its clicker, its step list) asks of the player. */
export interface PlayerHandle {
  next(): void;
  previous(): void;
  togglePlay(): void;
  play(): void;
  /** Pauses at lesson time `time` (presenter mode holds each step's end). */
  holdAt(time: number): void;
  goToStep(index: number): void;
}

/** Presenter mode drives the player: it handles the keys and reads every frame. */
export interface PresenterHooks {
  handle: { current: PlayerHandle | null };
  onFrame(frame: PlayerFrame): void;
}

interface View {
  time: number;
  playing: boolean;
  stepIndex: number;
  captionKey: string | null;
  caption: string | null;
}

function keyTarget(target: EventTarget | null): 'typing' | 'control' | 'free' {
  const element = target instanceof HTMLElement ? target : null;
  if (!element) return 'free';
  // Where keys already mean something: text fields, lists, the 3D view (arrows turn it), the structure tree.
  if (element.closest('input, textarea, select, [contenteditable="true"], [role="tree"], [role="application"], dialog, [aria-modal="true"]')) return 'typing';
  if (element.closest('button, a[href], summary')) return 'control';
  return 'free';
}

/**
 * Plays a lesson: one clock (lesson-clock.ts) gives the time, the timeline (timeline.ts) turns it
 * into the scene, the sentence and the step, every animation frame; the 3D view gets the scene
 * when it changes (`onDirection`), the captions and transcript the sentence. The voice follows the
 * clock: the lesson's recordings, the system's voice or the silent reading clock.
 * The position is saved on pause, at each step, every few seconds and on leaving, and a lesson
 * resumes where the learner stopped.
 *
 * The voice and speed start as the learner last chose them (`narration`, from the settings) and
 * each choice made here is saved (`onNarration`). A saved `audio` voice on a lesson without
 * recordings quietly becomes the reading clock; a voice that cannot be used falls back to it and
 * the player says why; neither fallback is saved, so the learner's choice holds for other lessons.
 */
export function LessonPlayer({
  host,
  lesson,
  resumeAt,
  startAtStep = null,
  narration: preferences,
  onNarration,
  onDirection,
  onProgress,
  onClose,
  onSelfCheck,
  presenter,
  controlsHidden = false,
}: {
  host: Host;
  lesson: Lesson;
  /** Saved position (lesson seconds), or 0. */
  resumeAt: number;
  /** A step to open the lesson at (index among its steps, from 0), instead of the saved position. */
  startAtStep?: number | null;
  /** The voice, system voice and speed from the settings. */
  narration: NarrationSettings;
  /** Saves a change the learner makes to them. */
  onNarration(change: Partial<NarrationSettings>): void;
  onDirection(direction: SceneDirection | null): void;
  onProgress(id: string, progress: Omit<LessonProgress, 'bestQuizScore' | 'updatedAt'>): void;
  onClose(): void;
  /** Offered when the lesson ends, if the lesson has a self-check. */
  onSelfCheck?: (() => void) | undefined;
  /** Presenter mode: the keys are its own, the transcript gives way to its panel, each frame is reported. */
  presenter?: PresenterHooks | undefined;
  /** Presenter mode's room view on the presenter's own screen: the clock runs, nothing of the player shows. */
  controlsHidden?: boolean;
}) {
  const { t } = useTranslation();
  const readingTimeline = useMemo(() => buildTimeline(lesson, readingTimings(lesson)), [lesson]);
  const [narration, setNarration] = useState<LessonNarration | null>(null);
  // The saved voice is read once. Recordings wait until the lesson's files are known (reading meanwhile).
  const [savedVoice] = useState(preferences.narrationVoice);
  const [voiceKind, setVoiceKind] = useState<VoiceKind>(savedVoice === 'speech' ? 'speech' : 'reading');
  const systemVoice = preferences.systemVoice;
  const systemVoices = useSystemVoices(lesson.language);
  const [notice, setNotice] = useState<string | null>(null);
  // The recorded narration sets its own timeline; the system voice and the reading clock share the planned one.
  const timeline: Timeline = useMemo(
    () => (voiceKind === 'audio' && narration ? buildTimeline(lesson, narration.timings) : readingTimeline),
    [voiceKind, narration, lesson, readingTimeline],
  );
  // Where to resume is read once: the position saved while playing must not restart the clock.
  const [startAt] = useState(() => (startAtStep === null ? resumeAt : timeOfStep(readingTimeline, startAtStep)));
  const [clock] = useState(() => new LessonClock({ now: () => performance.now() / 1000, timeline: readingTimeline, startAt, speed: preferences.narrationSpeed }));
  const clockTimeline = useRef<Timeline>(readingTimeline);
  const voice = useRef<NarrationVoice | null>(null);
  const voicePicked = useRef(false);
  const phasesNow = useRef<readonly AnimationPhase[]>([]);
  const readPhases = useCallback(() => phasesNow.current, []);
  const timeNow = useRef({ time: 0, stepTime: 0 });
  const readTime = useCallback(() => timeNow.current.time, []);
  const readStepTime = useCallback(() => timeNow.current.stepTime, []);
  const frames = useRef<(() => void) | null>(null);

  useEffect(() => {
    let live = true;
    loadNarration(host, lesson, document.baseURI)
      .then((loaded) => {
        if (!live) return;
        setNarration(loaded);
        // Recordings when the learner prefers them (the default) and the lesson has some, unless a voice was picked meanwhile.
        if (savedVoice === 'audio' && loaded.recordings.some((r) => r !== null) && !voicePicked.current) setVoiceKind('audio');
        if (loaded.problems.length > 0) setNotice(loaded.problems.join(' · '));
      })
      .catch((error: unknown) => live && setNotice(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [host, lesson, savedVoice]);

  // Another voice may time the lesson differently: the clock moves to the same place on the new timeline.
  useEffect(() => {
    if (clockTimeline.current === timeline) return;
    clock.setTimeline(timeline, mapTime(clockTimeline.current, timeline, clock.time()));
    clockTimeline.current = timeline;
  }, [clock, timeline]);

  useEffect(() => {
    const made =
      voiceKind === 'audio' && narration
        ? createAudioVoice({ clock, timeline, recordings: narration.recordings, createAudio: (url) => new Audio(url) })
        : voiceKind === 'speech'
          ? createSpeechVoice<SpeechSynthesisUtterance>({
              clock,
              timeline,
              language: lesson.language,
              voiceName: systemVoice,
              synth: 'speechSynthesis' in window ? window.speechSynthesis : null,
              createUtterance: (text) => new SpeechSynthesisUtterance(text),
              setVoice: (utterance, chosen) => {
                utterance.voice = chosen as SpeechSynthesisVoice;
              },
              now: () => performance.now() / 1000,
            })
          : createReadingVoice(clock);
    const stopListening = made.onProblem((problem) => {
      if (problem.code === 'speech-voice-substituted') {
        setNotice(t('player.voiceSubstituted', { requested: problem.requestedVoice ?? '', used: problem.usedVoice ?? '' }));
        return;
      }
      if (problem.fallback === 'none') return;
      // The learner reads why in their language; the English `message` (with details) goes to the console for maintainers.
      console.warn(problem.message);
      setNotice(t('player.voiceFallback', { reason: t(`player.problems.${problem.code}`, { file: problem.file ?? '' }) }));
      if (problem.fallback === 'lesson') setVoiceKind('reading');
    });
    voice.current = made;
    return () => {
      stopListening();
      made.stop();
      if (voice.current === made) voice.current = null;
    };
  }, [voiceKind, narration, clock, timeline, lesson.language, systemVoice, t]);

  const [view, setView] = useState<View>({ time: 0, playing: false, stepIndex: 0, captionKey: null, caption: null });
  const [captions, setCaptions] = useState(true);
  const [transcript, setTranscript] = useState(!presenter);
  const jumped = useRef(true);
  const latest = useRef({ onDirection, onProgress, presenter, captions, recorded: false });
  latest.current = { onDirection, onProgress, presenter, captions, recorded: voiceKind === 'audio' && narration !== null };

  const save = useCallback(() => {
    latest.current.onProgress(lesson.id, { completed: clock.ended, lastPositionSeconds: clock.ended ? 0 : clock.time() });
  }, [clock, lesson.id]);

  // The frame loop: the only place time is read.
  useEffect(() => {
    let state: LessonState | null = null;
    let frame = 0;
    let lastSaved = clock.time();
    let lastRevision = -1;
    const tick = (): void => {
      voice.current?.update();
      const seeked = jumped.current;
      const time = clock.time();
      const previous: LessonState | null = state;
      const next = stateAt(clockTimeline.current, time);
      state = next;
      phasesNow.current = next.phases;
      timeNow.current = { time: next.t, stepTime: next.stepTime };
      // Only when a step begins or a cue fires is the 3D view told.
      if (sceneChangedBetween(previous, next) || jumped.current) {
        latest.current.onDirection({ scene: next.scene, instant: jumped.current, pulsing: pulsingIds(next), phases: readPhases, frames, time: readTime, stepTime: readStepTime });
      }
      // The 3D view draws on demand; the physiology scene draws only when something moved.
      if (needsFrames(next, clock.playing)) frames.current?.();
      jumped.current = false;
      const step = lesson.steps[next.stepIndex];
      const sentence = next.captionIndex === null ? null : (step?.sentences[next.captionIndex] ?? null);
      const { presenter: presenting, captions: showCaptions, recorded } = latest.current;
      presenting?.onFrame({
        jumped: seeked,
        time,
        duration: clockTimeline.current.duration,
        stepStarts: clockTimeline.current.stepStarts,
        playing: clock.playing,
        speed: clock.speed,
        stepIndex: next.stepIndex,
        timings: recorded ? 'recorded' : 'reading',
        captions: showCaptions,
        caption: sentence?.text ?? null,
      });
      setView((current) =>
        current.time === time && current.playing === clock.playing && current.stepIndex === next.stepIndex && current.captionKey === (sentence?.key ?? null)
          ? current
          : { time, playing: clock.playing, stepIndex: next.stepIndex, captionKey: sentence?.key ?? null, caption: sentence?.text ?? null },
      );
      // Save when the learner pauses, seeks or changes step (the clock's revision), and now and then while playing.
      if (clock.revision !== lastRevision || Math.abs(time - lastSaved) >= SAVE_EVERY_SECONDS) {
        if (lastRevision !== -1) save();
        lastRevision = clock.revision;
        lastSaved = time;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      save();
      latest.current.onDirection(null);
    };
  }, [clock, lesson, save, readPhases, readTime, readStepTime]);

  const seek = useCallback(
    (action: () => void) => {
      jumped.current = true;
      action();
    },
    [],
  );

  const sentenceStart = useCallback((step: number, sentence: number) => timeOfSentence(timeline, step, sentence), [timeline]);
  const seekTo = useCallback((seconds: number) => seek(() => clock.seek(seconds)), [seek, clock]);

  useEffect(() => {
    if (!presenter) return;
    presenter.handle.current = {
      next: () => seek(() => clock.stepForward()),
      previous: () => seek(() => clock.stepBack()),
      togglePlay: () => clock.toggle(),
      play: () => clock.play(),
      holdAt: (time) =>
        seek(() => {
          clock.pause();
          clock.seek(time);
        }),
      goToStep: (index) => seek(() => clock.seek(timeOfStep(clockTimeline.current, index))),
    };
    return () => {
      presenter.handle.current = null;
    };
  }, [presenter, clock, seek]);

  useEffect(() => {
    // In presenter mode the presenter's keys (clicker, blackout…) take over.
    if (presenter) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const where = keyTarget(event.target);
      if (where === 'typing') return;
      if (event.key === ' ' && where === 'free') {
        clock.toggle();
      } else if (event.key === 'ArrowRight' || event.key === 'PageDown') {
        seek(() => clock.stepForward());
      } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
        seek(() => clock.stepBack());
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clock, seek, presenter]);

  if (controlsHidden) return null;
  return (
    <>
      <section className={`lesson-player${transcript ? ' lesson-player--transcript' : ''}`} aria-label={t('player.region', { title: lesson.title })}>
        {notice && (
          <p className="lesson-player__notice" role="status">
            {notice}
          </p>
        )}
        {onSelfCheck && view.time >= timeline.duration && (
          <p className="lesson-player__notice">
            <button type="button" className="button button--primary" onClick={onSelfCheck}>
              {t('quiz.takeSelfCheck')}
            </button>
          </p>
        )}
        {captions && view.caption && (
          <p className="lesson-player__caption" aria-live="off">
            {view.caption}
          </p>
        )}
        <PlayerControls
          playing={view.playing}
          time={view.time}
          duration={timeline.duration}
          voiceKind={voiceKind}
          voiceKinds={narration?.recordings.some((r) => r !== null) ? ['audio', 'speech', 'reading'] : ['speech', 'reading']}
          onVoiceKind={(kind) => {
            voicePicked.current = true;
            setNotice(null);
            setVoiceKind(kind);
            onNarration({ narrationVoice: kind });
          }}
          systemVoices={systemVoices}
          systemVoice={systemVoice}
          onSystemVoice={(name) => {
            setNotice(null);
            onNarration({ systemVoice: name });
          }}
          stepStarts={timeline.stepStarts}
          stepIndex={view.stepIndex}
          stepCount={lesson.steps.length}
          speed={clock.speed}
          captions={captions}
          transcript={transcript}
          onPlayPause={() => clock.toggle()}
          onPrevious={() => seek(() => clock.stepBack())}
          onNext={() => seek(() => clock.stepForward())}
          onReplayStep={() => seek(() => clock.replayStep())}
          onSeek={(seconds) => seek(() => clock.seek(seconds))}
          onSpeed={(speed) => {
            clock.setSpeed(speed);
            onNarration({ narrationSpeed: speed });
          }}
          onCaptions={setCaptions}
          onTranscript={presenter ? undefined : setTranscript}
          onClose={onClose}
        />
      </section>
      {transcript && (
        <Transcript lesson={lesson} current={view.captionKey} sentenceStart={sentenceStart} onSeek={seekTo} />
      )}
    </>
  );
}
