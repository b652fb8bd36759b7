/**
 * `pnpm bench loop`: the spec author's loop, in wall seconds on this machine.
 *
 * - one-line spec edit → `pnpm pipeline`: a description in spec/openapi.yaml gets a new word
 *   (a new text each round, so turbo's cache cannot answer), then the pipeline runs as an author
 *   runs it (lint, bundle, the generate tasks and the builds that the edit invalidates);
 * - the spec package's tests (`pnpm --filter @fortary/spec test`, no turbo cache involved);
 * - the whole `pnpm test` as an author meets it after such an edit and `pnpm pipeline`: every
 *   test runs, and the type-check re-checks what the edit reached;
 * - for information, `pnpm test --force`, which also redoes lint, bundle, generate and build
 *   (the type-check keeps its incremental state, as it does for an author).
 *
 * The spec file is restored, and the pipeline re-run on it, however a round ends.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

/** The line every round edits: the description of the Vault schema. */
const NEEDLE = 'description: A vault holds assets for one business purpose.';

/**
 * Runs `during` with a one-line edit in spec/openapi.yaml: a new word in a description (a new
 * text each time, so no cache of turbo's can answer for it). The spec is restored, and the
 * pipeline re-run on it, however `during` ends (turbo also hashes the committed generated files,
 * so that run redoes the generate and build tasks once more: see spec/README.md).
 */
function withSpecEdit<T>(during: () => T): T {
  const original = readFileSync(sourcePath, 'utf8');
  if (!original.includes(NEEDLE)) throw new Error(`spec/openapi.yaml no longer contains "${NEEDLE}": pick another line to edit`);
  try {
    writeFileSync(sourcePath, original.replace(NEEDLE, `${NEEDLE.slice(0, -1)} (bench ${process.pid}x${Date.now()}).`));
    return during();
  } finally {
    writeFileSync(sourcePath, original);
    pipeline();
  }
}

const bench: Bench = {
  name: 'loop',
  async run() {
    pipeline(); // start from a pipeline that is up to date
    const edits = [0, 1, 2].map(() => withSpecEdit(pipeline));
    const specTests = timed('pnpm', ['--filter', '@fortary/spec', 'test']);
    // An author's loop: edit, `pnpm pipeline`, then `pnpm test`, which has no result for the
    // edited spec and runs every test (the type-check re-checks what the edit reached).
    const allTests = withSpecEdit(() => {
      pipeline();
      return timed('pnpm', ['test']);
    });
    const forced = timed('pnpm', ['test', '--force']);
    return [
      { metric: 'spec edit → pipeline s', value: round(median(edits)), unit: 's', target: { atMost: 10 }, note: `median of ${edits.length} (${edits.map((s) => round(s, 1)).join(', ')})` },
      { metric: 'spec package tests s', value: round(specTests), unit: 's', target: { atMost: 40 }, note: 'pnpm --filter @fortary/spec test' },
      { metric: 'pnpm test s', value: round(allTests), unit: 's', target: { atMost: 90 }, note: 'after a one-line spec edit and pnpm pipeline' },
      { metric: 'pnpm test --force s', value: round(forced), unit: 's', note: 'lint, bundle, generate and build redone too; the type-check keeps its incremental state' },
    ];
  },
};

export default bench;
