import { BufferAttribute, BufferGeometry, IcosahedronGeometry, type Matrix4 } from 'three';
import type { Vec3 } from '../../../shared/anatomy/gland-anatomy';
import type { Random } from '../../../shared/random';
import {
  APICAL_BULGE,
  APICAL_RADIUS,
  BASAL_RADIUS,
  CELL_HEIGHT,
  CELL_MID_RADIUS,
  CELL_TILE_FILL,
  cellRings,
  phiTangent,
  sphereDirection,
  thetaTangent,
  type CellRing,
} from './alveolus-layout';
import { flatFaceBuilder, frameMatrix, mergePositionNormal, packMatrices } from './detail-geometry';
import { addScaled, scale, type MutableVec3 } from './detail-math';

/**
 * The lactocytes: one layer of wedge-shaped cells tiling the kept half of the alveolus's shell,
 * in rings around the opening. Whole cells are one instanced wedge; the cells the section plane
 * passes through are built as half cells whose cut faces lie in the plane (flagged by the
 * geometry's `mark` attribute so they can be tinted like a stained section). Each cell has a
 * nucleus (instanced spheres; the sectioned ones are thin lenses lying in the cut face).
 */
export interface LactocyteCell {
  kind: 'whole' | 'section';
  ring: number;
  /** Unit direction from the alveolus centre through the cell's middle. */
  direction: Vec3;
  /** The cell's centre (for a half cell, the centre of the half that is drawn). */
  centre: Vec3;
  nucleus: Vec3;
}

export interface LactocyteLayer {
  cells: LactocyteCell[];
  /** The unit wedge instanced for every whole cell. */
  wedge: BufferGeometry;
  /** 16 floats per whole cell, in `cells` order of the whole cells. */
  wedgeMatrices: Float32Array;
  /** A shade (≈0.9–1.06) per whole cell, so neighbouring cells are told apart. */
  wedgeShades: Float32Array;
  /** The half cells at the cut; `mark` = 1 on their cut faces. */
  sectionCells: BufferGeometry;
  nucleus: BufferGeometry;
  /** 16 floats per nucleus (whole cells first, then half cells, as in `cells`). */
  nucleusMatrices: Float32Array;
}

/** Nuclei sit in the basal half of secreting cells, ~6–7 µm across, slightly oval [U]. */
const NUCLEUS_DEPTH = APICAL_RADIUS + 0.58 * CELL_HEIGHT;
const NUCLEUS_SIZE: Vec3 = [0.17, 0.15, 0.21];
/** A sectioned nucleus is drawn as a thin lens in the cut face (it shows as a dark disc). */
const SECTION_NUCLEUS_THICKNESS = 0.035;
const DOME_STEPS = 4;

function taper(z: number): number {
  return (CELL_MID_RADIUS + z) / CELL_MID_RADIUS;
}

