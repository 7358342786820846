import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import type { Theme } from '../../../shared/settings';
import { disposeAlveolusDetail, type AlveolusDetailModel, type AlveolusPart } from './alveolus-detail';
import { pickAlveolusPart } from './alveolus-pick';
import { buildAlveolusScene } from './alveolus-scene';
import { DETAIL_PALETTES } from './detail-palette';
import { DRAG_THRESHOLD, localRay } from './detail-scene';

/**
 * The cut-open alveolus close-up (see alveolus-detail.ts, drawn by alveolus-scene.ts in nine draw
 * calls). An invisible shell around it catches clicks (the only mesh three.js
 * ray-casts), which are then picked by part with our own maths in the group's frame. Disposes the
 * model's geometries and its own materials when they change or it unmounts.
 */
export interface AlveolusDetailProps {
  model: AlveolusDetailModel;
  theme: Theme;
  onSelect(part: AlveolusPart): void;
  /** Glows that part, if given. */
  selectedPart?: AlveolusPart | null;
}

export function AlveolusDetail({ model, theme, onSelect, selectedPart = null }: AlveolusDetailProps) {
  const invalidate = useThree((s) => s.invalidate);
  const group = useRef<Group>(null);
  const built = useMemo(() => buildAlveolusScene(model, DETAIL_PALETTES[theme]), [model, theme]);

  useEffect(() => () => disposeAlveolusDetail(model), [model]);
  useEffect(() => () => built.dispose(), [built]);
  useEffect(() => {
    built.highlight(selectedPart);
    invalidate();
  }, [built, selectedPart, invalidate]);

  const onClick = useCallback(
    (event: ThreeEvent<MouseEvent>) => {
      if (event.delta > DRAG_THRESHOLD || !group.current) return;
      const part = pickAlveolusPart(model, localRay(event.ray, group.current));
      if (part === null) return;
      event.stopPropagation();
      onSelect(part);
    },
    [model, onSelect],
  );

  return (
    <group ref={group} onClick={onClick}>
      <primitive object={built.root} />
    </group>
  );
}
