import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../shared/lessons/lesson-types';
import { classQuizBack, classQuizForward, startClassQuiz } from '../../shared/presentation/class-quiz';
import { clickerNext, holdPoint } from '../../shared/presentation/clicker-flow';
import { paceOf } from '../../shared/presentation/pacing';
import type { ClassQuizPosition, PresentationState, PresenterCommand } from '../../shared/presentation/presentation-state';
import { isClickerKey, presenterCommandOf } from '../../shared/presentation/presenter-keys';
import type { Quiz } from '../../shared/quizzes/quiz-schema';
import type { NarrationSettings, Theme } from '../../shared/settings';
import { HostError, type Host } from '../host/host';
import { LessonPlayer, type PlayerFrame, type PlayerHandle, type PresenterHooks } from '../lessons/player/LessonPlayer';
import { defaultGland } from '../quiz/default-gland';
import type { SceneDirection } from '../scene/SceneView';
import { AudienceOverlay } from './AudienceOverlay';
import { classQuizView } from './class-quiz-view';
import { pointerName, pointerOptions } from './pointer-targets';
import { openPresentationChannel } from './presentation-channel';
import { PresentationScene } from './PresentationScene';
import { PresenterPanel } from './PresenterPanel';
import { PictureStage } from '../handout/PictureStage';
import '../handout/handout.css';
import './presenter.css';

interface Discrete {
  stepIndex: number;
  playing: boolean;
  caption: string | null;
  captions: boolean;
}

