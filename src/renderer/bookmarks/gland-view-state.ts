import type { GlandAnatomy } from '../../shared/anatomy/gland-anatomy';
import type { GlandBookmarkView } from '../../shared/bookmarks';
import { GLAND_LAYERS, type LayerVisibility } from '../scene/gland/gland-layers';
import { INITIAL_VIEW, isAlveolusOf, parseAlveolusId, type ViewState } from '../scene/scale-navigation';

/** What the gland view holds that a bookmark keeps (besides the camera). */
export interface GlandViewSettings {
  treeView: boolean;
  layers: LayerVisibility;
  xray: number;
  section: { enabled: boolean; at: number };
  view: ViewState;
}

export function glandBookmarkView(settings: GlandViewSettings, camera: GlandBookmarkView['camera']): GlandBookmarkView {
  const { closeUp, selectedId } = settings.view;
  return {
    kind: 'gland',
    camera,
    layout: settings.treeView ? 'tree' : 'anatomy',
    layers: GLAND_LAYERS.filter((layer) => settings.layers[layer]),
    xray: settings.xray,
    section: settings.section.enabled ? { at: settings.section.at } : null,
    selectedId,
    closeUp: closeUp ? { lobuleId: closeUp.lobuleId, alveolusId: closeUp.alveolusId, part: closeUp.part } : null,
  };
}

export function layerVisibility(visible: readonly string[]): LayerVisibility {
  return Object.fromEntries(GLAND_LAYERS.map((layer) => [layer, visible.includes(layer)])) as Record<(typeof GLAND_LAYERS)[number], boolean>;
}

/**
 * The selection and close-up a bookmark saved, if this gland still has them. A bookmark made with
 * another gland model (a teacher may change models/gland.json) can name structures that no longer
 * exist: the view then opens on the whole breast with nothing selected.
 */
export function glandViewState(anatomy: GlandAnatomy, saved: GlandBookmarkView): ViewState {
  const { closeUp, selectedId } = saved;
  if (closeUp) {
    if (anatomy.structures.get(closeUp.lobuleId)?.kind !== 'lobule') return INITIAL_VIEW;
    if (closeUp.alveolusId === null) return { selectedId: closeUp.lobuleId, closeUp: { lobuleId: closeUp.lobuleId, alveolusId: null, part: null } };
    if (!isAlveolusOf(anatomy, closeUp.alveolusId) || parseAlveolusId(closeUp.alveolusId)?.lobuleId !== closeUp.lobuleId) return INITIAL_VIEW;
    return { selectedId: closeUp.alveolusId, closeUp: { lobuleId: closeUp.lobuleId, alveolusId: closeUp.alveolusId, part: closeUp.part } };
  }
  if (selectedId !== null && anatomy.structures.has(selectedId)) return { selectedId, closeUp: null };
  return INITIAL_VIEW;
}
