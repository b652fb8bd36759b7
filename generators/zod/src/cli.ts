/**
 * `fortary-generate-zod [--spec <bundle>] [--out <dir>]`: regenerates @fortary/schemas' generated
 * sources. Run from packages/schemas (its `generate` script); the folder is replaced atomically.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledSpecPath, loadBundledSpec, replaceOutputDir, runCli } from '@fortary/codegen-kit';
import { generateZod } from './generate.ts';

const { values } = parseArgs({ options: { spec: { type: 'string' }, out: { type: 'string', default: 'src/generated' } } });

await runCli('fortary-generate-zod', () => {
  const file = values.spec ? resolve(values.spec) : bundledSpecPath();
  replaceOutputDir(resolve(values.out), generateZod(loadBundledSpec(file), file));
});
