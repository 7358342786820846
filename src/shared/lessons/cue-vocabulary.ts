import { z } from 'zod';
import { CAMERA_SHOT_NAMES, isCameraShotName, SCENE_VIEWS, type CameraTarget, type SceneView } from './camera-shots';
import { SCENE_LAYERS, suggestion, type SceneLayer, type StructureCatalog } from './structure-ids';

/**
 * The cues a lesson's narration can contain, as data: for each cue name, what it does (for the
 * authoring guide and the checker's messages), how many words follow the name, its options, and a
 * zod schema that turns the words of a marker into typed arguments, checking every structure id
 * against a gland's catalogue.
 *
 * A cue marker is written in braces inside a sentence, where the animation must happen:
 *
 *     The milk leaves through several openings {highlight nipple-openings} on the tip.
 *
 * Inside the braces: the cue name, then its arguments separated by spaces, then options as
 * `name=value` (`{pulse duct-3 times=3}`). See docs/authoring.md.
 */

/** The words of one marker after its name: positional arguments and `name=value` options. */
export interface CueTokens {
  positional: string[];
  options: Record<string, string>;
}

export interface CueSpec<Args> {
  /** What the cue does, in one or two sentences. */
  summary: string;
  /** The marker's shape, e.g. `{pulse <structure>… [times=N]}`. */
  usage: string;
  /** A sentence of narration that uses it; valid against the default gland. */
  example: string;
  /** How many positional arguments it takes (`max` may be Infinity). */
  arity: { min: number; max: number };
  /** Each option with what it means. */
  options: Readonly<Record<string, string>>;
  /** Turns the words of a marker into the cue's arguments, checking ids against `catalog`. */
  args(catalog: StructureCatalog): z.ZodType<Args>;
}

const cue = <Args>(spec: CueSpec<Args>): CueSpec<Args> => spec;

// ---------------------------------------------------------------------------------------------
// Argument schemas, one word each

const NO_OPTIONS = z.strictObject({});

/** A structure id or a group name (expanded to its ids). */
export function structureArgument(catalog: StructureCatalog): z.ZodType<string[], string> {
  return z.string().transform((id, context) => {
    const group = catalog.group(id);
    if (group) return [...group];
    if (catalog.kindOf(id) === null) {
      context.addIssue({ code: 'custom', message: catalog.explainUnknown(id), input: id });
      return z.NEVER;
    }
    return [id];
  });
}

/** One or more structure ids or groups, flattened, each id once, in the order written. */
function structureList(catalog: StructureCatalog, min: number) {
  return z
    .array(structureArgument(catalog))
    .min(min)
    .transform((lists) => [...new Set(lists.flat())]);
}

/** A camera shot or a single structure to frame (a part of the alveolus close-up included, an alveolus not). */
export function cameraArgument(catalog: StructureCatalog): z.ZodType<CameraTarget, string> {
  return z.string().transform((name, context): CameraTarget => {
    if (isCameraShotName(name)) return { kind: 'shot', shot: name };
    const kind = catalog.kindOf(name);
    const fail = (message: string) => {
      context.addIssue({ code: 'custom', message, input: name });
      return z.NEVER;
    };
    if (kind === 'alveolus') return fail(`"${name}" is an alveolus: open its close-up with {fly-into ${name}} (or closeUp: ${name} in a scene block)`);
    if (kind !== null) return { kind: 'structure', id: name };
    if (catalog.group(name)) return fail(`"${name}" names several structures: the camera frames one structure or a camera shot`);
    return fail(`unknown camera shot or structure "${name}"${suggestion(name, [...CAMERA_SHOT_NAMES, ...catalog.knownIds])} (camera shots: ${CAMERA_SHOT_NAMES.join(', ')})`);
  });
}

/** A lobule or an alveolus: the things that have a close-up. */
export function closeUpArgument(catalog: StructureCatalog): z.ZodType<string, string> {
  return z.string().transform((id, context) => {
    const kind = catalog.kindOf(id);
    if (kind === 'lobule' || kind === 'alveolus') return id;
    const message = kind === null ? catalog.explainUnknown(id) : `"${id}" is ${kind === 'part' ? 'a part of the alveolus' : `a ${kind}`}: only a lobule or an alveolus has a close-up`;
    context.addIssue({ code: 'custom', message, input: id });
    return z.NEVER;
  });
}

