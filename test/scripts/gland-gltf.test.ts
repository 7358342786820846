import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NodeIO, type Node } from '@gltf-transform/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentStats, glandToDocument, type GlandNodeExtras } from '../../scripts/lib/gland-gltf';
import { PROJECT_ROOT } from '../../scripts/lib/preview-handler';
import type { GlandAnatomy, Vec3 } from '../../src/shared/anatomy/gland-anatomy';
import { generateGland } from '../../src/shared/anatomy/generate-gland';
import { DEFAULT_GLAND_PARAMETERS } from '../../src/shared/anatomy/gland-parameters';
import { dot, normalize, sub } from '../../src/shared/anatomy/vec3';
import { useTempDirs } from '../support/temp-dir';

/** The parts of the Khronos validator's report used here (the package ships no types). */
interface ValidationReport {
  issues: {
    numErrors: number;
    numWarnings: number;
    numInfos: number;
    numHints: number;
    messages: { code: string; message: string; severity: number; pointer?: string }[];
  };
}
interface GltfValidator {
  validateBytes(data: Uint8Array, options?: { maxIssues?: number; writeTimestamp?: boolean }): Promise<ValidationReport>;
}
const validator = createRequire(import.meta.url)('gltf-validator') as GltfValidator;

const tempDir = useTempDirs();

