import { describe, expect, it } from 'vitest';
import { generateGland } from '../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../src/shared/anatomy/gland-parameters';
import { STRUCTURE_DESCRIPTIONS_DIR, isDescribedKind } from '../../src/shared/content/structure-descriptions';
import {
  alveolusSeed,
  arriveAtLobule,
  describedKind,
  INITIAL_VIEW,
  levelUp,
  lobuleDetailInput,
  navigate,
  parseAlveolusId,
  scaleLevel,
  scaleTrail,
  treeTrail,
  type Navigation,
  type ViewState,
} from '../../src/renderer/scene/scale-navigation';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const anatomy = generateGland(DEFAULT_GLAND_PARAMETERS);
const lobule = anatomy.lobules[7]!;
const path = lobule.id.slice('lobule-'.length);
const alveolus = `alveolus-${path}.2`;

function go(state: ViewState, id: string): { state: ViewState; camera: Extract<Navigation, { ok: true }>['camera'] } {
  const result = navigate(anatomy, state, id);
  if (!result.ok) throw new Error(`refused ${id}`);
  return result;
}

describe('moving between the breast, a lobule and an alveolus', () => {
  it('flies to a lobule in the gland first, then opens its close-up on arrival', () => {
    const toLobule = go(INITIAL_VIEW, lobule.id);
    expect(toLobule.camera).toEqual({ kind: 'fly-into-lobule', lobuleId: lobule.id });
    expect(scaleLevel(toLobule.state)).toBe('breast');
    const arrived = arriveAtLobule(toLobule.state, lobule.id)!;
    expect(scaleLevel(arrived)).toBe('lobule');
    expect(scaleTrail(anatomy, arrived)).toEqual(['breast', `duct-${lobule.system}`, lobule.id]);
  });

  it('does not open a close-up the learner has already left behind', () => {
    const toLobule = go(INITIAL_VIEW, lobule.id);
    const elsewhere = go(toLobule.state, 'nipple');
    expect(arriveAtLobule(elsewhere.state, lobule.id)).toBeNull();
  });

  it('opens an alveolus from its lobule, selects its parts and climbs back one level at a time', () => {
    const inLobule = arriveAtLobule(go(INITIAL_VIEW, lobule.id).state, lobule.id)!;
    const inAlveolus = go(inLobule, alveolus);
    expect(inAlveolus.camera).toEqual({ kind: 'enter', level: 'alveolus' });
    expect(scaleLevel(inAlveolus.state)).toBe('alveolus');
    const onPart = go(inAlveolus.state, 'part:myoepithelial-cell');
    expect(scaleTrail(anatomy, onPart.state)).toEqual(['breast', `duct-${lobule.system}`, lobule.id, alveolus, 'part:myoepithelial-cell']);
    expect(treeTrail(anatomy, onPart.state).slice(0, 2)).toEqual(['breast', `duct-${lobule.system}`]);
    expect(treeTrail(anatomy, onPart.state).at(-1)).toBe('part:myoepithelial-cell');
    expect(describedKind(anatomy, 'part:myoepithelial-cell')).toBe('myoepithelial-cell');

    const up1 = levelUp(anatomy, onPart.state);
    expect(up1?.ok && up1.state.closeUp?.part).toBeNull();
    const up2 = levelUp(anatomy, up1!.ok ? up1!.state : INITIAL_VIEW)!;
    expect(up2.ok && scaleLevel(up2.state)).toBe('lobule');
    expect(up2.ok && up2.camera).toEqual({ kind: 'enter', level: 'lobule' });
    const up3 = levelUp(anatomy, up2.ok ? up2.state : INITIAL_VIEW)!;
    expect(up3.ok && up3.state).toEqual({ selectedId: lobule.id, closeUp: null });
    expect(up3.ok && up3.camera).toEqual({ kind: 'focus', id: lobule.id });
    expect(levelUp(anatomy, up3.ok ? up3.state : INITIAL_VIEW)).toBeNull();
  });

  it('leaves a close-up for any other structure, and goes home for the whole breast', () => {
    const inAlveolus = go(arriveAtLobule(go(INITIAL_VIEW, lobule.id).state, lobule.id)!, alveolus).state;
    expect(go(inAlveolus, 'duct-2')).toEqual({ ok: true, state: { selectedId: 'duct-2', closeUp: null }, camera: { kind: 'focus', id: 'duct-2' } });
    expect(go(inAlveolus, 'breast').camera).toEqual({ kind: 'home' });
    const otherLobule = anatomy.lobules[20]!.id;
    expect(go(inAlveolus, otherLobule)).toEqual({ ok: true, state: { selectedId: otherLobule, closeUp: { lobuleId: otherLobule, alveolusId: null, part: null } }, camera: { kind: 'enter', level: 'lobule' } });
  });

  it('refuses ids that do not exist, with the id, and changes nothing', () => {
    for (const id of ['duct-99', 'lobule-9.9.9', `alveolus-${path}.${lobule.alveolusCount + 1}`, 'alveolus-banana', 'part:lactocyte', '']) {
      expect(navigate(anatomy, INITIAL_VIEW, id)).toEqual({ ok: false, unknownId: id });
    }
    const inAlveolus = go(arriveAtLobule(go(INITIAL_VIEW, lobule.id).state, lobule.id)!, alveolus).state;
    expect(navigate(anatomy, inAlveolus, 'part:nucleus')).toEqual({ ok: false, unknownId: 'part:nucleus' });
  });

  it('has a description file for everything that can be selected in a close-up', () => {
    for (const id of [alveolus, 'part:lactocyte', 'part:myoepithelial-cell', 'part:capillary', 'part:lumen']) {
      const kind = describedKind(anatomy, id);
      expect(isDescribedKind(kind)).toBe(true);
      for (const language of ['en', 'fr']) expect(existsSync(join(STRUCTURE_DESCRIPTIONS_DIR, language, `${kind}.md`))).toBe(true);
    }
  });

  it('feeds the lobule close-up with its terminal duct and gives each alveolus its own stable seed', () => {
    const input = lobuleDetailInput(anatomy, lobule.id)!;
    const duct = anatomy.ducts.find((d) => d.id === lobule.ductId)!;
    expect(input.ductPoints).toBe(duct.points);
    expect(input.alveolusCount).toBe(lobule.alveolusCount);
    expect(lobuleDetailInput(anatomy, 'lobule-0')).toBeNull();
    expect(alveolusSeed(anatomy, alveolus)).toBe(alveolusSeed(anatomy, alveolus));
    expect(alveolusSeed(anatomy, alveolus)).not.toBe(alveolusSeed(anatomy, `alveolus-${path}.3`));
    expect(parseAlveolusId(alveolus)).toEqual({ lobuleId: lobule.id, index: 2 });
  });
});
