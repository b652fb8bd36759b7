#!/usr/bin/env node
// `pnpm smoke:node-majors`: the release smoke test (scripts/smoke/run.mjs) again under each Node
// major integrators run besides the one running this script. The binaries come from the npm
// registry's `node` package through `npm exec`, which puts that node first on PATH, so the
// packing, npm install, the TypeScript compile, the packed mock's CLI and the consumer all run
// on it. Versions are pinned so a run is reproducible; bump them deliberately.
import { spawnSync } from 'node:child_process';

const PINNED = { 22: '22.23.3', 24: '24.21.0' };
const root = new URL('../..', import.meta.url).pathname;
const majors = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(PINNED);

// pnpm passes its own settings to scripts as npm_config_* variables; npm warns about the ones it
// does not know on every call (npm 10 and 11 know different ones).
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_(npm_globalconfig|_jsr_registry|verify_deps_before_run)$/i.test(key)));

function underNode(version, args, options = {}) {
  return spawnSync('npm', ['exec', '--yes', `--package=node@${version}`, '--', 'node', ...args], { cwd: root, encoding: 'utf8', env, ...options });
}

let failed = 0;
for (const major of majors) {
  const version = PINNED[major];
  if (!version) {
    console.error(`smoke:node-majors: no pinned version for Node ${major} (pinned: ${Object.keys(PINNED).join(', ')})`);
    process.exit(2);
  }
  const started = Date.now();
  const probe = underNode(version, ['-p', 'process.version']);
  const actual = probe.stdout?.trim();
  if (probe.status !== 0 || actual !== `v${version}`) {
    console.error(`smoke:node-majors: npm exec did not provide node ${version} (got ${actual || 'nothing'}):\n${probe.stderr}`);
    failed += 1;
    continue;
  }
  console.log(`smoke:node-majors: Node ${actual}`);
  const run = underNode(version, ['scripts/smoke/run.mjs'], { stdio: 'inherit' });
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`smoke:node-majors: Node ${actual} ${run.status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
