import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateGland } from '../../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../../src/shared/anatomy/gland-parameters';
import {
  checkGlossary,
  checkGlossaryFiles,
  checkGlossaryTranslation,
  foldText,
  GLOSSARY_MIN_TERMS,
  glossaryPath,
  glossaryStructureKind,
  glossaryStructures,
  parseGlossary,
  type Glossary,
  type GlossaryCheckContext,
} from '../../../src/shared/content/glossary';
import { parseReferences } from '../../../src/shared/content/structure-descriptions';
import { formatContentError } from '../../../src/shared/lessons/load-lessons';
import { ALVEOLUS_PARTS, PART_PREFIX, STRUCTURE_GROUPS, structureCatalog } from '../../../src/shared/lessons/structure-ids';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (relative: string) => readFileSync(`${root}${relative}`, 'utf8');
const references = parseReferences(read('content/references.yaml'), 'content/references.yaml');
const catalog = structureCatalog(generateGland(DEFAULT_GLAND_PARAMETERS));
const context: GlossaryCheckContext = { referenceIds: new Set(references.ok ? references.value.keys() : []), ...glossaryStructures(catalog) };

function fixture(name: string, language: 'en' | 'fr' = 'en'): { glossary: Glossary; errors: string[] } {
  const file = `test/fixtures/glossary/${name}`;
  const result = parseGlossary(read(file), file, language);
  if (!result.glossary) throw new Error(`${file} did not parse: ${result.errors.map(formatContentError).join('; ')}`);
  return { glossary: result.glossary, errors: result.errors.map(formatContentError) };
}

describe('the real glossary', () => {
  const files = { en: { file: glossaryPath('en'), text: read(glossaryPath('en')) }, fr: { file: glossaryPath('fr'), text: read(glossaryPath('fr')) } };

  it('parses and checks with zero errors in both languages, with enough terms', () => {
    const report = checkGlossaryFiles(files, context);
    expect(report.errors.map(formatContentError)).toEqual([]);
    expect(report.terms.en).toBeGreaterThanOrEqual(GLOSSARY_MIN_TERMS);
    expect(report.terms.fr).toBe(report.terms.en);
  });

  it('gives French terms of the field, not copies of the English ones', () => {
    const fr = parseGlossary(files.fr.text, files.fr.file, 'fr').glossary!;
    const term = (id: string) => fr.entries.find((entry) => entry.id === id)?.term;
    expect(term('anterior-pituitary')).toBe('Antéhypophyse');
    expect(term('posterior-pituitary')).toBe('Posthypophyse');
    expect(term('milk-ejection-reflex')).toBe("Réflexe d'éjection du lait");
    expect(term('lactiferous-duct')).toBe('Canal lactifère');
    expect(fr.entries.find((entry) => entry.id === 'secretory-activation')?.aka).toContain('montée laiteuse');
  });
});

describe('glossaryStructureKind', () => {
  it("agrees with the default gland's kind for every id, group and part", () => {
    const mismatches: string[] = [];
    for (const id of catalog.knownIds) {
      const members = catalog.group(id);
      const kind = catalog.kindOf(members?.[0] ?? id);
      if (kind === 'part') continue;
      if (glossaryStructureKind(id) !== kind) mismatches.push(`${id}: ${String(glossaryStructureKind(id))} ≠ ${String(kind)}`);
    }
    expect(mismatches).toEqual([]);
    expect(Object.keys(STRUCTURE_GROUPS).map(glossaryStructureKind)).toEqual(['duct', 'nipple-opening', 'montgomery-gland', 'cooper-ligament']);
    expect(ALVEOLUS_PARTS.map((part) => glossaryStructureKind(`${PART_PREFIX}${part}`))).toEqual(['lactocyte', 'myoepithelial-cell', 'capillary', 'milk']);
    expect(glossaryStructureKind('alveolus-3.1.2.1.1.5')).toBe('alveolus');
    expect(glossaryStructureKind('spleen')).toBeNull();
  });
});

