import { Color, Group, Mesh, type BufferGeometry, type InstancedMesh, type MeshStandardMaterial } from 'three';
import { triangleCount } from './detail-geometry';
import type { DetailPalette } from './detail-palette';
import { instancedFromMatrices, materialSet, type MaterialSet } from './detail-scene';
import type { LobuleDetailModel } from './lobule-detail';

/**
 * The three.js objects of the lobule close-up, without React (LobuleDetail shows them): ducts,
 * arterial and venous capillaries, the alveoli as one instanced mesh, and a halo for the selected
 * alveolus. Materials belong to the scene; geometries to the model.
 */

/** The halo sits just outside the selected alveolus. */
const HALO_SCALE = 1.18;

export interface LobuleScene {
  root: Group;
  /** Tints and haloes that alveolus (by id), or clears the selection. */
  select(id: string | null): void;
  dispose(): void;
}

function tubeMesh(root: Group, geometry: BufferGeometry, material: MeshStandardMaterial, name: string): void {
  if (triangleCount(geometry) === 0) return;
  const mesh = new Mesh(geometry, material);
  mesh.name = name;
  // Only alveoli are picked: skip three's triangle-by-triangle test of the tubes on every click.
  mesh.raycast = () => undefined;
  root.add(mesh);
}

function haloMesh(geometry: BufferGeometry, color: string, materials: MaterialSet): Mesh {
  const material = materials.standard(color, { emissive: color, emissiveIntensity: 0.6, transparent: true, opacity: 0.35, depthWrite: false });
  const halo = new Mesh(geometry, material);
  halo.name = 'alveolus-selection';
  halo.visible = false;
  // Never in the way of a click on the alveolus inside it.
  halo.raycast = () => undefined;
  return halo;
}

export function buildLobuleScene(model: LobuleDetailModel, palette: DetailPalette): LobuleScene {
  const root = new Group();
  root.name = 'lobule-detail';
  const materials = materialSet();
  const g = model.geometries;
  tubeMesh(root, g.ducts, materials.standard(palette.ductule, { roughness: 0.35 }), 'ducts');
  tubeMesh(root, g.arterialCapillaries, materials.standard(palette.arterial, { roughness: 0.4 }), 'capillaries-arterial');
  tubeMesh(root, g.venousCapillaries, materials.standard(palette.venous, { roughness: 0.4 }), 'capillaries-venous');
  let alveoli: InstancedMesh | null = null;
  if (model.alveoli.length > 0) {
    alveoli = instancedFromMatrices(g.alveolus, materials.standard('#ffffff', { roughness: 0.45 }), model.alveolusMatrices, palette.alveolus, model.alveolusShades);
    alveoli.name = 'alveoli';
    root.add(alveoli);
  }
  const halo = haloMesh(g.alveolus, palette.highlight, materials);
  root.add(halo);

  let selected = -1;
  const base = new Color(palette.alveolus);
  const tint = (index: number, color: Color) => {
    if (!alveoli || index < 0) return;
    alveoli.setColorAt(index, color);
    if (alveoli.instanceColor) alveoli.instanceColor.needsUpdate = true;
  };
  return {
    root,
    select(id) {
      tint(selected, base.clone().multiplyScalar(model.alveolusShades[selected] ?? 1));
      selected = id === null ? -1 : model.alveoli.findIndex((a) => a.id === id);
      const alveolus = model.alveoli[selected];
      halo.visible = alveolus !== undefined;
      if (!alveolus) return;
      tint(selected, base.clone().lerp(new Color(palette.highlight), 0.45));
      halo.position.set(...alveolus.centre);
      halo.scale.setScalar(alveolus.radius * HALO_SCALE);
    },
    dispose() {
      materials.dispose();
      alveoli?.dispose();
    },
  };
}

