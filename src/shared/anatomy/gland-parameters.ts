import { z } from 'zod';

/**
 * The parameters of the procedural gland (models/gland.json, explained field by field in
 * models/gland.md) and the forgiving parser that reads a teacher-edited copy of that file.
 *
 * Units: lengths in centimetres, angles in degrees, counts as whole numbers. Sources for the
 * defaults (see /work/shared/reference/physiology-facts.md §1 and §9):
 * - Ramsay DT et al., J Anat 2005;206:525–534 (ultrasound of lactating breasts): about 9 main ducts
 *   (range 4–18), main duct diameter 1.9–2.0 mm, first branch 8.0 ± 5.5 mm from the nipple and
 *   always within the areola's radius, no sinuses.
 * - Orifice counts: 3.9 ± 1.5 (BMC Pregnancy Childbirth 2014;14:124) and 5–9 in >90% of nipples
 *   (Cancer 2004, doi:10.1002/cncr.20559): fewer openings than ducts.
 * - Geddes DT, Int Breastfeed J 2009;4:4: a 2.4 mm duct giving a 1.7 mm branch (ratio ≈ 0.71).
 *
 * Parsing never fails: a field that is missing, of the wrong type or out of range falls back to
 * its default and is reported as a `ParameterProblem` that names the field, the value and what is
 * allowed, so the teacher can fix the file; the other fields are kept.
 */

/** What one numeric field accepts. The zod schema and the problem messages are both built from it. */
export interface NumberFieldSpec {
  readonly integer: boolean;
  readonly min: number;
  readonly max: number;
  /** Shown after the range in messages, e.g. "cm"; empty for counts and ratios. */
  readonly unit: string;
  readonly default: number;
}

const count = (min: number, max: number, fallback: number): NumberFieldSpec => ({ integer: true, min, max, unit: '', default: fallback });
const ratio = (min: number, max: number, fallback: number): NumberFieldSpec => ({ integer: false, min, max, unit: '', default: fallback });
const length = (min: number, max: number, fallback: number): NumberFieldSpec => ({ integer: false, min, max, unit: 'cm', default: fallback });
const angle = (min: number, max: number, fallback: number): NumberFieldSpec => ({ integer: false, min, max, unit: 'degrees', default: fallback });

/** Every parameter with its range and default; the nested groups are JSON objects. */
export const GLAND_PARAMETER_FIELDS = {
  seed: count(0, 4294967295, 20261125),
  breastSize: {
    width: length(5, 12, 7),
    height: length(5, 12, 7),
    projection: length(3, 10, 6),
  },
  // Ramsay 2005: 9.6 ± 2.9 / 9.2 ± 2.9 main ducts; often-quoted range 4–18.
  mainDucts: count(4, 18, 9),
  // Orifice counts 3.9 ± 1.5 (2014) and 5–9 (2004); several ducts share one opening.
  openings: count(3, 18, 6),
  // Ramsay 2005: main duct diameter 1.9 ± 0.6 / 2.0 ± 0.7 mm → radius ≈ 1 mm.
  mainDuctRadius: length(0.05, 0.2, 0.1),
  // Ramsay 2005: first branch 8.0 ± 5.5 mm from the nipple.
  firstBranchDistance: length(0.2, 2.5, 0.8),
  branchDepth: count(2, 6, 4),
  branchAngleDegrees: angle(10, 80, 35),
  lengthDecay: ratio(0.4, 0.95, 0.75),
  // Geddes 2009: 2.4 mm duct, 1.7 mm branch → 0.71.
  radiusDecay: ratio(0.5, 0.95, 0.75),
  sideBranchChance: ratio(0, 1, 0.6),
  glandReach: ratio(0.25, 0.9, 0.4),
  lobuleRadius: length(0.1, 0.6, 0.28),
  alveoliPerLobule: count(10, 300, 110),
  nippleRadius: length(0.4, 1.2, 0.7),
  nippleLength: length(0.4, 2, 1),
  areolaRadius: length(1.2, 3.5, 2.2),
  montgomeryGlands: count(0, 30, 10),
  subcutaneousFat: length(0.2, 2, 0.6),
  fatLobules: count(0, 4000, 800),
  ribs: {
    first: count(1, 10, 2),
    last: count(1, 12, 6),
  },
} as const;

/** Ramsay 2005: all ducts branch within the radius of the areola; keep a little margin inside it. */
export const FIRST_BRANCH_AREOLA_FRACTION = 0.9;