/** The apical dome of the unit wedge, bulging towards -z (the lumen). */
function apicalDome(): BufferGeometry {
  const half = CELL_HEIGHT / 2;
  const f = taper(-half);
  const positions: number[] = [];
  for (let i = 0; i <= DOME_STEPS; i += 1) {
    for (let j = 0; j <= DOME_STEPS; j += 1) {
      const u = -0.5 + i / DOME_STEPS;
      const v = -0.5 + j / DOME_STEPS;
      positions.push(u * f, v * f, -half - APICAL_BULGE * (1 - 4 * u * u) * (1 - 4 * v * v));
    }
  }
  const indices: number[] = [];
  const row = DOME_STEPS + 1;
  for (let i = 0; i < DOME_STEPS; i += 1) {
    for (let j = 0; j < DOME_STEPS; j += 1) {
      const a = i * row + j;
      // Wound to face -z (outwards from the cell, into the lumen).
      indices.push(a, a + row, a + 1, a + 1, a + row, a + row + 1);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.setIndex(indices);
  geometry.computeVertexNormals();
  return geometry;
}

/**
 * A unit wedge tile: local x along θ, y along φ, z outwards; unit width at the mid radius, its
 * sides converging on the alveolus centre, flat basal face, domed apical face.
 */
export function unitWedge(): BufferGeometry {
  const half = CELL_HEIGHT / 2;
  const corner = (u: number, v: number, z: number): Vec3 => [u * taper(z), v * taper(z), z];
  const faces = flatFaceBuilder();
  const inside: Vec3 = [0, 0, 0];
  const signs: [number, number][] = [[-0.5, -0.5], [0.5, -0.5], [0.5, 0.5], [-0.5, 0.5]];
  faces.add(signs.map(([u, v]) => corner(u, v, half)), inside);
  signs.forEach(([u, v], k) => {
    const [nu, nv] = signs[(k + 1) % 4]!;
    faces.add([corner(u, v, -half), corner(nu, nv, -half), corner(nu, nv, half), corner(u, v, half)], inside);
  });
  const flat = faces.build();
  const dome = apicalDome();
  const wedge = mergePositionNormal([flat, dome]);
  flat.dispose();
  dome.dispose();
  return wedge;
}

/** A tile of the shell, in spherical coordinates. */
interface Tile {
  theta: [number, number];
  phi: [number, number];
}

/** The polygon of a tile's side at azimuth φ, from basal to apical (apical edge domed into the lumen). */
function tileProfile(tile: Tile, phi: number): Vec3[] {
  const [t0, t1] = tile.theta;
  const points: Vec3[] = [scale(sphereDirection(t0, phi), BASAL_RADIUS), scale(sphereDirection(t1, phi), BASAL_RADIUS)];
  for (let s = 0; s <= DOME_STEPS; s += 1) {
    const k = s / DOME_STEPS;
    const theta = t1 + (t0 - t1) * k;
    points.push(scale(sphereDirection(theta, phi), APICAL_RADIUS - APICAL_BULGE * (1 - (2 * k - 1) ** 2)));
  }
  return points;
}

/** A half cell between φ = `cut` (in the section plane) and the far side; cut face marked 1. */
function addSectionCell(faces: ReturnType<typeof flatFaceBuilder>, tile: Tile, cut: number): Vec3 {
  const far = tile.phi[0] === cut ? tile.phi[1] : tile.phi[0];
  const near = tileProfile(tile, cut).map((p): Vec3 => [p[0], p[1], 0]);
  const back = tileProfile(tile, far);
  const all = [...near, ...back];
  const centre = all.reduce<MutableVec3>((sum, p) => addScaled(sum, p, 1 / all.length), [0, 0, 0]);
  faces.add(near, centre, 1);
  faces.add(back, centre);
  near.forEach((p, i) => {
    const j = (i + 1) % near.length;
    faces.add([p, near[j]!, back[j]!, back[i]!], centre);
  });
  return centre;
}

function wholeCellMatrix(ring: CellRing, phi: number, dPhi: number): Matrix4 {
  const n = sphereDirection(ring.theta, phi);
  const widthTheta = 2 * CELL_MID_RADIUS * Math.tan(ring.dTheta / 2) * CELL_TILE_FILL;
  const widthPhi = 2 * CELL_MID_RADIUS * Math.sin(ring.theta) * Math.tan(dPhi / 2) * CELL_TILE_FILL;
  // (e_θ, e_φ, n) is right-handed, so instanced faces keep their winding.
  return frameMatrix(scale(n, CELL_MID_RADIUS), thetaTangent(ring.theta, phi), phiTangent(phi), n, [widthTheta, widthPhi, 1]);
}

function nucleusMatrix(theta: number, phi: number, section: boolean, random: Random): { matrix: Matrix4; centre: Vec3 } {
  const n = sphereDirection(theta, phi);
  const eTheta = thetaTangent(theta, phi);
  const ePhi = phiTangent(phi);
  const jitter = section ? 0 : 0.06;
  let centre = scale(n, NUCLEUS_DEPTH + random.range(-jitter, jitter));
  centre = addScaled(addScaled(centre, eTheta, random.range(-jitter, jitter)), ePhi, random.range(-jitter, jitter));
  if (section) centre[2] = 0;
  const size: Vec3 = section ? [NUCLEUS_SIZE[0], SECTION_NUCLEUS_THICKNESS, NUCLEUS_SIZE[2]] : NUCLEUS_SIZE;
  return { matrix: frameMatrix(centre, eTheta, ePhi, n, size), centre };
}

export function buildLactocyteLayer(random: Random): LactocyteLayer {
  const whole: LactocyteCell[] = [];
  const sections: LactocyteCell[] = [];
  const wedgeMatrices: Matrix4[] = [];
  const shades: number[] = [];
  const wholeNuclei: Matrix4[] = [];
  const sectionNuclei: Matrix4[] = [];
  const faces = flatFaceBuilder();
  for (const ring of cellRings()) {
    const dPhi = (2 * Math.PI) / ring.around;
    const theta: [number, number] = [ring.theta - (ring.dTheta * CELL_TILE_FILL) / 2, ring.theta + (ring.dTheta * CELL_TILE_FILL) / 2];
    const halfWidth = (dPhi * CELL_TILE_FILL) / 2;
    for (let j = 0; j <= ring.around / 2; j += 1) {
      const phi = Math.PI + j * dPhi;
      const direction = sphereDirection(ring.theta, phi);
      const section = j === 0 || j === ring.around / 2;
      const nucleus = nucleusMatrix(ring.theta, phi, section, random);
      if (section) {
        const tile: Tile = { theta, phi: j === 0 ? [phi, phi + halfWidth] : [phi - halfWidth, phi] };
        const centre = addSectionCell(faces, tile, phi);
        sections.push({ kind: 'section', ring: ring.index, direction, centre, nucleus: nucleus.centre });
        sectionNuclei.push(nucleus.matrix);
      } else {
        wedgeMatrices.push(wholeCellMatrix(ring, phi, dPhi));
        shades.push(random.range(0.9, 1.06));
        whole.push({ kind: 'whole', ring: ring.index, direction, centre: scale(direction, CELL_MID_RADIUS), nucleus: nucleus.centre });
        wholeNuclei.push(nucleus.matrix);
      }
    }
  }
  return {
    cells: [...whole, ...sections],
    wedge: unitWedge(),
    wedgeMatrices: packMatrices(wedgeMatrices),
    wedgeShades: new Float32Array(shades),
    sectionCells: faces.build(),
    nucleus: new IcosahedronGeometry(1, 2),
    nucleusMatrices: packMatrices([...wholeNuclei, ...sectionNuclei]),
  };
}
