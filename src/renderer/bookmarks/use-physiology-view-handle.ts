import { useEffect, useRef } from 'react';
import type { BookmarkScenario } from '../../shared/bookmarks';
import type { ScenarioChoice } from '../physiology/explore/explore-snapshot';
import type { ExploreMoment, ExploreView } from '../physiology/explore/use-explore';
import type { HandleSlot, PhysiologyViewHandle } from './view-handles';

// The scenarios a bookmark can keep are exactly the explore view's: a compile error otherwise.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const scenariosMatch: Same<ScenarioChoice, BookmarkScenario> = true;
void scenariosMatch;

/** Fills `slot` with the physiology explore view's handle while the view is shown. */
export function usePhysiologyViewHandle(slot: HandleSlot<PhysiologyViewHandle> | undefined, explore: { view: ExploreView; restore(moment: ExploreMoment): void }): void {
  const latest = useRef(explore);
  latest.current = explore;
  useEffect(() => {
    if (!slot) return undefined;
    const handle: PhysiologyViewHandle = {
      capture: () => {
        const { inputs } = latest.current.view;
        return { kind: 'physiology', scenario: inputs.choice, lifeHours: inputs.lifeHours, stress: inputs.stress };
      },
      restore: (saved) => latest.current.restore({ choice: saved.scenario, lifeHours: saved.lifeHours, stress: saved.stress }),
    };
    slot.current = handle;
    return () => {
      if (slot.current === handle) slot.current = null;
    };
  }, [slot]);
}
