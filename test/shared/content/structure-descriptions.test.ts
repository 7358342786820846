import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../../src/shared/languages';
import {
  checkStructureSet,
  countWords,
  DESCRIBED_KINDS,
  parseReferences,
  parseStructureDescription,
  type ContentError,
  type StructureDescription,
} from '../../../src/shared/content/structure-descriptions';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (relative: string) => readFileSync(`${root}${relative}`, 'utf8');

const REFERENCES_FILE = 'content/references.yaml';
const references = parseReferences(read(REFERENCES_FILE), REFERENCES_FILE);
const referenceIds: ReadonlySet<string> = new Set(references.ok ? references.value.keys() : []);

function loadLanguage(language: Language): { descriptions: StructureDescription[]; errors: ContentError[] } {
  const dir = `content/structures/${language}`;
  const descriptions: StructureDescription[] = [];
  const errors: ContentError[] = [];
  for (const name of readdirSync(`${root}${dir}`).filter((file) => file.endsWith('.md')).sort()) {
    const file = `${dir}/${name}`;
    const result = parseStructureDescription(read(file), file, referenceIds);
    if (result.ok) descriptions.push(result.value);
    else errors.push(...result.errors);
  }
  return { descriptions, errors };
}

describe('the real content files', () => {
  it('references.yaml parses with zero errors', () => {
    expect(references.ok ? [] : references.errors).toEqual([]);
    expect(referenceIds.size).toBeGreaterThan(10);
  });

  const loaded = Object.fromEntries(LANGUAGES.map((language) => [language, loadLanguage(language)])) as Record<
    Language,
    ReturnType<typeof loadLanguage>
  >;

  it.each(LANGUAGES)('every %s description parses with zero errors', (language) => {
    expect(loaded[language].errors).toEqual([]);
  });

  it.each(LANGUAGES)('%s describes every kind, each once', (language) => {
    const kinds = loaded[language].descriptions.map((description) => description.kind).sort();
    expect(kinds).toEqual([...DESCRIBED_KINDS].sort());
  });

  it('the two languages agree (kinds, tree names, sources)', () => {
    const descriptions = Object.fromEntries(LANGUAGES.map((language) => [language, loaded[language].descriptions])) as Record<Language, StructureDescription[]>;
    expect(checkStructureSet(descriptions)).toEqual([]);
  });

  it('every cited source exists in references.yaml', () => {
    for (const language of LANGUAGES) {
      for (const description of loaded[language].descriptions) {
        for (const id of description.sources) expect(referenceIds.has(id), `${description.file} cites ${id}`).toBe(true);
      }
    }
  });

  it('keeps to the house style: short summary, two or three short paragraphs, French typography', () => {
    for (const language of LANGUAGES) {
      for (const description of loaded[language].descriptions) {
        expect(countWords(description.summary), description.file).toBeLessThanOrEqual(30);
        expect(description.paragraphs.length, description.file).toBeGreaterThanOrEqual(2);
        expect(description.paragraphs.length, description.file).toBeLessThanOrEqual(3);
        const words = countWords(description.body);
        expect(words, description.file).toBeGreaterThanOrEqual(60);
        expect(words, description.file).toBeLessThanOrEqual(160);
        if (language === 'fr') expect(description.body, `${description.file} uses « guillemets »`).not.toMatch(/"/);
      }
    }
  });

  it('gives tree names only to the trunk, branches and leaves', () => {
    const en = loaded.en.descriptions;
    const treeNames = Object.fromEntries(en.filter((d) => d.treeName !== null).map((d) => [d.kind, d.treeName]));
    expect(treeNames).toEqual({ nipple: 'Trunk', duct: 'Branch', lobule: 'Leaves', alveolus: 'Leaves' });
  });

  it('never draws lactiferous sinuses as real and never uses the unverified 60% figure', () => {
    for (const language of LANGUAGES) {
      for (const description of loaded[language].descriptions) {
        expect(description.body, description.file).not.toMatch(/60\s?%/);
        if (/sinus/i.test(description.body)) expect(description.body, description.file).toMatch(/outdated|overturned|no sinuses|dépassée|pas de sinus/i);
      }
    }
  });
});

describe('parseStructureDescription on broken input', () => {
  const ids = new Set(['ramsay-2005-anatomy', 'geddes-2007-inside']);
  const file = 'content/structures/en/duct.md';
  const valid = [
    '---',
    'kind: duct',
    'name: Milk duct',
    'treeName: Branch          # the tree metaphor',
    'summary: A narrow tube that carries milk to the nipple.',
    'sources: [ramsay-2005-anatomy, geddes-2007-inside]',
    '---',
    'Ducts carry milk; they do not store it.',
    '',
    'They widen during a *let-down*.',
    '',
  ];
  const withLines = (edit: (lines: string[]) => void) => {
    const lines = [...valid];
    edit(lines);
    return lines.join('\n');
  };
  const errorsOf = (text: string, name = file) => {
    const result = parseStructureDescription(text, name, ids);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.errors;
  };

  it('accepts the valid example', () => {
    const result = parseStructureDescription(valid.join('\n'), file, ids);
    expect(result).toEqual({
      ok: true,
      value: {
        file,
        kind: 'duct',
        name: 'Milk duct',
        treeName: 'Branch',
        summary: 'A narrow tube that carries milk to the nipple.',
        sources: ['ramsay-2005-anatomy', 'geddes-2007-inside'],
        body: 'Ducts carry milk; they do not store it.\n\nThey widen during a *let-down*.',
        paragraphs: ['Ducts carry milk; they do not store it.', 'They widen during a *let-down*.'],
      },
    });
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    expect(parseStructureDescription(`\uFEFF${valid.join('\r\n')}`, file, ids).ok).toBe(true);
  });

  it('reports a missing front matter fence at line 1', () => {
    const errors = errorsOf(withLines((lines) => lines.shift()));
    expect(errors).toEqual([expect.objectContaining({ file, line: 1, column: 1, message: expect.stringMatching(/front matter/) })]);
  });

  it('reports an unclosed front matter', () => {
    const errors = errorsOf(withLines((lines) => lines.splice(6, 1)));
    expect(errors).toEqual([expect.objectContaining({ file, line: 1, column: 1, message: expect.stringMatching(/never closed/) })]);
  });

  it('reports a YAML syntax error with its position in the file', () => {
    // Line 3: an unquoted colon followed by a space starts a nested mapping, which YAML refuses here.
    const errors = errorsOf(withLines((lines) => (lines[2] = 'name: Milk duct: the branch')));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file, line: 3, message: expect.stringMatching(/^YAML error/) });
    expect(errors[0]?.column).toBeGreaterThan(1);
  });

  it('reports an unclosed flow sequence on the right line', () => {
    const errors = errorsOf(withLines((lines) => (lines[5] = 'sources: [ramsay-2005-anatomy, geddes-2007-inside')));
    expect(errors[0]).toMatchObject({ file, message: expect.stringMatching(/^YAML error/) });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(6);
    expect(errors[0]?.line).toBeLessThanOrEqual(7);
  });

  it('reports a duplicate key', () => {
    const errors = errorsOf(withLines((lines) => lines.splice(3, 0, 'name: Duct')));
    expect(errors[0]).toMatchObject({ file, line: 4, column: 1, message: expect.stringMatching(/YAML error/) });
  });

  it('reports an unknown key at the key', () => {
    const errors = errorsOf(withLines((lines) => lines.splice(4, 0, 'colour: blue')));
    expect(errors).toEqual([{ file, line: 5, column: 1, message: expect.stringMatching(/unknown key "colour".*allowed keys: kind, name, treeName, summary, sources/) }]);
  });

  it('reports an unknown kind at the kind key', () => {
    const errors = errorsOf(withLines((lines) => (lines[1] = 'kind: sinus')));
    expect(errors).toEqual([{ file, line: 2, column: 1, message: expect.stringMatching(/^kind must be one of: breast, skin/) }]);
  });

  it('reports a kind that does not match the file name', () => {
    const errors = errorsOf(valid.join('\n'), 'content/structures/en/lobule.md');
    expect(errors).toEqual([{ file: 'content/structures/en/lobule.md', line: 2, column: 1, message: 'kind "duct" does not match the file name "lobule.md"' }]);
  });

  it('reports an unknown source id at the id itself', () => {
    const errors = errorsOf(withLines((lines) => (lines[5] = 'sources: [ramsay-2005-anatomy, cooper-1840-sinus]')));
    expect(errors).toEqual([{ file, line: 6, column: 32, message: expect.stringMatching(/unknown source "cooper-1840-sinus"/) }]);
  });

  it('reports an unknown source id in a block list', () => {
    const errors = errorsOf(withLines((lines) => lines.splice(5, 1, 'sources:', '  - ramsay-2005-anatomy', '  - nobody-2020-nothing')));
    expect(errors).toEqual([{ file, line: 8, column: 5, message: expect.stringMatching(/unknown source "nobody-2020-nothing"/) }]);
  });

  it('reports an empty or malformed sources list', () => {
    expect(errorsOf(withLines((lines) => (lines[5] = 'sources: []')))).toEqual([{ file, line: 6, column: 1, message: expect.stringMatching(/at least one source/) }]);
    expect(errorsOf(withLines((lines) => (lines[5] = 'sources: Ramsay 2005')))).toEqual([{ file, line: 6, column: 1, message: expect.stringMatching(/list of source ids/) }]);
    expect(errorsOf(withLines((lines) => (lines[5] = 'sources: [Ramsay 2005]')))).toEqual([{ file, line: 6, column: 11, message: expect.stringMatching(/kebab-case/) }]);
  });

  it('reports a missing required key at the start of the front matter', () => {
    const errors = errorsOf(withLines((lines) => lines.splice(4, 1)));
    expect(errors).toEqual([{ file, line: 2, column: 1, message: 'missing required key "summary"' }]);
  });

  it('reports every missing key of an empty front matter, and a front matter that is not a mapping', () => {
    const empty = errorsOf('---\n---\nSome text.\n');
    expect(empty.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, 1, 'missing required key "kind"'],
      [2, 1, 'missing required key "name"'],
      [2, 1, 'missing required key "summary"'],
      [2, 1, 'missing required key "sources"'],
    ]);
    expect(errorsOf('---\n- duct\n---\nSome text.\n')).toEqual([{ file, line: 2, column: 1, message: expect.stringMatching(/front matter must be a list of keys and values/) }]);
  });

  it('reports a summary that is too long', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const errors = errorsOf(withLines((lines) => (lines[4] = `summary: ${long}`)));
    expect(errors).toEqual([{ file, line: 5, column: 1, message: expect.stringMatching(/^summary must be .*25 words/) }]);
  });

  it('reports an empty body after the closing fence', () => {
    const errors = errorsOf(withLines((lines) => lines.splice(7)));
    expect(errors).toEqual([{ file, line: 8, column: 1, message: expect.stringMatching(/description is empty/) }]);
    const blank = errorsOf(withLines((lines) => lines.splice(7, lines.length, '', '   ', '')));
    expect(blank).toEqual([{ file, line: 8, column: 1, message: expect.stringMatching(/description is empty/) }]);
  });

  it('reports headings, lists, links and HTML in the body where they are', () => {
    const errors = errorsOf(
      withLines((lines) => {
        lines[7] = '## Ducts';
        lines[9] = '- a list item';
        lines.push('See [Ramsay](https://example.org).', 'Some <b>bold</b> text.');
      }),
    );
    expect(errors.map(({ line, column, message }) => [line, column, message.split(' ')[0]])).toEqual([
      [8, 1, 'headings'],
      [10, 1, 'lists'],
      [12, 5, 'links'],
      [13, 6, 'HTML'],
    ]);
  });

  it('reports several problems at once, in file order', () => {
    const errors = errorsOf(
      withLines((lines) => {
        lines[1] = 'kind: ductt';
        lines[5] = 'sources: [ramsay-2005-anatomy, unknown-2000-id]';
        lines.splice(7);
      }),
    );
    expect(errors.map((error) => error.line)).toEqual([2, 8]);
  });
});

