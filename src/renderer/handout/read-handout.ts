import type { TFunction } from 'i18next';
import { glossaryPath, parseGlossary } from '../../shared/content/glossary';
import { parseReferences, REFERENCES_FILE } from '../../shared/content/structure-descriptions';
import { buildHandoutOutline, type HandoutOutline } from '../../shared/handout/handout-outline';
import type { Lesson } from '../../shared/lessons/lesson-types';
import type { Quiz } from '../../shared/quizzes/quiz-schema';
import { termMatcher } from '../glossary/term-matcher';
import type { Host } from '../host/host';
import { pickAnswerName } from '../quiz/pick-answer-name';
import { shuffledOrder } from '../quiz/quiz-session';

const contentPath = (file: string) => file.replace(/^content\//, '');


/**
 * Reads what the handout needs besides the lesson (the glossary of its language and the
 * references) and builds its outline. A glossary that cannot be read leaves the key terms out
 * rather than the handout; unreadable references print their ids.
 */
export async function readHandout(host: Host, lesson: Lesson, quiz: Quiz | null, t: TFunction): Promise<HandoutOutline> {
  const file = glossaryPath(lesson.language);
  const [glossaryFile, referencesFile] = await Promise.all([
    host.readContent({ root: 'content', path: contentPath(file) }).catch(() => null),
    host.readContent({ root: 'content', path: contentPath(REFERENCES_FILE) }).catch(() => null),
  ]);
  const entries = glossaryFile ? (parseGlossary(glossaryFile.text, file, lesson.language).glossary?.entries ?? []) : [];
  const references = referencesFile ? parseReferences(referencesFile.text, REFERENCES_FILE) : null;
  const matcher = termMatcher(entries, lesson.language);
  return buildHandoutOutline({
    lesson,
    quiz,
    glossary: entries,
    termsIn: (text) => matcher.segments(text).flatMap((segment) => (segment.entryId ? [segment.entryId] : [])),
    references: references?.ok ? references.value : new Map(),
    structureName: (answer: string) => pickAnswerName(answer, t),
    presentedOrder: (question) => shuffledOrder(question),
  });
}
