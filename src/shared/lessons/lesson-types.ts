import type { ContentError } from '../content/structure-descriptions';
import type { Language } from '../languages';
import type { Cue } from './cue-vocabulary';
import type { SceneState } from './scene';

/**
 * A lesson as the player uses it, after `loadLessons` (load-lessons.ts) has read and checked its
 * file. Everything here is plain, serialisable data (no Maps, no functions), so it can cross the
 * bridge or be stored as it is.
 *
 * Positions: `line` and `column` are 1-based positions in the lesson file, as a text editor shows
 * them. `offset` and `word` are positions in a sentence's plain `text`, for timing narration.
 */

export const LESSON_LEVELS = ['introductory', 'intermediate', 'advanced'] as const;
export type LessonLevel = (typeof LESSON_LEVELS)[number];

export interface SourcePosition {
  line: number;
  column: number;
}

/** One sentence of narration, the unit the voice and captions will be timed by. */
export interface Sentence extends SourcePosition {
  /** `<step index>.<sentence index>`, both from 0, e.g. `2.0`: a name for the sentence's narration clip. */
  key: string;
  /** Which paragraph of the step's narration it belongs to (from 0). */
  paragraph: number;
  /** Plain text: cue and citation markers removed, emphasis stars removed, spaces collapsed. */
  text: string;
  wordCount: number;
  /** Reference ids cited in this sentence (`[@id]`), in order. */
  citations: string[];
}

/** A cue at its place in the narration. */
export interface CuePoint extends SourcePosition {
  cue: Cue;
  /** The marker as written in the file, e.g. `{highlight main-ducts}`. */
  marker: string;
  /** Index in `Step.sentences`. */
  sentence: number;
  /** Where in the sentence's `text` the cue fires: where its marker stood (a space after it skipped), `text.length` at the very end. */
  offset: number;
  /** How many words of the sentence are spoken before the cue fires (0 = at its start). */
  word: number;
}

/** A paragraph of teacher notes: Markdown with emphasis only, citation markers removed. */
export interface TeacherNote extends SourcePosition {
  text: string;
  citations: string[];
}

export interface Step {
  /** Position of the step in its file (from 0), counting steps that failed to load: matches across languages. */
  index: number;
  title: string;
  /** Line of the step's `##` heading. */
  line: number;
  /** The scene the step starts in, fully resolved (keys left out of the scene block carried over). */
  scene: SceneState;
  sentences: Sentence[];
  /** Every cue of the step, in narration order. */
  cues: CuePoint[];
  notes: TeacherNote[];
  /** Every reference cited in the narration and the notes, each once, in order of first citation. */
  citations: string[];
}

export interface Lesson {
  /** The file it was read from, as given to `loadLessons`. */
  file: string;
  id: string;
  language: Language;
  title: string;
  summary: string;
  level: LessonLevel;
  durationMinutes: number;
  order: number;
  /** The lesson's bibliography: reference ids, keys of content/references.yaml. */
  sources: string[];
  /** The steps that loaded; a step with an error is left out and reported. */
  steps: Step[];
  /** How many steps the file has, including those left out. */
  stepCount: number;
}

/**
 * - `ok`: the lesson loaded with no error.
 * - `partial`: it loaded, but some steps were left out, or its translation does not match: play it,
 *   and show the errors to whoever maintains the content.
 * - `failed`: it cannot be played (unreadable front matter, no valid step): show a card with the errors.
 */
export type LessonStatus = 'ok' | 'partial' | 'failed';

export interface LessonLoadResult {
  file: string;
  /** From the file's folder (`content/lessons/<language>/…`), or its front matter; null if neither says. */
  language: Language | null;
  /** The front matter's id, or the file name when the front matter is unreadable. */
  id: string;
  status: LessonStatus;
  lesson: Lesson | null;
  errors: ContentError[];
}
