import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ALVEOLUS_SHAPES, exportGland, type AlveolusShape, type GlandGltfOptions } from './lib/gland-gltf';
import { PROJECT_ROOT } from './lib/preview-handler';

/**
 * `npm run models:export [-- --out <path>] [-- --alveoli tetrahedron|octahedron|icosahedron]`:
 * reads models/gland.json, generates the gland and writes it as glTF 2.0 binary to
 * models/gland.glb (or `<path>`). Problems in the parameter file are printed, and the fields
 * concerned take their defaults, as in the app. What the file contains: models/gland-glb.md; how
 * it is built: scripts/lib/gland-gltf.ts.
 */
const USAGE = `usage: tsx scripts/export-gland.ts [--out <path>] [--alveoli ${ALVEOLUS_SHAPES.join('|')}]`;

function parseArguments(argv: readonly string[]): { out: string; options: Partial<GlandGltfOptions> } {
  let out = join(PROJECT_ROOT, 'models', 'gland.glb');
  const options: Partial<GlandGltfOptions> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i]!;
    const [flag, inline] = argument.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag !== '--out' && flag !== '--alveoli') throw new Error(`Unknown argument ${argument}; ${USAGE}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value; ${USAGE}`);
    if (flag === '--out') out = resolve(value);
    else if ((ALVEOLUS_SHAPES as readonly string[]).includes(value)) options.alveolusShape = value as AlveolusShape;
    else throw new Error(`--alveoli ${value} is not a known shape; ${USAGE}`);
  }
  return { out, options };
}

const { out, options } = parseArguments(process.argv.slice(2));
const parametersPath = join(PROJECT_ROOT, 'models', 'gland.json');
if (!existsSync(parametersPath)) throw new Error(`${parametersPath} is missing`);

const { bytes, stats, problems } = await exportGland(parametersPath, out, options);
for (const problem of problems) console.warn(`warning: ${problem}`);
const shown = relative(process.cwd(), out) || out;
console.info(`Wrote ${shown}: ${(bytes / 1024 / 1024).toFixed(2)} MiB (${bytes} bytes), ${stats.nodes} nodes, ${stats.meshes} meshes, ${stats.triangles} triangles, ${stats.vertices} vertices`);
