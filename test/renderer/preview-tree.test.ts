import { describe, expect, it } from 'vitest';
import { buildPreviewTree, PREVIEW_TREE_PARAMETERS, type Segment, type Vec3 } from '../../src/renderer/scene/preview-tree';

const same = (a: Vec3, b: Vec3) => a.every((v, i) => Math.abs(v - (b[i] ?? NaN)) < 1e-9);

describe('buildPreviewTree', () => {
  const tree = buildPreviewTree();

  it('is the same tree every time (seeded)', () => {
    expect(buildPreviewTree()).toEqual(tree);
    expect(buildPreviewTree({ ...PREVIEW_TREE_PARAMETERS, seed: 7 })).not.toEqual(tree);
  });

  it('grows about nine main branches from the top of the trunk', () => {
    const main = tree.branches.filter((b) => b.depth === 1);
    expect(main).toHaveLength(9);
    for (const branch of main) expect(same(branch.start, tree.trunk.end)).toBe(true);
  });

  it('connects every branch to a parent that is at least as wide (no sinus-like bulges)', () => {
    const all: Segment[] = [tree.trunk, ...tree.branches];
    for (const branch of tree.branches) {
      const parent = all.find((p) => p.depth === branch.depth - 1 && same(p.end, branch.start));
      expect(parent).toBeDefined();
      expect(branch.radius).toBeLessThanOrEqual(parent!.radius);
    }
  });

  it('ends every terminal branch in a cluster of leaves', () => {
    const tips = tree.branches.filter((b) => !tree.branches.some((c) => same(c.start, b.end)));
    expect(tips).toHaveLength(9 * 4);
    expect(tree.leaves).toHaveLength(tips.length * PREVIEW_TREE_PARAMETERS.leavesPerCluster);
    for (const tip of tips) {
      const near = tree.leaves.filter((leaf) => Math.hypot(...leaf.position.map((v, i) => v - tip.end[i]!)) < 0.4);
      expect(near.length).toBeGreaterThanOrEqual(PREVIEW_TREE_PARAMETERS.leavesPerCluster);
    }
  });

  it('keeps the trunk at the bottom: every branch grows upwards', () => {
    for (const branch of tree.branches) expect(branch.end[1]).toBeGreaterThan(branch.start[1]);
  });
});
