/**
 * What a person sees: `spectral lint` (as `pnpm lint` and CI run it) names the rule, the file,
 * the line and the JSON path of a finding, in the stylish and the GitHub Actions formats.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
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

/**
 * One run of the CLI with the real ruleset (loading it is most of the cost), writing both
 * formats: stylish to a file, GitHub annotations to stdout.
 */
function lintBothFormats(file: string) {
  const stylishFile = join(dirname(file), 'stylish.txt');
  const run = spawnSync(spectral, ['lint', file, '--ruleset', rulesetPath, '--fail-severity=warn', '-f', 'github-actions', '-f', 'stylish', '--output.stylish', stylishFile], { encoding: 'utf8', cwd: specDir });
  return { status: run.status, stderr: run.stderr, githubActions: run.stdout, stylish: readFileSync(stylishFile, 'utf8') };
}

describe('spectral lint output', () => {
  const { file, line } = brokenCopy();
  let run: ReturnType<typeof lintBothFormats>;
  beforeAll(() => {
    run = lintBothFormats(file);
  }, 120_000);

  it('fails with a non-zero exit code', () => {
    expect(run.stderr).toBe('');
    expect(run.status).not.toBe(0);
  });

  it('stylish: line, rule, fix and JSON path', () => {
    expect(run.stylish).toContain(file);
    const row = run.stylish.split('\n').find((text) => text.includes('fortary-path-version'));
    expect(row).toBeDefined();
    expect(row).toMatch(new RegExp(`^\\s*${line}:\\d+\\s+error\\s+fortary-path-version\\s+Path \`/networks\` must start with \`/v1/\`.*\\spaths\\./networks\\s*$`));
  });

  it('github-actions: an annotation with file and line', () => {
    const row = run.githubActions.split('\n').find((text) => text.includes('fortary-path-version'));
    expect(row).toMatch(new RegExp(`^::error title=fortary-path-version,file=[^,]*openapi\\.yaml,col=\\d+,endColumn=\\d+,line=${line},endLine=\\d+::`));
  });
});
