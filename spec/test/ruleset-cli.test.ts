/**
 * What a person sees: `spectral lint` (as `pnpm lint` and CI run it) names the rule, the file,
 * the line and the JSON path of a finding, in the stylish and the GitHub Actions formats.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesetPath, sourceText } from './ruleset-lint.ts';
import { specDir } from './load.ts';

const spectral = join(specDir, 'node_modules/.bin/spectral');

/** The spec with its first path unversioned, written to a temporary openapi.yaml. */
function brokenCopy(): { file: string; line: number } {
  const needle = '\n  /v1/networks:\n';
  expect(sourceText).toContain(needle);
  const text = sourceText.replace(needle, '\n  /networks:\n');
  const file = join(mkdtempSync(join(tmpdir(), 'fortary-lint-')), 'openapi.yaml');
  writeFileSync(file, text);
  return { file, line: text.slice(0, text.indexOf('\n  /networks:\n') + 1).split('\n').length };
}

function lint(file: string, format: string) {
  return spawnSync(spectral, ['lint', file, '--ruleset', rulesetPath, '--fail-severity=warn', '-f', format], { encoding: 'utf8', cwd: specDir });
}

describe('spectral lint output', () => {
  const { file, line } = brokenCopy();

  it('stylish: line, rule, fix and JSON path, and a failing exit code', () => {
    const run = lint(file, 'stylish');
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain(file);
    const row = run.stdout.split('\n').find((text) => text.includes('fortary-path-version'));
    expect(row).toBeDefined();
    expect(row).toMatch(new RegExp(`^\\s*${line}:\\d+\\s+error\\s+fortary-path-version\\s+Path \`/networks\` must start with \`/v1/\`.*\\spaths\\./networks\\s*$`));
  });

  it('github-actions: an annotation with file and line', () => {
    const run = lint(file, 'github-actions');
    expect(run.status).not.toBe(0);
    const row = run.stdout.split('\n').find((text) => text.includes('fortary-path-version'));
    expect(row).toMatch(new RegExp(`^::error title=fortary-path-version,file=[^,]*openapi\\.yaml,col=\\d+,endColumn=\\d+,line=${line},endLine=\\d+::`));
  });
});
