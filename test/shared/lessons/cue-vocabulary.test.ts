import { describe, expect, it } from 'vitest';
import { CAMERA_SHOT_NAMES } from '../../../src/shared/lessons/camera-shots';
import { CUE_NAMES, CUE_VOCABULARY, formatCue } from '../../../src/shared/lessons/cue-vocabulary';
import { formatContentError } from '../../../src/shared/lessons/load-lessons';
import { SCENE_LAYERS, STRUCTURE_GROUPS } from '../../../src/shared/lessons/structure-ids';
import { lessonText, loadText, read } from './lesson-test-support';

const AUTHORING = 'docs/authoring.md';
const guide = read(AUTHORING);

describe('the cue vocabulary', () => {
  it('documents every cue', () => {
    for (const name of CUE_NAMES) {
      const spec = CUE_VOCABULARY[name];
      expect(spec.summary.length, name).toBeGreaterThan(20);
      expect(spec.usage, name).toMatch(new RegExp(`^\\{${name}[ }]`));
      expect(spec.example, name).toContain(`{${name}`);
    }
  });

  it.each(CUE_NAMES)('the example of %s is a valid sentence of narration', (name) => {
    // fly-out needs a close-up to climb out of.
    const scene = name === 'fly-out' ? '```scene\ncloseUp: lobule-3.1.2.1.1\n```\n\n' : '';
    const result = loadText(lessonText(`## Example\n\n${scene}${CUE_VOCABULARY[name].example}\n`));
    expect(result.errors.map(formatContentError)).toEqual([]);
    expect(result.lesson?.steps[0]?.cues.map((point) => point.cue.name)).toEqual([name]);
  });

  it('prints cues in their canonical form, groups expanded and defaults filled in', () => {
    const result = loadText(lessonText('## Example\n\nLook {pulse nipple-openings} and {focus duct-3} and {show skin fat}.\n'));
    expect(result.lesson?.steps[0]?.cues.map((point) => formatCue(point.cue))).toEqual([
      '{pulse nipple-opening-1 nipple-opening-2 nipple-opening-3 nipple-opening-4 nipple-opening-5 nipple-opening-6 times=2}',
      '{focus duct-3}',
      '{show skin fat}',
    ]);
  });
});

describe('docs/authoring.md', () => {
  it('shows every cue with its usage and example', () => {
    for (const name of CUE_NAMES) {
      expect(guide, name).toContain(`### ${name}\n`);
      expect(guide, name).toContain(`\`${CUE_VOCABULARY[name].usage}\``);
      expect(guide, name).toContain(CUE_VOCABULARY[name].example);
    }
  });

  it('lists every camera shot, layer and group', () => {
    for (const name of CAMERA_SHOT_NAMES) expect(guide, name).toContain(`| \`${name}\` |`);
    for (const layer of SCENE_LAYERS) expect(guide, layer).toContain(`\`${layer}\``);
    for (const group of Object.keys(STRUCTURE_GROUPS)) expect(guide, group).toContain(`| \`${group}\` |`);
  });

  it('contains the complete example lesson exactly as shipped', () => {
    const start = guide.indexOf('## The complete example lesson');
    const block = /````markdown\n([\s\S]*?)````\n/.exec(guide.slice(start))?.[1];
    expect(block).toBe(read('content/lessons/en/tree-of-milk.md'));
  });

  it('shows a short example that is itself a valid lesson', () => {
    const block = /````markdown\n([\s\S]*?)````\n/.exec(guide)?.[1] ?? '';
    const result = loadText(block, 'content/lessons/en/tree-of-milk.md');
    expect(result.errors.map(formatContentError)).toEqual([]);
    expect(result.lesson?.steps).toHaveLength(1);
  });
});
