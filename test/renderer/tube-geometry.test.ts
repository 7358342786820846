import { describe, expect, it } from 'vitest';
import { buildTubeGeometry, smoothPolyline } from '../../src/renderer/scene/gland/tube-geometry';

describe('buildTubeGeometry', () => {
  const tubes = [
    { id: 'duct-1', points: [[0, 0, 0], [0, 0, 2], [0, 1, 3]] as const, radii: [0.1, 0.1, 0.08], treePoints: [[0, 0, 0], [0, 2, 0], [1, 3, 0]] as const },
    { id: 'duct-2', points: [[0, 0, 0], [2, 0, 0]] as const, radii: [0.1, 0.05] },
  ];
  const { geometry } = buildTubeGeometry(tubes, 8);
  /** Tubes are written one after the other, one ring of 8 vertices per smoothed centre point. */
  const secondTubeStart = smoothPolyline(tubes[0]!.points, tubes[0]!.radii).centres.length * 8;

  it('merges every tube into one geometry with both layouts', () => {
    const positions = geometry.getAttribute('position');
    const tree = geometry.getAttribute('treePosition');
    expect(positions.count).toBe(tree.count);
    const rings = tubes.reduce((sum, t) => sum + smoothPolyline(t.points, t.radii).centres.length, 0);
    expect(positions.count).toBe(rings * 8);
    expect(geometry.getIndex()!.count % 3).toBe(0);
  });

  it('keeps every ring at its radius from the centre line', () => {
    const { centres, radii } = smoothPolyline(tubes[1]!.points, tubes[1]!.radii);
    const positions = geometry.getAttribute('position');
    for (let ring = 0; ring < centres.length; ring += 1) {
      for (let j = 0; j < 8; j += 1) {
        const v = secondTubeStart + ring * 8 + j;
        const c = centres[ring]!;
        const d = Math.hypot(positions.getX(v) - c[0], positions.getY(v) - c[1], positions.getZ(v) - c[2]);
        expect(d).toBeCloseTo(radii[ring]!, 5);
      }
    }
  });

  it('uses the anatomy as the tree layout when a tube has none', () => {
    const positions = geometry.getAttribute('position');
    const tree = geometry.getAttribute('treePosition');
    const v = secondTubeStart + 3;
    expect([tree.getX(v), tree.getY(v), tree.getZ(v)]).toEqual([positions.getX(v), positions.getY(v), positions.getZ(v)]);
  });
});
