/**
 * `fortary-generate-docs [--spec <bundle>] [--out <dir>]`: regenerates @fortary/docs' generated
 * document. Run from packages/docs (its `generate` script); the folder is replaced atomically.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledSpecPath, loadBundledSpec, replaceOutputDir, runCli } from '@fortary/codegen-kit';
import { generateDocs } from './generate.ts';

const { values } = parseArgs({ options: { spec: { type: 'string' }, out: { type: 'string', default: 'src/generated' } } });

await runCli('fortary-generate-docs', async () => {
  const specFile = values.spec ? resolve(values.spec) : bundledSpecPath();
  const document = loadBundledSpec(specFile);
  replaceOutputDir(resolve(values.out), generateDocs(document, relative(process.cwd(), specFile) || specFile));
});
