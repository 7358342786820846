import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GLAND_PARAMETERS,
  GLAND_PARAMETER_FIELDS,
  glandParametersSchema,
  lineAndColumn,
  parseGlandParameters,
  reconcileGlandParameters,
  type GlandParameters,
} from '../../../src/shared/anatomy/gland-parameters';

const FILE = 'models/gland.json';
const modelText = readFileSync(new URL('../../../models/gland.json', import.meta.url), 'utf8');

/** The default file with some fields replaced (or removed, with `undefined`). */
function withFields(changes: Record<string, unknown>): string {
  return JSON.stringify({ ...DEFAULT_GLAND_PARAMETERS, ...changes }, null, 2);
}

function parse(changes: Record<string, unknown>) {
  return parseGlandParameters(withFields(changes), FILE);
}

describe('models/gland.json', () => {
  it('parses with no problems and equals the defaults', () => {
    const { parameters, problems } = parseGlandParameters(modelText, FILE);
    expect(problems).toEqual([]);
    expect(parameters).toEqual(DEFAULT_GLAND_PARAMETERS);
  });

  it('lists every parameter, so teachers see them all', () => {
    expect(Object.keys(JSON.parse(modelText) as object)).toEqual(Object.keys(GLAND_PARAMETER_FIELDS));
  });

  it('has defaults that satisfy the strict schema', () => {
    expect(glandParametersSchema.safeParse(DEFAULT_GLAND_PARAMETERS).success).toBe(true);
  });
});

describe('parseGlandParameters: one bad field', () => {
  it('names the field, the value and the allowed range for an out-of-range value', () => {
    const { parameters, problems } = parse({ mainDucts: 40 });
    expect(problems.map((p) => p.message)).toEqual(['models/gland.json: mainDucts is 40; allowed: a whole number from 4 to 18 (using the default 9)']);
    expect(problems[0]).toMatchObject({ path: 'mainDucts', value: 40, allowed: 'a whole number from 4 to 18' });
    expect(parameters.mainDucts).toBe(9);
  });

  it('reports a wrong type with the expected type and keeps the other fields', () => {
    const { parameters, problems } = parse({ branchAngleDegrees: 'wide', mainDucts: 12, openings: 8 });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe('models/gland.json: branchAngleDegrees is "wide"; allowed: a number from 10 to 80 (degrees) (using the default 35)');
    expect(parameters).toMatchObject({ branchAngleDegrees: 35, mainDucts: 12, openings: 8 });
  });

  it('refuses fractions for counts', () => {
    const { parameters, problems } = parse({ alveoliPerLobule: 99.5 });
    expect(problems[0]?.message).toMatch(/alveoliPerLobule is 99\.5; allowed: a whole number from 10 to 300/);
    expect(parameters.alveoliPerLobule).toBe(110);
  });

  it('refuses null, booleans, lists and objects where a number belongs', () => {
    for (const value of [null, true, [9], { n: 9 }, '9']) {
      const { parameters, problems } = parse({ mainDucts: value });
      expect(problems).toHaveLength(1);
      expect(problems[0]?.path).toBe('mainDucts');
      expect(problems[0]?.message).toMatch(/^models\/gland\.json: mainDucts is .+; allowed: a whole number from 4 to 18 \(using the default 9\)$/);
      expect(parameters.mainDucts).toBe(9);
    }
  });

  it('checks the fields of nested groups by their dotted path, in centimetres', () => {
    const { parameters, problems } = parse({ breastSize: { width: -3, height: 8, projection: 5 } });
    expect(problems.map((p) => p.message)).toEqual(['models/gland.json: breastSize.width is -3; allowed: a number from 5 to 12 (cm) (using the default 7)']);
    expect(parameters.breastSize).toEqual({ width: 7, height: 8, projection: 5 });
  });

  it('uses the group defaults when a group is not an object', () => {
    const { parameters, problems } = parse({ ribs: 5 });
    expect(problems[0]?.message).toBe('models/gland.json: ribs is 5; allowed: an object with first, last (using the defaults)');
    expect(parameters.ribs).toEqual(DEFAULT_GLAND_PARAMETERS.ribs);
  });
});

