import { z } from 'zod';
import { CAMERA_SHOT_NAMES, isCameraShotName, SCENE_VIEWS, type CameraTarget, type SceneView } from './camera-shots';
import { SCENE_LAYERS, suggestion, type SceneLayer, type StructureCatalog } from './structure-ids';
import {
  feedArgument,
  hormoneArgument,
  lifeTimeArgument,
  formatLifeTime,
  onOffArgument,
  placentaOption,
  scenarioArgument,
  stageArgument,
  stressArgument,
  yesNoOption,
} from './lesson-physiology';

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
  physiology: cue({
    summary:
      'Switches between the gland (off) and the physiology view (on): the body map with the brain, the pituitary, the bloodstream, the placenta in pregnancy and both breasts, where hormones travel. Every other physiology cue switches it on by itself.',
    usage: '{physiology on} or {physiology off}',
    example: 'Step back from the gland to the whole body {physiology on} and follow the hormones.',
    arity: { min: 1, max: 1 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([onOffArgument]), options: NO_OPTIONS }).transform(({ positional: [word] }) => ({ on: word === 'on' })),
  }),
  time: cue({
    summary:
      'Moves the life timeline to a landmark (before-pregnancy, conception, mid-pregnancy, birth, placenta-delivered, copious-secretion, milk-felt, delayed-threshold, day-3, day-9, one-month, six-months, weaning, involution-advanced) or to pregnancy-week-N, hour-N, day-N, week-N or month-N after birth. Any feed under way ends.',
    usage: '{time <landmark or unit-N>}',
    example: 'Three days after the birth {time day-3} the breasts begin to feel full.',
    arity: { min: 1, max: 1 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([lifeTimeArgument]), options: NO_OPTIONS }).transform(({ positional: [when] }) => ({ when })),
  }),
  stage: cue({
    summary:
      'Shows a stage of lactation at a typical moment of it: before-pregnancy, mammogenesis, secretory-differentiation, secretory-activation, established-lactation, involution, relactation or induced-lactation (the last two also choose their scenario).',
    usage: '{stage <stage>}',
    example: 'From mid-pregnancy {stage secretory-differentiation} the cells learn to make milk.',
    arity: { min: 1, max: 1 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([stageArgument]), options: NO_OPTIONS }).transform(({ positional: [stage] }) => ({ stage })),
  }),
  scenario: cue({
    summary:
      'Chooses whose timeline is shown: term-birth, relactation or induced-lactation; for a birth, placenta=retained leaves fragments of placenta behind, which keeps progesterone up and holds back secretory activation.',
    usage: '{scenario <scenario> [placenta=complete|retained]}',
    example: 'Suppose fragments of the placenta stay behind {scenario term-birth placenta=retained} after the birth.',
    arity: { min: 1, max: 1 },
    options: { placenta: 'complete (the default) or retained, for a birth' },
    args: () =>
      z
        .strictObject({ positional: z.tuple([scenarioArgument]), options: z.strictObject({ placenta: placentaOption.optional() }) })
        .transform(({ positional: [scenario], options }) => ({ scenario, retainedPlacenta: options.placenta ?? false })),
  }),
  release: cue({
    summary:
      'Sends a burst of one hormone along its route on the body map (estrogen, progesterone, hpl, prolactin, oxytocin, dopamine, cortisol, insulin, inhibitor): it rises to the top of the scale for a few seconds, whatever the level at that time, so it shows a release, not its size.',
    usage: '{release <hormone>}',
    example: 'The anterior pituitary answers {release prolactin} and the blood carries prolactin to both breasts.',
    arity: { min: 1, max: 1 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([hormoneArgument]), options: NO_OPTIONS }).transform(({ positional: [hormone] }) => ({ hormone })),
  }),
  cry: cue({
    summary: 'The baby cries: a conditioned release of oxytocin before any suckling. Prolactin does not rise with it.',
    usage: '{cry}',
    example: 'The baby starts to cry {cry} and oxytocin is released even before the latch.',
    arity: { min: 0, max: 0 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([]), options: NO_OPTIONS }).transform(() => ({})),
  }),
  feed: cue({
    summary:
      'Starts a breastfeed or a pumping session (shown about fifteen times faster than life), or stops it. With cry=yes the baby cries before the latch. Milk is ejected only where the narration says {let-down}. The feed lasts until {feed stop} or the end of its step.',
    usage: '{feed breastfeed|pump|stop [cry=yes|no]}',
    example: 'Now the baby latches on {feed breastfeed} and suckles.',
    arity: { min: 1, max: 1 },
    options: { cry: 'yes when the baby cries before the latch (no when left out)' },
    args: () =>
      z
        .strictObject({ positional: z.tuple([feedArgument]), options: z.strictObject({ cry: yesNoOption.optional() }) })
        .transform(({ positional: [word], options }) => ({ word, cry: options.cry ?? false })),
  }),
  'let-down': cue({
    summary: 'Sets off one milk ejection now: oxytocin reaches both breasts, the myoepithelial cells contract, the ducts widen and milk flows to the nipple, then the ducts narrow again.',
    usage: '{let-down}',
    example: 'Here is an ejection {let-down}: the ducts widen and the milk moves.',
    arity: { min: 0, max: 0 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([]), options: NO_OPTIONS }).transform(() => ({})),
  }),
  stress: cue({
    summary:
      'Sets the mother’s stress from 0 (calm) to 100 (severe). Stress weakens the oxytocin pulses: in a lesson, the ejections its {let-down} cues set off afterwards are weaker (by half at 100); prolactin is left as it is.',
    usage: '{stress <0–100>}',
    example: 'A sudden noise startles her {stress 70} in the middle of the feed.',
    arity: { min: 1, max: 1 },
    options: {},
    args: () => z.strictObject({ positional: z.tuple([stressArgument]), options: NO_OPTIONS }).transform(({ positional: [stress] }) => ({ stress })),
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
    case 'cry':
    case 'let-down':
      break;
    case 'physiology':
      words.push(cue.args.on ? 'on' : 'off');
      break;
    case 'time':
      words.push(formatLifeTime(cue.args.when));
      break;
    case 'stage':
      words.push(cue.args.stage);
      break;
    case 'scenario':
      words.push(cue.args.scenario, `placenta=${cue.args.retainedPlacenta ? 'retained' : 'complete'}`);
      break;
    case 'release':
      words.push(cue.args.hormone);
      break;
    case 'feed':
      words.push(cue.args.word, `cry=${cue.args.cry ? 'yes' : 'no'}`);
      break;
    case 'stress':
      words.push(String(Math.round(cue.args.stress * 100)));
      break;
  }
  return `{${words.join(' ')}}`;
}
