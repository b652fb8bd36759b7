/**
 * `pnpm spec:diff --base <git ref> [--head <bundle>] [--out report.md]`
 *
 * Compares the committed bundle at <ref> with the current bundle, prints a Markdown report
 * (also appended to $GITHUB_STEP_SUMMARY when set) and exits 1 when a change breaks v1.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { classifySpecChanges } from './classify.ts';
import { markdownReport } from './report.ts';

const BUNDLE = 'spec/dist/openapi.json';

function fail(message: string): never {
  process.stderr.write(`spec:diff: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: { base: { type: 'string' }, head: { type: 'string' }, out: { type: 'string' } },
});
if (!values.base) fail('usage: pnpm spec:diff --base <git ref> [--head <bundle file>] [--out <report.md>]');

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
let baseText: string;
try {
  baseText = execFileSync('git', ['show', `${values.base}:${BUNDLE}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (error) {
  fail(`cannot read ${BUNDLE} at '${values.base}': ${String((error as { stderr?: string }).stderr ?? error).trim()}`);
}
const headFile = resolve(root, values.head ?? BUNDLE);
const parse = (text: string, where: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    fail(`${where} is not valid JSON: ${(error as Error).message}`);
  }
};

const findings = classifySpecChanges(parse(baseText, `${values.base}:${BUNDLE}`), parse(readFileSync(headFile, 'utf8'), headFile));
const report = markdownReport(findings, values.base);
process.stdout.write(report);
if (values.out) writeFileSync(values.out, report);
if (process.env['GITHUB_STEP_SUMMARY']) appendFileSync(process.env['GITHUB_STEP_SUMMARY'], report);
process.exit(findings.some((finding) => finding.severity === 'breaking') ? 1 : 0);
