import { describe, expect, it } from 'vitest';
import type { ContentError } from '../../../src/shared/content/structure-descriptions';
import { scanParagraph, splitSentences } from '../../../src/shared/lessons/narration';

const sentences = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('ends a sentence at . ! ? or … before a capital, a digit or an opening quote', () => {
    expect(sentences('One. Two! Three? Four… 5 ducts. «\u00a0Six.\u00a0» "Seven." (Eight.)')).toEqual(['One.', 'Two!', 'Three?', 'Four…', '5 ducts.', '«\u00a0Six.\u00a0»', '"Seven."', '(Eight.)']);
  });

  it('keeps abbreviations, initials, decimals and lower-case continuations in the sentence', () => {
    expect(sentences('Ramsay et al. Found this, e.g. Here. D. T. Ramsay wrote it. About 2.5 ejections. not a new one.')).toEqual([
      'Ramsay et al. Found this, e.g. Here.',
      'D. T. Ramsay wrote it.',
      'About 2.5 ejections. not a new one.',
    ]);
  });

  it('handles French punctuation: narrow spaces before ? ! ; and guillemets after the full stop', () => {
    const text = 'Combien\u202f? Tout dépend. Il dit «\u00a0non.\u00a0» Puis\u202f! Fin';
    expect(sentences(text)).toEqual(['Combien\u202f?', 'Tout dépend.', 'Il dit «\u00a0non.\u00a0»', 'Puis\u202f!', 'Fin']);
  });

  it('gives nothing for empty text', () => {
    expect(splitSentences('')).toEqual([]);
  });
});

describe('scanParagraph', () => {
  const scan = (...lines: string[]) => {
    const errors: ContentError[] = [];
    const result = scanParagraph(
      lines.map((text, i) => ({ line: 10 + i, column: 1, text })),
      'f.md',
      errors,
    );
    return { ...result, errors: errors.map((e) => `${e.line}:${e.column} ${e.message}`) };
  };

  it('takes markers out and joins lines with single spaces', () => {
    const result = scan('The  baby’s suck {focus nerve-to-nipple} sends', 'a signal [@ramsay-2005-anatomy].');
    expect(result.text).toBe('The baby’s suck sends a signal.');
    expect(result.cues.map((c) => [c.marker, c.offset, c.line, c.column, c.name.text, c.words.map((w) => `${w.text}@${w.column}`)])).toEqual([
      ['{focus nerve-to-nipple}', 15, 10, 18, 'focus', ['nerve-to-nipple@25']],
    ]);
    expect(result.citations.map((c) => [c.offset, c.ids.map((w) => `${w.text}@${w.line}:${w.column}`)])).toEqual([[30, ['ramsay-2005-anatomy@11:12']]]);
    expect(result.errors).toEqual([]);
  });

  it('maps every character of the plain text back to the file', () => {
    const result = scan('A {hide skin} b', 'c');
    expect(result.text).toBe('A b c');
    expect(result.positions.map((p) => `${p.line}:${p.column}`)).toEqual(['10:1', '10:2', '10:15', '10:16', '11:1']);
  });

  it('keeps a non-breaking space and drops the plain space a marker leaves before punctuation', () => {
    expect(scan('la glande {focus tree}\u00a0: l’arbre').text).toBe('la glande\u00a0: l’arbre');
    expect(scan('the nipple {focus nipple}.').text).toBe('the nipple.');
  });

  it('removes emphasis stars and honours backslash escapes', () => {
    const result = scan('A *very* \\{literal\\} brace, a \\[bracket and a \\* star.');
    expect(result.text).toBe('A very {literal} brace, a [bracket and a * star.');
    expect(result.cues).toEqual([]);
  });

  it('reads several sources in one citation, separated by semicolons or commas', () => {
    const result = scan('Fat [@ramsay-2005-anatomy; @geddes-2007-inside, @annanat-2002-fat].');
    expect(result.citations[0]?.ids.map((w) => `${w.text}@${w.column}`)).toEqual(['ramsay-2005-anatomy@7', 'geddes-2007-inside@29', 'annanat-2002-fat@50']);
  });

  it('reports broken markers where they start', () => {
    expect(scan('An {open cue', 'a stray } and {} and [@ok; bad] and [@unclosed').errors).toEqual([
      '10:4 this cue is not closed on the same line: add } after its arguments (or write \\{ for a brace in the text)',
      '11:9 a } without a { before it on the same line (write \\} for a brace in the text)',
      '11:15 empty cue {}: write a cue name and its arguments, e.g. {focus nipple}',
      '11:28 a citation lists source ids, each starting with @ and separated by semicolons, e.g. [@ramsay-2005-anatomy; @geddes-2007-inside]',
      '11:37 this citation is not closed on the same line: add ] after the source ids, e.g. [@ramsay-2005-anatomy]',
    ]);
  });
});
