import { spawnSync } from 'node:child_process';

/**
 * The two programs the narration build runs on the author's machine: espeak-ng (speech, one WAV
 * per sentence) and opusenc from opus-tools (one Opus file per step). Both are Debian packages and
 * work offline. Everything else (joining, timing, WebVTT) is done in TypeScript.
 */

export const INSTALL_HINT = 'install them with: sudo apt-get install espeak-ng opus-tools (Debian or Ubuntu; other systems: see docs/narration.md)';

/** A program is missing or failed: the message says which and what to do. */
export class ToolError extends Error {
  override name = 'ToolError';
  constructor(
    message: string,
    /** True when the program is not installed: every other step would fail the same way. */
    readonly missing: boolean,
  ) {
    super(message);
  }
}

export interface NarrationTools {
  /** The espeak-ng command (a name on the PATH or a path). */
  espeak: string;
  /** The opusenc command. */
  opusenc: string;
}

export const DEFAULT_TOOLS: NarrationTools = { espeak: 'espeak-ng', opusenc: 'opusenc' };

function run(command: string, args: readonly string[], input?: string): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ToolError(`${command} was not found: ${INSTALL_HINT}`, true);
    throw new ToolError(`${command} could not be started: ${result.error.message}`, false);
  }
  if (result.status !== 0) {
    const said = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(0, 5).join(' / ');
    throw new ToolError(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})${said ? `: ${said}` : ''}`, false);
  }
  return result.stdout;
}

/** `espeak-ng 1.51`. */
export function espeakVersion(tools: NarrationTools): string {
  const output = run(tools.espeak, ['--version']);
  return `espeak-ng ${/text-to-speech:\s*(\S+)/.exec(output)?.[1] ?? 'unknown version'}`;
}

/** Checks that opusenc runs; returns `opusenc 0.2 (libopus 1.3.1)` or the like. */
export function opusencVersion(tools: NarrationTools): string {
  const output = run(tools.opusenc, ['--version']);
  const match = /opus-tools\s+(\S+)\s+\(using (libopus [^)]+)\)/.exec(output);
  return match ? `opusenc ${match[1]} (${match[2]})` : 'opusenc';
}

/**
 * Speaks one sentence into a WAV file (16-bit mono PCM at 22,050 Hz). The text goes through stdin
 * as UTF-8, so nothing in it can be taken for an option; `-z` leaves out the final pause (the build
 * adds its own).
 */
export function speakToWav(tools: NarrationTools, text: string, voice: string, rateWpm: number, wavPath: string): void {
  run(tools.espeak, ['-v', voice, '-s', String(rateWpm), '-b', '1', '-z', '-w', wavPath, '--stdin'], text);
}

export interface OpusOptions {
  bitrateKbps: number;
  /** The Ogg stream serial number: fixed so the same input gives the same file. */
  serial: number;
  title: string;
  /** Extra `NAME=value` comments. */
  comments: readonly string[];
}

/** Encodes a WAV file as Opus, tuned for speech. */
export function encodeOpus(tools: NarrationTools, wavPath: string, opusPath: string, options: OpusOptions): void {
  run(tools.opusenc, [
    '--quiet',
    '--speech',
    '--bitrate',
    String(options.bitrateKbps),
    '--serial',
    String(options.serial),
    '--title',
    options.title,
    ...options.comments.flatMap((comment) => ['--comment', comment]),
    wavPath,
    opusPath,
  ]);
}
