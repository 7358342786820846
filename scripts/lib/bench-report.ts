/**
 * The benchmark's verdicts and its table: each figure is measured on the gland and on the
 * reference scene, read as a ratio, and checked against its target where it has one.
 */
export type Unit = 'ms' | 'count' | 'MB';

export type Target =
  /** The gland's figure must not exceed `limit`. */
  | { kind: 'at-most'; limit: number }
  /** The gland's figure must not exceed `limit` times the reference scene's. */
  | { kind: 'ratio-at-most'; limit: number };

export interface Figure {
  id: string;
  label: string;
  unit: Unit;
  /** null when not measured; `missing` then says why. */
  gland: number | null;
  reference: number | null;
  target?: Target;
  missing?: string;
}

export interface Verdict extends Figure {
  /** gland ÷ reference; null when either is missing or the reference is 0. */
  ratio: number | null;
  /** null when there is no target or nothing to judge. */
  met: boolean | null;
}

const usable = (value: number | null): value is number => value !== null && Number.isFinite(value);

export function ratio(gland: number | null, reference: number | null): number | null {
  if (!usable(gland) || !usable(reference) || reference === 0) return null;
  return gland / reference;
}

export function judge(figure: Figure): Verdict {
  const r = ratio(figure.gland, figure.reference);
  let met: boolean | null = null;
  if (figure.target && usable(figure.gland)) {
    if (figure.target.kind === 'at-most') met = figure.gland <= figure.target.limit;
    else if (r !== null) met = r <= figure.target.limit;
  }
  return { ...figure, ratio: r, met };
}

export function formatValue(value: number | null, unit: Unit): string {
  if (!usable(value)) return '—';
  switch (unit) {
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'count':
      return Math.round(value).toLocaleString('en-GB');
  }
}

export function formatTarget(target: Target | undefined, unit: Unit): string {
  if (!target) return '';
  return target.kind === 'at-most' ? `≤ ${formatValue(target.limit, unit)}` : `≤ ${target.limit}× ref`;
}

const verdictText = (met: boolean | null): string => (met === null ? '' : met ? 'yes' : 'NO');

/** A plain-text table with aligned columns; a missing figure shows its reason instead of numbers. */
export function formatTable(verdicts: readonly Verdict[]): string {
  const header = ['figure', 'gland', 'reference', 'ratio', 'target', 'met?'];
  const rows = verdicts.map((v) => [
    v.label,
    v.gland === null && v.missing ? v.missing : formatValue(v.gland, v.unit),
    formatValue(v.reference, v.unit),
    v.ratio === null ? '—' : `${v.ratio.toFixed(2)}×`,
    formatTarget(v.target, v.unit),
    verdictText(v.met),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A file name for the results of a run started at `date`: ISO time with the colons made safe. */
export function resultFileName(date: Date): string {
  return `bench-${date.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}.json`;
}
