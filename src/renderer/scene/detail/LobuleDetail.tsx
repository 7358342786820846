import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import type { Theme } from '../../../shared/settings';
import { DETAIL_PALETTES } from './detail-palette';
import { DRAG_THRESHOLD, localRay } from './detail-scene';
import { disposeLobuleDetail, pickAlveolus, type LobuleDetailModel } from './lobule-detail';
import { buildLobuleScene } from './lobule-scene';

/**
 * The lobule close-up (see lobule-detail.ts), drawn in four meshes: ducts, arterial and venous
 * capillaries, and the alveoli as one instanced mesh; a fifth, a translucent halo, shows the
 * selected alveolus (lobule-scene.ts). Clicks on the group are picked against the alveolus spheres
 * with our own maths (in the group's local frame, so the parent may move or scale it). The
 * component disposes its materials, and the model's geometries when the model changes or it
 * unmounts (three.js uploads them again if the same model is shown later).
 */
export interface LobuleDetailProps {
  model: LobuleDetailModel;
  theme: Theme;
  onSelectAlveolus(id: string): void;
  selectedAlveolusId?: string | null;
}

export function LobuleDetail({ model, theme, onSelectAlveolus, selectedAlveolusId = null }: LobuleDetailProps) {
  const invalidate = useThree((s) => s.invalidate);
  const group = useRef<Group>(null);
  const built = useMemo(() => buildLobuleScene(model, DETAIL_PALETTES[theme]), [model, theme]);

  useEffect(() => () => built.dispose(), [built]);
  useEffect(() => () => disposeLobuleDetail(model), [model]);
  useEffect(() => {
    built.select(selectedAlveolusId);
    invalidate();
  }, [built, selectedAlveolusId, invalidate]);

  const onClick = useCallback(
    (event: ThreeEvent<MouseEvent>) => {
      if (event.delta > DRAG_THRESHOLD || !group.current) return;
      const id = pickAlveolus(model, localRay(event.ray, group.current));
      if (id === null) return;
      event.stopPropagation();
      onSelectAlveolus(id);
    },
    [model, onSelectAlveolus],
  );

  return (
    <group ref={group} onClick={onClick}>
      <primitive object={built.root} />
    </group>
  );
}
