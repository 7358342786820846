import { describe, expect, it } from 'vitest';
import { buildTubeGeometry, partOfVertex, smoothPolyline } from '../../src/renderer/scene/gland/tube-geometry';

describe('buildTubeGeometry', () => {
  const tubes = [
    { id: 'duct-1', points: [[0, 0, 0], [0, 0, 2], [0, 1, 3]] as const, radii: [0.1, 0.1, 0.08], treePoints: [[0, 0, 0], [0, 2, 0], [1, 3, 0]] as const },
    { id: 'duct-2', points: [[0, 0, 0], [2, 0, 0]] as const, radii: [0.1, 0.05] },
  ];
  const { geometry, parts } = buildTubeGeometry(tubes, 8);

  it('merges every tube into one geometry with both layouts', () => {
    const positions = geometry.getAttribute('position');
    const tree = geometry.getAttribute('treePosition');
    expect(positions.count).toBe(tree.count);
    expect(parts.map((p) => p.id)).toEqual(['duct-1', 'duct-2']);
    expect(parts[1]!.firstVertex).toBe(parts[0]!.vertexCount);
    expect(geometry.getIndex()!.count % 3).toBe(0);
  });

  it('keeps every ring at its radius from the centre line', () => {
    const { centres, radii } = smoothPolyline(tubes[1]!.points, tubes[1]!.radii);
    const positions = geometry.getAttribute('position');
    for (let ring = 0; ring < centres.length; ring += 1) {
      for (let j = 0; j < 8; j += 1) {
        const v = parts[1]!.firstVertex + ring * 8 + j;
        const c = centres[ring]!;
        const d = Math.hypot(positions.getX(v) - c[0], positions.getY(v) - c[1], positions.getZ(v) - c[2]);
        expect(d).toBeCloseTo(radii[ring]!, 5);
      }
    }
  });

  it('uses the anatomy as the tree layout when a tube has none', () => {
    const positions = geometry.getAttribute('position');
    const tree = geometry.getAttribute('treePosition');
    const v = parts[1]!.firstVertex + 3;
    expect([tree.getX(v), tree.getY(v), tree.getZ(v)]).toEqual([positions.getX(v), positions.getY(v), positions.getZ(v)]);
  });

  it('finds the tube a vertex belongs to', () => {
    expect(partOfVertex(parts, 0)?.id).toBe('duct-1');
    expect(partOfVertex(parts, parts[1]!.firstVertex)?.id).toBe('duct-2');
    expect(partOfVertex(parts, 10_000)).toBeNull();
  });
});