/** The presenter view's clock for "elapsed": whole seconds since the presentation began. */
function useElapsedSeconds(): number {
  const [startedAt] = useState(() => performance.now());
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setElapsed(Math.floor((performance.now() - startedAt) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [startedAt]);
  return elapsed;
}

/**
 * Presenter mode. This window holds the one state of the presentation: the lesson player's clock
 * (voice, speed, position), the black screen, what is pointed out and the class quiz. It sends that
 * state to the audience window on every change (presentation-channel.ts), answers an audience that
 * has just opened, and takes the clicker's keys from either window (presenter-keys.ts). With one
 * screen, P swaps this window between the presenter view and the room's view.
 *
 * A class presentation is not a learner's study: it does not move anyone's saved place in the lesson.
 */
export function PresenterMode({
  host,
  lesson,
  quiz,
  theme,
  reducedMotion,
  narration,
  onNarration,
  onProblems,
  onClose,
}: {
  host: Host;
  lesson: Lesson;
  quiz: Quiz | null;
  theme: Theme;
  reducedMotion: boolean;
  narration: NarrationSettings;
  onNarration(change: Partial<NarrationSettings>): void;
  onProblems(problems: string[]): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<SceneDirection | null>(null);
  const [discrete, setDiscrete] = useState<Discrete>({ stepIndex: 0, playing: false, caption: null, captions: true });
  const [blackout, setBlackout] = useState(false);
  const [pointer, setPointer] = useState<string | null>(null);
  const [quizPosition, setQuizPosition] = useState<ClassQuizPosition | null>(null);
  const [layout, setLayout] = useState<'presenter' | 'audience'>('presenter');
  const [audience, setAudience] = useState<'closed' | 'external' | 'same'>('closed');
  const [status, setStatus] = useState('');
  // Stop at the end of each step (a two-button clicker then moves on); off plays the lesson straight through.
  const [holdSteps, setHoldSteps] = useState(true);
  const holdStepsRef = useRef(holdSteps);
  holdStepsRef.current = holdSteps;
  const [notice, setNotice] = useState<string | null>(null);
  const elapsed = useElapsedSeconds();
  // Pictures of each step's scene for the "next" preview, drawn out of sight once at the start.
  const [pictures, setPictures] = useState<readonly (string | null)[]>([]);
  const [picturesDone, setPicturesDone] = useState(false);
  const onPicture = useCallback((position: number, picture: string | null) => {
    setPictures((before) => {
      const next = [...before];
      next[position] = picture;
      return next;
    });
  }, []);
  const onPicturesDone = useCallback(() => setPicturesDone(true), []);
  const frame = useRef<PlayerFrame | null>(null);
  const handle = useRef<PlayerHandle | null>(null);
  const channel = useMemo(openPresentationChannel, []);
  const lastSent = useRef('');
  const questionCount = quiz?.questions.length ?? 0;

  // What the room should see now; sent whenever it differs from what was sent last.
  const shared = useRef({ blackout, pointer, quiz: quizPosition });
  shared.current = { blackout, pointer, quiz: quizPosition };
  const publish = useCallback(
    (force = false) => {
      const current = frame.current;
      if (!channel || !current) return;
      const state: PresentationState = {
        lessonFile: lesson.file,
        timings: current.timings,
        time: current.time,
        playing: current.playing,
        speed: current.speed,
        captions: current.captions,
        ...shared.current,
      };
      const text = JSON.stringify(state);
      if (!force && text === lastSent.current) return;
      lastSent.current = text;
      channel.post({ kind: 'state', state });
    },
    [channel, lesson.file],
  );
  useEffect(() => publish(), [publish, blackout, pointer, quizPosition]);

  const presenter = useMemo<PresenterHooks>(
    () => ({
      handle,
      onFrame(next) {
        const before = frame.current;
        frame.current = next;
        if (holdStepsRef.current && next.playing && !next.jumped && before) {
          const hold = holdPoint(before.time, next.time, next.stepStarts);
          if (hold !== null) handle.current?.holdAt(hold);
        }
        setDiscrete((before) =>
          before.stepIndex === next.stepIndex && before.playing === next.playing && before.caption === next.caption && before.captions === next.captions
            ? before
            : { stepIndex: next.stepIndex, playing: next.playing, caption: next.caption, captions: next.captions },
        );
        publish();
      },
    }),
    [publish],
  );

  // A pointer belongs to the step it was made in.
  useEffect(() => setPointer(null), [discrete.stepIndex]);

  const { anatomy } = defaultGland();
  const point = useCallback(
    (id: string | null) => {
      setPointer(id);
      setStatus(id ? t('presenter.pointer.announce', { name: pointerName(id, anatomy, t) }) : t('presenter.pointer.cleared'));
    },
    [anatomy, t],
  );

  const leave = useCallback(() => {
    channel?.post({ kind: 'ended' });
    host.closeAudience().catch(() => undefined);
    onClose();
  }, [channel, host, onClose]);

  const toggleOwnFullScreen = useCallback(() => {
    const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    request.catch((error: unknown) => setNotice(t('presenter.errors.fullScreen', { reason: error instanceof Error ? error.message : String(error) })));
  }, [t]);

  const fullScreen = useCallback(() => {
    if (audience === 'closed') {
      toggleOwnFullScreen();
      return;
    }
    host.toggleAudienceFullScreen().catch((error: unknown) => {
      // The browser preview cannot reach into the other window: F works there, pressed in it.
      setNotice(error instanceof HostError && error.code === 'failed' ? t('presenter.errors.fullScreenBrowser') : String(error));
    });
  }, [audience, host, t, toggleOwnFullScreen]);

  const run = useCallback(
    (command: PresenterCommand) => {
      switch (command) {
        case 'next': {
          if (quizPosition) {
            setQuizPosition((p) => p && classQuizForward(p, questionCount));
            return;
          }
          const now = frame.current;
          const player = handle.current;
          if (!now || !player) return;
          const move = clickerNext({ ...now, hasQuiz: questionCount > 0 });
          if (move === 'play') player.play();
          else if (move === 'next-step') player.next();
          else if (move === 'next-step-and-play') {
            player.next();
            player.play();
          } else if (move === 'start-quiz') setQuizPosition(startClassQuiz());
          return;
        }
        case 'previous':
          // Back from the first question, unrevealed, is back to the lesson.
          if (quizPosition) setQuizPosition((p) => (p && (p.index > 0 || p.revealed) ? classQuizBack(p, questionCount) : null));
          else handle.current?.previous();
          return;
        case 'play-pause':
          if (!quizPosition) handle.current?.togglePlay();
          return;
        case 'blackout': {
          const next = !shared.current.blackout;
          setBlackout(next);
          setStatus(t(next ? 'presenter.blackedOut' : 'presenter.pictureBack'));
          return;
        }
        case 'full-screen':
          fullScreen();
          return;
        case 'leave':
          leave();
          return;
        case 'switch-view':
          setLayout((l) => (l === 'presenter' ? 'audience' : 'presenter'));
          return;
      }
    },
    [quizPosition, questionCount, fullScreen, leave, t],
  );
  const runRef = useRef(run);
  runRef.current = run;

  // The room's window says hello when it opens (send it everything) and passes on the keys it receives.
  useEffect(() => {
    if (!channel) return;
    const stop = channel.listen((message) => {
      if (message.kind === 'hello') publish(true);
      else if (message.kind === 'command') runRef.current(message.command);
    });
    return () => {
      stop();
      channel.post({ kind: 'ended' });
      channel.close();
    };
  }, [channel, publish]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const command = presenterCommandOf(event.key);
      if (!command) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      // Fields keep their keys (a clicker's page keys excepted); Space presses a focused button.
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog') && !isClickerKey(event.key)) return;
      if (command === 'play-pause' && target?.closest('button, a[href], summary')) return;
      event.preventDefault();
      event.stopPropagation();
      runRef.current(command);
    };
    // Capture: the 3D view would otherwise turn the camera with the arrows the clicker sends.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  // The room's view uses the projector palette, here as in the audience window.
  useEffect(() => {
    if (layout !== 'audience') return;
    const root = document.documentElement;
    const before = root.dataset['theme'];
    root.dataset['theme'] = 'projector';
    return () => {
      if (before) root.dataset['theme'] = before;
    };
  }, [layout]);

  const openAudience = useCallback(() => {
    setNotice(null);
    host
      .openAudience()
      .then(({ display }) => {
        setAudience(display);
        setStatus(t(display === 'external' ? 'presenter.audienceExternal' : 'presenter.audienceSame'));
      })
      .catch((error: unknown) => setNotice(t('presenter.errors.audience', { reason: error instanceof Error ? error.message : String(error) })));
  }, [host, t]);
  const closeAudience = useCallback(() => {
    channel?.post({ kind: 'ended' });
    host
      .closeAudience()
      .catch(() => undefined)
      .finally(() => setAudience('closed'));
  }, [channel, host]);

  const quizView = quiz && quizPosition ? classQuizView(quiz, quizPosition, t) : null;
  const options = useMemo(() => pointerOptions(direction?.scene ?? null, anatomy, pointer), [direction, anatomy, pointer]);
  const lessonSeconds = frame.current?.time ?? 0;
  const roomTheme: Theme = layout === 'audience' ? 'projector' : theme;

  return (
    <div className={`presenter presenter--${layout}`} data-layout={layout} data-blackout={blackout} data-step={discrete.stepIndex} data-playing={discrete.playing}>
      <main className="presenter__stage" aria-label={t('presenter.stage')}>
        <PresentationScene
          host={host}
          theme={roomTheme}
          reducedMotion={reducedMotion}
          direction={direction}
          pointer={pointer}
          onPoint={point}
          quizPick={quizView?.pick ?? null}
          onProblems={onProblems}
        />
        {/* The presenter sees the quiz card as the room does; captions show in the player below. */}
        <AudienceOverlay caption={discrete.caption} captions={layout === 'audience' && discrete.captions} quiz={quizView} blackout={layout === 'audience' && blackout} />
        {layout === 'audience' && (
          <button type="button" className="presenter__back" onClick={() => setLayout('presenter')} aria-keyshortcuts="P">
            {t('presenter.showPresenterView')}
          </button>
        )}
        <LessonPlayer
          host={host}
          lesson={lesson}
          resumeAt={0}
          narration={narration}
          onNarration={onNarration}
          onDirection={setDirection}
          onProgress={() => undefined}
          onClose={leave}
          presenter={presenter}
          controlsHidden={layout === 'audience'}
        />
      </main>
      {!picturesDone && <PictureStage host={host} lesson={lesson} onPicture={onPicture} onDone={onPicturesDone} />}
      {notice && (
        <p className="presenter__notice" role="alert">
          {notice}
          <button type="button" className="button button--small" onClick={() => setNotice(null)}>
            {t('presenter.dismiss')}
          </button>
        </p>
      )}
      {layout === 'presenter' && (
        <PresenterPanel
          lesson={lesson}
          stepIndex={discrete.stepIndex}
          elapsedSeconds={elapsed}
          lessonSeconds={lessonSeconds}
          durationSeconds={frame.current?.duration ?? 0}
          pace={paceOf(elapsed, lessonSeconds)}
          audience={audience}
          blackout={blackout}
          pointer={pointer}
          nextPicture={pictures[discrete.stepIndex + 1] ?? null}
          pointerOptions={options}
          anatomy={anatomy}
          quiz={quizView}
          hasQuiz={questionCount > 0}
          holdSteps={holdSteps}
          onHoldSteps={setHoldSteps}
          status={status}
          onOpenAudience={openAudience}
          onCloseAudience={closeAudience}
          onBlackout={() => run('blackout')}
          onFullScreen={fullScreen}
          onSwitchView={() => run('switch-view')}
          onLeave={leave}
          onPointer={point}
          onGoToStep={(index) => {
            setQuizPosition(null);
            handle.current?.goToStep(index);
          }}
          onStartQuiz={() => {
            // The narration stops while the class answers.
            if (frame.current?.playing) handle.current?.togglePlay();
            setQuizPosition(startClassQuiz());
          }}
          onQuizForward={() => run('next')}
          onQuizBack={() => run('previous')}
          onEndQuiz={() => setQuizPosition(null)}
        />
      )}
    </div>
  );
}
