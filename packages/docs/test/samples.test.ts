/**
 * Every TypeScript sample in the docs is compiled against the real @fortary/client, so the
 * docs can never show code that does not type-check.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { packageDir } from '../scripts/paths.ts';
import { loadDocsDocument, operations } from './site.ts';

const samples = operations(loadDocsDocument()).map((operation) => ({
  operationId: operation.operationId,
  source: operation.samples.find((sample) => sample.label === 'TypeScript')?.source,
}));

// Inside the package (under node_modules, which git ignores) so that `@fortary/client` resolves
// exactly as it would for an integrator's project.
const cacheDir = join(packageDir, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const workDir = mkdtempSync(join(cacheDir, 'samples-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The settings an integrator would use (strict, NodeNext ESM). */
const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
  types: ['node'],
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
};

// The libraries' declarations (TypeScript's libs, @types/node, the client's types) are the same
// for every check: each is read and parsed once, as an editor does, not once per program.
const host = ts.createCompilerHost(options);
const parsed = new Map<string, ts.SourceFile | undefined>();
const readSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, ...rest) => {
  if (fileName.startsWith(workDir)) return readSourceFile(fileName, ...rest);
  if (!parsed.has(fileName)) parsed.set(fileName, readSourceFile(fileName, ...rest));
  return parsed.get(fileName);
};

/** Type-checks the files against the real @fortary/client. */
function typeCheck(files: Record<string, string>): string[] {
  writeFileSync(join(workDir, 'package.json'), '{ "type": "module" }\n');
  const paths = Object.entries(files).map(([name, source]) => {
    const path = join(workDir, name);
    writeFileSync(path, source);
    return path;
  });
  const program = ts.createProgram(paths, options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.slice(workDir.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('TypeScript samples', () => {
  it('exist for every operation', () => {
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) expect(sample.source, sample.operationId).toContain("from '@fortary/client'");
  });

  describe('against the real @fortary/client (built: its types are in dist/)', () => {
    it('all compile', () => {
      const files = Object.fromEntries(samples.map((sample) => [`${sample.operationId}.ts`, sample.source as string]));
      expect(typeCheck(files)).toEqual([]);
    });

    it('would catch a sample with a wrong path or body (the check can fail)', () => {
      const wrong = (samples.find((sample) => sample.operationId === 'createVault')?.source ?? '')
        .replace("'/v1/vaults'", "'/v1/vaultz'");
      const missingBody = (samples.find((sample) => sample.operationId === 'createTransfer')?.source ?? '')
        .replace(/amount: '[^']*',\n/, '');
      const errors = typeCheck({ 'wrongPath.ts': wrong, 'missingAmount.ts': missingBody });
      expect(errors.some((error) => error.startsWith('wrongPath.ts'))).toBe(true);
      expect(errors.some((error) => error.startsWith('missingAmount.ts'))).toBe(true);
    });
  });
});
