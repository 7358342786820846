import { useLayoutEffect, useMemo, useRef } from 'react';
import { type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import type { ScenePalette } from './scene-palette';
import { buildPreviewTree, type Segment } from './preview-tree';

const UP = new Vector3(0, 1, 0);
const scratch = { a: new Vector3(), b: new Vector3(), dir: new Vector3(), q: new Quaternion(), s: new Vector3(), m: new Matrix4() };

function segmentMatrix(segment: Segment, target: Matrix4): Matrix4 {
  const { a, b, dir, q, s } = scratch;
  a.set(...segment.start);
  b.set(...segment.end);
  dir.subVectors(b, a);
  const length = dir.length();
  q.setFromUnitVectors(UP, dir.normalize());
  s.set(segment.radius, length, segment.radius);
  return target.compose(a.clone().lerp(b, 0.5), q, s);
}

/** The schematic tree: one draw call each for branches, joints and leaves, plus the trunk. */
export function PreviewTreeModel({ palette }: { palette: ScenePalette }) {
  const tree = useMemo(() => buildPreviewTree(), []);
  const branchRef = useRef<InstancedMesh>(null);
  const jointRef = useRef<InstancedMesh>(null);
  const leafRef = useRef<InstancedMesh>(null);

  useLayoutEffect(() => {
    const branches = branchRef.current;
    const joints = jointRef.current;
    const leaves = leafRef.current;
    if (!branches || !joints || !leaves) return;
    tree.branches.forEach((segment, i) => {
      branches.setMatrixAt(i, segmentMatrix(segment, scratch.m));
      const r = segment.radius * 0.92;
      joints.setMatrixAt(i, scratch.m.makeScale(r, r, r).setPosition(...segment.end));
    });
    tree.leaves.forEach((leaf, i) => {
      const r = leaf.radius;
      leaves.setMatrixAt(i, scratch.m.makeScale(r, r, r).setPosition(...leaf.position));
    });
    for (const mesh of [branches, joints, leaves]) {
      mesh.instanceMatrix.needsUpdate = true;
      mesh.computeBoundingSphere();
    }
  }, [tree]);

  const trunk = tree.trunk;
  const trunkHeight = trunk.end[1] - trunk.start[1];
  return (
    <group position={[0, -1.6, 0]}>
      <mesh position={[0, trunkHeight / 2, 0]}>
        <cylinderGeometry args={[trunk.radius * 0.8, trunk.radius, trunkHeight, 32]} />
        <meshStandardMaterial color={palette.trunk} roughness={0.55} />
      </mesh>
      <mesh position={[0, 0, 0]}>
        <sphereGeometry args={[trunk.radius, 32, 16, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2]} />
        <meshStandardMaterial color={palette.trunk} roughness={0.55} />
      </mesh>
      <instancedMesh ref={branchRef} args={[undefined, undefined, tree.branches.length]}>
        <cylinderGeometry args={[0.85, 1, 1, 14]} />
        <meshStandardMaterial color={palette.branches} roughness={0.5} />
      </instancedMesh>
      <instancedMesh ref={jointRef} args={[undefined, undefined, tree.branches.length]}>
        <sphereGeometry args={[1, 14, 10]} />
        <meshStandardMaterial color={palette.branches} roughness={0.5} />
      </instancedMesh>
      <instancedMesh ref={leafRef} args={[undefined, undefined, tree.leaves.length]}>
        <sphereGeometry args={[1, 16, 12]} />
        <meshStandardMaterial color={palette.leaves} roughness={0.42} />
      </instancedMesh>
    </group>
  );
}
