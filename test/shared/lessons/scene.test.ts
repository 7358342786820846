import { describe, expect, it } from 'vitest';
import type { Cue } from '../../../src/shared/lessons/cue-vocabulary';
import { applyCue, checkCue, checkScene, INITIAL_SCENE, resolveScene, type SceneState } from '../../../src/shared/lessons/scene';
import { SCENE_LAYERS } from '../../../src/shared/lessons/structure-ids';
import { context } from './lesson-test-support';

const { catalog } = context;
const apply = (scene: SceneState, ...cues: Cue[]) => cues.reduce(applyCue, scene);

describe('applyCue', () => {
  it('adds and removes highlights and labels, each id once', () => {
    const scene = apply(INITIAL_SCENE, { name: 'highlight', args: { ids: ['nipple', 'duct-3'] } }, { name: 'highlight', args: { ids: ['duct-3', 'areola'] } });
    expect(scene.highlight).toEqual(['nipple', 'duct-3', 'areola']);
    expect(apply(scene, { name: 'unhighlight', args: { ids: ['duct-3'] } }).highlight).toEqual(['nipple', 'areola']);
    expect(apply(scene, { name: 'unhighlight', args: { ids: [] } }).highlight).toEqual([]);
    const labelled = apply(INITIAL_SCENE, { name: 'label', args: { ids: ['nipple'] } }, { name: 'label', args: { ids: ['areola'] } });
    expect(labelled.labels).toEqual(['nipple', 'areola']);
    expect(apply(labelled, { name: 'unlabel', args: { ids: [] } }).labels).toEqual([]);
  });

  it('shows and hides layers, keeping the layer panel’s order', () => {
    const hidden = apply(INITIAL_SCENE, { name: 'hide', args: { layers: ['skin', 'fat', 'muscle'] } });
    expect(hidden.layers).toEqual(['ligaments', 'ducts', 'lobules', 'vessels', 'nerves']);
    expect(apply(hidden, { name: 'show', args: { layers: ['muscle', 'skin'] } }).layers).toEqual(['skin', 'ligaments', 'ducts', 'lobules', 'vessels', 'nerves', 'muscle']);
  });

  it('changes nothing for a pulse', () => {
    expect(apply(INITIAL_SCENE, { name: 'pulse', args: { ids: ['nipple'], times: 2 } })).toBe(INITIAL_SCENE);
  });

  it('moves the camera to the new view’s whole shot when what it framed is not drawn there', () => {
    const onRib = apply(INITIAL_SCENE, { name: 'focus', args: { target: { kind: 'structure', id: 'rib-4' } } });
    expect(apply(onRib, { name: 'morph', args: { view: 'tree' } }).camera).toEqual({ kind: 'shot', shot: 'tree' });
    const onDuct = apply(INITIAL_SCENE, { name: 'focus', args: { target: { kind: 'structure', id: 'duct-3' } } });
    expect(apply(onDuct, { name: 'morph', args: { view: 'tree' } }).camera).toEqual({ kind: 'structure', id: 'duct-3' });
    const tree = apply(INITIAL_SCENE, { name: 'morph', args: { view: 'tree' } }, { name: 'focus', args: { target: { kind: 'shot', shot: 'tree' } } });
    expect(apply(tree, { name: 'morph', args: { view: 'anatomy' } }).camera).toEqual({ kind: 'shot', shot: 'whole-breast' });
  });

  it('flies in and out one level at a time, dropping part highlights on the way out', () => {
    const inAlveolus = apply(
      INITIAL_SCENE,
      { name: 'fly-into', args: { id: 'lobule-3.1.2.1.1' } },
      { name: 'fly-into', args: { id: 'alveolus-3.1.2.1.1.5' } },
      { name: 'highlight', args: { ids: ['part:lactocyte', 'nipple'] } },
    );
    expect(inAlveolus).toMatchObject({ closeUp: 'alveolus-3.1.2.1.1.5', highlight: ['part:lactocyte', 'nipple'] });
    const inLobule = apply(inAlveolus, { name: 'fly-out', args: {} });
    expect(inLobule).toMatchObject({ closeUp: 'lobule-3.1.2.1.1', camera: { kind: 'structure', id: 'lobule-3.1.2.1.1' }, highlight: ['nipple'] });
    expect(apply(inLobule, { name: 'fly-out', args: {} })).toMatchObject({ closeUp: null, camera: { kind: 'structure', id: 'lobule-3.1.2.1.1' } });
    // A focus on the gland leaves every close-up at once; a focus on a part stays inside.
    expect(apply(inAlveolus, { name: 'focus', args: { target: { kind: 'structure', id: 'part:lumen' } } }).closeUp).toBe('alveolus-3.1.2.1.1.5');
    expect(apply(inAlveolus, { name: 'focus', args: { target: { kind: 'shot', shot: 'whole-breast' } } })).toMatchObject({ closeUp: null, highlight: ['nipple'] });
  });
});

describe('checkCue and checkScene', () => {
  it('accept what the scene can show', () => {
    expect(checkCue(INITIAL_SCENE, { name: 'focus', args: { target: { kind: 'structure', id: 'rib-4' } } }, catalog)).toBeNull();
    expect(checkScene(INITIAL_SCENE, catalog)).toEqual([]);
  });

  it('refuse what it cannot', () => {
    const tree = apply(INITIAL_SCENE, { name: 'morph', args: { view: 'tree' } });
    expect(checkCue(tree, { name: 'focus', args: { target: { kind: 'shot', shot: 'whole-breast' } } }, catalog)).toBe(
      '{focus}: the shot "whole-breast" is made for the anatomical view: add {morph anatomy} before it',
    );
    expect(checkScene({ ...tree, closeUp: 'lobule-3.1.2.1.1' }, catalog).map((p) => [p.keys, p.message])).toEqual([
      [['view', 'closeUp'], 'a close-up cannot be shown in the tree view: set view: anatomy or closeUp: none'],
    ]);
    expect(checkScene({ ...INITIAL_SCENE, labels: ['part:lumen'] }, catalog).map((p) => p.keys)).toEqual([['labels', 'closeUp']]);
  });
});

describe('resolveScene', () => {
  it('applies the declared keys on top of the previous scene', () => {
    const previous = apply(INITIAL_SCENE, { name: 'highlight', args: { ids: ['nipple'] } });
    expect(resolveScene(previous, { layers: ['muscle', 'ducts'] })).toEqual({ ...previous, layers: ['ducts', 'muscle'] });
    expect(resolveScene(previous, { highlight: [] }).highlight).toEqual([]);
    expect(resolveScene(previous, {}).layers).toEqual(SCENE_LAYERS);
  });

  it('frames a close-up it opens, and leaves it for the whole breast', () => {
    const inside = resolveScene(INITIAL_SCENE, { closeUp: 'alveolus-3.1.2.1.1.5', highlight: ['part:lumen'] });
    expect(inside).toMatchObject({ closeUp: 'alveolus-3.1.2.1.1.5', camera: { kind: 'structure', id: 'alveolus-3.1.2.1.1.5' }, highlight: ['part:lumen'] });
    expect(resolveScene(inside, { closeUp: null })).toMatchObject({ closeUp: null, camera: { kind: 'shot', shot: 'whole-breast' }, highlight: [] });
  });
});
