import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { Document, NodeIO, type Accessor, type Buffer, type Material, type Mesh, type Node } from '@gltf-transform/core';
import { IcosahedronGeometry, OctahedronGeometry, TetrahedronGeometry, type BufferGeometry } from 'three';
import type { Cord, GlandAnatomy, StructureKind, StructureNode, Vec3 } from '../../src/shared/anatomy/gland-anatomy';
import { generateGland } from '../../src/shared/anatomy/generate-gland';
import { parseGlandParameters } from '../../src/shared/anatomy/gland-parameters';
import { addScaled, cross, dot, normalize } from '../../src/shared/anatomy/vec3';
import { buildNippleShape, type NippleShape } from '../../src/renderer/scene/gland/nipple-shape';
import { buildPectoralisShape } from '../../src/renderer/scene/gland/pectoralis-shape';
import { mergeSurfaceMeshes, type SurfaceMesh } from '../../src/renderer/scene/gland/surface-mesh';
import { buildTubeGeometry } from '../../src/renderer/scene/gland/tube-geometry';
import { ALVEOLUS_SCALE, AREOLA_LIFT, MIN_DUCT_RADIUS, MONTGOMERY_RADIUS } from '../../src/renderer/scene/gland/drawing-scale';

/**
 * The gland as a glTF 2.0 document (models/gland.glb, written by `npm run models:export`), so the
 * anatomy can be opened in Blender, a glTF viewer or a slide tool. See models/gland-glb.md.
 *
 * - Hierarchy: the root node `breast` and one node per structure of `anatomy.structures`, named by
 *   the structure id and nested as the structures are (`duct-3.1` is a child of `duct-3`). Every
 *   such node has `extras: { structureId, kind }`. Each lobule has one extra child node
 *   `alveoli-<lobule path>` holding its alveoli merged into one mesh (`kind: 'alveolus'`).
 * - Units: the vertex data stay in the anatomy's centimetres, in the breast frame of
 *   gland-anatomy.ts (chest wall z = 0, +z forward, +y up, +x lateral); the root node carries a
 *   uniform scale of 0.01, so the model has its real size in glTF's metres. Every other node has
 *   an identity transform (except the empty nipple-opening nodes, translated to their pore on the
 *   nipple's tip).
 * - Only the anatomical layout is exported. The tree layout (treePoints, treeCenter,
 *   treePositions) is drawn by the app's morph shader only and has no place in a static file.
 * - Shapes follow the app's drawing (src/renderer/scene/gland/GlandModel.tsx): ducts, ligaments,
 *   vessels, nerves and ribs are tubes from the app's own buildTubeGeometry; the nipple (rounded
 *   tip, dark pores) and pectoralis major (a curved fan-shaped slab with fibre grooves) come from
 *   the app's own shape builders, their shading as vertex colours (COLOR_0); lobules, alveoli, fat
 *   lobules and Montgomery glands are low-poly spheres; the skin is a half-ellipsoid dome, the
 *   areola a disc just above the skin.
 */

export const ALVEOLUS_SHAPES = ['tetrahedron', 'octahedron', 'icosahedron'] as const;
export type AlveolusShape = (typeof ALVEOLUS_SHAPES)[number];

export interface GlandGltfOptions {
  /** Sides of every duct tube (the app draws 10). */
  ductRadialSegments: number;
  nippleRadialSegments: number;
  /** Ligaments, arteries, veins and nerves (the app draws 6). */
  cordRadialSegments: number;
  ribRadialSegments: number;
  /**
   * The solid each alveolus is drawn as (smooth-shaded; alveoli are 0.5–1 mm across). There are
   * some 23 000 alveoli in the default gland, so this decides the file size: about 3.2 MB with
   * tetrahedra (4 vertices each), 4.0 MB with octahedra (6), 6.4 MB with icosahedra (12).
   */
  alveolusShape: AlveolusShape;
  /** Subdivisions of the icosphere of a lobule envelope, a fat lobule, a Montgomery gland. */
  lobuleDetail: number;
  fatDetail: number;
  montgomeryDetail: number;
  /** Skin dome: segments around the dome's axis and rings from its apex to the chest wall. */
  domeSegments: number;
  domeRings: number;
}

