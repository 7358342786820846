import { BufferAttribute, CircleGeometry, IcosahedronGeometry, InstancedBufferAttribute, InstancedMesh, Mesh, SphereGeometry, Vector3, type BufferGeometry, type Material } from 'three';
import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { AREOLA_LIFT } from '../../scene/gland/drawing-scale';
import { buildNippleShape } from '../../scene/gland/nipple-shape';
import { surfaceGeometry } from '../../scene/gland/surface-mesh';
import { buildTubeGeometry, smoothPolyline } from '../../scene/gland/tube-geometry';
import { alveolusThresholds, ductReaches } from './gland-layout';

/**
 * The geometry of one breast of the body map, in the gland's own frame (cm), built once and shared
 * by both breasts (the right one is the left one mirrored by its placement). Ducts and alveoli are
 * drawn thicker than life, like the atlas's own gland (drawing-scale.ts), because at body-map size a
 * 2 mm duct would be under a pixel.
 */
/** Ducts are drawn this many times their true radius, and never thinner than DUCT_MIN_RADIUS (cm). */
export const DUCT_DRAW_SCALE = 2.6;
export const DUCT_MIN_RADIUS = 0.06;
/** Alveoli are drawn this many times their true radius. */
export const ALVEOLUS_DRAW_SCALE = 2.5;

export interface BreastGeometry {
  ducts: BufferGeometry;
  alveoli: BufferGeometry;
  alveolusCount: number;
  skin: BufferGeometry;
  areola: BufferGeometry;
  areolaPlacement: { position: Vec3; normal: Vec3 };
  nipple: BufferGeometry;
  /** Where each opening is drawn on the nipple (gland frame), by opening id. */
  pores: Map<string, Vec3>;
  dispose(): void;
}

/** The duct tubes, with per-vertex `aRadius` (for widening) and `aReach` (for growth along the tree). */
function ductGeometry(anatomy: GlandAnatomy): BufferGeometry {
  const radial = 7;
  const tubes = anatomy.ducts.map((duct) => ({ id: duct.id, points: duct.points, radii: duct.radii.map((r) => Math.max(r * DUCT_DRAW_SCALE, DUCT_MIN_RADIUS)) }));
  const { geometry } = buildTubeGeometry(tubes, radial);
  // The tree layout is the atlas's morph; the body map does not morph.
  geometry.deleteAttribute('treePosition');
  geometry.deleteAttribute('treeNormal');
  const reaches = ductReaches(anatomy);
  const count = geometry.getAttribute('position').count;
  const radius = new Float32Array(count);
  const reach = new Float32Array(count);
  // Vertices are written tube after tube, one ring of `radial` per smoothed centre (tube-geometry.ts).
  let vertex = 0;
  tubes.forEach((tube) => {
    const { centres, radii } = smoothPolyline(tube.points, tube.radii);
    const { start, end } = reaches.get(tube.id) ?? { start: 0, end: 1 };
    const along = [0];
    for (let i = 1; i < centres.length; i += 1) along.push(along[i - 1]! + Math.hypot(centres[i]![0] - centres[i - 1]![0], centres[i]![1] - centres[i - 1]![1], centres[i]![2] - centres[i - 1]![2]));
    const total = along.at(-1)! || 1;
    centres.forEach((_, i) => {
      for (let j = 0; j < radial; j += 1) {
        radius[vertex] = radii[i]!;
        reach[vertex] = start + ((end - start) * along[i]!) / total;
        vertex += 1;
      }
    });
  });
  geometry.setAttribute('aRadius', new BufferAttribute(radius, 1));
  geometry.setAttribute('aReach', new BufferAttribute(reach, 1));
  return geometry;
}

function alveolusGeometry(anatomy: GlandAnatomy): BufferGeometry {
  const geometry = new IcosahedronGeometry(1, 0);
  const radii = anatomy.alveoli.radii.map((r) => r * ALVEOLUS_DRAW_SCALE);
  geometry.setAttribute('aCenter', new InstancedBufferAttribute(anatomy.alveoli.positions, 3));
  geometry.setAttribute('aRadius', new InstancedBufferAttribute(radii, 1));
  geometry.setAttribute('aThreshold', new InstancedBufferAttribute(alveolusThresholds(anatomy, ductReaches(anatomy)), 1));
  return geometry;
}

/** The breast's skin: a half-ellipsoid dome on the chest wall, bulging towards +z. */
function domeGeometry(anatomy: GlandAnatomy): SphereGeometry {
  const { radii, center } = anatomy.envelope;
  const geometry = new SphereGeometry(1, 40, 20, 0, Math.PI * 2, 0, Math.PI / 2);
  geometry.rotateX(Math.PI / 2);
  geometry.scale(radii[0], radii[1], radii[2]);
  geometry.translate(center[0], center[1], center[2]);
  return geometry;
}

export function buildBreastGeometry(anatomy: GlandAnatomy): BreastGeometry {
  const nipple = buildNippleShape(anatomy, { radial: 24, tree: null });
  const nippleGeometry = surfaceGeometry(nipple.shell);
  const ducts = ductGeometry(anatomy);
  const alveoli = alveolusGeometry(anatomy);
  const skin = domeGeometry(anatomy);
  const areola = new CircleGeometry(anatomy.areola.radius, 40);
  const lifted = new Vector3(...anatomy.areola.center).addScaledVector(new Vector3(...anatomy.areola.normal), AREOLA_LIFT);
  return {
    ducts,
    alveoli,
    alveolusCount: anatomy.alveoli.count,
    skin,
    areola,
    areolaPlacement: { position: [lifted.x, lifted.y, lifted.z], normal: anatomy.areola.normal },
    nipple: nippleGeometry,
    pores: new Map(nipple.openings.map((o) => [o.id, o.position])),
    dispose: () => [nippleGeometry, ducts, alveoli, skin, areola].forEach((g) => g.dispose()),
  };
}

/** The alveoli of one breast: instance matrices stay identity (the shader places them), so culling is off. */
export function alveolusMesh(geometry: BufferGeometry, material: Material, count: number): InstancedMesh {
  const mesh = new InstancedMesh(geometry, material, count);
  mesh.frustumCulled = false;
  return mesh;
}

export function ductMesh(geometry: BufferGeometry, material: Material): Mesh {
  const mesh = new Mesh(geometry, material);
  // Widening moves vertices in the shader, past the geometry's bounds.
  mesh.frustumCulled = false;
  return mesh;
}
