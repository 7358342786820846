import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DuctSegment, GlandAnatomy, Vec3 } from '../../../src/shared/anatomy/gland-anatomy';
import { FIRST_BRANCH_JITTER, generateGland } from '../../../src/shared/anatomy/generate-gland';
import { distance, insideEnvelope, insideNipple, pointAt } from '../../../src/shared/anatomy/gland-geometry-checks';
import { DEFAULT_GLAND_PARAMETERS, GLAND_PARAMETER_FIELDS, reconcileGlandParameters, type GlandParameters, type NumberFieldSpec } from '../../../src/shared/anatomy/gland-parameters';
import { createRandom } from '../../../src/shared/random';

const gland = generateGland(DEFAULT_GLAND_PARAMETERS);
const TOLERANCE = 1e-6;

const same = (a: Vec3 | undefined, b: Vec3 | undefined): boolean => !!a && !!b && distance(a, b) < 1e-9;
const first = <T>(items: readonly T[]): T => items[0] as T;
const last = <T>(items: readonly T[]): T => items[items.length - 1] as T;
const median = (values: number[]): number => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? NaN;

function ductsById(anatomy: GlandAnatomy): Map<string, DuctSegment> {
  return new Map(anatomy.ducts.map((d) => [d.id, d]));
}

/** Every id the anatomy itself carries, in the order the structure map should list the kinds. */
function allIds(anatomy: GlandAnatomy): string[] {
  return [
    'breast',
    'skin',
    'nipple',
    ...anatomy.nipple.openings.map((o) => o.id),
    'areola',
    ...anatomy.areola.montgomeryGlands.map((g) => g.id),
    ...anatomy.ducts.map((d) => d.id),
    ...anatomy.lobules.map((l) => l.id),
    'fat',
    ...anatomy.ligaments.map((l) => l.id),
    'pectoralis-major',
    ...anatomy.ribs.map((r) => r.id),
    ...anatomy.arteries.map((a) => a.id),
    ...anatomy.veins.map((v) => v.id),
    ...anatomy.nerves.map((n) => n.id),
  ];
}

// ------------------------------------------------------------------------------------------------
// Invariants, checked on the default gland and on random valid parameters. Each returns a list of
// failures (empty when fine) so the property test can report the first broken rule.

function treeRootedAtNipple(anatomy: GlandAnatomy): string[] {
  const failures: string[] = [];
  const byId = ductsById(anatomy);
  for (const duct of anatomy.ducts) {
    let node: DuctSegment | undefined = duct;
    for (let guard = 0; node && node.parentId !== null && guard < 20; guard += 1) node = byId.get(node.parentId);
    if (!node || node.depth !== 0) {
      failures.push(`${duct.id} does not reach a main duct`);
      continue;
    }
    const main = node;
    const opening = anatomy.nipple.openings.find((o) => same(o.position, first(main.points)));
    if (!opening?.systems.includes(main.system)) failures.push(`${main.id} does not start at an opening that drains it`);
    const namedAfterMain = duct === main || duct.id.startsWith(`${main.id}.`);
    if (duct.system !== main.system || !namedAfterMain) failures.push(`${duct.id} is not named after its system`);
  }
  return failures;
}

function structuresConsistent(anatomy: GlandAnatomy): string[] {
  const failures: string[] = [];
  const ids = allIds(anatomy);
  if (new Set(ids).size !== ids.length) failures.push('duplicate ids');
  for (const id of ids) if (!anatomy.structures.has(id)) failures.push(`${id} missing from structures`);
  if (anatomy.structures.size !== ids.length) failures.push(`structures has ${anatomy.structures.size} entries for ${ids.length} ids`);
  for (const [id, node] of anatomy.structures) {
    if (node.id !== id) failures.push(`${id} keyed wrongly`);
    if (id === 'breast') {
      if (node.parentId !== null) failures.push('breast has a parent');
      continue;
    }
    const parent = node.parentId === null ? undefined : anatomy.structures.get(node.parentId);
    if (!parent?.childIds.includes(id)) failures.push(`${id} is an orphan`);
    for (const child of node.childIds) if (anatomy.structures.get(child)?.parentId !== id) failures.push(`${id} lists ${child} wrongly`);
  }
  return failures;
}