/**
 * Chosen to keep models/gland.glb around 3 MB for the default gland, so it can be committed: fewer
 * tube sides than the app (6 rather than 10 for ducts) and tetrahedral alveoli.
 */
export const DEFAULT_GLAND_GLTF_OPTIONS: Readonly<GlandGltfOptions> = Object.freeze({
  ductRadialSegments: 6,
  nippleRadialSegments: 24,
  cordRadialSegments: 6,
  ribRadialSegments: 8,
  alveolusShape: 'tetrahedron',
  lobuleDetail: 1,
  fatDetail: 0,
  montgomeryDetail: 1,
  domeSegments: 48,
  domeRings: 16,
});

/** The scale of the root node: the anatomy is in centimetres, glTF in metres. */
export const CENTIMETRES_TO_METRES = 0.01;

const AREOLA_SEGMENTS = 48;

type MaterialKey = 'skin' | 'fat' | 'duct' | 'lobule' | 'alveolus' | 'nipple' | 'areola' | 'ligament' | 'artery' | 'vein' | 'nerve' | 'muscle' | 'bone';

interface MaterialSpec {
  /** sRGB hex, the app's standard palette (gland-palette.ts). */
  color: string;
  alpha: number;
  roughness: number;
  doubleSided: boolean;
}

/** Atlas-like colours, one material per kind of tissue. Alpha below 1 is blended. */
export const GLAND_GLTF_MATERIALS: Readonly<Record<MaterialKey, MaterialSpec>> = {
  skin: { color: '#f1c9b4', alpha: 0.25, roughness: 0.6, doubleSided: true },
  fat: { color: '#f0cf6e', alpha: 1, roughness: 0.7, doubleSided: false },
  duct: { color: '#f6eee3', alpha: 1, roughness: 0.35, doubleSided: false },
  lobule: { color: '#f4a18d', alpha: 0.3, roughness: 0.5, doubleSided: false },
  alveolus: { color: '#ee8a74', alpha: 1, roughness: 0.45, doubleSided: false },
  nipple: { color: '#b9685b', alpha: 1, roughness: 0.5, doubleSided: false },
  areola: { color: '#c98273', alpha: 1, roughness: 0.7, doubleSided: true },
  ligament: { color: '#ece6dc', alpha: 1, roughness: 0.45, doubleSided: false },
  artery: { color: '#d2343f', alpha: 1, roughness: 0.45, doubleSided: false },
  vein: { color: '#4a6fc4', alpha: 1, roughness: 0.45, doubleSided: false },
  nerve: { color: '#f5c842', alpha: 1, roughness: 0.45, doubleSided: false },
  muscle: { color: '#a8463e', alpha: 1, roughness: 0.8, doubleSided: false },
  bone: { color: '#eee5d3', alpha: 1, roughness: 0.6, doubleSided: false },
};

const MATERIAL_OF_KIND: Partial<Record<StructureKind, MaterialKey>> = {
  skin: 'skin',
  fat: 'fat',
  duct: 'duct',
  lobule: 'lobule',
  alveolus: 'alveolus',
  nipple: 'nipple',
  areola: 'areola',
  // The app draws the Montgomery glands in the areola's colour.
  'montgomery-gland': 'areola',
  'cooper-ligament': 'ligament',
  artery: 'artery',
  vein: 'vein',
  nerve: 'nerve',
  'pectoralis-major': 'muscle',
  rib: 'bone',
};

/** Triangle-list geometry in centimetres, breast frame. */
interface MeshData {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint16Array | Uint32Array;
  /** Linear multipliers of the material's base colour (glTF's COLOR_0), where the shape has shading. */
  colors?: Float32Array;
}

/** What each named node of the export is, for tests and reports. */
export interface GlandNodeExtras {
  structureId: string;
  kind: StructureKind;
  [key: string]: unknown;
}

/** Builds the glTF document of one gland. Pure: reads nothing, writes nothing. */
export function glandToDocument(anatomy: GlandAnatomy, overrides: Partial<GlandGltfOptions> = {}): Document {
  const options: GlandGltfOptions = { ...DEFAULT_GLAND_GLTF_OPTIONS, ...overrides };
  const builder = new Builder(new Document(), options);
  return builder.build(anatomy);
}