/** One of a fixed list of words, with a suggestion when misspelt. */
export function wordArgument<const T extends string>(values: readonly T[], what: string): z.ZodType<T, string> {
  return z.string().transform((word, context) => {
    if ((values as readonly string[]).includes(word)) return word as T;
    context.addIssue({ code: 'custom', message: `unknown ${what} "${word}"${suggestion(word, values)} (${what}s: ${values.join(', ')})`, input: word });
    return z.NEVER;
  });
}

export const layerArgument = wordArgument<SceneLayer>(SCENE_LAYERS, 'layer');
export const viewArgument = wordArgument<SceneView>(SCENE_VIEWS, 'view');

export const PULSE_TIMES = { min: 1, max: 5, default: 2 } as const;

const timesOption = z
  .string()
  .regex(/^\d+$/, { error: `times must be a whole number from ${PULSE_TIMES.min} to ${PULSE_TIMES.max}` })
  .transform(Number)
  .pipe(
    z
      .number()
      .min(PULSE_TIMES.min, { error: `times must be a whole number from ${PULSE_TIMES.min} to ${PULSE_TIMES.max}` })
      .max(PULSE_TIMES.max, { error: `times must be a whole number from ${PULSE_TIMES.min} to ${PULSE_TIMES.max}` }),
  );

// ---------------------------------------------------------------------------------------------
// The vocabulary

export const CUE_VOCABULARY = {
  focus: cue({
    summary:
      'Moves the camera to a named camera shot or frames one structure. Framing a structure of the gland, or a shot, leaves any close-up; inside an alveolus close-up it can frame a part (part:lactocyte…).',
    usage: '{focus <shot or structure>}',
    example: 'Milk leaves the breast through the nipple {focus nipple-and-areola}, the trunk of our tree.',
    arity: { min: 1, max: 1 },
    options: {},
    args: (catalog) =>
      z.strictObject({ positional: z.tuple([cameraArgument(catalog)]), options: NO_OPTIONS }).transform(({ positional: [target] }) => ({ target })),
  }),
  highlight: cue({
    summary: 'Highlights one or more structures (or a group such as main-ducts), adding them to those already highlighted.',
    usage: '{highlight <structure>…}',
    example: 'Ultrasound shows about nine main ducts {highlight main-ducts} leading to the nipple.',
    arity: { min: 1, max: Infinity },
    options: {},
    args: (catalog) => z.strictObject({ positional: structureList(catalog, 1), options: NO_OPTIONS }).transform(({ positional }) => ({ ids: positional })),
  }),
  unhighlight: cue({
    summary: 'Removes the highlight from the structures named, or from everything when none is named.',
    usage: '{unhighlight [<structure>…]}',
    example: 'Let us leave the ducts aside {unhighlight} and look at the leaves.',
    arity: { min: 0, max: Infinity },
    options: {},
    args: (catalog) => z.strictObject({ positional: structureList(catalog, 0), options: NO_OPTIONS }).transform(({ positional }) => ({ ids: positional })),
  }),
  pulse: cue({
    summary: `Makes structures glow briefly, ${PULSE_TIMES.default} times unless times= says otherwise (${PULSE_TIMES.min} to ${PULSE_TIMES.max}). It changes nothing that lasts.`,
    usage: '{pulse <structure>… [times=N]}',
    example: 'Each main duct is only about two millimetres across {pulse duct-3 times=3}.',
    arity: { min: 1, max: Infinity },
    options: { times: `how many glows, ${PULSE_TIMES.min} to ${PULSE_TIMES.max} (${PULSE_TIMES.default} when left out)` },
    args: (catalog) =>
      z
        .strictObject({ positional: structureList(catalog, 1), options: z.strictObject({ times: timesOption.optional() }) })
        .transform(({ positional, options }) => ({ ids: positional, times: options.times ?? PULSE_TIMES.default })),
  }),
  show: cue({
    summary: 'Shows one or more layers of the gland.',
    usage: '{show <layer>…}',
    example: 'Now the skin and fat return {show skin fat} around the tree.',
    arity: { min: 1, max: Infinity },
    options: {},
    args: () => z.strictObject({ positional: z.array(layerArgument).min(1), options: NO_OPTIONS }).transform(({ positional }) => ({ layers: [...new Set(positional)] })),
  }),
  hide: cue({
    summary: 'Hides one or more layers of the gland.',
    usage: '{hide <layer>…}',
    example: 'Under the skin and the fat {hide skin fat}, the gland branches like a tree.',
    arity: { min: 1, max: Infinity },
    options: {},
    args: () => z.strictObject({ positional: z.array(layerArgument).min(1), options: NO_OPTIONS }).transform(({ positional }) => ({ layers: [...new Set(positional)] })),
  }),
  morph: cue({
    summary: 'Morphs the gland into the upright tree (tree) or back into its anatomical shape (anatomy). Not available in a close-up.',
    usage: '{morph tree} or {morph anatomy}',
    example: 'Straighten the gland up {morph tree} and it becomes a tree.',
    arity: { min: 1, max: 1 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([viewArgument]), options: NO_OPTIONS }).transform(({ positional: [view] }) => ({ view })),
  }),
  'fly-into': cue({
    summary: 'Flies into the close-up of a lobule (its alveoli on the ductules) or opens an alveolus (its cells, cut open).',
    usage: '{fly-into <lobule or alveolus>}',
    example: 'At the tip of a twig {fly-into lobule-3.1.2.1.1} the alveoli cluster like grapes.',
    arity: { min: 1, max: 1 },
    options: {},
    args: (catalog) => z.strictObject({ positional: z.tuple([closeUpArgument(catalog)]), options: NO_OPTIONS }).transform(({ positional: [id] }) => ({ id })),
  }),
  'fly-out': cue({
    summary: 'Climbs one level out of a close-up, as Esc does in the atlas: from an alveolus to its lobule, from a lobule back to the gland.',
    usage: '{fly-out}',
    example: 'Back out of the lobule {fly-out}, the leaves join the branches again.',
    arity: { min: 0, max: 0 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([]), options: NO_OPTIONS }).transform(() => ({})),
  }),
  label: cue({
    summary: 'Shows the name of one or more structures beside them, in the learner’s language.',
    usage: '{label <structure>…}',
    example: 'The areola {label areola} surrounds the nipple.',
    arity: { min: 1, max: Infinity },
    options: {},
    args: (catalog) => z.strictObject({ positional: structureList(catalog, 1), options: NO_OPTIONS }).transform(({ positional }) => ({ ids: positional })),
  }),
  unlabel: cue({
    summary: 'Removes the labels of the structures named, or every label when none is named.',
    usage: '{unlabel [<structure>…]}',
    example: 'Labels off {unlabel areola}: look at the shape alone.',
    arity: { min: 0, max: Infinity },
    options: {},
    args: (catalog) => z.strictObject({ positional: structureList(catalog, 0), options: NO_OPTIONS }).transform(({ positional }) => ({ ids: positional })),
  }),
};

