import type { Material, WebGLProgramParametersWithUniforms } from 'three';

/**
 * Morphing on the GPU between the anatomical layout and the tree layout. Geometry carries both
 * layouts as attributes; a shared uniform `uMorph` (0 = anatomy, 1 = tree) blends them in the
 * vertex shader, so the morph costs nothing on the CPU and never re-renders React.
 */
export interface MorphUniforms {
  uMorph: { value: number };
}

export function createMorphUniforms(): MorphUniforms {
  return { uMorph: { value: 0 } };
}

/** Tubes and meshes: `position`/`normal` (anatomy) and `treePosition`/`treeNormal` (tree). */
export function morphMeshMaterial<M extends Material>(material: M, uniforms: MorphUniforms): M {
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms['uMorph'] = uniforms.uMorph;
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute vec3 treePosition;\nattribute vec3 treeNormal;\nuniform float uMorph;')
      .replace('#include <beginnormal_vertex>', 'vec3 objectNormal = normalize(mix(normal, treeNormal, uMorph));')
      .replace('#include <begin_vertex>', 'vec3 transformed = mix(position, treePosition, uMorph);');
  };
  material.customProgramCacheKey = () => 'atlas-morph-mesh';
  return material;
}

/**
 * Instanced spheres (alveoli, lobules): per-instance `aCenter`, `aTreeCenter` and `aRadius`; the
 * unit sphere is scaled and placed in the shader. The instance matrices stay identity.
 */
export function morphInstanceMaterial<M extends Material>(material: M, uniforms: MorphUniforms): M {
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms['uMorph'] = uniforms.uMorph;
    shader.vertexShader = shader.vertexShader
      .replace(
        '#include <common>',
        '#include <common>\nattribute vec3 aCenter;\nattribute vec3 aTreeCenter;\nattribute float aRadius;\nuniform float uMorph;',
      )
      .replace('#include <begin_vertex>', 'vec3 transformed = mix(aCenter, aTreeCenter, uMorph) + position * aRadius;');
  };
  material.customProgramCacheKey = () => 'atlas-morph-instances';
  return material;
}