describe('parseGlossary and checkGlossary', () => {
  it('leaves out entries that do not fit the schema, each error at its line and column', () => {
    const { glossary, errors } = fixture('broken.yaml');
    expect(errors).toEqual([
      'test/fixtures/glossary/broken.yaml:14:3 id is kebab-case: lower-case letters and digits joined by hyphens, e.g. myoepithelial-cell',
      'test/fixtures/glossary/broken.yaml:18:3 missing required key "definition" in this entry',
      'test/fixtures/glossary/broken.yaml:21:3 missing required key "definition" in this entry',
      'test/fixtures/glossary/broken.yaml:23:3 unknown key "definiton" in this entry (allowed keys: id, term, aka, forms, definition, sources, see, structure)',
    ]);
    expect(glossary.entries.map((entry) => entry.id)).toEqual(['alveolus', 'lactocyte', 'dangling', 'alveolus']);
  });

  it('reports repeated ids and names, unknown see, sources and structures where they are written', () => {
    const { glossary } = fixture('broken.yaml');
    expect(checkGlossary(glossary, context).map(formatContentError)).toEqual([
      `test/fixtures/glossary/broken.yaml:1:1 the glossary has 4 entries that load; it needs at least ${GLOSSARY_MIN_TERMS}`,
      'test/fixtures/glossary/broken.yaml:28:9 see: unknown glossary id "lactocyt" (did you mean "lactocyte"?)',
      'test/fixtures/glossary/broken.yaml:28:19 "dangling" sends the reader to itself',
      'test/fixtures/glossary/broken.yaml:29:13 unknown source "nobody-2020-nothing": add it to content/references.yaml or fix the id',
      'test/fixtures/glossary/broken.yaml:30:3 structure: unknown structure "duct-30" (did you mean "duct-3"?)',
      'test/fixtures/glossary/broken.yaml:32:3 id "alveolus" is already used on line 2',
    ]);
  });

  it('refuses a name shared by two entries, so a word opens one entry', () => {
    const text = read('test/fixtures/glossary/pair-en.yaml') + '\n- id: let-down\n  term: Let-down\n  aka: [LACTOCYTE]\n  definition: Another entry claiming a name.\n';
    const glossary = parseGlossary(text, 'x.yaml', 'en').glossary!;
    expect(checkGlossary(glossary, context).map(formatContentError)).toContain('x.yaml:18:3 "LACTOCYTE" is also a name of "lactocyte": a word in a lesson must open one entry');
  });
});

describe('checkGlossaryTranslation', () => {
  it('wants the same ids, see, structure and sources, and a translated definition', () => {
    const en = fixture('pair-en.yaml').glossary;
    const fr = fixture('pair-fr.yaml', 'fr').glossary;
    expect(checkGlossaryTranslation(en, fr).map(formatContentError)).toEqual([
      'test/fixtures/glossary/pair-fr.yaml:1:1 "oxytocin" (test/fixtures/glossary/pair-en.yaml:13) is missing from this translation',
      'test/fixtures/glossary/pair-fr.yaml:5:3 structure main-ducts differs from alveolus-3.1.2.1.1.5 in test/fixtures/glossary/pair-en.yaml:1',
      'test/fixtures/glossary/pair-fr.yaml:9:3 the definition is the same as in test/fixtures/glossary/pair-en.yaml:7: translate it',
      'test/fixtures/glossary/pair-fr.yaml:10:3 sources [ferguson-1983-ultrastructure, ramsay-2005-anatomy] differs from [ferguson-1983-ultrastructure] in test/fixtures/glossary/pair-en.yaml:7',
      'test/fixtures/glossary/pair-fr.yaml:13:3 "prolactin" is not in test/fixtures/glossary/pair-en.yaml: a translation has the same ids',
    ]);
  });
});

describe('foldText', () => {
  it('ignores case, accents, ligatures and curly apostrophes', () => {
    expect(foldText('Myoépithéliale')).toBe('myoepitheliale');
    expect(foldText('Œstrogènes')).toBe('oestrogenes');
    expect(foldText('Réflexe d’éjection')).toBe("reflexe d'ejection");
  });
});
