import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutDialog } from './components/AboutDialog';
import { AppHeader } from './components/AppHeader';
import { NoticeList } from './components/NoticeList';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { GlossaryProvider } from './glossary/GlossaryProvider';
import { chooseHost } from './host/choose-host';
import type { Host } from './host/host';
import { LessonLibrary } from './lessons/LessonLibrary';
import { ProgressDialog } from './progress/ProgressDialog';
import { BookmarksDialog } from './bookmarks/BookmarksDialog';
import { ViewHandleSlot, type GlandViewHandle, type PhysiologyViewHandle } from './bookmarks/view-handles';
import { defaultGland } from './quiz/default-gland';
import { PresenterMode } from './presenter/PresenterMode';
import { LessonPlayer } from './lessons/player/LessonPlayer';
import { readLessons, readQuizzes } from './lessons/read-lessons';
import { bestScore } from './quiz/quiz-session';
import { SelfCheck } from './quiz/SelfCheck';
import { SceneView, type SceneDirection } from './scene/SceneView';
import type { Lesson, LessonLoadResult } from '../shared/lessons/lesson-types';
import { withBookmarks, withLessonProgress, type Progress } from '../shared/progress';
import type { Bookmark, BookmarkView } from '../shared/bookmarks';
import { quizOf, type QuizLoadResult } from '../shared/quizzes/load-quizzes';
import type { Quiz } from '../shared/quizzes/quiz-schema';
import { useAtlasSettings } from './use-atlas-settings';
import { useReducedMotion } from './use-reduced-motion';

type OpenDialog = 'shortcuts' | 'about' | 'lessons' | 'glossary' | 'progress' | 'bookmarks' | null;

// The physiology view (its charts and simulation) is a separate chunk, fetched when first opened.
const PhysiologyView = lazy(() => import('./physiology/PhysiologyView').then((m) => ({ default: m.PhysiologyView })));
const AudienceView = lazy(() => import('./presenter/AudienceView').then((m) => ({ default: m.AudienceView })));
const LessonPhysiologyScene = lazy(() => import('./physiology/LessonPhysiologyScene').then((m) => ({ default: m.LessonPhysiologyScene })));
// The handout maker draws the body map too: its own chunk, fetched when a handout is asked for.
const HandoutMaker = lazy(() => import('./handout/HandoutMaker').then((m) => ({ default: m.HandoutMaker })));

/** The atlas with the host of wherever it runs; creating the host can fail (storage disabled). */
export function AtlasRoot() {
  const host = useMemo(chooseHost, []);
  // Presenter mode's second window (`?view=audience`) shows only what the room sees.
  const audience = useMemo(() => new URLSearchParams(window.location.search).get('view') === 'audience', []);
  if (audience) {
    return (
      <Suspense fallback={null}>
        <AudienceView host={host} />
      </Suspense>
    );
  }
  return <App host={host} />;
}

