import type { TFunction } from 'i18next';
import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import type { BookmarkView, GlandBookmarkView, PhysiologyBookmarkView } from '../../shared/bookmarks';
import { SCENE_LAYERS } from '../../shared/lessons/structure-ids';
import { stageAt } from '../../shared/physiology/stages';
import { scenarioFor } from '../physiology/explore/explore-model';
import { lifeTimeMessage, stageMessage, timeWords } from '../physiology/explore/life-time-text';
import { say, type Translate } from '../physiology/explore/messages';
import { displayName } from '../scene/gland/structure-names';

/**
 * A bookmark's view in a few words, for its line in the list: "Gland · tree layout · Duct 3
 * selected · 2 layers hidden", "Alveolus close-up · Alveolus 3.1.2.1.5 · Lactocyte",
 * "Body map · Day 3 after birth · Secretory activation (lactogenesis II)".
 */
export function describeBookmarkView(view: BookmarkView, anatomy: GlandAnatomy, t: TFunction, language: string): string {
  const parts = view.kind === 'gland' ? glandParts(view, anatomy, t, language) : physiologyParts(view, t, language);
  return parts.join(' · ');
}

function glandParts(view: GlandBookmarkView, anatomy: GlandAnatomy, t: TFunction, language: string): string[] {
  const name = (id: string) => displayName(anatomy, id, t);
  const { closeUp } = view;
  if (closeUp?.alveolusId) {
    return [t('bookmarks.describe.alveolusCloseUp'), name(closeUp.alveolusId), ...(closeUp.part ? [t(`closeUp.parts.${closeUp.part}`)] : [])];
  }
  if (closeUp) return [t('bookmarks.describe.lobuleCloseUp'), name(closeUp.lobuleId)];
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const hidden = SCENE_LAYERS.length - view.layers.length;
  return [
    t('bookmarks.describe.gland'),
    ...(view.layout === 'tree' ? [t('bookmarks.describe.treeLayout')] : []),
    ...(view.selectedId && view.selectedId !== 'breast' ? [t('bookmarks.describe.selected', { name: name(view.selectedId) })] : []),
    ...(hidden > 0 ? [t('bookmarks.describe.layersHidden', { count: hidden })] : []),
    ...(view.xray > 0 ? [t('bookmarks.describe.xray', { percent: percent.format(view.xray) })] : []),
    ...(view.section ? [t('bookmarks.describe.cut', { percent: percent.format(view.section.at) })] : []),
  ];
}

function physiologyParts(view: PhysiologyBookmarkView, t: TFunction, language: string): string[] {
  const translate: Translate = (key, values) => (values ? t(key, values) : t(key));
  const scenario = scenarioFor(view.scenario);
  const scenarioName = view.scenario === 'retained-placenta' ? t('physiologyExplore.scenarios.retained-placenta') : t(`physiology.scenarios.${view.scenario}`);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  return [
    t('bookmarks.describe.bodyMap'),
    // Birth at term is where the explore view starts: named only when another scenario was chosen.
    ...(view.scenario === 'term-birth' ? [] : [scenarioName]),
    say(translate, lifeTimeMessage(timeWords(view.lifeHours, scenario.kind)), language),
    say(translate, stageMessage(stageAt(view.lifeHours, scenario)), language),
    ...(view.stress > 0 ? [t('bookmarks.describe.stress', { percent: percent.format(view.stress) })] : []),
  ];
}
