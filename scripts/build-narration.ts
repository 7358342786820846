import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLanguage, LANGUAGES, type Language } from '../src/shared/languages';
import { buildNarration, summarize } from './lib/narration-build';

/**
 * `npm run narration:build`: speaks every lesson step with espeak-ng, encodes it with opusenc and
 * writes its timing, into content/lessons/<language>/<lesson id>/ (see docs/narration.md).
 *
 *   npm run narration:build                          every lesson, every language
 *   npm run narration:build -- tree-of-milk --language fr
 *   npm run narration:build -- --force               remake every step (recordings are never overwritten)
 *   npm run narration:build -- --check               change nothing; exit 1 if a step is out of date
 *   npm run narration:build -- --root <folder>       another copy of the project
 */
const USAGE = `usage: tsx scripts/build-narration.ts [lesson id…] [--language ${LANGUAGES.join('|')}]… [--force] [--check] [--root <project folder>]`;

function parseArguments(argv: readonly string[]) {
  let root = fileURLToPath(new URL('..', import.meta.url));
  const lessons: string[] = [];
  const languages: Language[] = [];
  let force = false;
  let check = false;
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i] as string;
    const value = argv[i + 1];
    if (argument === '--force') force = true;
    else if (argument === '--check') check = true;
    else if (argument === '--root' && value !== undefined) root = resolve(argv[++i] as string);
    else if (argument === '--language' && value !== undefined && isLanguage(value)) languages.push(argv[++i] as Language);
    else if (argument === '--help' || argument === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (!argument.startsWith('-')) lessons.push(argument);
    else {
      console.error(USAGE);
      process.exit(2);
    }
  }
  return { root, lessons, languages, force, check };
}

const args = parseArguments(process.argv.slice(2));
const terminal = process.stdout.isTTY === true;
let transient = false;
const clear = () => {
  if (transient) process.stdout.write('\r\x1b[K');
  transient = false;
};

const report = buildNarration({
  ...args,
  log: (line) => {
    clear();
    console.log(line);
  },
  status: (text) => {
    if (!terminal) return;
    process.stdout.write(`\r\x1b[K${text.slice(0, (process.stdout.columns || 100) - 1)}`);
    transient = true;
  },
});
clear();
console.log(summarize(report));
if (report.problems.length > 0) {
  console.error(`\n${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}:`);
  for (const problem of report.problems) console.error(`  ${problem}`);
}
process.exitCode = report.ok ? 0 : 1;
