/**
 * `fortary-generate-types [--spec <bundle>] [--out <dir>]`: regenerates @fortary/types' generated
 * sources. Run from packages/types (its `generate` script); the folder is replaced atomically.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledSpecPath, loadBundledSpec, replaceOutputDir, runCli } from '@fortary/codegen-kit';
import { generateTypes } from './generate.ts';

const { values } = parseArgs({ options: { spec: { type: 'string' }, out: { type: 'string', default: 'src/generated' } } });

await runCli('fortary-generate-types', async () => {
  const document = loadBundledSpec(values.spec ? resolve(values.spec) : bundledSpecPath());
  replaceOutputDir(resolve(values.out), await generateTypes(document));
});