function numberSchema(spec: NumberFieldSpec) {
  const base = spec.integer ? z.number().int() : z.number();
  return base.min(spec.min).max(spec.max);
}

const F = GLAND_PARAMETER_FIELDS;

/** Each field on its own, without the rules that tie fields together. */
const fieldsSchema = z
  .object({
    seed: numberSchema(F.seed),
    breastSize: z
      .object({
        width: numberSchema(F.breastSize.width),
        height: numberSchema(F.breastSize.height),
        projection: numberSchema(F.breastSize.projection),
      })
      .strict(),
    mainDucts: numberSchema(F.mainDucts),
    openings: numberSchema(F.openings),
    mainDuctRadius: numberSchema(F.mainDuctRadius),
    firstBranchDistance: numberSchema(F.firstBranchDistance),
    branchDepth: numberSchema(F.branchDepth),
    branchAngleDegrees: numberSchema(F.branchAngleDegrees),
    lengthDecay: numberSchema(F.lengthDecay),
    radiusDecay: numberSchema(F.radiusDecay),
    sideBranchChance: numberSchema(F.sideBranchChance),
    glandReach: numberSchema(F.glandReach),
    lobuleRadius: numberSchema(F.lobuleRadius),
    alveoliPerLobule: numberSchema(F.alveoliPerLobule),
    nippleRadius: numberSchema(F.nippleRadius),
    nippleLength: numberSchema(F.nippleLength),
    areolaRadius: numberSchema(F.areolaRadius),
    montgomeryGlands: numberSchema(F.montgomeryGlands),
    subcutaneousFat: numberSchema(F.subcutaneousFat),
    fatLobules: numberSchema(F.fatLobules),
    ribs: z.object({ first: numberSchema(F.ribs.first), last: numberSchema(F.ribs.last) }).strict(),
  })
  .strict();

export type GlandParameters = z.infer<typeof fieldsSchema>;

/** The full rules: every field in range, unknown keys refused, and the cross-field constraints. */
export const glandParametersSchema = fieldsSchema.superRefine((value, context) => {
  for (const problem of crossFieldProblems(value)) {
    context.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.allowed });
  }
});

export const DEFAULT_GLAND_PARAMETERS: Readonly<GlandParameters> = Object.freeze({
  seed: F.seed.default,
  breastSize: Object.freeze({ width: F.breastSize.width.default, height: F.breastSize.height.default, projection: F.breastSize.projection.default }),
  mainDucts: F.mainDucts.default,
  openings: F.openings.default,
  mainDuctRadius: F.mainDuctRadius.default,
  firstBranchDistance: F.firstBranchDistance.default,
  branchDepth: F.branchDepth.default,
  branchAngleDegrees: F.branchAngleDegrees.default,
  lengthDecay: F.lengthDecay.default,
  radiusDecay: F.radiusDecay.default,
  sideBranchChance: F.sideBranchChance.default,
  glandReach: F.glandReach.default,
  lobuleRadius: F.lobuleRadius.default,
  alveoliPerLobule: F.alveoliPerLobule.default,
  nippleRadius: F.nippleRadius.default,
  nippleLength: F.nippleLength.default,
  areolaRadius: F.areolaRadius.default,
  montgomeryGlands: F.montgomeryGlands.default,
  subcutaneousFat: F.subcutaneousFat.default,
  fatLobules: F.fatLobules.default,
  ribs: Object.freeze({ first: F.ribs.first.default, last: F.ribs.last.default }),
});

/** One thing wrong in the parameter file. `message` is the whole sentence shown to the teacher. */
export interface ParameterProblem {
  /** Dotted field path (`breastSize.width`), or `(document)` for the file as a whole. */
  path: string;
  /** The offending value as read from the file (`undefined` when the field is missing). */
  value: unknown;
  /** What is allowed, in words: "a whole number from 4 to 18". */
  allowed: string;
  message: string;
}

export interface ParsedGlandParameters {
  parameters: GlandParameters;
  problems: ParameterProblem[];
}

/**
 * Reads the parameter file. Never throws: invalid JSON gives all defaults and one problem (with
 * line and column); each bad field gives its default and one problem; unknown fields are ignored
 * with a problem; the cross-field rules are then enforced by clamping (also reported).
 */