export function App({ host }: { host: Host }) {
  const { t, i18n } = useTranslation();
  const { settings, updateSettings, notices, addNotice, dismissNotice, failure } = useAtlasSettings(host);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const reducedMotion = useReducedMotion();
  const [lessons, setLessons] = useState<LessonLoadResult[] | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [activeLesson, setActiveLesson] = useState<Lesson | null>(null);
  const [direction, setDirection] = useState<SceneDirection | null>(null);
  const [physiology, setPhysiology] = useState(false);
  const [glandRequest, setGlandRequest] = useState<{ structure: string } | null>(null);
  const [quizzes, setQuizzes] = useState<QuizLoadResult[] | null>(null);
  const [selfCheck, setSelfCheck] = useState<{ lesson: Lesson; quiz: Quiz } | null>(null);
  // What the 3D view has selected: a self-check's "Choose in the 3D view" reads it.
  const [glandSelection, setGlandSelection] = useState<string | null>(null);
  // A self-check's "Go to step" opens the lesson at that step rather than where the learner stopped.
  const [startStep, setStartStep] = useState<number | null>(null);
  const [handout, setHandout] = useState<{ lesson: Lesson; quiz: Quiz | null } | null>(null);
  // Presenter mode replaces the whole window with the presenter view until the teacher leaves it.
  const [presenting, setPresenting] = useState<Lesson | null>(null);
  const showInGland = useCallback((structure: string) => {
    setPhysiology(false);
    setGlandRequest({ structure });
  }, []);

  // The progress as this window last read or saved it (every save builds on it).
  const progressRef = useRef<Progress | null>(null);
  progressRef.current = progress;
  const openLessons = useCallback(() => {
    setDialog('lessons');
    // Read afresh each time: a teacher may have edited a lesson file meanwhile.
    readLessons(host)
      .then((read) => {
        setLessons(read);
        // A self-check that cannot be read is simply not offered; the lessons still play.
        readQuizzes(host, read)
          .then(setQuizzes)
          .catch(() => setQuizzes([]));
      })
      .catch((error: unknown) => setLessons([{ file: 'content/lessons', language: null, id: 'lessons', status: 'failed', lesson: null, errors: [{ file: 'content/lessons', line: 1, column: 1, message: error instanceof Error ? error.message : String(error) }] }]));
    // Read once: afterwards this window's copy is the one every save builds on (a re-read could
    // bring back a version older than a save still being written).
    if (!progressRef.current)
      host
        .readProgress()
        .then((loaded) => {
          if (progressRef.current) return;
          progressRef.current = loaded.value;
          setProgress(loaded.value);
        })
        .catch(() => undefined);
  }, [host]);

  /** Records a change to one lesson's progress and saves it; a failed save is told, not hidden. */
  const recordLesson = useCallback(
    (id: string, change: Parameters<typeof withLessonProgress>[2]) => {
      const failed = (error: unknown) =>
        addNotice({ id: 'save-progress', kind: 'save-failed', document: 'progress', reason: error instanceof Error ? error.message : String(error) });
      const apply = (base: Progress): void => {
        const next = withLessonProgress(base, id, change, new Date());
        progressRef.current = next;
        setProgress(next);
        host.writeProgress(next).catch(failed);
      };
      if (progressRef.current) {
        apply(progressRef.current);
        return;
      }
      // Not read yet: read it first, so that a save never replaces the other lessons and the bookmarks with one lesson.
      host
        .readProgress()
        .then((loaded) => apply(progressRef.current ?? loaded.value))
        .catch(failed);
    },
    [host, addNotice],
  );
  const saveLessonProgress = useCallback(
    (id: string, update: { completed: boolean; lastPositionSeconds: number }) =>
      recordLesson(id, (before) => ({
        completed: update.completed || (before?.completed ?? false),
        lastPositionSeconds: update.lastPositionSeconds,
        bestQuizScore: before?.bestQuizScore ?? null,
      })),
    [recordLesson],
  );
  const saveQuizScore = useCallback(
    (id: string, score: number) =>
      recordLesson(id, (before) => ({
        completed: before?.completed ?? false,
        lastPositionSeconds: before?.lastPositionSeconds ?? 0,
        bestQuizScore: bestScore(before?.bestQuizScore, score),
      })),
    [recordLesson],
  );

  // Bookmarks: the views fill these slots with a way to read and restore what they show.
  const glandHandle = useMemo(() => new ViewHandleSlot<GlandViewHandle>(), []);
  const physiologyHandle = useMemo(() => new ViewHandleSlot<PhysiologyViewHandle>(), []);
  /** Records a change to the bookmarks (kept in the progress, beside the lessons); a failed save puts the list back and rejects. */
  const recordBookmarks = useCallback(
    async (change: (before: readonly Bookmark[]) => Bookmark[]) => {
      const before = progressRef.current;
      const next = withBookmarks(before, change);
      progressRef.current = next;
      setProgress(next);
      try {
        await host.writeProgress(next);
      } catch (error) {
        if (progressRef.current === next) {
          progressRef.current = before;
          setProgress(before);
        }
        throw error;
      }
    },
    [host],
  );
  const openBookmarks = useCallback(() => {
    setDialog('bookmarks');
    // The dialog saves nothing until the stored progress is here, so its lessons are never lost.
    if (progressRef.current) return;
    host
      .readProgress()
      .then((loaded) => {
        if (progressRef.current) return;
        progressRef.current = loaded.value;
        setProgress(loaded.value);
      })
      .catch(() => undefined);
  }, [host]);
  const captureView = useCallback((): BookmarkView | null => (physiology ? physiologyHandle.current : glandHandle.current)?.capture() ?? null, [physiology, glandHandle, physiologyHandle]);
  const bookmarkedGland = useCallback(() => glandHandle.current?.anatomy ?? defaultGland().anatomy, [glandHandle]);
  const goToBookmark = useCallback(
    ({ view }: Bookmark) => {
      setDialog(null);
      if (view.kind === 'physiology') {
        glandHandle.cancel();
        setPhysiology(true);
        physiologyHandle.whenReady((handle) => handle.restore(view));
        return;
      }
      physiologyHandle.cancel();
      // The glossary's last "Show in 3D" must not select its structure again when the gland comes back.
      setGlandRequest(null);
      setPhysiology(false);
      glandHandle.whenReady((handle) => handle.restore(view));
    },
    [glandHandle, physiologyHandle],
  );

  // The self-check takes the place of a lesson playing, so the 3D view is free for "Choose in the 3D view".
  const openSelfCheck = useCallback((lesson: Lesson, quiz: Quiz) => {
    setDialog(null);
    setActiveLesson(null);
    setSelfCheck({ lesson, quiz });
  }, []);
  const onPicking = useCallback((picking: boolean) => {
    if (picking) setPhysiology(false);
  }, []);
  const activeQuiz = activeLesson && quizzes ? quizOf(quizzes, activeLesson) : null;

  const onModelProblems = useCallback((problems: string[]) => addNotice({ id: 'model-problems', kind: 'model-problems', problems }), [addNotice]);
  const language = settings?.language;
  const theme = settings?.theme ?? 'standard';

  useEffect(() => {
    if (!language) return;
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language, i18n]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t, language]);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.dataset['motion'] = reducedMotion ? 'reduced' : 'full';
  }, [theme, reducedMotion]);

  useEffect(
    () =>
      host.onMenuCommand((command) => {
        if (command.type === 'set-language') updateSettings({ language: command.language });
        else if (command.type === 'set-theme') updateSettings({ theme: command.theme });
        else if (command.type === 'show-shortcuts') setDialog('shortcuts');
        else setDialog('about');
      }),
    [host, updateSettings],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      setDialog('shortcuts');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A lesson decides what the 3D area shows: its cues can switch to the body map.
  const lessonPhysiology = activeLesson ? (direction?.scene.physiology ?? null) : null;
  const loading = (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );

  if (failure) throw failure;
  if (!settings) {
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    );
  }

  if (presenting) {
    // The shortcuts list (?, or the menu) and About still open while presenting.
    return (
      <>
        <PresenterMode
          host={host}
          lesson={presenting}
          quiz={quizzes ? quizOf(quizzes, presenting) : null}
          theme={theme}
          reducedMotion={reducedMotion}
          narration={settings}
          onNarration={updateSettings}
          onProblems={onModelProblems}
          onClose={() => {
            setPresenting(null);
            // Back where presenting began: the lessons, for the next class.
            requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-header="lessons"]')?.focus());
          }}
        />
        <ShortcutsDialog open={dialog === 'shortcuts'} onClose={() => setDialog(null)} />
        <AboutDialog open={dialog === 'about'} onClose={() => setDialog(null)} host={host} />
      </>
    );
  }

  const page = (
    <div className="app">
      <AppHeader
        settings={settings}
        onLanguage={(next) => updateSettings({ language: next })}
        onTheme={(next) => updateSettings({ theme: next })}
        onShortcuts={() => setDialog('shortcuts')}
        onAbout={() => setDialog('about')}
        onLessons={openLessons}
        onGlossary={() => setDialog('glossary')}
        onProgress={() => setDialog('progress')}
        onBookmarks={openBookmarks}
        physiology={physiology}
        onPhysiology={setPhysiology}
      />
      <NoticeList notices={notices} onDismiss={dismissNotice} />
      <main className="app__main" id="main" data-lesson-view={lessonPhysiology ? 'physiology' : undefined}>
        {physiology && !activeLesson ? (
          <Suspense fallback={loading}>
            <PhysiologyView theme={theme} reducedMotion={reducedMotion} viewHandle={physiologyHandle} />
          </Suspense>
        ) : (
          <>
            {/* The gland stays mounted under a lesson's body map, so returning to it is immediate. */}
            <div className="app__scene-slot" hidden={lessonPhysiology !== null}>
              <SceneView host={host} theme={theme} reducedMotion={reducedMotion} onProblems={onModelProblems} direction={direction} show={glandRequest} onSelection={setGlandSelection} viewHandle={glandHandle} />
            </div>
            {lessonPhysiology && direction && (
              <Suspense fallback={loading}>
                <LessonPhysiologyScene physiology={lessonPhysiology} direction={direction} theme={theme} reducedMotion={reducedMotion} />
              </Suspense>
            )}
          </>
        )}
        {activeLesson && (
          <LessonPlayer
            key={activeLesson.file}
            host={host}
            lesson={activeLesson}
            resumeAt={progress?.lessons[activeLesson.id]?.lastPositionSeconds ?? 0}
            startAtStep={startStep}
            narration={settings}
            onNarration={updateSettings}
            onDirection={setDirection}
            onProgress={saveLessonProgress}
            onClose={() => setActiveLesson(null)}
            onSelfCheck={activeQuiz ? () => openSelfCheck(activeLesson, activeQuiz) : undefined}
          />
        )}
      </main>
      <ShortcutsDialog open={dialog === 'shortcuts'} onClose={() => setDialog(null)} />
      <ProgressDialog
        open={dialog === 'progress'}
        host={host}
        language={settings.language}
        onClose={() => setDialog(null)}
        onProgressChange={(next) => {
          // A reset or an import replaces everything: later lesson saves must build on it.
          progressRef.current = next;
          setProgress(next);
        }}
      />
      <BookmarksDialog
        open={dialog === 'bookmarks'}
        language={settings.language}
        bookmarks={progress?.bookmarks ?? null}
        lessonActive={activeLesson !== null}
        capture={captureView}
        anatomy={bookmarkedGland}
        onChange={recordBookmarks}
        onGoTo={goToBookmark}
        onClose={() => setDialog(null)}
      />
      <AboutDialog open={dialog === 'about'} onClose={() => setDialog(null)} host={host} />
      <LessonLibrary
        open={dialog === 'lessons'}
        results={lessons}
        language={settings.language}
        progress={progress}
        onClose={() => setDialog(null)}
        onStart={(lesson) => {
          setDialog(null);
          setStartStep(null);
          setActiveLesson(lesson);
        }}
        quizzes={quizzes}
        onSelfCheck={openSelfCheck}
        onHandout={(lesson, quiz) => {
          setDialog(null);
          // The handout takes the window, as a self-check does: a lesson playing underneath would keep its keys.
          setActiveLesson(null);
          setSelfCheck(null);
          setHandout({ lesson, quiz });
        }}
        onPresent={(lesson) => {
          setDialog(null);
          setActiveLesson(null);
          setSelfCheck(null);
          setPresenting(lesson);
        }}
      />
      {handout && (
        <Suspense fallback={null}>
          <HandoutMaker key={handout.lesson.file} host={host} lesson={handout.lesson} quiz={handout.quiz} onClose={() => setHandout(null)} />
        </Suspense>
      )}
      {selfCheck && (
        <SelfCheck
          key={selfCheck.quiz.file}
          lesson={selfCheck.lesson}
          quiz={selfCheck.quiz}
          savedBest={progress?.lessons[selfCheck.lesson.id]?.bestQuizScore ?? null}
          glandSelection={glandSelection}
          onPicking={onPicking}
          onScore={(score) => saveQuizScore(selfCheck.lesson.id, score)}
          onGoToStep={(step) => {
            setSelfCheck(null);
            setStartStep(step);
            setActiveLesson(selfCheck.lesson);
          }}
          onClose={() => setSelfCheck(null)}
        />
      )}
    </div>
  );
  // The glossary wraps the page so that the info panel and the lesson transcript can link their words to it.
  return (
    <GlossaryProvider
      host={host}
      language={settings.language}
      open={dialog === 'glossary'}
      onOpen={() => setDialog('glossary')}
      onClose={() => setDialog(null)}
      // During a lesson the lesson decides what the 3D view shows: no "Show in 3D" then.
      onShowInGland={activeLesson ? undefined : showInGland}
    >
      {page}
    </GlossaryProvider>
  );
}