class Builder {
  private readonly buffer: Buffer;
  private readonly materials = new Map<MaterialKey, Material>();
  /** Accessors by content, see `accessor`. */
  private readonly accessors = new Map<string, Accessor>();
  private readonly templates = new Map<string, SphereTemplate>();

  constructor(
    private readonly document: Document,
    private readonly options: GlandGltfOptions,
  ) {
    this.buffer = document.createBuffer('gland');
  }

  build(anatomy: GlandAnatomy): Document {
    const doc = this.document;
    doc.getRoot().getAsset().copyright = 'Lactation Atlas contributors';
    const scene = doc.createScene('gland');
    doc.getRoot().setDefaultScene(scene);

    const rootStructure = anatomy.structures.get('breast');
    const root = this.node('breast', 'breast', { seed: anatomy.seed, units: 'vertex data in centimetres; this node scales by 0.01 to metres' });
    root.setScale([CENTIMETRES_TO_METRES, CENTIMETRES_TO_METRES, CENTIMETRES_TO_METRES]);
    scene.addChild(root);

    const geometry = new GeometryIndex(anatomy, this.options);
    const nodes = new Map<string, Node>([['breast', root]]);
    for (const structure of anatomy.structures.values()) {
      // Alveoli are exported merged per lobule (below), never one node each.
      if (structure === rootStructure || structure.kind === 'alveolus') continue;
      nodes.set(structure.id, this.structureNode(structure, anatomy, geometry));
    }
    // Nest the nodes as the structures are, in each parent's child order.
    for (const structure of anatomy.structures.values()) {
      const parent = nodes.get(structure.id);
      if (!parent) continue;
      for (const childId of structure.childIds) {
        const child = nodes.get(childId);
        if (child && child !== root) parent.addChild(child);
      }
    }
    // A structure whose parent is missing from the map still belongs to the breast.
    for (const node of nodes.values()) if (node !== root && !node.getParentNode()) root.addChild(node);
    // Geometry that no structure names (should not happen) is kept, directly under the root.
    for (const orphan of geometry.unplaced(nodes)) root.addChild(this.structureNode(orphan, anatomy, geometry));

    for (const lobule of anatomy.lobules) {
      if (lobule.alveolusCount === 0) continue;
      const lobuleNode = nodes.get(lobule.id);
      if (!lobuleNode) continue;
      const name = `alveoli-${lobule.id.slice('lobule-'.length)}`;
      const node = this.node(name, 'alveolus', { lobuleId: lobule.id, alveolusCount: lobule.alveolusCount });
      node.setMesh(this.alveoliMesh(name, anatomy, lobule.alveolusStart, lobule.alveolusCount));
      lobuleNode.addChild(node);
    }
    return doc;
  }

  private node(name: string, kind: StructureKind, extra: Record<string, unknown> = {}): Node {
    const extras: GlandNodeExtras = { structureId: name, kind, ...extra };
    return this.document.createNode(name).setExtras(extras);
  }

  private structureNode(structure: StructureNode, anatomy: GlandAnatomy, geometry: GeometryIndex): Node {
    const node = this.node(structure.id, structure.kind);
    const opening = structure.kind === 'nipple-opening' ? geometry.nipple.openings.find((o) => o.id === structure.id) : undefined;
    // Openings are drawn as pores on the nipple's mesh: an empty node at each pore marks where milk leaves.
    if (opening) node.setTranslation([...opening.position]);
    const data = this.structureGeometry(structure, anatomy, geometry);
    const material = MATERIAL_OF_KIND[structure.kind];
    if (data && material) node.setMesh(this.mesh(structure.id, data, material));
    return node;
  }

