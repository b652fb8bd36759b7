#!/usr/bin/env node
// `pnpm test`: runs every package's tests through turbo (each writes vitest's JSON report to
// .vitest-results.json, restored from turbo's cache on a hit), then prints one closing line
// `N passed, N failed, N skipped` summed over all packages. Extra arguments go to turbo.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceDirs } from './workspace-dirs.mjs';

const root = new URL('..', import.meta.url).pathname;
const packageDirs = workspaceDirs(root);
const reports = packageDirs.map((dir) => join(root, dir, '.vitest-results.json'));

// A report left over from an earlier run would be counted again: start clean.
for (const report of reports) rmSync(report, { force: true });

// Colours are for a person at a terminal: written to a log or a CI pipe, escape codes are noise.
// NO_COLOR silences vitest, tsc and the other tools; turbo's own output has --no-color.
const toTerminal = Boolean(process.stdout.isTTY);
const env = { ...process.env };
if (!toTerminal) {
  env.NO_COLOR = '1';
  delete env.FORCE_COLOR;
}
const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'test', '--continue', ...(toTerminal ? [] : ['--no-color']), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });

let passed = 0;
let failed = 0;
let skipped = 0;
for (const report of reports.filter((file) => existsSync(file))) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + (result.numTodoTests ?? 0);
}
if (turbo.status !== 0 && failed === 0) failed = 1; // a package failed before its tests ran
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(turbo.status ?? 1);
