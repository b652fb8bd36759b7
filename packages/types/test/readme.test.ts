/**
 * The README's TypeScript samples, as a reader runs them: written inside this package so that
 * `@fortary/types` resolves to its build (as published), type-checked with the package's compiler
 * options, run with tsx, and each `console.log(…)` must print what its comment says (the comment at
 * the end of the line, or the comment lines right under it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const samples = [...readFileSync(join(packageDir, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
const artifacts = join(packageDir, 'test-artifacts', 'readme');
afterAll(() => rmSync(artifacts, { recursive: true, force: true }));

/** What the comments promise each console.log prints, in order. */
function promisedOutput(sample: string): string[] {
  const lines = sample.split('\n');
  return lines.flatMap((line, index) => {
    if (!line.includes('console.log(')) return [];
    const trailing = /\);\s*\/\/ (.*)$/.exec(line);
    if (trailing) return [trailing[1]!];
    const below = lines.slice(index + 1).findIndex((next) => !next.startsWith('//'));
    return [lines.slice(index + 1, below === -1 ? undefined : index + 1 + below).map((comment) => comment.replace(/^\/\/ ?/, '')).join('\n')];
  });
}

describe('README samples', () => {
  mkdirSync(artifacts, { recursive: true });
  const files = samples.map((sample, index) => {
    const file = join(artifacts, `sample-${index}.ts`);
    writeFileSync(file, sample);
    return file;
  });

  it('has the sample, and every value it prints is promised in a comment', () => {
    expect(samples).toHaveLength(1);
    expect(promisedOutput(samples[0]!)).toHaveLength(1);
    expect(promisedOutput(samples[0]!).every((text) => text.length > 0)).toBe(true);
  });

  it('type-checks against the published package', () => {
    expect(existsSync(join(packageDir, 'dist', 'index.d.ts')), 'the package is built (pnpm --filter @fortary/types build)').toBe(true);
    const config = ts.getParsedCommandLineOfConfigFile(join(packageDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram(files, { ...config.options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.formatDiagnostic(diagnostic, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => packageDir, getNewLine: () => '\n' }));
    expect(problems).toEqual([]);
  });

  it.each(samples.map((sample, index) => [index, sample] as const))('sample %i runs and prints what its comments say', (index, sample) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', files[index]!], { cwd: packageDir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toEqual(promisedOutput(sample).join('\n').split('\n'));
  });
});