describe('parseGlandParameters: unknown and missing fields', () => {
  it('ignores an unknown field, naming it, its value and the known fields, with a spelling hint', () => {
    const { parameters, problems } = parse({ mainDuct: 12 });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('mainDuct');
    expect(problems[0]?.message).toMatch(/^models\/gland\.json: mainDuct is not a known parameter \(value 12\); allowed fields here: one of seed, breastSize, mainDucts, .*; did you mean mainDucts\? it is ignored$/);
    expect(parameters).toEqual(DEFAULT_GLAND_PARAMETERS);
  });

  it('reports unknown keys inside groups too', () => {
    const { problems } = parse({ breastSize: { ...DEFAULT_GLAND_PARAMETERS.breastSize, depth: 4 } });
    expect(problems.map((p) => p.path)).toEqual(['breastSize.depth']);
    expect(problems[0]?.message).toMatch(/breastSize\.depth is not a known parameter \(value 4\); allowed fields here: one of width, height, projection/);
  });

  it('uses the default for one missing field and says so', () => {
    const { parameters, problems } = parse({ lobuleRadius: undefined });
    expect(problems.map((p) => p.message)).toEqual(['models/gland.json: lobuleRadius is missing; allowed: a number from 0.1 to 0.6 (cm) (using the default 0.28)']);
    expect(parameters.lobuleRadius).toBe(0.28);
  });

  it('sums up many missing fields in one problem, keeping the fields that are there', () => {
    const { parameters, problems } = parseGlandParameters('{ "mainDucts": 12 }', FILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^models\/gland\.json: 20 parameters are missing \(seed, breastSize, openings, .*\); each uses its default$/);
    expect(parameters).toEqual({ ...DEFAULT_GLAND_PARAMETERS, mainDucts: 12 });
  });
});

describe('parseGlandParameters: the file as a whole', () => {
  it('reports invalid JSON with line and column and uses every default', () => {
    const text = '{\n  "seed": 1,\n  "mainDucts": 9,\n}\n';
    const { parameters, problems } = parseGlandParameters(text, FILE);
    expect(parameters).toEqual(DEFAULT_GLAND_PARAMETERS);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('(document)');
    expect(problems[0]?.message).toMatch(/^models\/gland\.json: the file is not valid JSON \(.+ at line 4, column 1\); all parameters use their defaults$/);
  });

  it('reports a file cut short at its end', () => {
    const { problems } = parseGlandParameters('{"seed": 1, "mainDucts":', FILE);
    expect(problems[0]?.message).toMatch(/not valid JSON \(Unexpected end of JSON input at line 1, column 25\)/);
  });

  it('refuses a document that is not an object', () => {
    for (const text of ['[]', '42', 'null', '"gland"']) {
      const { parameters, problems } = parseGlandParameters(text, FILE);
      expect(parameters).toEqual(DEFAULT_GLAND_PARAMETERS);
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message).toMatch(/^models\/gland\.json: the file holds .+; allowed: a JSON object with the gland parameters; all parameters use their defaults$/);
    }
  });

  it('counts lines and columns from 1, as editors do', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});

describe('parseGlandParameters: rules between fields', () => {
  it('clamps openings to the number of main ducts', () => {
    const { parameters, problems } = parse({ mainDucts: 5, openings: 9 });
    expect(parameters).toMatchObject({ mainDucts: 5, openings: 5 });
    expect(problems.map((p) => p.message)).toEqual(['models/gland.json: openings is 9; allowed: at most mainDucts (5), since every opening drains at least one main duct (using 5)']);
  });

  it('keeps the first branch inside the areola (Ramsay 2005)', () => {
    const { parameters, problems } = parse({ areolaRadius: 1.5, firstBranchDistance: 2 });
    expect(parameters.firstBranchDistance).toBe(1.35);
    expect(problems[0]?.message).toMatch(/firstBranchDistance is 2; allowed: at most 1\.35 cm .*within the areola \(Ramsay 2005\) \(using 1\.35\)/);
  });

  it('uses the default ribs when the first rib is below the last', () => {
    const { parameters, problems } = parse({ ribs: { first: 7, last: 3 } });
    expect(parameters.ribs).toEqual({ first: 2, last: 6 });
    expect(problems[0]?.path).toBe('ribs.first');
  });

  it('makes the strict schema refuse what the parser repairs', () => {
    const bad: GlandParameters = { ...DEFAULT_GLAND_PARAMETERS, openings: 12 };
    expect(glandParametersSchema.safeParse(bad).success).toBe(false);
    expect(glandParametersSchema.safeParse({ ...DEFAULT_GLAND_PARAMETERS, extra: 1 }).success).toBe(false);
    expect(glandParametersSchema.safeParse(reconcileGlandParameters(bad).parameters).success).toBe(true);
  });
});

describe('parseGlandParameters: never throws', () => {
  it('turns any JSON value into valid parameters (property)', () => {
    const fieldNames = Object.keys(GLAND_PARAMETER_FIELDS);
    const anyField = fc.dictionary(fc.constantFrom(...fieldNames, 'other'), fc.oneof(fc.jsonValue(), fc.double({ min: -50, max: 5000 }), fc.integer({ min: -5, max: 40 })));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), anyField), (document) => {
        const { parameters, problems } = parseGlandParameters(JSON.stringify(document) ?? '', FILE);
        expect(glandParametersSchema.safeParse(parameters).success).toBe(true);
        for (const p of problems) expect(p.message.startsWith(`${FILE}: `)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
