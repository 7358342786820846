import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import {
  CircleGeometry,
  DoubleSide,
  Group,
  Mesh,
  MeshPhysicalMaterial,
  MeshStandardMaterial,
  Plane,
  SphereGeometry,
  Vector3,
  type Material,
} from 'three';
import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { GLAND_PALETTES, type GlandPalette } from './gland-palette';
import type { LayerVisibility } from './gland-layers';
import { ALVEOLUS_SCALE, AREOLA_LIFT, MIN_DUCT_RADIUS, MONTGOMERY_RADIUS } from './drawing-scale';
import { buildInstancedSpheres } from './instanced-spheres';
import { morphInstanceMaterial, morphMeshMaterial, type MorphUniforms } from './morph-material';
import { buildNippleShape } from './nipple-shape';
import { buildPectoralisShape } from './pectoralis-shape';
import { mergeSurfaceMeshes, surfaceGeometry } from './surface-mesh';
import { offsetArray, offsetPoint, treeOffset } from './tree-frame';
import { buildTubeGeometry, type TubeSpec } from './tube-geometry';

/**
 * The whole breast, built once per anatomy as plain three.js objects (one draw call per material)
 * and shown through <primitive>. Per-frame changes (the morph, the context fading in the tree
 * view) are written to uniforms and materials in useFrame, never through React state.
 */
export interface GlandModelProps {
  anatomy: GlandAnatomy;
  palette: GlandPalette;
  layers: LayerVisibility;
  uniforms: MorphUniforms;
  /** 0 = tissue as drawn, 1 = outer tissue (skin, fat, muscle, ribs) almost invisible. */
  xray: number;
  /** A sagittal cut: everything lateral to x (cm) is removed; null for no cut. */
  sectionX: number | null;
}

/** Tree branches are drawn thicker than true ducts so the tree reads as a tree. */
const TREE_BRANCH_SCALE = 2.2;

function standard(color: string, extra: Partial<ConstructorParameters<typeof MeshStandardMaterial>[0]> = {}): MeshStandardMaterial {
  return new MeshStandardMaterial({ color, roughness: 0.55, metalness: 0, ...extra });
}

function translucent(color: string, opacity: number, clipping: Plane[] = []): MeshPhysicalMaterial {
  return new MeshPhysicalMaterial({
    color,
    roughness: 0.6,
    transparent: true,
    opacity,
    depthWrite: false,
    side: DoubleSide,
    clippingPlanes: clipping,
    clipIntersection: true,
  });
}

/** A half-ellipsoid dome on the chest wall, bulging towards +z. */
function dome(radii: Vec3, center: Vec3, scale: number): SphereGeometry {
  const geometry = new SphereGeometry(1, 48, 24, 0, Math.PI * 2, 0, Math.PI / 2);
  geometry.rotateX(Math.PI / 2);
  geometry.scale(radii[0] * scale, radii[1] * scale, radii[2] * scale);
  geometry.translate(center[0], center[1], center[2]);
  return geometry;
}

interface BuiltGland {
  root: Group;
  /** Objects shown only in the anatomical layout, with their base opacity. */
  context: { object: Mesh; material: Material & { opacity: number }; baseOpacity: number; xray: number }[];
  byLayer: Record<keyof LayerVisibility, Mesh[]>;
  /** Every material, for the cross-section plane. */
  materials: Material[];
  /** The skin and fat materials keep their cut-away unless a cross-section replaces it. */
  cutAwayMaterials: Material[];
  cutAway: Plane[];
  dispose(): void;
}