  private structureGeometry(structure: StructureNode, anatomy: GlandAnatomy, geometry: GeometryIndex): MeshData | null {
    const { id } = structure;
    const o = this.options;
    switch (structure.kind) {
      case 'skin':
        return domeGeometry(anatomy.envelope.radii, anatomy.envelope.center, o.domeSegments, o.domeRings);
      case 'nipple':
        return surfaceData(mergeSurfaceMeshes([geometry.nipple.shell, geometry.nipple.pores]));
      case 'areola': {
        const { areola } = anatomy;
        return discGeometry(addScaled(areola.center, areola.normal, AREOLA_LIFT), areola.normal, areola.radius, AREOLA_SEGMENTS);
      }
      case 'montgomery-gland': {
        const gland = anatomy.areola.montgomeryGlands.find((g) => g.id === id);
        return gland ? mergeSpheres(this.template('icosahedron', o.montgomeryDetail), [gland.position], [MONTGOMERY_RADIUS]) : null;
      }
      case 'duct': {
        const duct = geometry.ducts.get(id);
        return duct
          ? tubeGeometry(
              duct.points,
              duct.radii.map((r) => Math.max(r, MIN_DUCT_RADIUS)),
              o.ductRadialSegments,
            )
          : null;
      }
      case 'lobule': {
        const lobule = geometry.lobules.get(id);
        return lobule ? mergeSpheres(this.template('icosahedron', o.lobuleDetail), [lobule.center], [lobule.radius]) : null;
      }
      case 'fat': {
        const { fat } = anatomy;
        if (fat.count === 0) return null;
        const centres = Array.from({ length: fat.count }, (_, i) => pointAt(fat.positions, i));
        return mergeSpheres(this.template('icosahedron', o.fatDetail), centres, Array.from(fat.radii));
      }
      case 'cooper-ligament':
      case 'artery':
      case 'vein':
      case 'nerve': {
        const cord = geometry.cords.get(id);
        return cord && cord.points.length >= 2 ? tubeGeometry(cord.points, cord.points.map(() => cord.radius), o.cordRadialSegments) : null;
      }
      case 'rib': {
        const rib = geometry.ribs.get(id);
        return rib && rib.points.length >= 2 ? tubeGeometry(rib.points, rib.points.map(() => rib.radius), o.ribRadialSegments) : null;
      }
      case 'pectoralis-major':
        return surfaceData(buildPectoralisShape(anatomy));
      default:
        return null;
    }
  }

  private template(shape: AlveolusShape, detail: number): SphereTemplate {
    const key = `${shape}:${detail}`;
    let template = this.templates.get(key);
    if (!template) {
      template = sphereTemplate(shape, detail);
      this.templates.set(key, template);
    }
    return template;
  }

  /** One lobule's alveoli: copies of one small solid, merged. */
  private alveoliMesh(name: string, anatomy: GlandAnatomy, start: number, count: number): Mesh {
    const centres: Vec3[] = [];
    const radii: number[] = [];
    for (let i = start; i < start + count; i += 1) {
      centres.push(pointAt(anatomy.alveoli.positions, i));
      radii.push((anatomy.alveoli.radii[i] ?? 0) * ALVEOLUS_SCALE);
    }
    return this.mesh(name, mergeSpheres(this.template(this.options.alveolusShape, 0), centres, radii), 'alveolus');
  }

  private mesh(name: string, data: MeshData, material: MaterialKey): Mesh {
    const primitive = this.document
      .createPrimitive()
      .setAttribute('POSITION', this.accessor(data.positions, 'VEC3'))
      .setAttribute('NORMAL', this.accessor(data.normals, 'VEC3'))
      .setIndices(this.accessor(data.indices, 'SCALAR'))
      .setMaterial(this.material(material));
    if (data.colors) primitive.setAttribute('COLOR_0', this.accessor(data.colors, 'VEC3'));
    return this.document.createMesh(name).addPrimitive(primitive);
  }

  /**
   * Identical data is stored once: the indices of every tube with as many rings, and the normals
   * and indices of every lobule or of every two lobules with as many alveoli, are the same arrays.
   * Sharing accessors between primitives is plain glTF and roughly halves what those cost.
   */
  private accessor(array: Float32Array | Uint16Array | Uint32Array, type: 'VEC3' | 'SCALAR'): Accessor {
    const key = `${type}:${array.constructor.name}:${createHash('sha256').update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)).digest('base64')}`;
    let accessor = this.accessors.get(key);
    if (!accessor) {
      accessor = this.document.createAccessor().setArray(array).setType(type).setBuffer(this.buffer);
      this.accessors.set(key, accessor);
    }
    return accessor;
  }

