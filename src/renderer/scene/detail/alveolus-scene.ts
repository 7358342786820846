import { BufferAttribute, Color, DoubleSide, Group, InstancedMesh, Mesh, MeshBasicMaterial, MeshPhysicalMaterial, SphereGeometry, type BufferGeometry, type MeshStandardMaterial } from 'three';
import type { AlveolusDetailModel, AlveolusPart } from './alveolus-detail';
import type { DetailPalette } from './detail-palette';
import { instancedFromMatrices, materialSet, setGlow } from './detail-scene';

/**
 * The three.js objects of the cut-open alveolus, without React (AlveolusDetail shows them), in
 * nine draw calls: whole lactocytes (instanced), the sectioned half cells, nuclei (instanced),
 * milk, fat globules (instanced), the myoepithelial basket, arterial and venous capillaries, and
 * the ductule; plus an invisible shell that catches clicks. Materials (and the shell) belong to
 * the scene; the other geometries to the model.
 */
export interface AlveolusScene {
  root: Group;
  /** Glows that part's materials in the highlight colour, or none. */
  highlight(part: AlveolusPart | null): void;
  dispose(): void;
}

/** Colours the sectioned cells: lighter pink on their cut faces (`mark` = 1), the cells' pink elsewhere. */
function paintSections(geometry: BufferGeometry, palette: DetailPalette): void {
  const mark = geometry.getAttribute('mark');
  const cell = new Color(palette.lactocyte);
  const cut = new Color(palette.lactocyteSection);
  const existing = geometry.getAttribute('color');
  const colours = existing instanceof BufferAttribute && existing.count === mark.count ? existing : new BufferAttribute(new Float32Array(mark.count * 3), 3);
  for (let i = 0; i < mark.count; i += 1) {
    const c = mark.getX(i) > 0.5 ? cut : cell;
    colours.setXYZ(i, c.r, c.g, c.b);
  }
  colours.needsUpdate = true;
  if (colours !== existing) geometry.setAttribute('color', colours);
}

export function buildAlveolusScene(model: AlveolusDetailModel, palette: DetailPalette): AlveolusScene {
  const root = new Group();
  root.name = 'alveolus-detail';
  const materials = materialSet();
  const g = model.geometries;
  const instanced: InstancedMesh[] = [];
  const add = <T extends Mesh>(mesh: T, name: string): T => {
    mesh.name = name;
    // The invisible shell below receives the clicks; three need not test every triangle here.
    mesh.raycast = () => undefined;
    root.add(mesh);
    if (mesh instanceof InstancedMesh) instanced.push(mesh);
    return mesh;
  };

  // See-through cytoplasm with its nucleus inside. Both sides are drawn so a cell's own far wall,
  // not what lies behind the cell, shows through its near wall. One pass (three would otherwise
  // draw a double-sided transparent mesh twice): the wedge lists its apical dome last, so seen
  // from the lumen the far wall is blended first anyway.
  const cellMaterial = materials.standard('#ffffff', { roughness: 0.65, transparent: true, opacity: palette.lactocyteOpacity, side: DoubleSide, forceSinglePass: true });
  add(instancedFromMatrices(g.wedge, cellMaterial, model.lactocytes.wedgeMatrices, palette.lactocyte, model.lactocytes.wedgeShades), 'lactocytes');
  paintSections(g.sectionCells, palette);
  const sectionMaterial = materials.standard('#ffffff', { roughness: 0.75, vertexColors: true });
  add(new Mesh(g.sectionCells, sectionMaterial), 'lactocytes-in-section');
  const nucleusMaterial = materials.standard(palette.nucleus, { roughness: 0.5 });
  add(instancedFromMatrices(g.nucleus, nucleusMaterial, model.lactocytes.nucleusMatrices, '#ffffff'), 'nuclei');

  const fatMaterial = materials.standard(palette.fatGlobule, { roughness: 0.3 });
  if (model.fatGlobules.length > 0) add(instancedFromMatrices(g.fatGlobule, fatMaterial, model.fatMatrices, '#ffffff'), 'fat-globules');
  const milkMaterial = materials.track(
    new MeshPhysicalMaterial({ color: palette.milk, transparent: true, opacity: palette.milkOpacity, roughness: 0.3, clearcoat: 0.4, side: DoubleSide, depthWrite: false, forceSinglePass: true }),
  );
  // Drawn after the tissue it veils (one pass: it is one even colour, so face order does not show).
  add(new Mesh(g.milk, milkMaterial), 'milk').renderOrder = 1;

  const basketMaterial = materials.standard(palette.myoepithelial, { roughness: 0.5 });
  add(new Mesh(g.basket, basketMaterial), 'myoepithelial-basket');
  const arterialMaterial = materials.standard(palette.arterial, { roughness: 0.4 });
  const venousMaterial = materials.standard(palette.venous, { roughness: 0.4 });
  add(new Mesh(g.arterialCapillaries, arterialMaterial), 'capillaries-arterial');
  add(new Mesh(g.venousCapillaries, venousMaterial), 'capillaries-venous');
  add(new Mesh(g.ductule, materials.standard(palette.ductuleWall, { roughness: 0.6 })), 'ductule');

  // Catches clicks anywhere over the alveolus (thin tubes are hard to hit exactly); never drawn.
  const catcherGeometry = new SphereGeometry(model.boundingRadius, 24, 16);
  // Both sides, so it still catches clicks when the camera has zoomed inside it.
  const catcher = new Mesh(catcherGeometry, materials.track(new MeshBasicMaterial({ visible: false, side: DoubleSide })));
  catcher.name = 'pick-shell';
  root.add(catcher);

  const byPart: Record<AlveolusPart, MeshStandardMaterial[]> = {
    lactocyte: [cellMaterial, sectionMaterial, nucleusMaterial],
    'myoepithelial-cell': [basketMaterial],
    capillary: [arterialMaterial, venousMaterial],
    lumen: [milkMaterial, fatMaterial],
  };
  return {
    root,
    highlight(part) {
      for (const [key, list] of Object.entries(byPart)) for (const m of list) setGlow(m, key === part ? palette.highlight : null);
    },
    dispose() {
      materials.dispose();
      catcherGeometry.dispose();
      instanced.forEach((mesh) => mesh.dispose());
    },
  };
}

