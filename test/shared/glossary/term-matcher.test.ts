import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseGlossary, type GlossaryEntry } from '../../../src/shared/content/glossary';
import { termMatcher, type TextSegment } from '../../../src/renderer/glossary/term-matcher';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const load = (language: 'en' | 'fr') => parseGlossary(readFileSync(`${root}content/glossary/${language}.yaml`, 'utf8'), `${language}.yaml`, language).glossary!.entries;

const entry = (id: string, term: string, more: Partial<GlossaryEntry> = {}): GlossaryEntry => ({ id, term, aka: [], forms: [], definition: '…', sources: [], see: [], structure: null, ...more });

/** The linked words of a text, as `word→id`. */
const links = (segments: TextSegment[]) => segments.filter((segment) => segment.entryId !== null).map((segment) => `${segment.text}→${segment.entryId}`);

describe('termMatcher', () => {
  const small = termMatcher(
    [
      entry('milk-ejection-reflex', 'Milk ejection reflex', { aka: ['milk ejection', 'let-down'] }),
      entry('alveolus', 'Alveolus', { forms: ['alveoli'] }),
      entry('duct', 'Lactiferous duct', { aka: ['main duct'] }),
      entry('pvn', 'Paraventricular nucleus', { aka: ['PVN'] }),
      entry('secretory-activation', 'Secretory activation', { aka: ['lactogenesis II'] }),
      entry('secretory-differentiation', 'Secretory differentiation', { aka: ['lactogenesis I'] }),
    ],
    'en',
  );

  it('keeps the text intact and links whole words, any case, with regular and listed plurals', () => {
    const text = 'Milk leaves the Alveoli through about nine main ducts; the let-down helps.';
    const segments = small.segments(text);
    expect(segments.map((segment) => segment.text).join('')).toBe(text);
    expect(links(segments)).toEqual(['Alveoli→alveolus', 'main ducts→duct', 'let-down→milk-ejection-reflex']);
    expect(links(small.segments('Subalveolar tissue and productive work'))).toEqual([]);
  });

  it('prefers the longest name at a place and links each entry once per set of uses', () => {
    const used = new Set<string>();
    expect(links(small.segments('The milk ejection reflex, or milk ejection, empties an alveolus.', used))).toEqual(['milk ejection reflex→milk-ejection-reflex', 'alveolus→alveolus']);
    expect(links(small.segments('Another milk ejection and another alveolus.', used))).toEqual([]);
    expect([...used].sort()).toEqual(['alveolus', 'milk-ejection-reflex']);
  });

  it('matches names with inner capitals as written (but for their first letter)', () => {
    expect(links(small.segments('Oxytocin comes from the PVN; the pvn is not an abbreviation here.'))).toEqual(['PVN→pvn']);
    expect(links(small.segments('Lactogenesis II follows lactogenesis I.'))).toEqual(['Lactogenesis II→secretory-activation', 'lactogenesis I→secretory-differentiation']);
    expect(links(small.segments('lactogenesis ii'))).toEqual([]);
  });

  it('finds French terms across accents, apostrophes and irregular plurals, but not "son" for SON', () => {
    const fr = termMatcher(load('fr'), 'fr');
    expect(links(fr.segments('Le réflexe d’éjection chasse le lait des alvéoles vers les canaux lactifères.'))).toEqual([
      'réflexe d’éjection→milk-ejection-reflex',
      'alvéoles→alveolus',
      'canaux lactifères→lactiferous-duct',
    ]);
    expect(links(fr.segments('Son bébé tète ; la posthypophyse libère l’ocytocine.'))).toEqual(['posthypophyse→posterior-pituitary', 'ocytocine→oxytocin']);
    const en = termMatcher(load('en'), 'en');
    expect(links(en.segments('His son has a thread (fil) in his hand.'))).toEqual([]);
  });
});