function noBulges(anatomy: GlandAnatomy): string[] {
  const failures: string[] = [];
  const byId = ductsById(anatomy);
  for (const duct of anatomy.ducts) {
    if (duct.points.length < 2 || duct.radii.length !== duct.points.length) failures.push(`${duct.id} has a malformed polyline`);
    for (let k = 1; k < duct.radii.length; k += 1) {
      if ((duct.radii[k] ?? Infinity) > (duct.radii[k - 1] ?? 0) + 1e-12) failures.push(`${duct.id} widens at point ${k}`);
    }
    if (duct.parentId !== null) {
      const parent = byId.get(duct.parentId);
      if (!parent) failures.push(`${duct.id} has no parent segment`);
      else {
        if (first(duct.radii) > last(parent.radii) + 1e-12) failures.push(`${duct.id} is wider than its parent`);
        if (!same(first(duct.points), last(parent.points))) failures.push(`${duct.id} does not start at its parent's end`);
        if (!parent.childIds.includes(duct.id)) failures.push(`${duct.id} not listed by its parent`);
      }
    }
  }
  return failures;
}

function lobulesAtTerminals(anatomy: GlandAnatomy): string[] {
  const failures: string[] = [];
  const lobules = new Map(anatomy.lobules.map((l) => [l.id, l]));
  for (const duct of anatomy.ducts) {
    const terminal = duct.childIds.length === 0;
    if (terminal !== (duct.lobuleId !== null)) failures.push(`${duct.id}: terminal ${terminal} but lobule ${duct.lobuleId}`);
    if (!duct.lobuleId) continue;
    const lobule = lobules.get(duct.lobuleId);
    if (!lobule || lobule.ductId !== duct.id || lobule.id !== `lobule-${duct.id.slice('duct-'.length)}`) failures.push(`${duct.id} has a wrong lobule`);
    else if (distance(last(duct.points), lobule.center) > lobule.radius + TOLERANCE) failures.push(`${duct.id} ends outside its lobule`);
  }
  let expectedStart = 0;
  anatomy.lobules.forEach((lobule, index) => {
    if (lobule.alveolusCount < 1) failures.push(`${lobule.id} has no alveolus`);
    if (lobule.alveolusStart !== expectedStart) failures.push(`${lobule.id} alveoli not contiguous`);
    expectedStart += lobule.alveolusCount;
    for (let k = lobule.alveolusStart; k < lobule.alveolusStart + lobule.alveolusCount; k += 1) {
      if (anatomy.alveoli.lobuleIndex[k] !== index) failures.push(`alveolus ${k} points to the wrong lobule`);
      if (distance(pointAt(anatomy.alveoli.positions, k), lobule.center) > lobule.radius + 1e-4) failures.push(`alveolus ${k} lies outside ${lobule.id}`);
    }
  });
  if (expectedStart !== anatomy.alveoli.count) failures.push('alveolus count does not add up');
  return failures;
}

function everythingInside(anatomy: GlandAnatomy): string[] {
  const failures: string[] = [];
  const { envelope, nipple } = anatomy;
  const skin = envelope.skinThickness;
  for (const duct of anatomy.ducts) {
    for (const p of duct.points) if (!insideEnvelope(p, envelope) && !insideNipple(p, nipple)) failures.push(`${duct.id} leaves the breast`);
  }
  for (const lobule of anatomy.lobules) if (!insideEnvelope(lobule.center, envelope, skin)) failures.push(`${lobule.id} is not under the skin`);
  for (let k = 0; k < anatomy.alveoli.count; k += 1) {
    if (!insideEnvelope(pointAt(anatomy.alveoli.positions, k), envelope, skin)) failures.push(`alveolus ${k} is not under the skin`);
  }
  for (let k = 0; k < anatomy.fat.count; k += 1) {
    if (!insideEnvelope(pointAt(anatomy.fat.positions, k), envelope, skin)) failures.push(`fat lobule ${k} is not under the skin`);
  }
  for (const gland of anatomy.areola.montgomeryGlands) {
    if (!insideEnvelope(gland.position, envelope)) failures.push(`${gland.id} is outside`);
    if (distance(gland.position, anatomy.areola.center) > anatomy.areola.radius) failures.push(`${gland.id} is off the areola`);
  }
  for (const ligament of anatomy.ligaments) for (const p of ligament.points) if (!insideEnvelope(p, envelope)) failures.push(`${ligament.id} leaves the breast`);
  return failures.slice(0, 10);
}

