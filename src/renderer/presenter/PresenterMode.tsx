import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../shared/lessons/lesson-types';
import { classQuizBack, classQuizForward, startClassQuiz } from '../../shared/presentation/class-quiz';
import { clickerNext, holdPoint } from '../../shared/presentation/clicker-flow';
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
import { pickAnswerName } from '../quiz/pick-answer-name';
import { pointerOptions } from './pointer-targets';
import { openPresentationChannel, type PresentationChannel } from './presentation-channel';
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
  const [startedAt] = useState(() => performance.now());
  const readLesson = useCallback(() => ({ time: frame.current?.time ?? 0, duration: frame.current?.duration ?? 0 }), []);
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
  // Opened in an effect (and closed by its cleanup), so a remount never posts on a closed channel.
  const channel = useRef<PresentationChannel | null>(null);
  const [linked, setLinked] = useState(true);
  const lastSent = useRef('');
  const questionCount = quiz?.questions.length ?? 0;

  // What the room should see now; sent whenever it differs from what was sent last.
  const shared = useRef({ blackout, pointer, quiz: quizPosition });
  shared.current = { blackout, pointer, quiz: quizPosition };
  const publish = useCallback(
    (force = false) => {
      const current = frame.current;
      const line = channel.current;
      if (!line || !current) return;
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
      line.post({ kind: 'state', state });
    },
    [lesson.file],
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

  // A pointer belongs to the step it was made in; a new step is announced.
  const stepTitle = lesson.steps[discrete.stepIndex]?.title ?? '';
  useEffect(() => {
    setPointer(null);
    setStatus(t('presenter.now', { number: discrete.stepIndex + 1, count: lesson.steps.length, title: stepTitle }));
  }, [discrete.stepIndex, lesson.steps.length, stepTitle, t]);
  // The class quiz is announced as the teacher moves through it.
  const quizStarted = useRef(false);
  useEffect(() => {
    if (!quizPosition) {
      if (quizStarted.current) setStatus(t('presenter.quiz.backToLesson'));
      quizStarted.current = false;
      return;
    }
    quizStarted.current = true;
    if (quizPosition.index >= questionCount) setStatus(t('presenter.quiz.finished', { count: questionCount }));
    else setStatus(`${t('presenter.quiz.count', { number: quizPosition.index + 1, count: questionCount })}${quizPosition.revealed ? ` — ${t('presenter.quiz.revealedStatus')}` : ''}`);
  }, [quizPosition, questionCount, t]);

  // Focus follows what is on screen: the panel, or the way back from the room's view.
  const panelRef = useRef<HTMLElement | null>(null);
  const backRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (layout === 'audience') backRef.current?.focus();
    else panelRef.current?.focus();
  }, [layout]);

  const { anatomy } = defaultGland();
  const point = useCallback(
    (id: string | null) => {
      setPointer(id);
      setStatus(id ? t('presenter.pointer.announce', { name: pickAnswerName(id, t) }) : t('presenter.pointer.cleared'));
    },
    [t],
  );

  const leave = useCallback(() => {
    channel.current?.post({ kind: 'ended' });
    host.closeAudience().catch(() => undefined);
    onClose();
  }, [host, onClose]);

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
      setNotice(error instanceof HostError && error.code === 'failed' ? t('presenter.errors.fullScreenBrowser') : t('presenter.errors.fullScreen', { reason: error instanceof Error ? error.message : String(error) }));
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

  // The room's window says hello when it opens (send it everything), passes on the keys it
  // receives, and says when it is closed.
  const publishRef = useRef(publish);
  publishRef.current = publish;
  useEffect(() => {
    const line = openPresentationChannel();
    channel.current = line;
    setLinked(line !== null);
    if (!line) return;
    const stop = line.listen((message) => {
      if (message.kind === 'hello') publishRef.current(true);
      else if (message.kind === 'command') runRef.current(message.command);
      else if (message.kind === 'closed') setAudience('closed');
    });
    return () => {
      stop();
      line.post({ kind: 'ended' });
      line.close();
      if (channel.current === line) channel.current = null;
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const command = presenterCommandOf(event.key);
      if (!command) return;
      // A clicker button held down repeats: one press, one step (or one reveal).
      if (event.repeat) {
        event.preventDefault();
        return;
      }
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
  const themeRef = useRef(theme);
  themeRef.current = theme;
  useEffect(() => {
    if (layout !== 'audience') return;
    const root = document.documentElement;
    root.dataset['theme'] = 'projector';
    return () => {
      // Back to the learner's theme as it is now (the menu may have changed it meanwhile).
      root.dataset['theme'] = themeRef.current;
    };
  }, [layout]);

  const openAudience = useCallback(() => {
    setNotice(null);
    if (!linked) {
      setNotice(t('presenter.errors.noChannel'));
      return;
    }
    host
      .openAudience()
      .then(({ display }) => {
        setAudience(display);
        setStatus(t(display === 'external' ? 'presenter.audienceExternal' : 'presenter.audienceSame'));
      })
      // A browser that blocks pop-ups refuses the window: say how to allow it, in the teacher's language.
      .catch((error: unknown) => setNotice(error instanceof HostError && error.code === 'forbidden' ? t('presenter.errors.popupBlocked') : t('presenter.errors.audience', { reason: error instanceof Error ? error.message : String(error) })));
  }, [host, t, linked]);
  const closeAudience = useCallback(() => {
    channel.current?.post({ kind: 'ended' });
    host
      .closeAudience()
      .catch(() => undefined)
      .finally(() => setAudience('closed'));
  }, [channel, host]);

  const quizView = quiz && quizPosition ? classQuizView(quiz, quizPosition, t) : null;
  const options = useMemo(() => pointerOptions(direction?.scene ?? null, anatomy, pointer), [direction, anatomy, pointer]);
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
          <button type="button" className="presenter__back" ref={backRef} onClick={() => setLayout('presenter')} aria-keyshortcuts="P">
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
      <p className="visually-hidden" role="status">
        {status}
      </p>
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
          panelRef={panelRef}
          startedAt={startedAt}
          readLesson={readLesson}
          audience={audience}
          blackout={blackout}
          pointer={pointer}
          nextPicture={pictures[discrete.stepIndex + 1] ?? null}
          pointerOptions={options}
          quiz={quizView}
          hasQuiz={questionCount > 0}
          holdSteps={holdSteps}
          onHoldSteps={setHoldSteps}
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
