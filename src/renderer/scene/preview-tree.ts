import { createRandom } from '../../shared/random';

/**
 * The schematic tree shown until the anatomical gland model exists: a trunk (the nipple), nine
 * main branches (about nine main ducts is what ultrasound finds; Ramsay et al. 2005), each forking
 * twice, and a cluster of leaves (alveoli) at every tip. Branches never get wider than their
 * parent. Units are scene units (1 ≈ 1 cm); no three.js here so it can be tested in Node.
 */
export type Vec3 = readonly [number, number, number];

export interface Segment {
  start: Vec3;
  end: Vec3;
  radius: number;
  depth: number;
}

export interface Leaf {
  position: Vec3;
  radius: number;
}

export interface PreviewTree {
  trunk: Segment;
  branches: Segment[];
  leaves: Leaf[];
}

export interface PreviewTreeParameters {
  seed: number;
  mainBranches: number;
  forkLevels: number;
  trunkHeight: number;
  trunkRadius: number;
  branchLength: number;
  lengthDecay: number;
  radiusDecay: number;
  leavesPerCluster: number;
}

export const PREVIEW_TREE_PARAMETERS: Readonly<PreviewTreeParameters> = {
  seed: 20261125,
  mainBranches: 9,
  forkLevels: 2,
  trunkHeight: 0.9,
  trunkRadius: 0.2,
  branchLength: 1.35,
  lengthDecay: 0.68,
  radiusDecay: 0.66,
  leavesPerCluster: 14,
};

const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];

/** A unit direction from a tilt away from straight up and a heading around the trunk. */
function direction(tilt: number, heading: number): Vec3 {
  return [Math.sin(tilt) * Math.cos(heading), Math.cos(tilt), Math.sin(tilt) * Math.sin(heading)];
}

export function buildPreviewTree(parameters: Readonly<PreviewTreeParameters> = PREVIEW_TREE_PARAMETERS): PreviewTree {
  const random = createRandom(parameters.seed);
  const trunk: Segment = { start: [0, 0, 0], end: [0, parameters.trunkHeight, 0], radius: parameters.trunkRadius, depth: 0 };
  const branches: Segment[] = [];
  const leaves: Leaf[] = [];

  const grow = (from: Vec3, tilt: number, heading: number, length: number, radius: number, depth: number): void => {
    const end = add(from, scale(direction(tilt, heading), length));
    branches.push({ start: from, end, radius, depth });
    if (depth <= parameters.forkLevels) {
      for (const side of [-1, 1]) {
        grow(
          end,
          Math.min(1.35, tilt + random.range(0.05, 0.3)),
          heading + side * random.range(0.25, 0.5),
          length * parameters.lengthDecay * random.range(0.9, 1.1),
          radius * parameters.radiusDecay,
          depth + 1,
        );
      }
      return;
    }
    for (let i = 0; i < parameters.leavesPerCluster; i += 1) {
      const offset: Vec3 = [random.range(-1, 1), random.range(-0.6, 1), random.range(-1, 1)];
      leaves.push({ position: add(end, scale(offset, 0.17)), radius: random.range(0.045, 0.07) });
    }
  };

  for (let i = 0; i < parameters.mainBranches; i += 1) {
    const heading = (i / parameters.mainBranches) * Math.PI * 2 + random.range(-0.15, 0.15);
    const tilt = random.range(0.35, 0.8);
    grow(trunk.end, tilt, heading, parameters.branchLength * random.range(0.85, 1.1), parameters.trunkRadius * 0.5, 1);
  }
  return { trunk, branches, leaves };
}