function treeLayoutConsistent(anatomy: GlandAnatomy): string[] {
  const failures: string[] = [];
  const byId = ductsById(anatomy);
  const trunkTop = anatomy.treeTrunkTop;
  if (!trunkTop || trunkTop[0] !== 0 || trunkTop[2] !== 0 || trunkTop[1] <= 0) return ['treeTrunkTop must be straight above the origin'];
  for (const duct of anatomy.ducts) {
    if (duct.treePoints.length !== duct.points.length) failures.push(`${duct.id} tree polyline has the wrong length`);
    for (const p of duct.treePoints) if (!(p[1] >= 0)) failures.push(`${duct.id} dips below the nipple in the tree`);
    if (duct.parentId === null) {
      // The main duct starts at the bottom of the trunk (the nipple tip), within the trunk's width.
      const start = first(duct.treePoints);
      if (Math.abs(start[1]) > TOLERANCE || Math.hypot(start[0], start[2]) > anatomy.nipple.radius + TOLERANCE) failures.push(`${duct.id} does not start at the trunk's foot`);
      if (last(duct.treePoints)[1] < trunkTop[1]) failures.push(`${duct.id} branches below the top of the trunk`);
    } else {
      const parent = byId.get(duct.parentId);
      if (!same(first(duct.treePoints), parent && last(parent.treePoints))) failures.push(`${duct.id} tree start is not its parent's tree end`);
      for (const p of duct.treePoints) if (p[1] < trunkTop[1]) failures.push(`${duct.id} grows below the crown`);
    }
  }
  const lobules = new Map(anatomy.lobules.map((l) => [l.id, l]));
  for (const duct of anatomy.ducts) {
    const lobule = duct.lobuleId ? lobules.get(duct.lobuleId) : undefined;
    if (lobule && distance(last(duct.treePoints), lobule.treeCenter) > lobule.radius + TOLERANCE) failures.push(`${lobule.id} is not at its duct's tree tip`);
  }
  for (let k = 0; k < anatomy.alveoli.count; k += 1) if (!(pointAt(anatomy.alveoli.treePositions, k)[1] >= 0)) failures.push(`alveolus ${k} below the nipple in the tree`);
  return failures.slice(0, 10);
}

function openingsShared(anatomy: GlandAnatomy, parameters: GlandParameters): string[] {
  const failures: string[] = [];
  const mains = anatomy.ducts.filter((d) => d.depth === 0);
  if (mains.length !== parameters.mainDucts) failures.push(`${mains.length} main ducts, expected ${parameters.mainDucts}`);
  const { openings } = anatomy.nipple;
  if (openings.length !== Math.min(parameters.openings, parameters.mainDucts)) failures.push(`${openings.length} openings`);
  const drained = openings.flatMap((o) => o.systems).sort((a, b) => a - b);
  if (drained.join() !== mains.map((m) => m.system).sort((a, b) => a - b).join()) failures.push('each main duct must drain through exactly one opening');
  if (openings.some((o) => o.systems.length === 0)) failures.push('an opening drains nothing');
  if (openings.length < mains.length && !openings.some((o) => o.systems.length > 1)) failures.push('no shared opening');
  return failures;
}