export function parseGlandParameters(jsonText: string, fileLabel: string): ParsedGlandParameters {
  let document: unknown;
  try {
    document = JSON.parse(jsonText);
  } catch (error) {
    const reason = describeJsonError(jsonText, error);
    return {
      parameters: defaultParameters(),
      problems: [problem('(document)', undefined, 'a JSON object', `${fileLabel}: the file is not valid JSON (${reason}); all parameters use their defaults`)],
    };
  }
  if (!isPlainObject(document)) {
    const allowed = 'a JSON object with the gland parameters';
    return {
      parameters: defaultParameters(),
      problems: [problem('(document)', document, allowed, `${fileLabel}: the file holds ${describeValue(document)}; allowed: ${allowed}; all parameters use their defaults`)],
    };
  }
  const reader: Reader = { fileLabel, problems: [], missing: [] };
  const fields = readGroup(document, GLAND_PARAMETER_FIELDS, '', reader);
  const missing = missingProblem(reader);
  if (missing) reader.problems.push(missing);
  const checked = fieldsSchema.safeParse(fields);
  // Every field was checked against the same specs above, so this cannot fail; stay safe anyway.
  const parameters = checked.success ? checked.data : defaultParameters();
  const reconciled = reconcileGlandParameters(parameters, fileLabel);
  return { parameters: reconciled.parameters, problems: [...reader.problems, ...reconciled.problems] };
}

/**
 * Enforces the rules between fields on parameters whose fields are each in range: at most one
 * opening per main duct, the first branch inside the areola (Ramsay 2005), first rib ≤ last rib.
 */
export function reconcileGlandParameters(input: GlandParameters, fileLabel = 'gland parameters'): ParsedGlandParameters {
  const parameters: GlandParameters = { ...input, breastSize: { ...input.breastSize }, ribs: { ...input.ribs } };
  const problems: ParameterProblem[] = [];
  for (const rule of crossFieldProblems(parameters)) {
    problems.push(problem(rule.path, rule.value, rule.allowed, `${fileLabel}: ${rule.path} is ${describeValue(rule.value)}; allowed: ${rule.allowed} (${rule.fix})`));
    rule.apply(parameters);
  }
  return { parameters, problems };
}

interface CrossFieldRule {
  path: string;
  value: number;
  allowed: string;
  fix: string;
  apply: (parameters: GlandParameters) => void;
}

function crossFieldProblems(p: GlandParameters): CrossFieldRule[] {
  const rules: CrossFieldRule[] = [];
  if (p.openings > p.mainDucts) {
    rules.push({
      path: 'openings',
      value: p.openings,
      allowed: `at most mainDucts (${p.mainDucts}), since every opening drains at least one main duct`,
      fix: `using ${p.mainDucts}`,
      apply: (target) => {
        target.openings = target.mainDucts;
      },
    });
  }
  const maxFirstBranch = round(p.areolaRadius * FIRST_BRANCH_AREOLA_FRACTION, 3);
  if (p.firstBranchDistance > maxFirstBranch) {
    rules.push({
      path: 'firstBranchDistance',
      value: p.firstBranchDistance,
      allowed: `at most ${maxFirstBranch} cm (${FIRST_BRANCH_AREOLA_FRACTION} × areolaRadius ${p.areolaRadius} cm), since ducts branch within the areola (Ramsay 2005)`,
      fix: `using ${maxFirstBranch}`,
      apply: (target) => {
        target.firstBranchDistance = maxFirstBranch;
      },
    });
  }
  if (p.ribs.first > p.ribs.last) {
    rules.push({
      path: 'ribs.first',
      value: p.ribs.first,
      allowed: `at most ribs.last (${p.ribs.last})`,
      fix: `using the defaults ${F.ribs.first.default} to ${F.ribs.last.default} for both`,
      apply: (target) => {
        target.ribs = { first: F.ribs.first.default, last: F.ribs.last.default };
      },
    });
  }
  return rules;
}

/** A group of specs (the top level or a nested object) read from a parsed JSON object. */
type FieldGroup = { readonly [key: string]: NumberFieldSpec | FieldGroup };

function isSpec(entry: NumberFieldSpec | FieldGroup): entry is NumberFieldSpec {
  return typeof (entry as Partial<NumberFieldSpec>).integer === 'boolean';
}

/** Where the reading of one file collects what it found wrong. */
interface Reader {
  fileLabel: string;
  problems: ParameterProblem[];
  /** Fields absent from the file, reported together (a short file that sets a few values is fine). */
  missing: { path: string; allowed: string; fallback: string }[];
}

