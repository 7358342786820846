import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExploreTabs } from './ExploreTabs';
import { FeedSection } from './FeedSection';
import { HormoneCharts } from './HormoneCharts';
import { timeWords } from './life-time-text';
import { SupplySimulator } from './SupplySimulator';
import { TimelineSection } from './TimelineSection';
import type { ChartColors } from './use-chart-colors';
import type { useExplore } from './use-explore';

type Tab = 'timeline' | 'feed' | 'supply';

/** The explore panel beside the scene: the timeline and hormones, a feed, and supply and demand, as tabs. */
export function ExplorePanel({ explore, colors, reducedMotion, hidden }: { explore: ReturnType<typeof useExplore>; colors: ChartColors; reducedMotion: boolean; hidden: boolean }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('timeline');
  const { view } = explore;
  const { inputs, snapshot } = view;
  const words = timeWords(inputs.lifeHours, inputs.scenario.kind);
  return (
    <aside id="physiology-explore-panel" className="explore" aria-labelledby="explore-title" hidden={hidden}>
      <h2 id="explore-title" className="explore__title">
        {t('physiologyExplore.title')}
      </h2>
      <ExploreTabs<Tab>
        label={t('physiologyExplore.title')}
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'timeline',
            label: t('physiologyExplore.tabs.timeline'),
            content: (
              <>
                <TimelineSection
                  choice={inputs.choice}
                  scenario={inputs.scenario}
                  position={view.position}
                  words={words}
                  stage={snapshot.stage}
                  onScenario={explore.chooseScenario}
                  onScrub={explore.scrubTo}
                  onLandmark={explore.jumpTo}
                />
                <HormoneCharts scenario={inputs.scenario} position={view.position} levelsNow={snapshot.hormones} colors={colors} />
              </>
            ),
          },
          {
            id: 'feed',
            label: t('physiologyExplore.tabs.feed'),
            content: (
              <FeedSection
                session={inputs.session}
                feed={snapshot.feed}
                feedSeconds={view.feedSeconds}
                playing={view.playing}
                momentIndex={view.momentIndex}
                stress={inputs.stress}
                suckledBreast={inputs.suckledBreast}
                reducedMotion={reducedMotion}
                onAction={explore.act}
                onBreast={explore.chooseBreast}
                onClock={explore.controlClock}
                onStress={explore.setStress}
              />
            ),
          },
          { id: 'supply', label: t('physiologyExplore.tabs.supply'), content: <SupplySimulator colors={colors} onExplain={explore.setExplanation} /> },
        ]}
      />
    </aside>
  );
}