function firstBranches(anatomy: GlandAnatomy, parameters: GlandParameters): string[] {
  const failures: string[] = [];
  const low = parameters.firstBranchDistance * (1 - FIRST_BRANCH_JITTER) - 1e-6;
  const high = parameters.firstBranchDistance * (1 + FIRST_BRANCH_JITTER) + 1e-6;
  for (const main of anatomy.ducts.filter((d) => d.depth === 0)) {
    const d = distance(last(main.points), anatomy.nipple.base);
    if (d < low || d > Math.min(high, anatomy.areola.radius)) failures.push(`${main.id} first branches ${d.toFixed(3)} cm from the nipple`);
  }
  return failures;
}

const ALL_INVARIANTS = [treeRootedAtNipple, structuresConsistent, noBulges, lobulesAtTerminals, everythingInside, treeLayoutConsistent];

// ------------------------------------------------------------------------------------------------

describe('generateGland at the defaults', () => {
  it('forms one duct tree rooted at the nipple openings, with unique ids and no orphans', () => {
    expect(treeRootedAtNipple(gland)).toEqual([]);
    expect(structuresConsistent(gland)).toEqual([]);
  });

  it('names structures as the atlas expects', () => {
    const ids = [...gland.structures.keys()];
    expect(ids.slice(0, 3)).toEqual(['breast', 'skin', 'nipple']);
    expect(ids).toContain('duct-3');
    expect(ids).toContain('nipple-opening-1');
    expect(ids).toContain('montgomery-gland-1');
    expect(ids).toContain('cooper-ligament-1');
    expect(ids).toContain('pectoralis-major');
    expect(gland.ribs.map((r) => r.id)).toEqual(['rib-2', 'rib-3', 'rib-4', 'rib-5', 'rib-6']);
    expect(gland.arteries.map((a) => a.id)).toEqual(expect.arrayContaining(['internal-thoracic-perforator-2', 'internal-thoracic-perforator-3', 'internal-thoracic-perforator-4', 'lateral-thoracic-artery']));
    expect(gland.veins.every((v) => v.id.startsWith('vein-'))).toBe(true);
    expect(gland.nerves.map((n) => n.id)).toEqual(['nerve-t4-lateral-cutaneous']);
    for (const duct of gland.ducts) expect(duct.id).toMatch(/^duct-\d+(\.\d+)*$/);
    expect(gland.structures.get('duct-3')).toMatchObject({ kind: 'duct', parentId: 'breast', label: { system: 3, path: '3' } });
    const lobule = first(gland.lobules);
    expect(gland.structures.get(lobule.id)).toMatchObject({ kind: 'lobule', parentId: lobule.ductId, childIds: [] });
  });

  it('lists structures in a stable order', () => {
    expect([...generateGland(DEFAULT_GLAND_PARAMETERS).structures.keys()]).toEqual([...gland.structures.keys()]);
  });

  it('never widens a duct: radii shrink along each segment and no branch is wider than its parent (no sinuses)', () => {
    expect(noBulges(gland)).toEqual([]);
  });

  it('ends every terminal duct in a lobule, and every lobule holds alveoli', () => {
    expect(lobulesAtTerminals(gland)).toEqual([]);
  });

  it('keeps ducts, lobules, alveoli, fat, Montgomery glands and ligaments inside the breast', () => {
    expect(everythingInside(gland)).toEqual([]);
  });

  it('concentrates the glandular tissue near the nipple (Ramsay 2005)', () => {
    // Criterion: (1) the median alveolus is closer to the nipple base than the average point of
    // the envelope is (measured with 20 000 seeded points spread evenly through the dome), and
    // (2) at least half of all alveoli lie within 3.5 cm of the nipple base.
    const base = gland.nipple.base;
    const alveolusDistances = Array.from({ length: gland.alveoli.count }, (_, k) => distance(pointAt(gland.alveoli.positions, k), base));
    const random = createRandom(1);
    const [a, b, c] = gland.envelope.radii;
    let sum = 0;
    let n = 0;
    while (n < 20_000) {
      const p: Vec3 = [random.range(-a, a), random.range(-b, b), random.range(0, c)];
      if (!insideEnvelope(p, gland.envelope)) continue;
      sum += distance(p, base);
      n += 1;
    }
    const envelopeMean = sum / n;
    expect(median(alveolusDistances)).toBeLessThan(envelopeMean);
    expect(alveolusDistances.filter((d) => d <= 3.5).length / alveolusDistances.length).toBeGreaterThanOrEqual(0.5);
  });

  it('branches each main duct first about firstBranchDistance from the nipple, inside the areola (Ramsay 2005)', () => {
    expect(firstBranches(gland, DEFAULT_GLAND_PARAMETERS)).toEqual([]);
    for (const firstBranchDistance of [0.2, 0.5, 1.5]) {
      const parameters = { ...DEFAULT_GLAND_PARAMETERS, firstBranchDistance };
      expect(firstBranches(generateGland(parameters), parameters)).toEqual([]);
    }
  });

  it('has the requested number of main ducts, sharing fewer openings', () => {
    expect(openingsShared(gland, DEFAULT_GLAND_PARAMETERS)).toEqual([]);
    expect(gland.nipple.openings.length).toBeLessThan(gland.ducts.filter((d) => d.depth === 0).length);
  });

  it('is the same for the same seed and different for another', () => {
    const again = generateGland(DEFAULT_GLAND_PARAMETERS);
    expect(again).toEqual(gland);
    expect(Array.from(again.alveoli.positions)).toEqual(Array.from(gland.alveoli.positions));
    expect(Array.from(again.fat.radii)).toEqual(Array.from(gland.fat.radii));
    const other = generateGland({ ...DEFAULT_GLAND_PARAMETERS, seed: 7 });
    expect(other).not.toEqual(gland);
    expect(other.ducts.map((d) => d.points)).not.toEqual(gland.ducts.map((d) => d.points));
  });

  it('holds at least 15,000 alveoli', () => {
    expect(gland.alveoli.count).toBeGreaterThanOrEqual(15_000);
    expect(gland.alveoli.positions).toHaveLength(gland.alveoli.count * 3);
    expect(gland.alveoli.treePositions).toHaveLength(gland.alveoli.count * 3);
    expect(gland.alveoli.radii).toHaveLength(gland.alveoli.count);
  });

  it('is generated quickly', () => {
    const times: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      generateGland(DEFAULT_GLAND_PARAMETERS);
      times.push(performance.now() - start);
    }
    const ms = median(times);
    console.info(
      `generateGland: median ${ms.toFixed(1)} ms over 5 runs; ${gland.ducts.length} duct segments (${DEFAULT_GLAND_PARAMETERS.mainDucts} main), ${gland.lobules.length} lobules, ${gland.alveoli.count} alveoli, ${gland.fat.count} fat lobules`,
    );
    // A correctness bound, not a benchmark: the target is well under this.
    expect(ms).toBeLessThan(100);
  });

  it('lays out an upright tree: trunk at the bottom, branches above, joined where they fork', () => {
    expect(treeLayoutConsistent(gland)).toEqual([]);
    let top = 0;
    for (let k = 0; k < gland.alveoli.count; k += 1) top = Math.max(top, pointAt(gland.alveoli.treePositions, k)[1]);
    // About the breast's size, so the same camera framing fits both layouts.
    expect(top).toBeGreaterThan(10);
    expect(top).toBeLessThan(15);
  });

  it('places the anatomy in the documented frame', () => {
    expect(gland.nipple.base[2]).toBeGreaterThan(gland.envelope.radii[2] * 0.9);
    expect(gland.nipple.tip[2]).toBeGreaterThan(gland.nipple.base[2]);
    expect(gland.pectoralis.center[2]).toBeCloseTo(-gland.pectoralis.thickness / 2);
    for (const rib of gland.ribs) for (const p of rib.points) expect(p[2]).toBeLessThan(-gland.pectoralis.thickness);
    const ribHeights = gland.ribs.map((r) => median(r.points.map((p) => p[1])));
    for (let k = 1; k < ribHeights.length; k += 1) expect((ribHeights[k - 1] ?? 0) - (ribHeights[k] ?? 0)).toBeCloseTo(2.5, 0);
    // Perforators enter from the medial side (−x), the lateral thoracic artery and the T4 nerve from +x.
    for (const artery of gland.arteries.filter((a) => a.id.startsWith('internal-thoracic'))) expect(first(artery.points)[0]).toBeLessThan(-gland.envelope.radii[0]);
    const lateral = gland.arteries.find((a) => a.id === 'lateral-thoracic-artery');
    expect(lateral && first(lateral.points)[0]).toBeGreaterThan(gland.envelope.radii[0]);
    const nerve = first(gland.nerves);
    expect(first(nerve.points)[0]).toBeGreaterThan(gland.envelope.radii[0]);
    expect(distance(last(nerve.points), gland.nipple.base)).toBeLessThan(gland.nipple.radius);
  });
});

