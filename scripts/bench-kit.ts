/**
 * The shape every benchmark module exports (as its default export). `pnpm bench` finds the
 * modules in `scripts/bench/` and in the `bench/` folder of every workspace package, runs them one
 * after another, prints one table, and merges their figures into bench-results.json.
 */
export interface BenchFigure {
  /** What was measured, e.g. `warm seconds`. */
  metric: string;
  value: number;
  unit: string;
  /** What the figure is compared with (baseline, sample count), for the table. */
  note?: string;
  /** The figure's target: `pnpm bench` marks a figure that misses it and exits non-zero. */
  target?: Target;
}

/** A bound the figure must stay within (both ends inclusive). */
export interface Target {
  atMost?: number;
  atLeast?: number;
}

/** Whether `figure` meets its target (a figure without one always does). */
export function meetsTarget({ value, target }: BenchFigure): boolean {
  if (!target) return true;
  return (target.atMost === undefined || value <= target.atMost) && (target.atLeast === undefined || value >= target.atLeast);
}

/** The target as the table shows it, e.g. `≤ 10 s`. */
export function describeTarget({ target, unit }: BenchFigure): string {
  if (!target) return '';
  const bounds = [target.atLeast === undefined ? '' : `≥ ${target.atLeast}`, target.atMost === undefined ? '' : `≤ ${target.atMost}`].filter(Boolean);
  return `${bounds.join(' and ')} ${unit}`.trim();
}

export interface Bench {
  /** The key in bench-results.json. */
  name: string;
  run(): Promise<BenchFigure[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function round(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}
