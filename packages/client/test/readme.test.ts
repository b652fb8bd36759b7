/**
 * Every TypeScript sample in the README must compile against the real package: the samples are
 * written to a scratch folder and type-checked with `@fortary/client` mapped to `src/`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const samples = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

// What the samples take for granted from the text around them.
const prelude = `import { createFortaryClient as __create } from '@fortary/client';
declare const fortary: ReturnType<typeof __create>;
declare function saveIntent(intent: unknown): Promise<void>;
`;

describe('README samples', () => {
  it('has the samples the docs promise', () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
  });

  it('compiles every sample', { timeout: 120_000 }, () => {
    const dir = join(root, 'node_modules', '.readme-samples');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = samples.map((sample, i) => {
      const file = join(dir, `sample-${i}.ts`);
      const declaresClient = /const fortary = /.test(sample);
      writeFileSync(file, `${declaresClient ? '' : prelude}${sample}\nexport {};\n`);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      typeRoots: [join(root, 'node_modules', '@types')],
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      baseUrl: root,
      paths: { '@fortary/client': ['src/index.ts'] },
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName.split('/').pop()}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    rmSync(dir, { recursive: true, force: true });
    expect(problems).toEqual([]);
  });
});