describe('generateGland over random valid parameters (property)', () => {
  const spec = (s: NumberFieldSpec) => (s.integer ? fc.integer({ min: s.min, max: s.max }) : fc.double({ min: s.min, max: s.max, noNaN: true }));
  const F = GLAND_PARAMETER_FIELDS;
  const parametersArbitrary = fc
    .record({
      seed: spec(F.seed),
      breastSize: fc.record({ width: spec(F.breastSize.width), height: spec(F.breastSize.height), projection: spec(F.breastSize.projection) }),
      mainDucts: spec(F.mainDucts),
      openings: spec(F.openings),
      mainDuctRadius: spec(F.mainDuctRadius),
      firstBranchDistance: spec(F.firstBranchDistance),
      branchDepth: spec(F.branchDepth),
      branchAngleDegrees: spec(F.branchAngleDegrees),
      lengthDecay: spec(F.lengthDecay),
      radiusDecay: spec(F.radiusDecay),
      sideBranchChance: spec(F.sideBranchChance),
      glandReach: spec(F.glandReach),
      lobuleRadius: spec(F.lobuleRadius),
      alveoliPerLobule: spec(F.alveoliPerLobule),
      nippleRadius: spec(F.nippleRadius),
      nippleLength: spec(F.nippleLength),
      areolaRadius: spec(F.areolaRadius),
      montgomeryGlands: spec(F.montgomeryGlands),
      subcutaneousFat: spec(F.subcutaneousFat),
      fatLobules: spec(F.fatLobules),
      ribs: fc.record({ first: spec(F.ribs.first), last: spec(F.ribs.last) }),
    })
    .map((raw) => reconcileGlandParameters(raw).parameters);

  it('keeps every anatomical invariant', () => {
    fc.assert(
      fc.property(parametersArbitrary, (parameters) => {
        const anatomy = generateGland(parameters);
        const failures = [...ALL_INVARIANTS.flatMap((check) => check(anatomy)), ...openingsShared(anatomy, parameters), ...firstBranches(anatomy, parameters)];
        expect(failures.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('copes with the largest gland the parameters allow', () => {
    const largest = reconcileGlandParameters({
      ...DEFAULT_GLAND_PARAMETERS,
      mainDucts: 18,
      openings: 18,
      branchDepth: 6,
      sideBranchChance: 1,
      alveoliPerLobule: 300,
      lobuleRadius: 0.6,
      glandReach: 0.9,
      lengthDecay: 0.95,
      fatLobules: 4000,
      subcutaneousFat: 2,
      breastSize: { width: 5, height: 5, projection: 3 },
    }).parameters;
    const anatomy = generateGland(largest);
    expect(ALL_INVARIANTS.flatMap((check) => check(anatomy)).slice(0, 5)).toEqual([]);
  }, 60_000);

  it('refuses parameters that break the schema', () => {
    expect(() => generateGland({ ...DEFAULT_GLAND_PARAMETERS, mainDucts: 40 })).toThrow(RangeError);
    expect(() => generateGland({ ...DEFAULT_GLAND_PARAMETERS, openings: 12 })).toThrow(/openings/);
  });
});
