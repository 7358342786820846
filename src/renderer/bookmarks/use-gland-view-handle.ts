import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import type { CameraPose } from '../../shared/bookmarks';
import type { ViewCommands } from '../scene/CameraRig';
import type { LayerVisibility } from '../scene/gland/gland-layers';
import type { Navigation } from '../scene/scale-navigation';
import { glandBookmarkView, glandViewState, layerVisibility, type GlandViewSettings } from './gland-view-state';
import type { GlandViewHandle, HandleSlot } from './view-handles';

export interface GlandViewParts extends GlandViewSettings {
  anatomy: GlandAnatomy | null;
  commands: { readonly current: ViewCommands | null };
  cameraReady: boolean;
  setTreeView(tree: boolean): void;
  setLayers(layers: LayerVisibility): void;
  setXray(xray: number): void;
  setSection: Dispatch<SetStateAction<{ enabled: boolean; at: number }>>;
  /** The view's own way of changing what is selected and shown in close-up. */
  perform(navigation: Navigation): void;
  /** Whether the camera has framed the scale now shown (a new close-up is framed by the view first). */
  framed(): boolean;
}

/**
 * Fills `slot` with the gland view's handle once the anatomy is there. Call it after the view's
 * own effect that frames a new scale: the saved camera is put in place after that framing, in the
 * same commit, so the framing never moves it away again.
 */
export function useGlandViewHandle(slot: HandleSlot<GlandViewHandle> | undefined, parts: GlandViewParts): void {
  const latest = useRef(parts);
  latest.current = parts;
  const [placement, setPlacement] = useState<{ pose: CameraPose } | null>(null);
  const { anatomy, view, cameraReady } = parts;

  useEffect(() => {
    if (!slot || !anatomy) return undefined;
    const handle: GlandViewHandle = {
      anatomy,
      capture: () => {
        const pose = latest.current.commands.current?.pose();
        return pose ? glandBookmarkView(latest.current, pose) : null;
      },
      restore: (saved) => {
        const now = latest.current;
        now.setTreeView(saved.layout === 'tree');
        now.setLayers(layerVisibility(saved.layers));
        now.setXray(saved.xray);
        const section = saved.section;
        now.setSection((current) => (section ? { enabled: true, at: section.at } : { ...current, enabled: false }));
        now.perform({ ok: true, state: glandViewState(anatomy, saved), camera: { kind: 'none' } });
        // A new object each time, so the same pose asked twice is placed twice.
        setPlacement({ pose: saved.camera });
      },
    };
    slot.current = handle;
    return () => {
      if (slot.current === handle) slot.current = null;
    };
  }, [slot, anatomy]);

  useEffect(() => {
    const commands = latest.current.commands.current;
    if (!placement || !cameraReady || !commands || !latest.current.framed()) return;
    commands.place(placement.pose);
    setPlacement(null);
  }, [placement, view, cameraReady]);
}
