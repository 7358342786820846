import { DoubleSide, MeshStandardMaterial, type WebGLProgramParametersWithUniforms } from 'three';
import { GLAND_SHAPE } from './scene-drive';

/**
 * The few shader changes the body map needs, made through onBeforeCompile on three's standard
 * material (lighting stays three's own). State changes reach the GPU as uniforms only: the gland is
 * built once and never rebuilt while the physiology changes.
 */

/**
 * A see-through "glass" skin: almost clear where it faces the viewer, more opaque at the outline,
 * so the body reads as a shape without hiding what is inside it.
 * opacity = core + (rim − core) · (1 − |n·v|)²
 */
export function shellMaterial(colour: string, core: number, rim: number): MeshStandardMaterial & { userData: { uCore: { value: number }; uRim: { value: number } } } {
  const uCore = { value: core };
  const uRim = { value: rim };
  const material = new MeshStandardMaterial({ color: colour, roughness: 0.8, metalness: 0, transparent: true, depthWrite: false, side: DoubleSide });
  material.userData = { uCore, uRim };
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms['uCore'] = uCore;
    shader.uniforms['uRim'] = uRim;
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nuniform float uCore;\nuniform float uRim;')
      .replace(
        '#include <opaque_fragment>',
        'float facing = abs(dot(normalize(vViewPosition), normal));\ndiffuseColor.a = mix(uCore, uRim, pow(1.0 - facing, 2.0));\n#include <opaque_fragment>',
      );
  };
  material.customProgramCacheKey = () => 'physiology-shell';
  return material as MeshStandardMaterial & { userData: { uCore: { value: number }; uRim: { value: number } } };
}

export interface DuctUniforms {
  /** Radius added, as a share of each duct's own radius (ejection widening). */
  uWiden: { value: number };
  /** How far along the tree (0 … 1) the ducts are drawn (development). */
  uReach: { value: number };
}

/**
 * Ducts: per-vertex `aRadius` (the tube's radius there) and `aReach` (how far along the tree).
 * Widening pushes each vertex out along its normal; fragments beyond the reach are discarded, so
 * the ducts grow from the nipple as the gland develops.
 */
export function ductMaterial(colour: string): MeshStandardMaterial & { userData: DuctUniforms } {
  const uniforms: DuctUniforms = { uWiden: { value: 0 }, uReach: { value: 1 } };
  const material = new MeshStandardMaterial({ color: colour, roughness: 0.4, metalness: 0 });
  material.userData = uniforms;
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms['uWiden'] = uniforms.uWiden;
    shader.uniforms['uReach'] = uniforms.uReach;
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float aRadius;\nattribute float aReach;\nuniform float uWiden;\nvarying float vReach;')
      .replace('#include <begin_vertex>', 'vec3 transformed = position + normal * aRadius * uWiden;\nvReach = aReach;');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nuniform float uReach;\nvarying float vReach;')
      .replace('#include <clipping_planes_fragment>', '#include <clipping_planes_fragment>\nif (vReach > uReach) discard;');
  };
  material.customProgramCacheKey = () => 'physiology-duct';
  return material as MeshStandardMaterial & { userData: DuctUniforms };
}

export interface AlveolusUniforms {
  uDevelopment: { value: number };
  uFill: { value: number };
  uSqueeze: { value: number };
}

/**
 * Alveoli as instanced spheres placed in the shader from `aCenter`, `aRadius` and `aThreshold`
 * (the development at which each buds). The scale is `alveolusScale` in scene-drive.ts, written
 * again in GLSL. Colour and glow are set on the material itself (one material per breast).
 */
export function alveolusMaterial(colour: string): MeshStandardMaterial & { userData: AlveolusUniforms } {
  const uniforms: AlveolusUniforms = { uDevelopment: { value: 1 }, uFill: { value: 0 }, uSqueeze: { value: 0 } };
  const material = new MeshStandardMaterial({ color: colour, roughness: 0.5, metalness: 0 });
  material.userData = uniforms;
  material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => {
    shader.uniforms['uDevelopment'] = uniforms.uDevelopment;
    shader.uniforms['uFill'] = uniforms.uFill;
    shader.uniforms['uSqueeze'] = uniforms.uSqueeze;
    shader.vertexShader = shader.vertexShader
      .replace(
        '#include <common>',
        '#include <common>\nattribute vec3 aCenter;\nattribute float aRadius;\nattribute float aThreshold;\nuniform float uDevelopment;\nuniform float uFill;\nuniform float uSqueeze;',
      )
      .replace(
        '#include <begin_vertex>',
        [
          `float grown = smoothstep(aThreshold, aThreshold + ${GLAND_SHAPE.budding.toFixed(4)}, uDevelopment);`,
          `float drawn = aRadius * grown * (0.8 + 0.35 * uFill) * (1.0 - ${GLAND_SHAPE.squeezeShrink.toFixed(4)} * uSqueeze);`,
          'vec3 transformed = aCenter + position * drawn;',
        ].join('\n'),
      );
  };
  material.customProgramCacheKey = () => 'physiology-alveolus';
  return material as MeshStandardMaterial & { userData: AlveolusUniforms };
}
