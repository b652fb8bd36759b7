#!/usr/bin/env node
// `pnpm --filter @fortary/spec lint`: Redocly and Spectral on spec/openapi.yaml, side by side
// (they are independent, and each spends most of its time starting up), then their reports one
// after the other. Any finding of either fails: Redocly's config is `recommended-strict` (every
// warning an error) and Spectral runs with --fail-severity=warn.
//
// Plain Node on purpose (no TypeScript loader): it runs on every spec edit.
//
// `node scripts/lint.mjs [dir/openapi.yaml]` lints another copy of the spec (tests do) with the
// .spectral.yaml and redocly.yaml found beside it.
// LINT_FORMAT=github-actions switches both linters to GitHub annotations (CI).
// Redocly CLI prints a boxed "Node.js 20 support is ending" notice on every run under Node 20,
// with no option or variable to turn it off; it says nothing about the spec, so it is dropped
// from Redocly's stderr here (everything else is passed through).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const specDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = join(specDir, '..');
const require = createRequire(join(specDir, 'package.json'));
// Redocly's default (codeframe) shows the JSON pointer and the lines at fault; Spectral's
// stylish shows the JSON path on one line.
const redoclyFormat = process.env.LINT_FORMAT || 'codeframe';
const spectralFormat = process.env.LINT_FORMAT || 'stylish';
const spec = relative(repoDir, resolve(process.argv[2] ?? join(specDir, 'openapi.yaml')));
const beside = (name) => join(dirname(spec), name);

/** The path of a package's bin script, run with this Node (no shell, no .bin shim). */
function bin(packageName, name) {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = require(manifestPath);
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return join(dirname(manifestPath), entry);
}

// Colours only for a person at a terminal; a log or a CI annotation gets plain text.
const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1', FORCE_COLOR: '0' };
const env = { ...process.env, ...colour, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

function run(name, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (chunk) => stdout.push(chunk));
    child.stderr.on('data', (chunk) => stderr.push(chunk));
    child.on('error', (error) => resolve({ name, status: 1, stdout: '', stderr: `${name}: ${error.message}\n` }));
    child.on('close', (status, signal) => resolve({
      name,
      status: status ?? (signal ? 1 : 0),
      stdout: Buffer.concat(stdout).toString('utf8'),
      stderr: Buffer.concat(stderr).toString('utf8'),
    }));
  });
}

/** Removes Redocly's Node 20 end-of-life box (a ╔…╚ frame that names the notice). */
export function withoutNodeNotice(text) {
  return text.replace(/[^\S\n]*╔[^\n]*\n(?:[^\n]*\n)*?[^\S\n]*╚[^\n]*\n?/g, (box) => (box.includes('Node.js 20 support is ending') ? '' : box)).replace(/^\n+/, '');
}

const redocly = run('Redocly', [bin('@redocly/cli', 'redocly'), 'lint', spec, '--config', beside('redocly.yaml'), `--format=${redoclyFormat}`]);
const spectral = run('Spectral', [bin('@stoplight/spectral-cli', 'spectral'), 'lint', spec, '--ruleset', beside('.spectral.yaml'), '--fail-severity=warn', `--format=${spectralFormat}`]);

const failed = [];
for (const result of await Promise.all([redocly, spectral])) {
  process.stdout.write(result.stdout);
  process.stderr.write(result.name === 'Redocly' ? withoutNodeNotice(result.stderr) : result.stderr);
  if (result.status !== 0) failed.push(result.name);
}
if (failed.length) {
  process.stderr.write(`\nlint: ${failed.join(' and ')} found problems in ${spec} (any warning fails); fix them and run \`pnpm lint\` again.\n`);
  process.exitCode = 1;
}
