/**
 * `pnpm spec:diff --base <git ref> [--spec <openapi.yaml>] [--out report.md]`
 *
 * Bundles the working tree's spec (or `--spec`) and the spec committed at <ref>, both with the
 * spec's own bundler, prints a Markdown report (also appended to $GITHUB_STEP_SUMMARY when set)
 * and exits 1 when a change breaks v1. `spec/dist` is never read: it may be stale.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { classifySpecChanges } from './classify.ts';
import { markdownReport } from './report.ts';
import { SPEC_ENTRY, bundleSpecAtRef, bundleSpecFile } from './spec-source.ts';

function fail(message: string): never {
  process.stderr.write(`spec:diff: ${message}\n`);
  process.exit(2);
}

let values: { base?: string; spec?: string; out?: string };
try {
  ({ values } = parseArgs({ options: { base: { type: 'string' }, spec: { type: 'string' }, out: { type: 'string' } } }));
} catch (error) {
  fail((error as Error).message);
}
if (!values.base) fail('usage: pnpm spec:diff --base <git ref> [--spec <openapi.yaml>] [--out <report.md>]');

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
// pnpm runs scripts from the repository root; INIT_CWD keeps a relative --spec relative to the caller.
const specFile = values.spec ? resolve(process.env['INIT_CWD'] ?? process.cwd(), values.spec) : join(root, SPEC_ENTRY);
if (!existsSync(specFile)) fail(`no spec at ${specFile}`);

let before: unknown;
let after: unknown;
try {
  before = bundleSpecAtRef(root, values.base);
  after = bundleSpecFile(specFile);
} catch (error) {
  fail((error as Error).message);
}

const findings = classifySpecChanges(before, after);
const report = markdownReport(findings, values.base);
process.stdout.write(report);
if (values.out) writeFileSync(values.out, report);
if (process.env['GITHUB_STEP_SUMMARY']) appendFileSync(process.env['GITHUB_STEP_SUMMARY'], report);
process.exit(findings.some((finding) => finding.severity === 'breaking') ? 1 : 0);
