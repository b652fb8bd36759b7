/**
 * `pnpm bench loop`: the spec author's loop, in wall seconds on this machine.
 *
 * - one-line spec edit → `pnpm pipeline`: a description in spec/openapi.yaml gets a new word
 *   (a new text each round, so turbo's cache cannot answer), then the pipeline runs as an author
 *   runs it (lint, bundle, the generate tasks and the builds that the edit invalidates);
 * - the spec package's tests (`pnpm --filter @fortary/spec test`, no turbo cache involved);
 * - the whole `pnpm test` as an author meets it after `pnpm pipeline`: the builds are current
 *   (turbo's cache answers them) and no test or type-check result is cached, so every test runs;
 * - for information, `pnpm test --force`, which also redoes lint, bundle, generate and build.
 *
 * The spec file is restored, and the pipeline re-run on it, however a round ends.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, round, type Bench } from '../../scripts/bench-kit.ts';
import { sourcePath } from '../test/load.ts';

const root = new URL('../..', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_UI: '0', REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

function timed(command: string, args: string[]): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: root, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  return seconds;
}

const pipeline = () => timed('pnpm', ['pipeline', '--output-logs=errors-only']);

/** The turbo tasks `pnpm test` runs besides the builds it depends on. */
const TEST_TASKS = new Set(['test:workspace', 'typecheck']);

/**
 * Drops the cached results of the test and type-check tasks from turbo's local cache (and keeps
 * every build), so the next `pnpm test` runs every test against up-to-date builds.
 */
function forgetTestResults(): void {
  const dry = spawnSync('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'test:workspace', '--filter=//', '--dry=json'], { cwd: root, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (dry.status !== 0) throw new Error(`turbo --dry=json failed:\n${dry.stderr}`);
  const { tasks } = JSON.parse(dry.stdout) as { tasks: Array<{ task: string; hash: string }> };
  for (const { task, hash } of tasks.filter(({ task }) => TEST_TASKS.has(task))) {
    for (const suffix of ['.tar.zst', '-meta.json', '-manifest.json']) rmSync(join(root, '.turbo', 'cache', `${hash}${suffix}`), { force: true });
  }
}

/** The line every round edits: the description of the Vault schema. */
const NEEDLE = 'description: A vault holds assets for one business purpose.';

function timeSpecEdits(rounds: number): number[] {
  const original = readFileSync(sourcePath, 'utf8');
  if (!original.includes(NEEDLE)) throw new Error(`spec/openapi.yaml no longer contains "${NEEDLE}": pick another line to edit`);
  pipeline(); // start from a pipeline that is up to date
  const times: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      const word = `${process.pid}x${Date.now()}r${round}`;
      writeFileSync(sourcePath, original.replace(NEEDLE, `${NEEDLE.slice(0, -1)} (bench ${word}).`));
      times.push(pipeline());
    }
  } finally {
    writeFileSync(sourcePath, original);
    pipeline(); // put generated files back (a cache hit)
  }
  return times;
}

const bench: Bench = {
  name: 'loop',
  async run() {
    const edits = timeSpecEdits(3);
    const specTests = timed('pnpm', ['--filter', '@fortary/spec', 'test']);
    pipeline(); // the builds are current
    forgetTestResults();
    const allTests = timed('pnpm', ['test']);
    const forced = timed('pnpm', ['test', '--force']);
    return [
      { metric: 'spec edit → pipeline s', value: round(median(edits)), unit: 's', target: { atMost: 10 }, note: `median of ${edits.length} (${edits.map((s) => round(s, 1)).join(', ')})` },
      { metric: 'spec package tests s', value: round(specTests), unit: 's', target: { atMost: 40 }, note: 'pnpm --filter @fortary/spec test' },
      { metric: 'pnpm test s', value: round(allTests), unit: 's', target: { atMost: 90 }, note: 'after pnpm pipeline; no test result cached' },
      { metric: 'pnpm test --force s', value: round(forced), unit: 's', note: 'lint, bundle, generate and build redone too' },
    ];
  },
};

export default bench;