describe('glandToDocument', () => {
  let anatomy: GlandAnatomy;
  let nodes: Map<string, Node>;
  let glb: Uint8Array;

  beforeAll(async () => {
    anatomy = generateGland({ ...DEFAULT_GLAND_PARAMETERS, breastSize: { ...DEFAULT_GLAND_PARAMETERS.breastSize }, ribs: { ...DEFAULT_GLAND_PARAMETERS.ribs } });
    const document = glandToDocument(anatomy);
    nodes = new Map(document.getRoot().listNodes().map((node) => [node.getName(), node]));
    glb = await new NodeIO().writeBinary(document);
    const stats = documentStats(document);
    console.info(`gland.glb (default parameters): ${glb.byteLength} bytes, ${stats.nodes} nodes, ${stats.meshes} meshes, ${stats.triangles} triangles, ${stats.vertices} vertices`);
  });

  it('is valid glTF 2.0 for the Khronos validator (errors fail; warnings and infos are reported)', async () => {
    const report = await validator.validateBytes(glb, { maxIssues: 0, writeTimestamp: false });
    const { numErrors, numWarnings, numInfos, numHints, messages } = report.issues;
    console.info(`gltf-validator: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos, ${numHints} hints`);
    const errors = messages.filter((m) => m.severity === 0).slice(0, 10);
    expect(numErrors, errors.map((m) => `${m.code} at ${m.pointer ?? '?'}: ${m.message}`).join('\n')).toBe(0);
  });

  it('has one named node per structure, the root breast scaled from centimetres to metres', () => {
    const mainDucts = anatomy.ducts.filter((d) => d.parentId === null).map((d) => d.id);
    expect(mainDucts.length).toBe(DEFAULT_GLAND_PARAMETERS.mainDucts);
    for (const id of ['breast', 'skin', 'nipple', 'areola', 'fat', 'pectoralis-major', 'rib-4', 'nerve-t4-lateral-cutaneous', 'internal-thoracic-perforator-2', ...mainDucts]) {
      expect(nodes.has(id), id).toBe(true);
    }
    const lobule = anatomy.lobules[0]!;
    expect(nodes.get(lobule.id)?.getMesh()).toBeTruthy();
    expect(nodes.get(`alveoli-${lobule.id.slice('lobule-'.length)}`)?.getParentNode()).toBe(nodes.get(lobule.id));

    const root = nodes.get('breast')!;
    expect(root.getScale()).toEqual([0.01, 0.01, 0.01]);
    // Every structure except individual alveoli has its node.
    for (const structure of anatomy.structures.values()) {
      if (structure.kind !== 'alveolus') expect(nodes.has(structure.id), structure.id).toBe(true);
    }
  });

  it('names every node after the structure in its extras', () => {
    for (const [name, node] of nodes) {
      const extras = node.getExtras() as Partial<GlandNodeExtras>;
      expect(extras.structureId, name).toBe(name);
      const structure = anatomy.structures.get(name);
      expect(extras.kind, name).toBe(structure ? structure.kind : 'alveolus');
    }
  });

  it('nests the nodes as anatomy.structures nests the structures', () => {
    expect(nodes.get('duct-3.1')?.getParentNode()?.getName()).toBe('duct-3');
    expect(nodes.get('duct-3')?.getParentNode()?.getName()).toBe('breast');
    for (const structure of anatomy.structures.values()) {
      if (structure.parentId === null) continue;
      expect(nodes.get(structure.id)?.getParentNode()?.getName(), structure.id).toBe(structure.parentId);
    }
  });

  it('keeps the anatomical layout in centimetres under the root, with atlas materials', () => {
    const nipple = nodes.get('nipple')!.getMesh()!.listPrimitives()[0]!;
    const max = nipple.getAttribute('POSITION')!.getMax([]);
    // The nipple tip is the front-most point of the nipple, in centimetres.
    expect(max[2]).toBeGreaterThanOrEqual(anatomy.nipple.tip[2] - 0.01);
    expect(nipple.getMaterial()?.getName()).toBe('nipple');
    const skin = nodes.get('skin')!.getMesh()!.listPrimitives()[0]!.getMaterial()!;
    expect(skin.getAlphaMode()).toBe('BLEND');
    expect(skin.getAlpha()).toBeCloseTo(0.25);
  });

  it('draws the nipple closed by a rounded tip, its openings as pores on it', () => {
    const nipple = nodes.get('nipple')!.getMesh()!.listPrimitives()[0]!;
    const positions = nipple.getAttribute('POSITION')!.getArray() as Float32Array;
    const indices = nipple.getIndices()!.getArray()!;
    expect(nipple.getAttribute('COLOR_0')).toBeTruthy();
    const axis = normalize(sub(anatomy.nipple.tip, anatomy.nipple.base));
    const axial = (p: Vec3): number => dot(sub(p, anatomy.nipple.base), axis);
    // Only the base ring (in the areola) is an open border; pores are small separate discs on the tip.
    const uses = new Map<string, number>();
    for (let t = 0; t < indices.length; t += 3) {
      for (let k = 0; k < 3; k += 1) {
        const [a, b] = [indices[t + k]!, indices[t + ((k + 1) % 3)]!];
        const key = a < b ? `${a}-${b}` : `${b}-${a}`;
        uses.set(key, (uses.get(key) ?? 0) + 1);
      }
    }
    const at = (i: number): Vec3 => [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!];
    const length = axial(anatomy.nipple.tip);
    for (const [key, count] of uses) {
      if (count === 2) continue;
      const [a, b] = key.split('-').map(Number) as [number, number];
      const onBase = Math.max(Math.abs(axial(at(a))), Math.abs(axial(at(b)))) < 1e-3;
      const onTip = Math.min(axial(at(a)), axial(at(b))) > length * 0.6;
      expect(onBase || onTip, `open edge ${key}`).toBe(true);
    }
    for (const opening of anatomy.nipple.openings) {
      const node = nodes.get(opening.id)!;
      expect(node.getMesh()).toBeNull();
      expect(axial(node.getTranslation() as unknown as Vec3)).toBeGreaterThanOrEqual(length - 1e-6);
    }
  });

  it('draws pectoralis major as a curved slab behind the breast, within its rectangle', () => {
    const muscle = nodes.get('pectoralis-major')!.getMesh()!.listPrimitives()[0]!;
    const position = muscle.getAttribute('POSITION')!;
    const [min, max] = [position.getMin([]), position.getMax([])];
    const { pectoralis } = anatomy;
    expect(max[2]).toBeLessThan(0);
    // Deeper than a flat slab of its thickness: it bends back with the ribs.
    expect(min[2]).toBeLessThan(-pectoralis.thickness * 1.5);
    expect(min[0]).toBeGreaterThanOrEqual(pectoralis.center[0] - pectoralis.width / 2 - 1e-4);
    expect(max[0]).toBeLessThanOrEqual(pectoralis.center[0] + pectoralis.width / 2 + 1e-4);
    expect(min[1]).toBeGreaterThanOrEqual(pectoralis.center[1] - pectoralis.height / 2 - 1e-4);
    expect(max[1]).toBeLessThanOrEqual(pectoralis.center[1] + pectoralis.height / 2 + 1e-4);
    expect(muscle.getAttribute('COLOR_0')).toBeTruthy();
    expect(muscle.getMaterial()?.getName()).toBe('muscle');
  });
});

describe('scripts/export-gland.ts', () => {
  it('writes a GLB where --out says', async () => {
    const out = join(await tempDir(), 'gland.glb');
    const tsx = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, join(PROJECT_ROOT, 'scripts', 'export-gland.ts'), '--out', out], { cwd: PROJECT_ROOT });
    expect(stdout).toMatch(/Wrote .*gland\.glb/);
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('glTF');
    expect(bytes.readUInt32LE(4)).toBe(2);
  });
});
