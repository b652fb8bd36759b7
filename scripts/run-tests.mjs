#!/usr/bin/env node
// `pnpm test`: through turbo, the workspace's type-check (`//#typecheck`) beside every package's
// tests in one vitest (`//#test:workspace`, see scripts/vitest.workspace.ts), each after the builds it
// needs; then one closing line `N passed, N failed, N skipped`. vitest writes its JSON report
// to .vitest-results.json (restored from turbo's cache on a hit). Extra arguments go to turbo.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const report = join(root, '.vitest-results.json');

// A report left over from an earlier run would be counted as this one's: start clean.
rmSync(report, { force: true });

// Colours are for a person at a terminal: written to a log or a CI pipe, escape codes are noise.
// NO_COLOR silences vitest, tsc and the other tools; turbo's own output has --no-color.
const toTerminal = Boolean(process.stdout.isTTY);
const env = { ...process.env };
if (!toTerminal) {
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
}
const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'test:workspace', '--filter=//', '--continue', ...(toTerminal ? [] : ['--no-color']), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests;
  skipped = result.numPendingTests + (result.numTodoTests ?? 0);
}
if (turbo.status !== 0 && failed === 0) failed = 1; // a build or the type-check failed, or vitest never reported
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(turbo.status ?? 1);
