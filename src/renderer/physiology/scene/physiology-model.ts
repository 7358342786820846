import {
  BufferAttribute,
  BufferGeometry,
  type CanvasTexture,
  CapsuleGeometry,
  Color,
  ConeGeometry,
  Group,
  LatheGeometry,
  Mesh,
  MeshStandardMaterial,
  Points,
  PointsMaterial,
  SphereGeometry,
  Vector2,
  Vector3,
  type Material,
  type Texture,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { GlandAnatomy, Vec3 } from '../../../shared/anatomy/gland-anatomy';
import { HORMONES, type HormoneId } from '../../../shared/physiology/physiology-types';
import { buildTubeGeometry } from '../../scene/gland/tube-geometry';
import { BODY, SIDES, bodyVessels, breastPlacement, breastToBody, hormoneRoutes, type BreastAnchors, type Ellipsoid, type Side } from './body-layout';
import { alveolusMesh, buildBreastGeometry, ductMesh } from './breast-meshes';
import { GLAND_SPREAD, alveolusAnchors, milkPath, spreadGland, spreadLobules } from './gland-layout';
import { HORMONE_STYLES } from './hormone-style';
import { GOLDEN_FRACTION, visibleCount, writeDrift, writeStream, type Stream } from './particle-streams';
import type { PhysiologyPalette } from './physiology-palette';
import { createRoute, type Route } from './route-curve';
import { GLAND_SHAPE, ductReach, particleTime, type SceneDrive } from './scene-drive';
import { alveolusMaterial, ductMaterial, shellMaterial } from './scene-materials';
import type { AnchorKey } from './scene-labels';
import { dropletTexture, glyphTexture, sparkTexture } from './sprite-textures';

/**
 * The whole body map as plain three.js objects, built once per gland and theme and shown through
 * <primitive> (as GlandModel does). `apply` writes one SceneDrive and one clock time into
 * uniforms, colours and particle buffers: no React, no allocation, no geometry rebuilt per frame.
 * The root group is named "physiology" (the bench probe waits for it).
 */
export const PHYSIOLOGY_SUBJECT = 'physiology';

export interface PhysiologyModel {
  root: Group;
  anchors: Record<AnchorKey, Vec3>;
  /** Each breast's nipple openings as drawn, in body units. */
  openings: Record<Side, Vec3[]>;
  apply(drive: SceneDrive, time: number): void;
  dispose(): void;
}

/** Particles per stream at level 1, and their speed (body units per second). */
const BLOOD_CAPACITY = 48;
const BLOOD_SPEED = 9;
const DOPAMINE_CAPACITY = 6;
const DOPAMINE_SPEED = 1.6;
const MILK_ROUTES_PER_BREAST = 44;
const MILK_CAPACITY = 2 * 50;
const MILK_SPEED = 3.2;
const NERVE_CAPACITY = 24;
const NERVE_SPEED = 26;
const INHIBITOR_PER_BREAST = 9;
/** Hormones reach the gland at this many lobules per breast. */
const TARGETS_PER_BREAST = 3;

const v3 = (p: Vec3): Vector3 => new Vector3(p[0], p[1], p[2]);

function ellipsoid({ centre, radii }: Ellipsoid, widthSegments = 32, heightSegments = 20): SphereGeometry {
  const geometry = new SphereGeometry(1, widthSegments, heightSegments);
  geometry.scale(radii[0], radii[1], radii[2]);
  geometry.translate(centre[0], centre[1], centre[2]);
  return geometry;
}

function torsoGeometry(): BufferGeometry {
  const lathe = new LatheGeometry(
    BODY.torsoProfile.map(([r, y]) => new Vector2(r, y)),
    56,
  );
  lathe.scale(1, 1, BODY.torsoDepth);
  const head = ellipsoid(BODY.head, 40, 28);
  const merged = mergeGeometries([lathe.toNonIndexed(), head.toNonIndexed()]);
  lathe.dispose();
  head.dispose();
  if (!merged) throw new Error('The body outline could not be merged');
  return merged;
}

function tubes(polylines: readonly (readonly Vec3[])[], radius: number, radial = 10): BufferGeometry {
  return buildTubeGeometry(
    polylines.map((points, i) => ({ id: String(i), points, radii: points.map(() => radius) })),
    radial,
  ).geometry;
}

function standard(colour: string, extra: Partial<ConstructorParameters<typeof MeshStandardMaterial>[0]> = {}): MeshStandardMaterial {
  return new MeshStandardMaterial({ color: colour, roughness: 0.6, metalness: 0, ...extra });
}

interface ParticleLayer {
  points: Points;
  positions: Float32Array;
  attribute: BufferAttribute;
  material: PointsMaterial;
}

function particleLayer(capacity: number, texture: Texture, size: number): ParticleLayer {
  const positions = new Float32Array(capacity * 3);
  const attribute = new BufferAttribute(positions, 3);
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', attribute);
  geometry.setDrawRange(0, 0);
  const material = new PointsMaterial({
    map: texture,
    size,
    sizeAttenuation: false,
    transparent: true,
    alphaTest: 0.05,
    // Particles are drawn over everything: they are what the scene is about.
    depthTest: false,
    depthWrite: false,
  });
  const points = new Points(geometry, material);
  points.frustumCulled = false;
  points.renderOrder = 10;
  return { points, positions, attribute, material };
}

/** Shows the first `count` particles of a layer, already written. */
function show(layer: ParticleLayer, count: number, opacity: number): void {
  layer.points.geometry.setDrawRange(0, count);
  layer.attribute.needsUpdate = count > 0;
  layer.points.visible = count > 0;
  layer.material.opacity = opacity;
}

export function buildPhysiologyModel(gland: GlandAnatomy, palette: PhysiologyPalette): PhysiologyModel {
  const root = new Group();
  root.name = PHYSIOLOGY_SUBJECT;
  const disposables: { dispose(): void }[] = [];
  const track = <T extends { dispose(): void }>(item: T): T => {
    disposables.push(item);
    return item;
  };
  const mesh = (geometry: BufferGeometry, material: Material, name: string, parent: Group = root): Mesh => {
    const m = new Mesh(track(geometry), track(material));
    m.name = name;
    parent.add(m);
    return m;
  };

  // Breast geometry, shared by both sides; what the body routes need from it, in body units.
  const breast = buildBreastGeometry(gland);
  disposables.push(breast);
  const lobules = spreadLobules(gland, TARGETS_PER_BREAST);
  /** Where a point of the gland is drawn in the body (ducts, alveoli and milk are spread; skin and nipple are not). */
  const glandToBody = (side: Side, p: Vec3): [number, number, number] => breastToBody(side, spreadGland(gland, p));
  const { base, tip } = gland.nipple;
  const anchorsOfBreasts: BreastAnchors = {
    nerve: { left: [], right: [] },
    targets: { left: [], right: [] },
    entry: { left: [0, 0, 0], right: [0, 0, 0] },
  };
  for (const side of SIDES) {
    // From the nipple's tip, down its axis and straight back to the chest wall.
    const chestWall: Vec3 = [base[0] * 0.8, base[1] * 0.8, 0.4];
    anchorsOfBreasts.nerve[side] = [tip, base, chestWall].map((p) => breastToBody(side, p));
    anchorsOfBreasts.targets[side] = lobules.map((l) => glandToBody(side, l.center));
    anchorsOfBreasts.entry[side] = breastToBody(side, [gland.envelope.radii[0] * 0.55, gland.envelope.radii[1] * 0.55, gland.envelope.radii[2] * 0.35]);
  }
  const vessels = bodyVessels(anchorsOfBreasts);
  const routes = hormoneRoutes(vessels, anchorsOfBreasts);

  // The body: torso and head as one glass shell.
  const body = mesh(torsoGeometry(), shellMaterial(palette.body, palette.bodyCore, palette.bodyRim), 'body');
  body.renderOrder = 5;
  const brain = mesh(ellipsoid(BODY.brain), shellMaterial(palette.brain, 0.08, 0.45), 'brain');
  brain.renderOrder = 4;

  // Hypothalamus with its oxytocin-making nuclei (seen through it), the stalk, the two lobes.
  const hypothalamus = mesh(ellipsoid(BODY.hypothalamus), standard(palette.hypothalamus, { transparent: true, opacity: 0.55, depthWrite: false }), 'hypothalamus');
  hypothalamus.renderOrder = 3;
  const nuclei = mergeGeometries([...BODY.paraventricular, ...BODY.supraoptic].map((c) => ellipsoid({ centre: c, radii: [0.55, 0.45, 0.45] }, 14, 10)));
  if (nuclei) mesh(nuclei, standard(palette.nuclei, { roughness: 0.4 }), 'oxytocin-nuclei');
  mesh(tubes([[BODY.stalkTop, [1, 35.8, 1.4], [1.5, 34.6, 1.4]]], 0.42, 12), standard(palette.posteriorLobe, { transparent: true, opacity: 0.45, depthWrite: false }), 'pituitary-stalk');
  mesh(ellipsoid(BODY.anteriorPituitary), standard(palette.anteriorLobe, { roughness: 0.45 }), 'anterior-pituitary');
  mesh(ellipsoid(BODY.posteriorPituitary), standard(palette.posteriorLobe, { roughness: 0.45 }), 'posterior-pituitary');
  mesh(tubes(vessels.portal, 0.16, 8), standard(palette.portal, { roughness: 0.4 }), 'portal-vessels');
  mesh(tubes(vessels.oxytocinFibres, 0.1, 6), standard(palette.fibres, { roughness: 0.4 }), 'oxytocin-fibres');

  // Blood: the heart and the vessels the hormones travel in.
  mesh(ellipsoid(BODY.heart), standard(palette.heart, { roughness: 0.5 }), 'heart');
  const vesselMaterial = (): MeshStandardMaterial => standard(palette.vessel, { transparent: true, opacity: palette.vesselOpacity, depthWrite: false, roughness: 0.45 });
  mesh(
    tubes(
      [
        vessels.anteriorToHeart,
        vessels.posteriorToHeart,
        vessels.heartToBreast.left,
        vessels.heartToBreast.right,
        vessels.ovaryToCava.left,
        vessels.ovaryToCava.right,
        vessels.adrenalToCava.left,
        vessels.adrenalToCava.right,
        vessels.pancreasToCava,
      ],
      0.32,
    ),
    vesselMaterial(),
    'vessels',
  );
  mesh(tubes([vessels.venaCava], 0.5), vesselMaterial(), 'vena-cava');

  // Hormone sources in the abdomen; the placenta (with its uterus and vessel) only while there is one.
  const pregnancy = new Group();
  pregnancy.name = 'pregnancy';
  root.add(pregnancy);
  const uterus = mesh(ellipsoid(BODY.uterus), shellMaterial(palette.uterus, 0.1, 0.5), 'uterus', pregnancy);
  uterus.renderOrder = 4;
  mesh(ellipsoid(BODY.placenta), standard(palette.placenta, { roughness: 0.7 }), 'placenta', pregnancy);
  mesh(tubes([vessels.placentaToCava], 0.4), vesselMaterial(), 'placenta-vessel', pregnancy);
  const adrenals = mergeGeometries(
    BODY.adrenals.map((c) => {
      const cone = new ConeGeometry(1.2, 1.7, 12);
      cone.translate(c[0], c[1], c[2]);
      return cone.toNonIndexed();
    }),
  );
  if (adrenals) mesh(adrenals, standard(palette.adrenal), 'adrenals');
  const pancreas = new CapsuleGeometry(BODY.pancreas.radii[1], BODY.pancreas.radii[0] * 1.4, 6, 14);
  pancreas.rotateZ(Math.PI / 2 - 0.2);
  pancreas.translate(...BODY.pancreas.centre);
  mesh(pancreas, standard(palette.pancreas), 'pancreas');
  const ovaries = mergeGeometries(BODY.ovaries.map((c) => ellipsoid({ centre: c, radii: [1.4, 0.95, 0.95] }, 16, 12)));
  if (ovaries) mesh(ovaries, standard(palette.ovary), 'ovaries');

  // Nerves: the spinal cord, and each nipple's sensory nerve up to the hypothalamus (lit by the signal).
  mesh(tubes([BODY.spinalCord], 0.5, 12), standard(palette.spinalCord, { roughness: 0.7 }), 'spinal-cord');
  const nerveMaterial = standard(palette.nerve, { roughness: 0.5, emissive: palette.nerveLit, emissiveIntensity: 0 });
  mesh(tubes([vessels.intercostal.left, vessels.intercostal.right, vessels.ascending.slice(2)], 0.18, 8), nerveMaterial, 'nipple-nerve');

  // The breasts: skin, areola and nipple, and the gland inside.
  const ducts = track(ductMaterial(palette.duct));
  const alveoli = SIDES.map(() => track(alveolusMaterial(palette.alveolus)));
  const skinMaterial = track(shellMaterial(palette.breastSkin, 0.07, 0.55));
  const areolaMaterial = track(standard(palette.areola, { transparent: true, opacity: 0.55, depthWrite: false, roughness: 0.8 }));
  const nippleMaterial = track(standard(palette.nipple, { vertexColors: true, roughness: 0.6 }));
  SIDES.forEach((side, i) => {
    const group = new Group();
    group.name = `${side}-breast`;
    const placement = breastPlacement(side);
    group.position.set(...placement.position);
    group.rotation.y = placement.rotationY;
    group.scale.set(...placement.scale);
    root.add(group);
    // The gland inside, spread across the breast around the nipple (gland-layout.ts).
    const inner = new Group();
    const pivot = gland.nipple.tip;
    inner.scale.set(GLAND_SPREAD.across, GLAND_SPREAD.across, GLAND_SPREAD.depth);
    inner.position.set(pivot[0] * (1 - GLAND_SPREAD.across), pivot[1] * (1 - GLAND_SPREAD.across), pivot[2] * (1 - GLAND_SPREAD.depth));
    group.add(inner);
    inner.add(ductMesh(breast.ducts, ducts));
    inner.add(alveolusMesh(breast.alveoli, alveoli[i]!, breast.alveolusCount));
    const skin = new Mesh(breast.skin, skinMaterial);
    skin.renderOrder = 6;
    group.add(skin);
    const areola = new Mesh(breast.areola, areolaMaterial);
    areola.position.set(...breast.areolaPlacement.position);
    areola.lookAt(v3(breast.areolaPlacement.position).add(v3(breast.areolaPlacement.normal)));
    areola.renderOrder = 7;
    group.add(areola);
    group.add(new Mesh(breast.nipple, nippleMaterial));
  });

  // Particles, all in body units: one Points object (one draw call) per stream.
  const glyphs = Object.fromEntries(
    HORMONES.map((id) => {
      const style = HORMONE_STYLES[id];
      return [id, track(glyphTexture(style.colour, style.ink, palette.glyphRing, style.glyph))];
    }),
  ) as Record<HormoneId, CanvasTexture>;
  // Routes are built once and shared; each hormone rides them at its own phase (a third of the
  // golden spacing apart), so estrogen, progesterone and hPL leaving the placenta do not overlap.
  const built = new Map<Vec3[][], Route[]>();
  const routesOf = (polylines: Vec3[][]): Route[] => built.get(polylines) ?? built.set(polylines, polylines.map((p) => createRoute(p))).get(polylines)!;
  const blood = (polylines: Vec3[][], phase: number, capacity = BLOOD_CAPACITY, speed = BLOOD_SPEED): Stream => ({ routes: routesOf(polylines), capacity, speed, phase });
  const both = (stream: Stream): { placenta: Stream; otherwise: Stream } => ({ placenta: stream, otherwise: stream });
  const phaseOf = (id: HormoneId): number => (HORMONES.indexOf(id) * GOLDEN_FRACTION) / 3;
  const streams: Record<Exclude<HormoneId, 'inhibitor'>, { placenta: Stream; otherwise: Stream }> = {
    prolactin: both(blood(routes.prolactin, phaseOf('prolactin'))),
    oxytocin: both(blood(routes.oxytocin, phaseOf('oxytocin'))),
    dopamine: both(blood(routes.dopamine, phaseOf('dopamine'), DOPAMINE_CAPACITY, DOPAMINE_SPEED)),
    estrogen: { placenta: blood(routes.fromPlacenta, phaseOf('estrogen')), otherwise: blood(routes.fromOvaries, phaseOf('estrogen')) },
    progesterone: { placenta: blood(routes.fromPlacenta, phaseOf('progesterone')), otherwise: blood(routes.fromOvaries, phaseOf('progesterone')) },
    hpl: both(blood(routes.fromPlacenta, phaseOf('hpl'))),
    cortisol: both(blood(routes.cortisol, phaseOf('cortisol'))),
    insulin: both(blood(routes.insulin, phaseOf('insulin'))),
  };
  const layers = Object.fromEntries(
    HORMONES.map((id) => [id, particleLayer(id === 'inhibitor' ? 2 * INHIBITOR_PER_BREAST : BLOOD_CAPACITY, glyphs[id], id === 'inhibitor' ? palette.glyphSize * 0.8 : palette.glyphSize)]),
  ) as Record<HormoneId, ParticleLayer>;
  for (const id of HORMONES) {
    root.add(layers[id].points);
    track(layers[id].points.geometry);
    track(layers[id].material);
  }
  const inhibitorAnchors = SIDES.map((side) => {
    const local = alveolusAnchors(gland, INHIBITOR_PER_BREAST);
    const world = new Float32Array(local.length);
    for (let k = 0; k < local.length; k += 3) world.set(glandToBody(side, [local[k]!, local[k + 1]!, local[k + 2]!]), k);
    return world;
  });

  // Milk: from lobules along the ducts to the drawn openings, both breasts in turn.
  const milkLobules = spreadLobules(gland, MILK_ROUTES_PER_BREAST);
  const milkRoutes: Route[] = [];
  for (const lobule of milkLobules) {
    // Every point of the way is spread with the gland except the last, the pore on the nipple.
    const path = milkPath(gland, lobule, breast.pores);
    for (const side of SIDES) milkRoutes.push(createRoute(path.map((p, k) => (k === path.length - 1 ? breastToBody(side, p) : glandToBody(side, p))), false));
  }
  const milkStream: Stream = { routes: milkRoutes, capacity: MILK_CAPACITY, speed: MILK_SPEED };
  const milk = particleLayer(MILK_CAPACITY, track(dropletTexture(palette.milk, palette.milkOutline)), palette.milkSize);
  milk.points.name = 'milk';
  root.add(milk.points);
  track(milk.points.geometry);
  track(milk.material);

  const nerveStream: Stream = { routes: routes.nerve.map((p) => createRoute(p)), capacity: NERVE_CAPACITY, speed: NERVE_SPEED };
  const impulses = particleLayer(NERVE_CAPACITY, track(sparkTexture(palette.impulse)), palette.impulseSize);
  root.add(impulses.points);
  track(impulses.points.geometry);
  track(impulses.material);

  const alveolusColour = new Color(palette.alveolus);
  const fullColour = new Color(palette.alveolusFull);
  const basketColour = new Color(palette.basket);
  const nerveColour = new Color(palette.nerve);
  const nerveLitColour = new Color(palette.nerveLit);

  const apply = (drive: SceneDrive, time: number): void => {
    const t = particleTime(drive, time);
    for (const id of HORMONES) {
      if (id === 'inhibitor') continue;
      const stream = drive.placenta ? streams[id].placenta : streams[id].otherwise;
      const level = drive.streams[id];
      const n = writeStream(stream, visibleCount(level, stream.capacity), t, 1, layers[id].positions);
      show(layers[id], n, 0.45 + 0.55 * level);
    }
    const inhibitor = layers.inhibitor;
    let written = 0;
    SIDES.forEach((_, i) => {
      written += writeDrift(inhibitorAnchors[i]!, visibleCount(drive.breasts[i]!.inhibitor, INHIBITOR_PER_BREAST), t, 0.25, inhibitor.positions, written);
    });
    show(inhibitor, written, 0.55 + 0.45 * drive.streams.inhibitor);

    const milkCount = writeStream(milkStream, visibleCount(Math.abs(drive.flow), milkStream.capacity), t, Math.sign(drive.flow), milk.positions);
    show(milk, milkCount, 1);
    const impulseCount = writeStream(nerveStream, visibleCount(drive.nerve, nerveStream.capacity), t, 1, impulses.positions);
    show(impulses, impulseCount, 0.5 + 0.5 * drive.nerve);
    nerveMaterial.emissiveIntensity = 1.1 * drive.nerve;
    nerveMaterial.color.lerpColors(nerveColour, nerveLitColour, drive.nerve);

    ducts.userData.uWiden.value = GLAND_SHAPE.peakWidening * drive.widen;
    ducts.userData.uReach.value = ductReach(drive.development);
    alveoli.forEach((material, i) => {
      const state = drive.breasts[i]!;
      material.userData.uDevelopment.value = drive.development;
      material.userData.uFill.value = state.fill;
      material.userData.uSqueeze.value = drive.squeeze;
      material.color.lerpColors(alveolusColour, fullColour, 0.6 * state.fill).lerp(basketColour, 0.6 * drive.squeeze);
      material.emissive.set(palette.glow);
      material.emissiveIntensity = 0.55 * state.glow;
    });
    pregnancy.visible = drive.placenta;
  };

  const toBody = (side: Side, p: Vec3): Vec3 => breastToBody(side, p);
  const anchors: Record<AnchorKey, Vec3> = {
    hypothalamus: [-2.4, 39.4, 2.2],
    'oxytocin-nuclei': BODY.paraventricular[1]!,
    'anterior-pituitary': [BODY.anteriorPituitary.centre[0] - 1.2, BODY.anteriorPituitary.centre[1], BODY.anteriorPituitary.centre[2] + 0.8],
    'posterior-pituitary': [BODY.posteriorPituitary.centre[0] + 0.9, BODY.posteriorPituitary.centre[1], BODY.posteriorPituitary.centre[2] + 0.8],
    'portal-vessels': vessels.portal[0]![1]!,
    heart: [BODY.heart.centre[0] + 1.8, BODY.heart.centre[1] + 1.2, BODY.heart.centre[2] + 1],
    'spinal-cord': [0, 22, -6],
    'nipple-nerve': vessels.intercostal.left[anchorsOfBreasts.nerve.left.length]!,
    'left-breast': toBody('left', [gland.envelope.radii[0] * 0.55, -gland.envelope.radii[1] * 0.5, gland.envelope.radii[2] * 0.6]),
    'right-breast': toBody('right', [gland.envelope.radii[0] * 0.55, -gland.envelope.radii[1] * 0.5, gland.envelope.radii[2] * 0.6]),
    'left-nipple': toBody('left', gland.nipple.tip),
    'right-nipple': toBody('right', gland.nipple.tip),
    placenta: [BODY.placenta.centre[0] + BODY.placenta.radii[0] * 0.7, BODY.placenta.centre[1], BODY.placenta.centre[2]],
    ovaries: BODY.ovaries[1]!,
    adrenals: BODY.adrenals[1]!,
    pancreas: [BODY.pancreas.centre[0] - 2.5, BODY.pancreas.centre[1], BODY.pancreas.centre[2]],
  };
  const openings = {
    left: gland.nipple.openings.map((o) => toBody('left', breast.pores.get(o.id) ?? o.position)),
    right: gland.nipple.openings.map((o) => toBody('right', breast.pores.get(o.id) ?? o.position)),
  };

  return { root, anchors, openings, apply, dispose: () => disposables.forEach((d) => d.dispose()) };
}