  private material(key: MaterialKey): Material {
    let material = this.materials.get(key);
    if (!material) {
      const spec = GLAND_GLTF_MATERIALS[key];
      const [r, g, b] = hexToLinear(spec.color);
      material = this.document
        .createMaterial(key)
        .setBaseColorFactor([r, g, b, spec.alpha])
        .setMetallicFactor(0)
        .setRoughnessFactor(spec.roughness)
        .setDoubleSided(spec.doubleSided)
        .setAlphaMode(spec.alpha < 1 ? 'BLEND' : 'OPAQUE');
      this.materials.set(key, material);
    }
    return material;
  }
}

/** The anatomy's shapes by id. */
class GeometryIndex {
  readonly ducts: Map<string, GlandAnatomy['ducts'][number]>;
  readonly lobules: Map<string, GlandAnatomy['lobules'][number]>;
  readonly cords: Map<string, Cord>;
  readonly ribs: Map<string, GlandAnatomy['ribs'][number]>;
  /** The nipple as the app draws it, shared by the nipple's mesh and its openings' nodes. */
  readonly nipple: NippleShape;

  constructor(anatomy: GlandAnatomy, options: GlandGltfOptions) {
    this.nipple = buildNippleShape(anatomy, { radial: options.nippleRadialSegments, tree: null });
    this.ducts = new Map(anatomy.ducts.map((d) => [d.id, d]));
    this.lobules = new Map(anatomy.lobules.map((l) => [l.id, l]));
    this.cords = new Map([...anatomy.ligaments, ...anatomy.arteries, ...anatomy.veins, ...anatomy.nerves].map((c) => [c.id, c]));
    this.ribs = new Map(anatomy.ribs.map((r) => [r.id, r]));
  }

