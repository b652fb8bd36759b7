import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourcePath, specDir } from './load.ts';

const tsx = join(specDir, 'node_modules/.bin/tsx');
const original = readFileSync(sourcePath, 'utf8');
const previousBundle = '{"previous": "bundle"}\n';

function bundleBroken(mutate: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'fortary-broken-'));
  const input = join(dir, 'openapi.yaml');
  const output = join(dir, 'dist', 'openapi.json');
  mkdirSync(join(dir, 'dist'));
  writeFileSync(input, mutate(original));
  writeFileSync(output, previousBundle);
  const run = spawnSync(tsx, [join(specDir, 'scripts/bundle.ts'), '--input', input, '--output', output], { cwd: dir, encoding: 'utf8' });
  return { run, output, dir };
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('a broken spec fails the bundle with file, line and pointer, and leaves the old output', () => {
  it('reports a YAML syntax error with its line', () => {
    const needle = '      operationId: getVault\n';
    const { run, output, dir } = bundleBroken((text) => text.replace(needle, '      operationId: [getVault\n'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/openapi\.yaml:\d+:\d+: YAML syntax error/);
    const reported = Number(/openapi\.yaml:(\d+):/.exec(run.stderr)?.[1]);
    expect(Math.abs(reported - lineOf(original, needle))).toBeLessThanOrEqual(2);
    expect(readFileSync(output, 'utf8')).toBe(previousBundle);
    expect(readdirSync(join(dir, 'dist'))).toEqual(['openapi.json']);
  });

  it('reports a dangling $ref with its line and the pointer of the reference', () => {
    const needle = "                $ref: '#/components/schemas/VaultPage'";
    const { run, output } = bundleBroken((text) => text.replace(needle, "                $ref: '#/components/schemas/VaultPages'"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`openapi.yaml:${lineOf(original, needle)}:`);
    expect(run.stderr).toContain('#/paths/~1v1~1vaults/get/responses/200/content/application~1json/schema/$ref');
    expect(run.stderr).toContain("'#/components/schemas/VaultPages' does not resolve");
    expect(readFileSync(output, 'utf8')).toBe(previousBundle);
  });

  it('writes the bundle when the spec is sound', () => {
    const { run, output } = bundleBroken((text) => text);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(output, 'utf8')).openapi).toBe('3.1.0');
  });
});
