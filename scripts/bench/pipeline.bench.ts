import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { median, round, type Bench } from '../bench-kit.ts';

const root = new URL('../..', import.meta.url).pathname;

function timePipeline(extra: string[]): number {
  const started = performance.now();
  const run = spawnSync('pnpm', ['exec', 'turbo', 'run', 'lint', 'build', '--output-logs=errors-only', ...extra], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`pipeline failed:\n${run.stdout}\n${run.stderr}`);
  return seconds;
}

/** The main job (lint + bundle + generate + build), without turbo's cache and with a full hit. */
const bench: Bench = {
  name: 'pipeline',
  async run() {
    const cold = median([timePipeline(['--force']), timePipeline(['--force'])]);
    timePipeline([]); // fill the cache after the forced runs
    const warm = median([timePipeline([]), timePipeline([]), timePipeline([])]);
    return [
      { metric: 'cold seconds', value: round(cold), unit: 's', target: { atMost: 20 }, note: 'turbo --force, median of 2' },
      { metric: 'warm seconds', value: round(warm), unit: 's', target: { atMost: 1.5 }, note: 'full cache hit, median of 3' },
      { metric: 'cold/warm ratio', value: round(cold / warm, 1), unit: '×', note: 'same run' },
    ];
  },
};

export default bench;