export type CueVocabulary = typeof CUE_VOCABULARY;
export type CueName = keyof CueVocabulary;
export const CUE_NAMES = Object.keys(CUE_VOCABULARY) as readonly CueName[];

export function isCueName(value: string): value is CueName {
  return Object.hasOwn(CUE_VOCABULARY, value);
}

export type CueArgs<N extends CueName> = CueVocabulary[N] extends CueSpec<infer Args> ? Args : never;

/** One cue with its checked arguments, e.g. `{ name: 'pulse', args: { ids: ['duct-3'], times: 2 } }`. */
export type Cue = { [N in CueName]: { name: N; args: CueArgs<N> } }[CueName];

/** How a cue is written, arguments in their canonical form: `{pulse duct-3 times=2}`. */
export function formatCue(cue: Cue): string {
  const words: string[] = [cue.name];
  switch (cue.name) {
    case 'focus':
      words.push(cue.args.target.kind === 'shot' ? cue.args.target.shot : cue.args.target.id);
      break;
    case 'highlight':
    case 'unhighlight':
    case 'label':
    case 'unlabel':
      words.push(...cue.args.ids);
      break;
    case 'pulse':
      words.push(...cue.args.ids, `times=${cue.args.times}`);
      break;
    case 'show':
    case 'hide':
      words.push(...cue.args.layers);
      break;
    case 'morph':
      words.push(cue.args.view);
      break;
    case 'fly-into':
      words.push(cue.args.id);
      break;
    case 'fly-out':
      break;
  }
  return `{${words.join(' ')}}`;
}
