import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../shared/lessons/lesson-types';
import { buildTimeline, readingTimings, type Timeline } from '../../shared/lessons/timeline';
import type { PresentationState } from '../../shared/presentation/presentation-state';
import { presenterCommandOf } from '../../shared/presentation/presenter-keys';
import { quizOf } from '../../shared/quizzes/load-quizzes';
import type { Quiz } from '../../shared/quizzes/quiz-schema';
import type { Host } from '../host/host';
import { loadNarration } from '../lessons/player/load-narration';
import { readLessons, readQuizzes } from '../lessons/read-lessons';
import { useReducedMotion } from '../use-reduced-motion';
import { AudienceOverlay } from './AudienceOverlay';
import { classQuizView } from './class-quiz-view';
import { openPresentationChannel, type PresentationChannel } from './presentation-channel';
import { PresentationScene } from './PresentationScene';
import { useFollowedLesson, type Received } from './use-followed-lesson';
import './presenter.css';

/** Whether two states differ only in the clock's time (which the frame loop reads from the ref, every frame). */
function sameApartFromClock(a: PresentationState, b: PresentationState): boolean {
  return JSON.stringify({ ...a, time: 0 }) === JSON.stringify({ ...b, time: 0 });
}

interface Shown {
  lesson: Lesson;
  quiz: Quiz | null;
  timeline: Timeline;
}

/**
 * The audience window of presenter mode: what the room sees and nothing else — the picture, large
 * captions, the class quiz, the black screen — in the projector palette and the lesson's language.
 * It follows the presenter's state (presentation-channel.ts) and reads the same lesson files, so
 * the picture at each lesson time is computed here exactly as in the presenter's window. Keys
 * pressed here (a clicker aimed at the wrong window) go to the presenter; F makes this window full
 * screen, which a page can only do from a key pressed in it.
 */
export function AudienceView({ host }: { host: Host }) {
  const { t, i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  // Opened in an effect (and closed by its cleanup), so a remount never posts on a closed channel.
  const channel = useRef<PresentationChannel | null>(null);
  const [linked, setLinked] = useState(true);
  const received = useRef<Received | null>(null);
  const [state, setState] = useState<PresentationState | null>(null);
  const [ended, setEnded] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lessonFile = state?.lessonFile ?? null;
  const timings = state?.timings ?? null;

  useEffect(() => {
    document.documentElement.dataset['theme'] = 'projector';
    document.documentElement.dataset['motion'] = reducedMotion ? 'reduced' : 'full';
  }, [reducedMotion]);

  useEffect(() => {
    const line = openPresentationChannel();
    channel.current = line;
    setLinked(line !== null);
    if (!line) return;
    const stop = line.listen((message) => {
      if (message.kind === 'state') {
        received.current = { state: message.state, at: performance.now() / 1000 };
        setEnded(false);
        // The page re-renders for what it shows; the clock's time is read every frame from the ref.
        setState((before) => (before && sameApartFromClock(before, message.state) ? before : message.state));
      } else if (message.kind === 'ended') setEnded(true);
    });
    line.post({ kind: 'hello' });
    // The presenter learns that the room's window is gone (closed with its button or the system's keys).
    const closing = (): void => line.post({ kind: 'closed' });
    window.addEventListener('pagehide', closing);
    return () => {
      window.removeEventListener('pagehide', closing);
      stop();
      line.close();
      if (channel.current === line) channel.current = null;
    };
  }, []);

  // The lesson, its quiz and its timings, read when the presenter names a lesson.
  useEffect(() => {
    if (!lessonFile || !timings) return;
    let live = true;
    (async () => {
      const lessons = await readLessons(host);
      const lesson = lessons.find((result) => result.file === lessonFile)?.lesson ?? null;
      if (!lesson) throw new Error(lessonFile);
      const quizzes = await readQuizzes(host, lessons).catch(() => []);
      const narration = timings === 'recorded' ? await loadNarration(host, lesson, document.baseURI) : null;
      const timeline = buildTimeline(lesson, narration ? narration.timings : readingTimings(lesson));
      if (!live) return;
      await i18n.changeLanguage(lesson.language);
      document.documentElement.lang = lesson.language;
      setShown({ lesson, quiz: quizOf(quizzes, lesson), timeline });
      setProblem(null);
    })().catch((error: unknown) => live && setProblem(error instanceof Error ? error.message : String(error)));
    return () => {
      live = false;
    };
  }, [host, lessonFile, timings, i18n]);

  const { direction, caption, stepIndex } = useFollowedLesson(shown?.lesson ?? null, shown?.timeline ?? null, received);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const command = presenterCommandOf(event.key);
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.repeat) return;
      // F and Esc act on this window's full screen. Esc here never ends the class: that is the
      // presenter's decision, from the presenter's window.
      if (command === 'full-screen' || command === 'leave') {
        const request = document.fullscreenElement ? document.exitFullscreen() : command === 'full-screen' ? document.documentElement.requestFullscreen() : null;
        request?.catch(() => undefined);
        return;
      }
      channel.current?.post({ kind: 'command', command });
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    document.title = shown ? `${shown.lesson.title} — ${t('app.name')}` : t('app.name');
  }, [shown, t]);

  const quiz = shown?.quiz && state?.quiz ? classQuizView(shown.quiz, state.quiz, t) : null;
  const message = !linked ? t('presenter.errors.noChannel') : ended ? t('presenter.audience.ended') : problem ? t('presenter.audience.problem', { reason: problem }) : !shown ? t('presenter.audience.waiting') : null;

  return (
    // The step and play state are marked on the page for tests and for anyone inspecting the room's window.
    <main className="audience" aria-label={t('presenter.audience.region')} data-step={stepIndex ?? undefined} data-playing={state?.playing ?? false} data-captions={(state?.captions ?? true) && !state?.quiz}>
      {shown && !ended && (
        <PresentationScene
          host={host}
          theme="projector"
          reducedMotion={reducedMotion}
          direction={direction}
          pointer={state?.pointer ?? null}
          quizPick={quiz?.pick ?? null}
          onProblems={() => undefined}
        />
      )}
      {message && (
        <p className="audience__message" role="status">
          {message}
        </p>
      )}
      {shown && !ended && <AudienceOverlay caption={caption} captions={state?.captions ?? true} quiz={quiz} blackout={state?.blackout ?? false} />}
    </main>
  );
}