  /** Structures with a shape that `anatomy.structures` does not list, as parentless stand-ins. */
  unplaced(placed: ReadonlyMap<string, Node>): StructureNode[] {
    const stand = (id: string, kind: StructureKind): StructureNode => ({ id, kind, parentId: 'breast', childIds: [], label: {} });
    const out: StructureNode[] = [];
    for (const duct of this.ducts.keys()) if (!placed.has(duct)) out.push(stand(duct, 'duct'));
    for (const lobule of this.lobules.keys()) if (!placed.has(lobule)) out.push(stand(lobule, 'lobule'));
    for (const cord of this.cords.values()) if (!placed.has(cord.id)) out.push(stand(cord.id, cord.kind));
    for (const rib of this.ribs.keys()) if (!placed.has(rib)) out.push(stand(rib, 'rib'));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Geometry (centimetres, breast frame)

/** A tube from the app's own tube builder (same Catmull-Rom smoothing and ring frames). */
function tubeGeometry(points: readonly Vec3[], radii: readonly number[], radial: number): MeshData {
  const { geometry } = buildTubeGeometry([{ id: 'tube', points, radii }], radial);
  return fromThree(geometry);
}

/** A shape from the app's own builders; its tree layout, if any, is left out. */
function surfaceData(mesh: SurfaceMesh): MeshData {
  const data = finish(Float32Array.from(mesh.positions), Float32Array.from(mesh.normals), Uint32Array.from(mesh.indices));
  return { ...data, colors: mesh.colors };
}

function fromThree(geometry: BufferGeometry): MeshData {
  const positions = Float32Array.from(geometry.getAttribute('position').array);
  const normals = Float32Array.from(geometry.getAttribute('normal').array);
  const index = geometry.getIndex();
  const indices = index ? Uint32Array.from(index.array) : Uint32Array.from({ length: positions.length / 3 }, (_, i) => i);
  geometry.dispose();
  return finish(positions, normals, indices);
}

/**
 * Makes the data valid glTF: normals of unit length (a zero normal, which the tube builder can
 * produce where two centre-line points coincide, becomes the direction from the triangle's
 * neighbours or +z), triangles wound counter-clockwise seen from the side their normals face, and
 * 16-bit indices whenever they fit.
 */
function finish(positions: Float32Array, normals: Float32Array, indices: Uint32Array): MeshData {
  for (let v = 0; v < normals.length; v += 3) {
    const length = Math.hypot(normals[v]!, normals[v + 1]!, normals[v + 2]!);
    if (length > 1e-6) {
      normals[v] = normals[v]! / length;
      normals[v + 1] = normals[v + 1]! / length;
      normals[v + 2] = normals[v + 2]! / length;
    } else {
      normals[v] = 0;
      normals[v + 1] = 0;
      normals[v + 2] = 1;
    }
  }
  for (let t = 0; t + 2 < indices.length; t += 3) {
    const a = indices[t]! * 3;
    const b = indices[t + 1]! * 3;
    const c = indices[t + 2]! * 3;
    const e1: Vec3 = [positions[b]! - positions[a]!, positions[b + 1]! - positions[a + 1]!, positions[b + 2]! - positions[a + 2]!];
    const e2: Vec3 = [positions[c]! - positions[a]!, positions[c + 1]! - positions[a + 1]!, positions[c + 2]! - positions[a + 2]!];
    const face = cross(e1, e2);
    const mean: Vec3 = [normals[a]! + normals[b]! + normals[c]!, normals[a + 1]! + normals[b + 1]! + normals[c + 1]!, normals[a + 2]! + normals[b + 2]! + normals[c + 2]!];
    if (dot(face, mean) < 0) {
      const swap = indices[t + 1]!;
      indices[t + 1] = indices[t + 2]!;
      indices[t + 2] = swap;
    }
  }
  const vertexCount = positions.length / 3;
  return { positions, normals, indices: vertexCount <= 65535 ? Uint16Array.from(indices) : indices };
}

interface SphereTemplate {
  /** Unit-sphere vertices (also their normals). */
  vertices: Float32Array;
  indices: Uint32Array;
}

/**
 * A unit polyhedron with shared vertices and smooth normals. three's polyhedra are unindexed with
 * one vertex per face corner; welding them shrinks an icosahedron from 60 vertices to 12.
 */
function sphereTemplate(shape: AlveolusShape, detail: number): SphereTemplate {
  const geometry = shape === 'tetrahedron' ? new TetrahedronGeometry(1, detail) : shape === 'octahedron' ? new OctahedronGeometry(1, detail) : new IcosahedronGeometry(1, detail);
  const source = geometry.getAttribute('position');
  const keys = new Map<string, number>();
  const vertices: number[] = [];
  const indices = new Uint32Array(source.count);
  for (let i = 0; i < source.count; i += 1) {
    const p = normalize([source.getX(i), source.getY(i), source.getZ(i)]);
    const key = p.map((c) => Math.round(c * 1e5)).join(',');
    let index = keys.get(key);
    if (index === undefined) {
      index = vertices.length / 3;
      keys.set(key, index);
      vertices.push(...p);
    }
    indices[i] = index;
  }
  geometry.dispose();
  return { vertices: Float32Array.from(vertices), indices };
}

/** Copies of a template, each scaled to its radius and moved to its centre, as one mesh. */
function mergeSpheres(template: SphereTemplate, centres: readonly Vec3[], radii: readonly number[]): MeshData {
  const perSphere = template.vertices.length / 3;
  const positions = new Float32Array(centres.length * perSphere * 3);
  const normals = new Float32Array(centres.length * perSphere * 3);
  const indices = new Uint32Array(centres.length * template.indices.length);
  centres.forEach((centre, s) => {
    const radius = radii[s] ?? 0;
    for (let v = 0; v < perSphere; v += 1) {
      const out = (s * perSphere + v) * 3;
      for (let k = 0; k < 3; k += 1) {
        const unit = template.vertices[v * 3 + k]!;
        positions[out + k] = centre[k]! + unit * radius;
        normals[out + k] = unit;
      }
    }
    for (let i = 0; i < template.indices.length; i += 1) indices[s * template.indices.length + i] = template.indices[i]! + s * perSphere;
  });
  return finish(positions, normals, indices);
}

/**
 * The skin: the half-ellipsoid of `Envelope`, apex at +z, open on the chest wall. A single apex
 * vertex with a fan of triangles avoids the degenerate slivers of a UV sphere's pole.
 */
function domeGeometry(radii: Vec3, centre: Vec3, segments: number, rings: number): MeshData {
  const [a, b, c] = radii;
  const positions: number[] = [centre[0], centre[1], centre[2] + c];
  const normals: number[] = [0, 0, 1];
  for (let ring = 1; ring <= rings; ring += 1) {
    const theta = (ring / rings) * (Math.PI / 2);
    for (let j = 0; j < segments; j += 1) {
      const phi = (j / segments) * Math.PI * 2;
      const x = a * Math.sin(theta) * Math.cos(phi);
      const y = b * Math.sin(theta) * Math.sin(phi);
      const z = c * Math.cos(theta);
      positions.push(centre[0] + x, centre[1] + y, centre[2] + z);
      normals.push(...normalize([x / (a * a), y / (b * b), z / (c * c)]));
    }
  }
  const indices: number[] = [];
  const at = (ring: number, j: number): number => 1 + (ring - 1) * segments + (j % segments);
  for (let j = 0; j < segments; j += 1) indices.push(0, at(1, j), at(1, j + 1));
  for (let ring = 1; ring < rings; ring += 1) {
    for (let j = 0; j < segments; j += 1) indices.push(at(ring, j), at(ring + 1, j), at(ring + 1, j + 1), at(ring, j), at(ring + 1, j + 1), at(ring, j + 1));
  }
  return finish(Float32Array.from(positions), Float32Array.from(normals), Uint32Array.from(indices));
}

/** A flat disc facing `normal`. */
function discGeometry(centre: Vec3, normal: Vec3, radius: number, segments: number): MeshData {
  const n = normalize(normal);
  const helper: Vec3 = Math.abs(n[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  const u = normalize(cross(helper, n));
  const v = cross(n, u);
  const positions: number[] = [...centre];
  const normals: number[] = [...n];
  for (let j = 0; j < segments; j += 1) {
    const angle = (j / segments) * Math.PI * 2;
    const p = addScaled(addScaled(centre, u, Math.cos(angle) * radius), v, Math.sin(angle) * radius);
    positions.push(...p);
    normals.push(...n);
  }
  const indices: number[] = [];
  for (let j = 0; j < segments; j += 1) indices.push(0, 1 + j, 1 + ((j + 1) % segments));
  return finish(Float32Array.from(positions), Float32Array.from(normals), Uint32Array.from(indices));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function pointAt(values: Float32Array, index: number): Vec3 {
  return [values[index * 3] ?? 0, values[index * 3 + 1] ?? 0, values[index * 3 + 2] ?? 0];
}

/** glTF base colours are linear; the palette is sRGB. */
function hexToLinear(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (byte: number): number => {
    const c = byte / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel((value >> 16) & 0xff), channel((value >> 8) & 0xff), channel(value & 0xff)];
}

// ---------------------------------------------------------------------------------------------
// Figures and the export itself

export interface GlandGltfStats {
  nodes: number;
  meshes: number;
  /** Triangles drawn by the default scene (every mesh instance counted). */
  triangles: number;
  vertices: number;
}

export function documentStats(document: Document): GlandGltfStats {
  const root = document.getRoot();
  let triangles = 0;
  let vertices = 0;
  for (const node of root.listNodes()) {
    for (const primitive of node.getMesh()?.listPrimitives() ?? []) {
      triangles += (primitive.getIndices()?.getCount() ?? primitive.getAttribute('POSITION')?.getCount() ?? 0) / 3;
      vertices += primitive.getAttribute('POSITION')?.getCount() ?? 0;
    }
  }
  return { nodes: root.listNodes().length, meshes: root.listMeshes().length, triangles, vertices };
}

export async function glandToGlb(anatomy: GlandAnatomy, options: Partial<GlandGltfOptions> = {}): Promise<{ glb: Uint8Array; stats: GlandGltfStats }> {
  const document = glandToDocument(anatomy, options);
  const glb = await new NodeIO().writeBinary(document);
  return { glb, stats: documentStats(document) };
}

export interface ExportGlandResult {
  bytes: number;
  stats: GlandGltfStats;
  /** Messages about the parameter file (see parseGlandParameters); empty when it is clean. */
  problems: string[];
}

/** Reads a parameter file, generates the gland and writes it as GLB to `outPath`. */
export async function exportGland(parametersPath: string, outPath: string, options: Partial<GlandGltfOptions> = {}): Promise<ExportGlandResult> {
  const text = await readFile(parametersPath, 'utf8');
  const { parameters, problems } = parseGlandParameters(text, parametersPath);
  const { glb, stats } = await glandToGlb(generateGland(parameters), options);
  await writeFile(outPath, glb);
  return { bytes: glb.byteLength, stats, problems: problems.map((p) => p.message) };
}