function readGroup(source: Record<string, unknown>, group: FieldGroup, prefix: string, reader: Reader): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = Object.keys(group);
  for (const key of Object.keys(source)) {
    if (!known.includes(key)) reportUnknown(reader, prefix, key, source[key], known);
  }
  for (const key of known) {
    const entry = group[key];
    if (!entry) continue;
    const path = prefix + key;
    const value = source[key];
    if (isSpec(entry)) {
      out[key] = readNumber(value, entry, path, reader);
    } else if (isPlainObject(value)) {
      out[key] = readGroup(value, entry, `${path}.`, reader);
    } else {
      const allowed = `an object with ${Object.keys(entry).join(', ')}`;
      if (value === undefined) reader.missing.push({ path, allowed, fallback: 'the defaults' });
      else reader.problems.push(problem(path, value, allowed, `${reader.fileLabel}: ${path} is ${describeValue(value)}; allowed: ${allowed} (using the defaults)`));
      out[key] = defaultsOf(entry);
    }
  }
  return out;
}

function reportUnknown(reader: Reader, prefix: string, key: string, value: unknown, known: string[]): void {
  const path = prefix + key;
  const guess = closestName(key, known);
  const allowed = `one of ${known.join(', ')}`;
  const hint = guess ? `did you mean ${prefix}${guess}? ` : '';
  reader.problems.push(problem(path, value, allowed, `${reader.fileLabel}: ${path} is not a known parameter (value ${describeValue(value)}); allowed fields here: ${allowed}; ${hint}it is ignored`));
}

function readNumber(value: unknown, spec: NumberFieldSpec, path: string, reader: Reader): number {
  const parsed = numberSchema(spec).safeParse(value);
  if (parsed.success) return parsed.data;
  const allowed = describeAllowed(spec);
  if (value === undefined) reader.missing.push({ path, allowed, fallback: `the default ${spec.default}` });
  else reader.problems.push(problem(path, value, allowed, `${reader.fileLabel}: ${path} is ${describeValue(value)}; allowed: ${allowed} (using the default ${spec.default})`));
  return spec.default;
}

/** One problem for all missing fields: the full sentence for one, a list for several. */
function missingProblem(reader: Reader): ParameterProblem | null {
  const [first, ...rest] = reader.missing;
  if (!first) return null;
  if (rest.length === 0) return problem(first.path, undefined, first.allowed, `${reader.fileLabel}: ${first.path} is missing; allowed: ${first.allowed} (using ${first.fallback})`);
  const paths = reader.missing.map((m) => m.path).join(', ');
  return problem(paths, undefined, 'every parameter (see models/gland.md)', `${reader.fileLabel}: ${reader.missing.length} parameters are missing (${paths}); each uses its default`);
}

function defaultsOf(group: FieldGroup): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(group)) out[key] = isSpec(entry) ? entry.default : defaultsOf(entry);
  return out;
}

function defaultParameters(): GlandParameters {
  return { ...DEFAULT_GLAND_PARAMETERS, breastSize: { ...DEFAULT_GLAND_PARAMETERS.breastSize }, ribs: { ...DEFAULT_GLAND_PARAMETERS.ribs } };
}

function problem(path: string, value: unknown, allowed: string, message: string): ParameterProblem {
  return { path, value, allowed, message };
}


/** "a whole number from 4 to 18", "a number from 0.2 to 2.5 (cm)". */
export function describeAllowed(spec: NumberFieldSpec): string {
  const kind = spec.integer ? 'a whole number' : 'a number';
  const unit = spec.unit ? ` (${spec.unit})` : '';
  return `${kind} from ${spec.min} to ${spec.max}${unit}`;
}

/** The value as the teacher typed it, shortened: `40`, `"nine"`, `null`, `an object`. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list []' : 'a list';
  if (isPlainObject(value)) return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The JSON engine's message with a 1-based line and column. V8 reports a character position
 * ("… in JSON at position 42"), or nothing when the text ends too early.
 */
function describeJsonError(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(/\s*\(line \d+ column \d+\)/, '');
  const position = /at position (\d+)/.exec(message);
  const offset = position?.[1] !== undefined ? Number(position[1]) : /end of JSON input/i.test(message) ? text.length : null;
  if (offset === null) return message;
  const { line, column } = lineAndColumn(text, offset);
  return `${message.replace(/\s*in JSON at position \d+/, '')} at line ${line}, column ${column}`;
}

/** 1-based line and column of a character offset, as text editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** A known name within two edits of a misspelt one (`mainDuct` → `mainDucts`), or null. */
function closestName(name: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.floor(value * factor) / factor;
}