function buildGland(anatomy: GlandAnatomy, palette: GlandPalette, uniforms: MorphUniforms): BuiltGland {
  const offset = treeOffset(anatomy);
  const root = new Group();
  root.name = 'gland';
  const disposables: { dispose(): void }[] = [];
  const track = <T extends { dispose(): void }>(item: T): T => {
    disposables.push(item);
    return item;
  };
  const byLayer: BuiltGland['byLayer'] = { skin: [], fat: [], ligaments: [], ducts: [], lobules: [], vessels: [], nerves: [], muscle: [] };
  const context: BuiltGland['context'] = [];
  const materials: Material[] = [];
  /** `xray` is how much the X-ray slider thins this tissue (0 = not at all). */
  const add = (mesh: Mesh, layer: keyof LayerVisibility | null, name: string, contextOpacity?: number, xray = 0): Mesh => {
    mesh.name = name;
    root.add(mesh);
    materials.push(mesh.material as Material);
    if (layer) byLayer[layer].push(mesh);
    if (contextOpacity !== undefined) context.push({ object: mesh, material: mesh.material as Material & { opacity: number }, baseOpacity: contextOpacity, xray });
    return mesh;
  };

  // Cut away the upper-lateral quarter of skin and fat so the gland inside can be seen.
  const { center, radii } = anatomy.envelope;
  const cutAway = [new Plane(new Vector3(-1, 0, 0), center[0]), new Plane(new Vector3(0, -1, 0), center[1])];

  // The ducts as one morphing tube geometry; the nipple, their trunk in the tree view, beside them.
  const ductTubes: TubeSpec[] = anatomy.ducts.map((duct) => ({
    id: duct.id,
    points: duct.points,
    radii: duct.radii.map((r) => Math.max(r, MIN_DUCT_RADIUS)),
    treePoints: duct.treePoints.map((p) => offsetPoint(p, offset)),
    treeRadiusScale: TREE_BRANCH_SCALE,
  }));
  const ducts = buildTubeGeometry(ductTubes, 8);
  add(new Mesh(track(ducts.geometry), track(morphMeshMaterial(standard(palette.duct, { roughness: 0.35 }), uniforms))), 'ducts', 'ducts');
  const nipple = buildNippleShape(anatomy, {
    radial: 32,
    tree: { tip: offsetPoint([0, 0, 0], offset), base: offsetPoint(anatomy.treeTrunkTop ?? [0, 3, 0], offset), radiusScale: 1.1 },
  });
  const nippleGeometry = track(surfaceGeometry(mergeSurfaceMeshes([nipple.shell, nipple.pores])));
  add(new Mesh(nippleGeometry, track(morphMeshMaterial(standard(palette.nipple, { roughness: 0.5, vertexColors: true }), uniforms))), null, 'nipple');

  // Lobules (translucent envelopes) and alveoli (the leaves), instanced.
  const lobuleCentres = new Float32Array(anatomy.lobules.length * 3);
  const lobuleTree = new Float32Array(anatomy.lobules.length * 3);
  const lobuleRadii = new Float32Array(anatomy.lobules.length);
  anatomy.lobules.forEach((lobule, i) => {
    lobuleCentres.set(lobule.center, i * 3);
    lobuleTree.set(offsetPoint(lobule.treeCenter, offset), i * 3);
    lobuleRadii[i] = lobule.radius;
  });
  const lobuleMaterial = track(morphInstanceMaterial(new MeshPhysicalMaterial({ color: palette.lobule, transparent: true, opacity: 0.22, depthWrite: false, roughness: 0.5 }), uniforms));
  add(buildInstancedSpheres(lobuleMaterial, lobuleCentres, lobuleTree, lobuleRadii, 1), 'lobules', 'lobules');
  const alveolusRadii = anatomy.alveoli.radii.map((r) => r * ALVEOLUS_SCALE);
  const alveoli = buildInstancedSpheres(
    track(morphInstanceMaterial(standard(palette.alveolus, { roughness: 0.45 }), uniforms)),
    anatomy.alveoli.positions,
    offsetArray(anatomy.alveoli.treePositions, offset),
    alveolusRadii,
    'octahedron',
  );
  add(alveoli, 'lobules', 'alveoli');

  // Context, shown in the anatomical layout only.
  const skin = add(new Mesh(track(dome(radii, center, 1)), track(translucent(palette.skin, 0.2, cutAway))), 'skin', 'skin', 0.2, 0.9);
  skin.renderOrder = 3;
  const fatShell = add(new Mesh(track(dome(radii, center, 0.95)), track(translucent(palette.fatEnvelope, 0.1, cutAway))), 'fat', 'fat-envelope', 0.1, 1);
  fatShell.renderOrder = 2;
  const fatMaterial = track(morphInstanceMaterial(new MeshStandardMaterial({ color: palette.fatLobule, transparent: true, opacity: 0.22, roughness: 0.7, depthWrite: false, clippingPlanes: cutAway, clipIntersection: true }), uniforms));
  add(buildInstancedSpheres(fatMaterial, anatomy.fat.positions, anatomy.fat.positions, anatomy.fat.radii, 0), 'fat', 'fat-lobules', 0.22, 0.9);

  const areolaGeometry = track(new CircleGeometry(anatomy.areola.radius, 64));
  const areola = add(new Mesh(areolaGeometry, track(new MeshStandardMaterial({ color: palette.areola, roughness: 0.7, transparent: true, opacity: 0.7, side: DoubleSide, depthWrite: false }))), 'skin', 'areola', 0.7, 0.8);
  areola.position.set(...anatomy.areola.center);
  areola.lookAt(new Vector3(...anatomy.areola.center).add(new Vector3(...anatomy.areola.normal)));
  areola.position.addScaledVector(new Vector3(...anatomy.areola.normal), AREOLA_LIFT);

  const glands = anatomy.areola.montgomeryGlands;
  const glandCentres = new Float32Array(glands.length * 3);
  glands.forEach((g, i) => glandCentres.set(g.position, i * 3));
  const glandMaterial = track(morphInstanceMaterial(standard(palette.areola, { transparent: true, opacity: 1 }), uniforms));
  add(buildInstancedSpheres(glandMaterial, glandCentres, glandCentres, new Float32Array(glands.length).fill(MONTGOMERY_RADIUS), 1), 'skin', 'montgomery-glands', 1);

  const cords = (items: GlandAnatomy['arteries'], color: string, layer: keyof LayerVisibility, name: string, opacity = 1, xray = 0) => {
    if (items.length === 0) return;
    const built = buildTubeGeometry(items.map((c) => ({ id: c.id, points: c.points, radii: c.points.map(() => c.radius) })), 6);
    add(new Mesh(track(built.geometry), track(standard(color, { transparent: true, opacity, roughness: 0.45 }))), layer, name, opacity, xray);
  };
  cords(anatomy.ligaments, palette.ligament, 'ligaments', 'cooper-ligaments', 0.7, 0.6);
  cords(anatomy.arteries, palette.artery, 'vessels', 'arteries');
  cords(anatomy.veins, palette.vein, 'vessels', 'veins');
  cords(anatomy.nerves, palette.nerve, 'nerves', 'nerves');

  add(
    new Mesh(track(surfaceGeometry(buildPectoralisShape(anatomy))), track(standard(palette.muscle, { roughness: 0.9, transparent: true, opacity: 1, vertexColors: true }))),
    'muscle',
    'pectoralis-major',
    1,
    0.85,
  );
  if (anatomy.ribs.length > 0) {
    const ribs = buildTubeGeometry(anatomy.ribs.map((rib) => ({ id: rib.id, points: rib.points, radii: rib.points.map(() => rib.radius) })), 10);
    add(new Mesh(track(ribs.geometry), track(standard(palette.bone, { roughness: 0.6, transparent: true, opacity: 1 }))), 'muscle', 'ribs', 1, 0.85);
  }

  return {
    root,
    context,
    byLayer,
    materials,
    cutAwayMaterials: [skin.material as Material, fatShell.material as Material, fatMaterial],
    cutAway,
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}

const sectionPlane = new Plane(new Vector3(-1, 0, 0), 0);

/** Which palette colour each named mesh takes, so a theme change recolours without rebuilding. */
const MESH_COLOURS: Readonly<Record<string, keyof GlandPalette>> = {
  ducts: 'duct',
  nipple: 'nipple',
  lobules: 'lobule',
  alveoli: 'alveolus',
  skin: 'skin',
  'fat-envelope': 'fatEnvelope',
  'fat-lobules': 'fatLobule',
  areola: 'areola',
  'montgomery-glands': 'areola',
  'cooper-ligaments': 'ligament',
  arteries: 'artery',
  veins: 'vein',
  nerves: 'nerve',
  'pectoralis-major': 'muscle',
  ribs: 'bone',
};

export function GlandModel({ anatomy, palette, layers, uniforms, xray, sectionX }: GlandModelProps) {
  const invalidate = useThree((s) => s.invalidate);
  const gl = useThree((s) => s.gl);
  // Built once per anatomy (in the standard colours); a theme change only recolours the materials.
  const built = useMemo(() => buildGland(anatomy, GLAND_PALETTES.standard, uniforms), [anatomy, uniforms]);

  useEffect(() => () => built.dispose(), [built]);
  useEffect(() => {
    for (const child of built.root.children) {
      const key = MESH_COLOURS[child.name];
      const material = (child as Mesh).material as MeshStandardMaterial | undefined;
      if (key && material?.color) material.color.set(palette[key]);
    }
    invalidate();
  }, [built, palette, invalidate]);
  useEffect(() => {
    gl.localClippingEnabled = true;
  }, [gl]);

  useEffect(() => {
    for (const [layer, meshes] of Object.entries(built.byLayer)) {
      for (const mesh of meshes) {
        mesh.userData['layerVisible'] = layers[layer as keyof LayerVisibility];
        mesh.visible = layers[layer as keyof LayerVisibility];
      }
    }
    invalidate();
  }, [built, layers, invalidate]);

  // The cross-section removes everything lateral to the cut; it replaces the skin's cut-away.
  useEffect(() => {
    sectionPlane.constant = sectionX ?? 0;
    for (const material of built.materials) {
      const keepsCutAway = built.cutAwayMaterials.includes(material);
      material.clippingPlanes = sectionX !== null ? [sectionPlane] : keepsCutAway ? built.cutAway : [];
      material.clipIntersection = sectionX === null && keepsCutAway;
      material.needsUpdate = true;
    }
    invalidate();
  }, [built, sectionX, invalidate]);

  useEffect(() => invalidate(), [xray, invalidate]);

  // Context tissue fades out as the gland becomes a tree (hidden in the tree view) and thins
  // under the X-ray slider.
  useFrame(() => {
    const fade = 1 - Math.min(1, uniforms.uMorph.value * 1.6);
    for (const item of built.context) {
      item.material.opacity = item.baseOpacity * fade * (1 - xray * item.xray);
      item.object.visible = item.object.userData['layerVisible'] !== false && item.material.opacity > 0.01;
    }
  });

  return <primitive object={built.root} />;
}