describe('parseReferences', () => {
  const file = 'content/references.yaml';
  const valid = [
    'ramsay-2005-anatomy:',
    '  authors: "Ramsay DT, Kent JC, Hartmann RA, Hartmann PE"',
    '  title: "Anatomy of the lactating human breast redefined with ultrasound imaging"',
    '  journal: "J Anat"',
    '  year: 2005',
    '  volume/pages: "206:525–534"',
    '  doi: "10.1111/j.1469-7580.2005.00417.x"',
    'kent-2007-how:',
    '  authors: "Kent JC"',
    '  journal: "J Midwifery Womens Health"',
    '  year: 2007',
    '  pmid: 17983993',
    '',
  ];
  const edit = (change: (lines: string[]) => void) => {
    const lines = [...valid];
    change(lines);
    return lines.join('\n');
  };
  const errorsOf = (text: string) => {
    const result = parseReferences(text, file);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.errors;
  };

  it('reads a valid file in order', () => {
    const result = parseReferences(valid.join('\n'), file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.value.keys()]).toEqual(['ramsay-2005-anatomy', 'kent-2007-how']);
    expect(result.value.get('ramsay-2005-anatomy')).toMatchObject({ year: 2005, 'volume/pages': '206:525–534' });
    expect(result.value.get('kent-2007-how')?.pmid).toBe('17983993');
  });

  it('reports YAML syntax errors with a position', () => {
    const errors = errorsOf(edit((lines) => (lines[4] = '  year: [2005')));
    expect(errors[0]).toMatchObject({ file, message: expect.stringMatching(/^YAML error/) });
    expect(errors[0]?.line).toBeGreaterThanOrEqual(5);
  });

  it('reports an unknown field at the field', () => {
    expect(errorsOf(edit((lines) => lines.splice(4, 0, '  publisher: "Wiley"')))).toEqual([
      { file, line: 5, column: 3, message: expect.stringMatching(/unknown key "publisher" in ramsay-2005-anatomy/) },
    ]);
  });

  it('reports a bad id, a bad DOI, a bad year and a DOI with a url', () => {
    expect(errorsOf(edit((lines) => (lines[7] = 'Kent 2007:')))).toEqual([{ file, line: 8, column: 1, message: expect.stringMatching(/kebab-case/) }]);
    expect(errorsOf(edit((lines) => (lines[6] = '  doi: "https://doi.org/10.1111/x"')))).toEqual([{ file, line: 7, column: 3, message: expect.stringMatching(/doi must look like/) }]);
    expect(errorsOf(edit((lines) => (lines[4] = '  year: "2005"')))).toEqual([{ file, line: 5, column: 3, message: expect.stringMatching(/year must be a number/) }]);
    expect(errorsOf(edit((lines) => lines.splice(7, 0, '  url: "https://example.org/"')))).toEqual([{ file, line: 8, column: 3, message: expect.stringMatching(/only when there is no doi/) }]);
  });

  it('reports a reference without title or journal at its id', () => {
    expect(errorsOf(edit((lines) => lines.splice(9, 1)))).toEqual([{ file, line: 8, column: 1, message: expect.stringMatching(/title or a journal/) }]);
  });

  it('reports an empty file and a file that is not a mapping', () => {
    expect(errorsOf('# nothing yet\n')).toEqual([{ file, line: 1, column: 1, message: 'the references file is empty' }]);
    expect(errorsOf('- ramsay-2005-anatomy\n')).toEqual([{ file, line: 1, column: 1, message: expect.stringMatching(/mapping/) }]);
  });
});

