import { describe, expect, it } from 'vitest';
import { ALVEOLUS_PARTS as RENDERER_ALVEOLUS_PARTS } from '../../../src/renderer/scene/detail/alveolus-detail';
import { GLAND_LAYERS } from '../../../src/renderer/scene/gland/gland-layers';
import { parseAlveolusId as rendererParseAlveolusId, PART_PREFIX as RENDERER_PART_PREFIX } from '../../../src/renderer/scene/scale-navigation';
import { alveolusId } from '../../../src/shared/anatomy/gland-anatomy';
import { CAMERA_SHOT_NAMES, CAMERA_SHOTS } from '../../../src/shared/lessons/camera-shots';
import { CUE_NAMES } from '../../../src/shared/lessons/cue-vocabulary';
import {
  ALVEOLUS_PARTS,
  closest,
  isInTreeLayout,
  parseAlveolusId,
  PART_PREFIX,
  SCENE_LAYERS,
  STRUCTURE_GROUPS,
  structureCatalog,
} from '../../../src/shared/lessons/structure-ids';
import { context, gland } from './lesson-test-support';

const { catalog } = context;

describe('the id rules copied from the renderer (until it imports them from src/shared)', () => {
  it('match the renderer: layers, alveolus parts, part prefix', () => {
    expect(SCENE_LAYERS).toEqual(GLAND_LAYERS);
    expect(ALVEOLUS_PARTS).toEqual(RENDERER_ALVEOLUS_PARTS);
    expect(PART_PREFIX).toBe(RENDERER_PART_PREFIX);
  });

  it('parse alveolus ids as the renderer does', () => {
    for (const id of ['alveolus-3.1.2.5', 'alveolus-1.1', 'alveolus-12', 'alveolus-3.1.x', 'lobule-3.1', alveolusId(gland, 0), alveolusId(gland, 1000)]) {
      expect(parseAlveolusId(id), id).toEqual(rendererParseAlveolusId(id));
    }
  });
});

describe('structureCatalog', () => {
  it('knows every structure of the gland, by kind', () => {
    for (const node of gland.structures.values()) expect(catalog.kindOf(node.id), node.id).toBe(node.kind);
    expect(catalog.kindOf('duct-30')).toBeNull();
  });

  it('knows every alveolus by its id, and no more', () => {
    for (const index of [0, 1, gland.alveoli.count - 1]) expect(catalog.kindOf(alveolusId(gland, index))).toBe('alveolus');
    const lobule = gland.lobules[0];
    if (!lobule) throw new Error('no lobule');
    const path = lobule.id.slice('lobule-'.length);
    expect(catalog.kindOf(`alveolus-${path}.${lobule.alveolusCount}`)).toBe('alveolus');
    expect(catalog.kindOf(`alveolus-${path}.${lobule.alveolusCount + 1}`)).toBeNull();
    expect(catalog.kindOf(`alveolus-${path}.0`)).toBeNull();
  });

  it('knows the parts of the alveolus close-up', () => {
    for (const part of ALVEOLUS_PARTS) expect(catalog.kindOf(`part:${part}`)).toBe('part');
    expect(catalog.kindOf('part:nucleus')).toBeNull();
  });

  it('expands groups to the ids of this gland', () => {
    expect(catalog.group('main-ducts')).toEqual(gland.ducts.filter((d) => d.depth === 0).map((d) => d.id));
    expect(catalog.group('main-ducts')).toHaveLength(9);
    expect(catalog.group('nipple-openings')).toEqual(gland.nipple.openings.map((o) => o.id));
    expect(catalog.group('montgomery-glands')?.length).toBe(gland.areola.montgomeryGlands.length);
    expect(catalog.group('cooper-ligaments')?.length).toBe(gland.ligaments.length);
    expect(catalog.group('duct-3')).toBeNull();
    expect(catalog.group('toString')).toBeNull();
  });

  it('explains unknown ids with a suggestion when one is close', () => {
    expect(catalog.explainUnknown('nippel')).toBe('unknown structure "nippel" (did you mean "nipple"?)');
    expect(catalog.explainUnknown('gland')).toBe('unknown structure "gland"');
    expect(catalog.explainUnknown('part:cell')).toBe('unknown part "part:cell": the parts of the alveolus close-up are part:lactocyte, part:myoepithelial-cell, part:capillary, part:lumen');
  });

  it('is cheap to build', () => {
    const started = performance.now();
    structureCatalog(gland);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('names a lesson can use', () => {
  it('never collide: shots, groups, cues and structure ids are distinct', () => {
    const names = [...CAMERA_SHOT_NAMES, ...Object.keys(STRUCTURE_GROUPS)];
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(catalog.kindOf(name), name).toBeNull();
    for (const name of CUE_NAMES) expect(names, name).not.toContain(name);
  });

  it('every camera shot frames something that exists in the default gland', () => {
    for (const name of CAMERA_SHOT_NAMES) {
      const { frame } = CAMERA_SHOTS[name];
      if (frame.kind === 'structure') expect(catalog.kindOf(frame.id), name).not.toBeNull();
      if (frame.kind === 'all-of-kind') expect([...gland.structures.values()].some((node) => node.kind === frame.structureKind), name).toBe(true);
    }
  });

  it('the tree layout draws the nipple, ducts, lobules and alveoli only', () => {
    expect(['breast', 'nipple', 'duct-3', 'duct-3.1.2', 'lobule-3.1.2.1.1', 'alveolus-3.1.2.1.1.5'].every(isInTreeLayout)).toBe(true);
    expect(['skin', 'fat', 'rib-4', 'nerve-t4-lateral-cutaneous', 'nipple-opening-1', 'areola', 'part:lumen'].some(isInTreeLayout)).toBe(false);
  });

  it('closest finds likely typos only', () => {
    expect(closest('hilight', CUE_NAMES)).toBe('highlight');
    expect(closest('zoom', CUE_NAMES)).toBeNull();
    expect(closest('duct-30', ['duct-3', 'duct-4'])).toBe('duct-3');
  });
});
