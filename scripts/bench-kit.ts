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
  /** The target or baseline it is compared with, for the table. */
  note?: string;
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
