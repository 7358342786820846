import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { IcosahedronGeometry, InstancedMesh, Matrix4, MeshStandardMaterial, Quaternion, Vector3 } from 'three';
import { GLAND_PALETTES } from '../scene/gland/gland-palette';
import { BenchProbe } from './BenchProbe';
import { parseCanvasSize } from './bench-mode';
import { orbitPosition } from './camera-path';
import { REFERENCE_RADII, REFERENCE_SPHERE_COUNT, REFERENCE_SUBJECT, referenceLayout } from './reference-layout';

/**
 * `?bench=reference`: what the benchmark compares the atlas with. The canvas is set up as
 * SceneView's is (field of view, clipping range, pixel ratio, background, the same four lights,
 * the camera at the atlas's home orbit) and draws one instanced mesh of 15,000 low-poly spheres
 * (80 triangles each). Keep these settings in step with SceneView.tsx.
 */
const FOV = 36;
const HOME = { azimuth: 0.55, polar: 1.4, distance: 31 };
const TARGET = [0, 0, REFERENCE_RADII[2] * 0.45] as const;

function buildSpheres(): InstancedMesh {
  const { positions, radii } = referenceLayout();
  const mesh = new InstancedMesh(new IcosahedronGeometry(1, 1), new MeshStandardMaterial({ color: GLAND_PALETTES.standard.alveolus, roughness: 0.45, metalness: 0 }), REFERENCE_SPHERE_COUNT);
  const matrix = new Matrix4();
  const rotation = new Quaternion();
  const position = new Vector3();
  const scale = new Vector3();
  for (let i = 0; i < REFERENCE_SPHERE_COUNT; i += 1) {
    const r = radii[i]!;
    mesh.setMatrixAt(i, matrix.compose(position.fromArray(positions, i * 3), rotation, scale.set(r, r, r)));
  }
  mesh.name = REFERENCE_SUBJECT;
  return mesh;
}

export function ReferenceScene() {
  const size = parseCanvasSize(window.location.search) ?? { width: window.innerWidth, height: window.innerHeight };
  const spheres = useMemo(buildSpheres, []);
  useEffect(
    () => () => {
      spheres.geometry.dispose();
      (spheres.material as MeshStandardMaterial).dispose();
      spheres.dispose();
    },
    [spheres],
  );
  const position = orbitPosition(HOME, TARGET);

  return (
    <div style={{ width: size.width, height: size.height, position: 'relative' }}>
      <Canvas frameloop="demand" dpr={[1, 2]} camera={{ fov: FOV, near: 0.1, far: 400, position: [...position] }} onCreated={({ camera }) => camera.lookAt(...TARGET)} aria-hidden="true">
        <color attach="background" args={[GLAND_PALETTES.standard.background]} />
        <hemisphereLight args={['#fff6ef', '#4d5a68', 1.3]} />
        <directionalLight position={[18, 26, 30]} intensity={2.3} />
        <directionalLight position={[-24, 6, -10]} intensity={0.7} color="#cfe0ff" />
        <directionalLight position={[0, -20, 25]} intensity={0.35} />
        <primitive object={spheres} />
        <BenchProbe subject={REFERENCE_SUBJECT} />
      </Canvas>
    </div>
  );
}
