/**
 * `fortary-generate-docs [--spec <bundle>] [--changelog <CHANGELOG.md>] [--out <dir>]`:
 * regenerates @fortary/docs' generated document. Run from packages/docs (its `generate` script);
 * the folder is replaced atomically.
 */
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundledSpecPath, loadBundledSpec, replaceOutputDir, runCli } from '@fortary/codegen-kit';
import { loadChangelogPage } from './changelog-page.ts';
import { generateDocs } from './generate.ts';

const { values } = parseArgs({ options: { spec: { type: 'string' }, changelog: { type: 'string' }, out: { type: 'string', default: 'src/generated' } } });

await runCli('fortary-generate-docs', async () => {
  const specFile = values.spec ? resolve(values.spec) : bundledSpecPath();
  const document = loadBundledSpec(specFile);
  const changelogFile = values.changelog ? resolve(values.changelog) : createRequire(join(process.cwd(), 'package.json')).resolve('@fortary/spec/CHANGELOG.md');
  const pages = [loadChangelogPage(changelogFile)];
  replaceOutputDir(resolve(values.out), generateDocs(document, relative(process.cwd(), specFile) || specFile, undefined, pages));
});
