import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Group, Mesh, MeshStandardMaterial, type BufferGeometry } from 'three';
import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { MIN_DUCT_RADIUS } from './drawing-scale';
import { buildInstancedSpheres } from './instanced-spheres';
import { buildNippleShape } from './nipple-shape';
import { surfaceGeometry } from './surface-mesh';
import { morphInstanceMaterial, morphMeshMaterial, type MorphUniforms } from './morph-material';
import { offsetPoint, treeOffset } from './tree-frame';
import { buildTubeGeometry, type TubeSpec } from './tube-geometry';

/**
 * A glowing sleeve over the selected (or hovered) structure (a duct with its whole subtree, a lobule, the
 * nipple, a vessel…), built when the selection changes and disposed when it moves on. It follows
 * the morph like the gland itself.
 */
/** How far (cm) the nipple's sleeve stands off its skin. */
const NIPPLE_SLEEVE_GAP = 0.08;

function subtreeDucts(anatomy: GlandAnatomy, id: string): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    const node = anatomy.structures.get(current);
    if (!node) return;
    if (node.kind === 'duct') out.push(current);
    for (const child of node.childIds) walk(child);
  };
  walk(id);
  return out;
}

/** The nipple's own closed shape, puffed out a little along its normals in both layouts. */
function nippleSleeve(anatomy: GlandAnatomy, offset: Vec3): BufferGeometry {
  const shape = buildNippleShape(anatomy, { radial: 24, tree: { tip: offsetPoint([0, 0, 0], offset), base: offsetPoint(anatomy.treeTrunkTop ?? [0, 3, 0], offset), radiusScale: 1.1 } });
  const mesh = shape.shell;
  const puff = (positions: Float32Array, normals: Float32Array): void => {
    for (let i = 0; i < positions.length; i += 1) positions[i]! += normals[i]! * NIPPLE_SLEEVE_GAP;
  };
  puff(mesh.positions, mesh.normals);
  if (mesh.tree) puff(mesh.tree.positions, mesh.tree.normals);
  return surfaceGeometry(mesh);
}

export function buildHighlight(anatomy: GlandAnatomy, id: string, uniforms: MorphUniforms, color: string, opacity: number): Group | null {
  const node = anatomy.structures.get(id);
  if (!node || node.kind === 'breast') return null;
  const offset = treeOffset(anatomy);
  const material = () =>
    // Drawn over everything (no depth test) so a selected duct shows through skin and fat.
    new MeshStandardMaterial({ color, emissive: color, emissiveIntensity: 0.7, transparent: true, opacity, depthWrite: false, depthTest: false, roughness: 0.4 });
  const group = new Group();
  const tubes: TubeSpec[] = [];
  for (const ductId of subtreeDucts(anatomy, id)) {
    const duct = anatomy.ducts.find((d) => d.id === ductId);
    if (duct) {
      tubes.push({
        id: duct.id,
        points: duct.points,
        radii: duct.radii.map((r) => Math.max(r, MIN_DUCT_RADIUS) * 1.9 + 0.02),
        treePoints: duct.treePoints.map((p) => offsetPoint(p, offset)),
        treeRadiusScale: 2.2,
      });
    }
  }
  if (node.kind === 'nipple') group.add(new Mesh(nippleSleeve(anatomy, offset), morphMeshMaterial(material(), uniforms)));
  const cord = [...anatomy.arteries, ...anatomy.veins, ...anatomy.nerves, ...anatomy.ligaments, ...anatomy.ribs].find((c) => c.id === id);
  if (cord) tubes.push({ id, points: cord.points, radii: cord.points.map(() => cord.radius * 2 + 0.05) });
  if (tubes.length > 0) {
    const built = buildTubeGeometry(tubes, 10);
    group.add(new Mesh(built.geometry, morphMeshMaterial(material(), uniforms)));
  }

  const spheres: { centre: Vec3; tree: Vec3; radius: number }[] = [];
  const lobules = node.kind === 'lobule' ? anatomy.lobules.filter((l) => l.id === id) : [];
  for (const lobule of lobules) spheres.push({ centre: lobule.center, tree: offsetPoint(lobule.treeCenter, offset), radius: lobule.radius * 1.15 });
  const points = [
    ...anatomy.nipple.openings.filter((o) => o.id === id).map((o) => o.position),
    ...anatomy.areola.montgomeryGlands.filter((g) => g.id === id).map((g) => g.position),
  ];
  for (const p of points) spheres.push({ centre: p, tree: p, radius: 0.2 });
  if (node.kind === 'areola') spheres.push({ centre: anatomy.areola.center, tree: anatomy.areola.center, radius: anatomy.areola.radius });
  if (spheres.length > 0) {
    const centres = new Float32Array(spheres.flatMap((s) => [...s.centre]));
    const trees = new Float32Array(spheres.flatMap((s) => [...s.tree]));
    const radii = new Float32Array(spheres.map((s) => s.radius));
    group.add(buildInstancedSpheres(morphInstanceMaterial(material(), uniforms), centres, trees, radii, 2));
  }
  group.renderOrder = 10;
  for (const child of group.children) child.renderOrder = 10;
  return group.children.length > 0 ? group : null;
}

/** `opacity` below the default makes the lighter sleeve used for hovering. */
export function SelectionHighlight({ anatomy, uniforms, selectedId, color, opacity = 0.65 }: { anatomy: GlandAnatomy; uniforms: MorphUniforms; selectedId: string | null; color: string; opacity?: number }) {
  const invalidate = useThree((s) => s.invalidate);
  const highlight = useMemo(() => (selectedId ? buildHighlight(anatomy, selectedId, uniforms, color, opacity) : null), [anatomy, selectedId, uniforms, color, opacity]);
  useEffect(() => {
    invalidate();
    return () => {
      highlight?.traverse((object) => {
        if (object instanceof Mesh) {
          object.geometry.dispose();
          (object.material as MeshStandardMaterial).dispose();
        }
      });
    };
  }, [highlight, invalidate]);
  return highlight ? <primitive object={highlight} /> : null;
}
