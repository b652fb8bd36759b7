/**
 * A package README's TypeScript samples, as a reader runs them: written inside the package so
 * that its own name resolves to its build (as published), type-checked with the package's
 * compiler options, run with tsx, and each `console.log(…)` must print what its comment says
 * (the comment at the end of the line, or the comment lines right under it).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What the comments promise each console.log prints, in order. */
export function promisedOutput(sample: string): string[] {
  const lines = sample.split('\n');
  return lines.flatMap((line, index) => {
    if (!line.includes('console.log(')) return [];
    const trailing = /\);\s*\/\/ (.*)$/.exec(line);
    if (trailing) return [trailing[1]!];
    const below = lines.slice(index + 1).findIndex((next) => !next.startsWith('//'));
    return [lines.slice(index + 1, below === -1 ? undefined : index + 1 + below).map((comment) => comment.replace(/^\/\/ ?/, '')).join('\n')];
  });
}

/** Runs a sample file with tsx in the package folder; resolves when it has exited. */
function runSample(file: string, packageDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', file], { cwd: packageDir, encoding: 'utf8' }, (_, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }));
  });
}

/**
 * Registers the suite for the package at `packageUrl` (its folder). `printed[i]` is how many
 * values sample i prints, so a sample that loses a `console.log` (and so a checked promise) fails.
 */
export function readmeSampleSuite(packageUrl: URL, packageName: string, printed: number[]): void {
  const packageDir = fileURLToPath(packageUrl);
  const samples = [...readFileSync(join(packageDir, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const artifacts = join(packageDir, 'test-artifacts', 'readme');
  afterAll(() => rmSync(artifacts, { recursive: true, force: true }));

  describe('README samples', () => {
    mkdirSync(artifacts, { recursive: true });
    const files = samples.map((sample, index) => {
      const file = join(artifacts, `sample-${index}.ts`);
      writeFileSync(file, sample);
      return file;
    });

    // The samples start running in their own processes now, while this worker type-checks them.
    let runs: ReturnType<typeof runSample>[] = [];
    beforeAll(() => {
      runs = files.map((file) => runSample(file, packageDir));
    });

    it('has its samples, and every value they print is promised in a comment', () => {
      expect(samples.map((sample) => promisedOutput(sample).length)).toEqual(printed);
      expect(samples.flatMap(promisedOutput).every((text) => text.length > 0)).toBe(true);
    });

    it('type-checks against the published package', () => {
      expect(existsSync(join(packageDir, 'dist', 'index.d.ts')), `the package is built (pnpm --filter ${packageName} build)`).toBe(true);
      const config = ts.getParsedCommandLineOfConfigFile(join(packageDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
      const program = ts.createProgram(files, { ...config.options, noEmit: true });
      const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.formatDiagnostic(diagnostic, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => packageDir, getNewLine: () => '\n' }));
      expect(problems).toEqual([]);
    });

    it.each(samples.map((sample, index) => [index, sample] as const))('sample %i runs and prints what its comments say', async (index, sample) => {
      const result = await runs[index]!;
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout.trimEnd().split('\n')).toEqual(promisedOutput(sample).join('\n').split('\n'));
    });
  });
}
