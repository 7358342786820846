import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';

/**
 * Where the camera should look to show a structure, and from how far: the centre and extent of
 * its points (a duct includes its whole subtree) in the layout that is showing.
 */
export interface Focus {
  centre: Vec3;
  distance: number;
}

function collect(anatomy: GlandAnatomy, id: string, tree: boolean, offset: Vec3, out: Vec3[]): void {
  const shift = (p: Vec3): Vec3 => (tree ? [p[0] + offset[0], p[1] + offset[1], p[2] + offset[2]] : p);
  const node = anatomy.structures.get(id);
  if (!node) return;
  switch (node.kind) {
    case 'duct': {
      const duct = anatomy.ducts.find((d) => d.id === id);
      if (duct) for (const p of tree ? duct.treePoints : duct.points) out.push(shift(p));
      break;
    }
    case 'lobule': {
      const lobule = anatomy.lobules.find((l) => l.id === id);
      if (lobule) {
        const c = tree ? shift(lobule.treeCenter) : lobule.center;
        out.push([c[0] - lobule.radius, c[1] - lobule.radius, c[2] - lobule.radius], [c[0] + lobule.radius, c[1] + lobule.radius, c[2] + lobule.radius]);
      }
      break;
    }
    case 'nipple':
      out.push(tree ? shift([0, 0, 0]) : anatomy.nipple.tip, tree ? shift(anatomy.treeTrunkTop ?? [0, 3, 0]) : anatomy.nipple.base);
      break;
    case 'nipple-opening': {
      const opening = anatomy.nipple.openings.find((o) => o.id === id);
      if (opening) out.push(opening.position, anatomy.nipple.base);
      break;
    }
    case 'areola':
      out.push(anatomy.areola.center, anatomy.nipple.tip);
      break;
    case 'montgomery-gland': {
      const gland = anatomy.areola.montgomeryGlands.find((g) => g.id === id);
      if (gland) out.push(gland.position, anatomy.areola.center);
      break;
    }
    case 'rib': {
      const rib = anatomy.ribs.find((r) => r.id === id);
      if (rib) out.push(...rib.points);
      break;
    }
    case 'artery':
    case 'vein':
    case 'nerve':
    case 'cooper-ligament': {
      const cord = [...anatomy.arteries, ...anatomy.veins, ...anatomy.nerves, ...anatomy.ligaments].find((c) => c.id === id);
      if (cord) out.push(...cord.points);
      break;
    }
    case 'pectoralis-major': {
      const m = anatomy.pectoralis;
      out.push([m.center[0] - m.width / 2, m.center[1] - m.height / 2, m.center[2]], [m.center[0] + m.width / 2, m.center[1] + m.height / 2, m.center[2]]);
      break;
    }
    default:
      break;
  }
  for (const child of node.childIds) collect(anatomy, child, tree, offset, out);
}

/** The centre and radius of the box around some structures (each with its subtree), in one layout. */
export function structureBounds(anatomy: GlandAnatomy, ids: readonly string[], tree: boolean, offset: Vec3): { centre: Vec3; radius: number } | null {
  const points: Vec3[] = [];
  for (const id of ids) collect(anatomy, id, tree, offset, points);
  if (points.length === 0) return null;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const p of points) {
    for (let k = 0; k < 3; k += 1) {
      min[k] = Math.min(min[k]!, p[k]!);
      max[k] = Math.max(max[k]!, p[k]!);
    }
  }
  return { centre: [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2], radius: Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2 };
}

export function structureFocus(anatomy: GlandAnatomy, id: string, tree: boolean, offset: Vec3, fieldOfViewDegrees: number): Focus | null {
  const bounds = structureBounds(anatomy, [id], tree, offset);
  if (!bounds) return null;
  // Never closer than a few centimetres: the learner should still see where the structure sits.
  const radius = Math.max(2.5, bounds.radius);
  const distance = radius / Math.tan(((fieldOfViewDegrees / 2) * Math.PI) / 180) * 1.3;
  return { centre: bounds.centre, distance };
}
