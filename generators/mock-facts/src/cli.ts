/**
 * `fortary-generate-mock-facts [--spec <bundle>] [--out <dir>]`: regenerates @fortary/mock's
 * `src/generated` folder. Run from packages/mock (its `generate` script); the folder is replaced
 * atomically, so a failure leaves the previous facts in place.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledSpecPath, loadBundledSpec, replaceOutputDir, runCli } from '@fortary/codegen-kit';
import { generateMockFacts } from './generate.ts';

const { values } = parseArgs({ options: { spec: { type: 'string' }, out: { type: 'string', default: 'src/generated' } } });

await runCli('fortary-generate-mock-facts', async () => {
  const file = values.spec ? resolve(values.spec) : bundledSpecPath();
  replaceOutputDir(resolve(values.out), generateMockFacts(loadBundledSpec(file), file));
});