describe('checkStructureSet', () => {
  const description = (language: Language, kind: StructureDescription['kind'], extra: Partial<StructureDescription> = {}): StructureDescription => ({
    file: `content/structures/${language}/${kind}.md`,
    kind,
    name: kind,
    treeName: null,
    summary: 'A summary.',
    sources: ['ramsay-2005-anatomy'],
    body: 'Text.',
    paragraphs: ['Text.'],
    ...extra,
  });
  const full = (language: Language) => DESCRIBED_KINDS.map((kind) => description(language, kind));

  it('accepts a complete, consistent set', () => {
    expect(checkStructureSet({ en: full('en'), fr: full('fr') })).toEqual([]);
  });

  it('reports the kinds missing in each language', () => {
    const en = full('en').filter((d) => d.kind !== 'nerve');
    const fr = full('fr').filter((d) => d.kind !== 'capillary' && d.kind !== 'rib');
    const errors = checkStructureSet({ en, fr });
    expect(errors.map((e) => [e.file, e.message])).toEqual([
      ['content/structures/en/nerve.md', 'missing en description of "nerve"'],
      ['content/structures/fr/rib.md', 'missing fr description of "rib"'],
      ['content/structures/fr/capillary.md', 'missing fr description of "capillary"'],
    ]);
  });

  it('reports a file whose kind differs between languages', () => {
    const fr = full('fr').map((d) => (d.kind === 'lobule' ? { ...d, file: 'content/structures/fr/duct.md' } : d)).filter((d) => d.file !== 'content/structures/fr/duct.md' || d.kind === 'lobule');
    const errors = checkStructureSet({ en: full('en'), fr });
    expect(errors).toContainEqual({
      file: 'content/structures/fr/duct.md',
      line: 1,
      column: 1,
      message: 'kind "lobule" does not match the en file content/structures/en/duct.md, whose kind is "duct"',
    });
    expect(errors).toContainEqual(expect.objectContaining({ file: 'content/structures/fr/duct.md', message: 'missing fr description of "duct"' }));
  });

  it('reports duplicates, tree names and sources that differ between languages', () => {
    const en = full('en').map((d) => (d.kind === 'duct' ? { ...d, treeName: 'Branch' } : d));
    const fr = [...full('fr'), description('fr', 'skin', { file: 'content/structures/fr/peau.md' })].map((d) =>
      d.kind === 'nipple' ? { ...d, sources: ['geddes-2007-inside'] } : d,
    );
    const messages = checkStructureSet({ en, fr }).map((e) => `${e.file}: ${e.message}`);
    expect(messages).toEqual([
      'content/structures/fr/peau.md: kind "skin" is already described in content/structures/fr/skin.md (fr)',
      'content/structures/fr/nipple.md: sources [geddes-2007-inside] differ from those of content/structures/en/nipple.md [ramsay-2005-anatomy]',
      'content/structures/fr/duct.md: treeName is missing here but set in content/structures/en/duct.md',
    ]);
  });
});
