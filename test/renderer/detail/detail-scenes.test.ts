import { Color, InstancedMesh, Mesh, Raycaster, Vector3, type Material, type MeshStandardMaterial, type Object3D } from 'three';
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../../src/shared/settings';
import { alveolusDetailStats, buildAlveolusDetail } from '../../../src/renderer/scene/detail/alveolus-detail';
import { buildAlveolusScene } from '../../../src/renderer/scene/detail/alveolus-scene';
import { DETAIL_PALETTES } from '../../../src/renderer/scene/detail/detail-palette';
import { buildLobuleDetail, lobuleDetailStats } from '../../../src/renderer/scene/detail/lobule-detail';
import { buildLobuleScene } from '../../../src/renderer/scene/detail/lobule-scene';

/** Meshes the renderer would draw (visible, with a visible material): one draw call each here. */
function drawn(root: Object3D): Mesh[] {
  const out: Mesh[] = [];
  root.traverseVisible((object) => {
    if (object instanceof Mesh && (object.material as Material).visible) out.push(object);
  });
  return out;
}

function materialsOf(root: Object3D): Material[] {
  const out = new Set<Material>();
  root.traverse((object) => {
    if (object instanceof Mesh) out.add(object.material as Material);
  });
  return [...out];
}

function countDisposals(items: readonly { addEventListener(type: 'dispose', listener: () => void): void }[]): () => number {
  let count = 0;
  for (const item of items) item.addEventListener('dispose', () => (count += 1));
  return () => count;
}

describe('buildLobuleScene', () => {
  const model = buildLobuleDetail({ lobuleId: 'lobule-2.1', ductPoints: [[0, 0, 0], [1, 1, 1]], ductRadius: 0.02, alveolusCount: 40, seed: 9 });

  it('draws what lobuleDetailStats counts, in both themes', () => {
    for (const theme of THEMES) {
      const scene = buildLobuleScene(model, DETAIL_PALETTES[theme]);
      expect(drawn(scene.root)).toHaveLength(lobuleDetailStats(model).drawCalls);
      scene.select(model.alveoli[3]!.id);
      expect(drawn(scene.root)).toHaveLength(lobuleDetailStats(model, true).drawCalls);
      scene.dispose();
    }
  });

  it('tints and haloes the selected alveolus, and clears it again', () => {
    const scene = buildLobuleScene(model, DETAIL_PALETTES.standard);
    const alveoli = scene.root.getObjectByName('alveoli') as InstancedMesh;
    const halo = scene.root.getObjectByName('alveolus-selection')!;
    const colour = (i: number) => {
      const c = new Color();
      alveoli.getColorAt(i, c);
      return c.getHex();
    };
    const before = colour(5);
    scene.select(model.alveoli[5]!.id);
    expect(halo.visible).toBe(true);
    expect(halo.position.toArray()).toEqual([...model.alveoli[5]!.centre]);
    expect(colour(5)).not.toBe(before);
    scene.select(null);
    expect(halo.visible).toBe(false);
    expect(colour(5)).toBe(before);
    scene.dispose();
  });

  it('disposes its materials and instanced mesh, not the model’s geometries', () => {
    const scene = buildLobuleScene(model, DETAIL_PALETTES.projector);
    const materials = countDisposals(materialsOf(scene.root));
    const instanced = countDisposals([scene.root.getObjectByName('alveoli') as InstancedMesh]);
    const geometries = countDisposals(Object.values(model.geometries));
    scene.dispose();
    expect(materials()).toBe(materialsOf(scene.root).length);
    expect(instanced()).toBe(1);
    expect(geometries()).toBe(0);
  });
});

describe('buildAlveolusScene', () => {
  const model = buildAlveolusDetail(11);

  it('draws nine meshes, as alveolusDetailStats counts', () => {
    for (const theme of THEMES) {
      const scene = buildAlveolusScene(model, DETAIL_PALETTES[theme]);
      expect(drawn(scene.root)).toHaveLength(alveolusDetailStats(model).drawCalls);
      expect(alveolusDetailStats(model).drawCalls).toBe(9);
      scene.dispose();
    }
  });

  it('lets three.js ray-cast only the invisible pick shell', () => {
    const scene = buildAlveolusScene(model, DETAIL_PALETTES.standard);
    const raycaster = new Raycaster(new Vector3(0, 0, 30), new Vector3(0, 0, -1));
    const hits = raycaster.intersectObject(scene.root, true);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.object.name))).toEqual(new Set(['pick-shell']));
    // From inside the shell too (the camera may zoom in).
    expect(new Raycaster(new Vector3(0, 0, 4.5), new Vector3(0, 0, -1)).intersectObject(scene.root, true).length).toBeGreaterThan(0);
    scene.dispose();
  });

  it('paints the sectioned cells’ cut faces in the section colour', () => {
    buildAlveolusScene(model, DETAIL_PALETTES.projector).dispose();
    const geometry = model.geometries.sectionCells;
    const mark = geometry.getAttribute('mark');
    const color = geometry.getAttribute('color');
    const cut = new Color(DETAIL_PALETTES.projector.lactocyteSection);
    const cell = new Color(DETAIL_PALETTES.projector.lactocyte);
    for (let i = 0; i < mark.count; i += 1) expect(new Color(color.getX(i), color.getY(i), color.getZ(i)).getHex()).toBe((mark.getX(i) > 0.5 ? cut : cell).getHex());
  });

  it('glows the selected part only', () => {
    const scene = buildAlveolusScene(model, DETAIL_PALETTES.standard);
    scene.highlight('capillary');
    const emissive = (name: string) => (scene.root.getObjectByName(name) as Mesh).material as MeshStandardMaterial;
    expect(emissive('capillaries-arterial').emissive.getHex()).toBe(new Color(DETAIL_PALETTES.standard.highlight).getHex());
    expect(emissive('capillaries-venous').emissive.getHex()).toBe(new Color(DETAIL_PALETTES.standard.highlight).getHex());
    expect(emissive('myoepithelial-basket').emissive.getHex()).toBe(0);
    scene.highlight(null);
    expect(emissive('capillaries-arterial').emissive.getHex()).toBe(0);
    scene.dispose();
  });

  it('disposes its materials, instanced meshes and pick shell, not the model’s geometries', () => {
    const scene = buildAlveolusScene(model, DETAIL_PALETTES.standard);
    const materials = countDisposals(materialsOf(scene.root));
    const meshes: InstancedMesh[] = [];
    scene.root.traverse((o) => {
      if (o instanceof InstancedMesh) meshes.push(o);
    });
    const instanced = countDisposals(meshes);
    const shell = countDisposals([(scene.root.getObjectByName('pick-shell') as Mesh).geometry]);
    const geometries = countDisposals(Object.values(model.geometries));
    scene.dispose();
    expect(materials()).toBe(materialsOf(scene.root).length);
    expect(instanced()).toBe(meshes.length);
    expect(meshes.length).toBe(3);
    expect(shell()).toBe(1);
    expect(geometries()).toBe(0);
  });
});
