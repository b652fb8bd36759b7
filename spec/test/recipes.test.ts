/**
 * The spec author's guide cannot rot: every recipe of spec/README.md is applied to a copy of the
 * spec, and the copy goes through what the recipe tells the author to run. Each recipe alone
 * must satisfy the fortary-* rules; all of them together must pass the full lint (Redocly and
 * Spectral, as `pnpm lint`), bundle, regenerate types, zod schemas and docs (into a temporary
 * folder), and keep every example valid against its schema.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundledSpec, replaceOutputDir } from '@fortary/codegen-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { generateDocs } from '../../generators/docs/src/generate.ts';
import { generateTypes } from '../../generators/types/src/generate.ts';
import { generateZod } from '../../generators/zod/src/generate.ts';
import { collectExamples, exampleValidator } from './examples.ts';
import { specDir } from './load.ts';
import { recipes } from './recipes.ts';
import { lintWith, ownRules, parseSpec } from './ruleset-lint.ts';
import { copySpec, lintCopy } from './spec-copy.ts';

const guide = readFileSync(join(specDir, 'README.md'), 'utf8');

describe('each recipe of the guide', () => {
  it.each(recipes.map((recipe) => [recipe.title, recipe] as const))('%s: is a section of spec/README.md and satisfies the fortary rules', async (title, recipe) => {
    expect(guide).toContain(`### ${title}`);
    expect(await lintWith(recipe.apply, ownRules)).toEqual([]);
  });
});

describe('all recipes applied together, through the author\'s commands', () => {
  const spec = parseSpec();
  for (const recipe of recipes) recipe.apply(spec);
  const copy = copySpec(YAML.stringify(spec, { aliasDuplicateObjects: false }));
  const bundleFile = join(copy.dir, 'dist', 'openapi.json');
  let lint: ReturnType<typeof lintCopy>;
  let bundle: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    lint = lintCopy(copy);
    mkdirSync(join(copy.dir, 'dist'));
    bundle = spawnSync(join(specDir, 'node_modules/.bin/tsx'), [join(specDir, 'scripts/bundle.ts'), '--input', copy.file, '--output', bundleFile], { cwd: copy.dir, encoding: 'utf8' });
  }, 180_000);

  it('pnpm lint: both linters, no finding', () => {
    expect(lint.status, lint.output).toBe(0);
  });

  it('pnpm bundle', () => {
    expect(bundle.stderr).toBe('');
    expect(bundle.status).toBe(0);
  });

  it('pnpm generate: types, zod schemas and docs carry every change', async () => {
    const document = loadBundledSpec(bundleFile);
    const outputs = {
      types: await generateTypes(document),
      schemas: generateZod(document, bundleFile),
      docs: generateDocs(document, bundleFile),
    };
    for (const [name, files] of Object.entries(outputs)) {
      replaceOutputDir(join(copy.dir, 'generated', name), files);
      const text = Object.values(files).join('\n');
      for (const recipe of recipes) {
        for (const expected of recipe.generates[name as keyof typeof outputs] ?? []) expect(text, `${name}: ${recipe.title}`).toMatch(expected);
      }
    }
  });

  it('every example still validates against its schema', () => {
    const document = JSON.parse(readFileSync(bundleFile, 'utf8'));
    const ajv = exampleValidator(document);
    const invalid = collectExamples(document).filter((example) => !ajv.getSchema(`openapi.json#${example.schema}`)!(example.value)).map((example) => example.at);
    expect(invalid).toEqual([]);
  });
});
