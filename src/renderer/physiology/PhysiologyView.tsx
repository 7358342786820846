import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../shared/settings';
import { usePhysiologyViewHandle } from '../bookmarks/use-physiology-view-handle';
import type { HandleSlot, PhysiologyViewHandle } from '../bookmarks/view-handles';
import { ExplorePanel } from './explore/ExplorePanel';
import { timeWords } from './explore/life-time-text';
import { describeForScreenReader, type AnnouncedHormones } from './explore/live-description';
import { useChartColors } from './explore/use-chart-colors';
import { useExplore } from './explore/use-explore';
import { useSay } from './explore/use-say';
import { PhysiologyScene } from './scene/PhysiologyScene';
import './explore/explore.css';

/** A burst of changes (a scrubber dragged, keys held) is announced once it settles. */
const ANNOUNCE_AFTER_MS = 450;

/**
 * Explore and simulate: the physiology scene filling the main area, the explore panel beside it,
 * the line saying what changed and why over the scene, and a polite live region describing the
 * state for screen readers.
 */
export function PhysiologyView({
  theme,
  reducedMotion,
  viewHandle,
}: {
  theme: Theme;
  reducedMotion: boolean;
  /** Filled in for bookmarks: reads and restores the moment shown. */
  viewHandle?: HandleSlot<PhysiologyViewHandle>;
}) {
  const { t } = useTranslation();
  const speak = useSay();
  const explore = useExplore(reducedMotion);
  usePhysiologyViewHandle(viewHandle, explore);
  const colors = useChartColors(theme);
  const { view } = explore;
  const live = useLiveDescription(explore.view);
  // A teacher projecting can give the whole width to the scene; the line above it stays.
  const [panelOpen, setPanelOpen] = useState(true);
  return (
    <div className="physiology-view" data-panel={panelOpen ? 'open' : 'closed'}>
      <div className="physiology-view__scene">
        <p className="physiology-view__explanation" data-empty={view.explanation === null}>
          <span className="physiology-view__explanation-glyph" aria-hidden="true">
            ➜
          </span>
          <span className="physiology-view__explanation-text" data-testid="physiology-explanation">
            {view.explanation ? speak.say(view.explanation) : t('physiologyExplore.explain.start')}
          </span>
          <button type="button" className="button button--small physiology-view__panel-toggle" aria-expanded={panelOpen} aria-controls="physiology-explore-panel" onClick={() => setPanelOpen((open) => !open)}>
            <span className="button__glyph" aria-hidden="true">
              {panelOpen ? '⇥' : '⇤'}
            </span>
            {t('physiologyExplore.panelToggle')}
          </button>
        </p>
        <div className="physiology-view__canvas">
          <PhysiologyScene state={explore.sceneState} time={explore.sceneTime} theme={theme} reducedMotion={reducedMotion} frames={explore.frames} />
        </div>
      </div>
      <ExplorePanel explore={explore} colors={colors} reducedMotion={reducedMotion} hidden={!panelOpen} />
      <p className="visually-hidden" role="status">
        {live}
      </p>
    </div>
  );
}

/** The live region's text: rebuilt when its signature changes, and only once changes settle. */
function useLiveDescription(view: ReturnType<typeof useExplore>['view']): string {
  const { i18n } = useTranslation();
  const speak = useSay();
  const [text, setText] = useState('');
  const said = useRef<{ signature: string; hormones: AnnouncedHormones | null; language: string }>({ signature: '', hormones: null, language: '' });
  useEffect(() => {
    const timer = window.setTimeout(() => {
      const words = timeWords(view.inputs.lifeHours, view.inputs.scenario.kind);
      const description = describeForScreenReader(view.snapshot, words, said.current.hormones);
      if (description.signature === said.current.signature && said.current.language === i18n.language) return;
      said.current = { signature: description.signature, hormones: description.hormones, language: i18n.language };
      setText(speak.sayAll(description.messages));
    }, ANNOUNCE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [view.snapshot, view.inputs, speak, i18n.language]);
  return text;
}
