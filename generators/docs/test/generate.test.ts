import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { bundledSpecPath, listOperations, loadBundledSpec, LocatedError, readErrorCatalog, type OpenApiDocument } from '@fortary/codegen-kit';
import { describe, expect, it } from 'vitest';
import { CHANGELOG_PAGE, CONCEPTS_GROUP, curlSample, sampleIdempotencyKey, loadChangelogPage, generateDocs, loadConceptPages, PUBLISHED_SPEC_FILE, renderErrorCatalog, sampleInput, toTypeScriptLiteral, typeScriptSample, withCodeSamples } from '../src/index.ts';

const specFile = bundledSpecPath(new URL('../../../spec', import.meta.url).pathname);
const spec = loadBundledSpec(specFile);
const generated = generateDocs(spec, 'spec/dist/openapi.json');
const docs = JSON.parse(generated['openapi.docs.json'] as string) as OpenApiDocument;
const published = JSON.parse(generated[PUBLISHED_SPEC_FILE] as string) as OpenApiDocument;

describe('the docs document', () => {
  it('adds every concept page as a trait tag in its own group, before the reference', () => {
    const tags = docs['tags'] as Array<{ name: string; description?: string; 'x-traitTag'?: boolean }>;
    const concepts = tags.filter((tag) => tag['x-traitTag']);
    expect(concepts.map((tag) => tag.name)).toEqual([
      'Authentication and API keys', 'Identifiers and data formats', 'Networks and assets', 'Pagination', 'Errors',
      'Rate limits', 'Idempotency', 'Versioning and deprecation', 'Resilient integration checklist', 'Events and webhooks',
    ]);
    for (const tag of concepts) expect(tag.description?.length, tag.name).toBeGreaterThan(400);
    const groups = docs['x-tagGroups'] as Array<{ name: string; tags: string[] }>;
    expect(groups[0]).toEqual({ name: CONCEPTS_GROUP, tags: concepts.map((tag) => tag.name) });
    expect(groups.slice(1)).toEqual(spec['x-tagGroups']);
  });

  it('leaves the spec itself untouched', () => {
    expect(spec['tags']).not.toContainEqual(expect.objectContaining({ 'x-traitTag': true }));
    expect(JSON.stringify(spec)).not.toContain('x-codeSamples');
  });

  it('puts the whole error catalog, from x-error-catalog, on the errors page', () => {
    const errors = (docs['tags'] as Array<{ name: string; description: string }>).find((tag) => tag.name === 'Errors');
    const catalog = readErrorCatalog(spec, 'spec');
    expect(catalog.length).toBe(((spec.components['schemas']?.['ErrorCode'] as { enum: string[] }).enum).length);
    for (const entry of catalog) expect(errors?.description).toContain(`| ${entry.status} | \`${entry.type}\` | \`${entry.code}\` |`);
    expect(errors?.description).not.toContain('generated:');
  });

  it("lists on the errors page every error type with exactly the statuses the catalog gives it", () => {
    const errors = (docs['tags'] as Array<{ name: string; description: string }>).find((tag) => tag.name === 'Errors')?.description ?? '';
    const written = Object.fromEntries([...errors.matchAll(/^\| `([a-z_]+)` \| ([\d, ]+) \|/gm)].map(([, type, statuses]) => [type, (statuses as string).split(', ').map(Number)]));
    const fromCatalog: Record<string, number[]> = {};
    for (const entry of readErrorCatalog(spec, 'spec')) fromCatalog[entry.type] = [...new Set([...(fromCatalog[entry.type] ?? []), entry.status])].sort((a, b) => a - b);
    expect(written).toEqual(fromCatalog);
  });

  it('gives every operation a TypeScript and a curl sample built from its path, parameters and example', () => {
    for (const { operationId, method, path, operation } of listOperations(docs)) {
      const samples = operation['x-codeSamples'] as Array<{ label: string; source: string }>;
      expect(samples.map((sample) => sample.label), operationId).toEqual(['TypeScript', 'curl']);
      const [typescript, curl] = samples as unknown as [{ source: string }, { source: string }];
      expect(typescript.source).toContain(`fortary.${method.toUpperCase()}('${path}'`);
      expect(curl.source).toMatch(new RegExp(`^curl${method === 'get' ? '' : ` -X ${method.toUpperCase()}`} "\\$\\{FORTARY_BASE_URL:-https://api\\.fortary\\.com\\}/`));
      expect(typescript.source).toContain('baseUrl: process.env.FORTARY_BASE_URL');
      const example = (operation['requestBody'] as { content: Record<string, { example: unknown }> } | undefined)?.content['application/json']?.example;
      if (example !== undefined) {
        const data = /--data '([\s\S]*)'\n$/.exec(curl.source)?.[1];
        expect(JSON.parse((data ?? '').replaceAll(`'\\''`, "'")), operationId).toEqual(example);
      }
      const check = spawnSync('bash', ['-n'], { input: curl.source, encoding: 'utf8' });
      expect(check.status, `${operationId}: ${check.stderr}`).toBe(0);
    }
  });

  it('writes the createTransfer sample with its path id, required idempotency key and body', () => {
    const entry = listOperations(spec).find((operation) => operation.operationId === 'createTransfer');
    const input = sampleInput(spec, entry!, 'spec');
    const source = typeScriptSample(input);
    expect(source).toContain("path: { vaultId: 'vault_3f8a2c1d9b' }");
    const key = sampleIdempotencyKey('createTransfer');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(source).toContain(`header: { 'Idempotency-Key': '${key}' }`);
    expect(source).toContain("amount: '1249.500000'");
    expect(curlSample(input, 'https://api.example')).toContain(`-H 'Idempotency-Key: ${key}'`);
  });

  it('gives every POST sample an Idempotency-Key of its own', () => {
    const keys = listOperations(spec)
      .filter((operation) => operation.method === 'post')
      .map((operation) => /Idempotency-Key: ([0-9a-f-]+)/.exec(curlSample(sampleInput(spec, operation, 'spec'), 'https://api.example'))?.[1]);
    expect(keys.length).toBeGreaterThan(1);
    expect(keys.every((key) => key !== undefined)).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves the cursor out of list samples and explains how to page instead', () => {
    const entry = listOperations(spec).find((operation) => operation.operationId === 'listVaults');
    const input = sampleInput(spec, entry!, 'spec');
    expect(input.paged).toBe(true);
    expect(typeScriptSample(input)).not.toContain('cursor:');
    expect(typeScriptSample(input)).toContain('nextCursor');
  });
});

describe('the published spec', () => {
  it('is the bundle with the same samples as the docs on every operation, and no concept pages', () => {
    expect(Object.keys(generated).sort()).toEqual(['openapi.docs.json', PUBLISHED_SPEC_FILE]);
    const { 'x-generated': notice, ...rest } = published;
    expect(notice).toMatch(/Do not edit it by hand/);
    const samplesOf = (document: OpenApiDocument) => Object.fromEntries(listOperations(document).map((entry) => [entry.operationId, entry.operation['x-codeSamples']]));
    expect(samplesOf(published)).toEqual(samplesOf(docs));
    for (const samples of Object.values(samplesOf(published))) expect((samples as Array<{ label: string }>).map((sample) => sample.label)).toEqual(['TypeScript', 'curl']);
    const stripped = structuredClone(rest) as OpenApiDocument;
    for (const entry of listOperations(stripped)) delete entry.operation['x-codeSamples'];
    expect(stripped).toEqual(spec);
  });

  it('rejects hand-written samples in the spec, naming the operation', () => {
    const broken = structuredClone(spec);
    const entry = listOperations(broken).find((operation) => operation.operationId === 'listVaults')!;
    entry.operation['x-codeSamples'] = [];
    expect(() => withCodeSamples(broken, 'spec.json')).toThrow(/spec\.json.*\/paths\/~1v1~1vaults\/get\/x-codeSamples.*generated by the docs/);
  });
});

describe('bad input is a located error', () => {
  it('rejects a catalog entry with a stray key (an unquoted comma in YAML)', () => {
    const broken = structuredClone(spec);
    const catalog = (broken.components['schemas']?.['ErrorCode'] as Record<string, Record<string, Record<string, unknown>>>)['x-error-catalog']!;
    catalog['insufficient_scope'] = { status: 403, type: 'permission', description: 'The key lacks a scope', 'or more.': null };
    expect(() => generateDocs(broken, 'spec.json')).toThrow(/^spec\.json \(at #\/components\/schemas\/ErrorCode\/x-error-catalog\/insufficient_scope\): unexpected key\(s\) "or more\."/);
  });

  it('rejects a catalog that misses a code of the enum', () => {
    const broken = structuredClone(spec);
    delete (broken.components['schemas']?.['ErrorCode'] as Record<string, Record<string, unknown>>)['x-error-catalog']!['rate_limited'];
    expect(() => generateDocs(broken, 'spec.json')).toThrow(/x-error-catalog\): no catalog entry for rate_limited/);
  });

  it('rejects a request body without an example', () => {
    const broken = structuredClone(spec);
    const entry = listOperations(broken).find((operation) => operation.operationId === 'createVault')!;
    delete (entry.operation['requestBody'] as { content: Record<string, Record<string, unknown>> }).content['application/json']!['example'];
    expect(() => sampleInput(broken, entry, 'spec.json')).toThrow(LocatedError);
    expect(() => sampleInput(broken, entry, 'spec.json')).toThrow(/\/paths\/~1v1~1vaults\/post\/requestBody.*no example/);
  });

  it('reports a shared request body without an example where it is written', () => {
    const broken = structuredClone(spec);
    const entry = listOperations(broken).find((operation) => operation.operationId === 'createVault')!;
    const body = entry.operation['requestBody'] as { content: Record<string, Record<string, unknown>> };
    delete body.content['application/json']!['example'];
    broken.components['requestBodies'] = { NewVault: body };
    entry.operation['requestBody'] = { $ref: '#/components/requestBodies/NewVault' };
    expect(() => sampleInput(broken, entry, 'spec.json')).toThrow(/\(at #\/components\/requestBodies\/NewVault\/content\/application~1json\): the request body has no example/);
  });

  it('rejects an unknown generated block in a concept page, naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concepts-'));
    writeFileSync(join(dir, '01-page.md'), '# Page\n\nText\n\n<!-- generated:nope -->\n');
    expect(() => loadConceptPages({ 'error-catalog': '' }, dir)).toThrow(/01-page\.md:5:1.*unknown generated block 'nope'/);
  });

  it('rejects a concept page without a title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concepts-'));
    writeFileSync(join(dir, '01-page.md'), 'no title\n');
    expect(() => loadConceptPages({}, dir)).toThrow(/starts with `# Title`/);
  });
});

describe('helpers', () => {
  it('writes JSON values as readable TypeScript literals', () => {
    expect(toTypeScriptLiteral({ name: "O'Brien", 'Idempotency-Key': 'k' })).toBe("{ name: 'O\\'Brien', 'Idempotency-Key': 'k' }");
    expect(toTypeScriptLiteral({ list: ['a', 'b'], nested: { n: 1 } })).toBe("{\n  list: ['a', 'b'],\n  nested: { n: 1 },\n}");
  });

  it('renders the catalog ordered by status', () => {
    const table = renderErrorCatalog([
      { code: 'b', status: 500, type: 'internal', description: 'x | y' },
      { code: 'a', status: 404, type: 'not_found', description: 'z' },
    ]);
    expect(table.split('\n').slice(2)).toEqual(['| 404 | `not_found` | `a` | z | No |', '| 500 | `internal` | `b` | x \\| y | Yes, with backoff |']);
  });
});

describe('the changelog page', () => {
  it('adds the committed API changelog after the concept pages, without its generated comment and title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-changelog-'));
    const file = join(dir, 'CHANGELOG.md');
    writeFileSync(file, '<!-- Generated: do not edit. -->\n# API changelog\n\nIntro.\n\n## 1.0.0 (2026-11-29)\n\n### Added\n\n- `GET /v1/vaults`: List vaults\n');
    const withChangelog = JSON.parse(generateDocs(spec, 'spec/dist/openapi.json', undefined, [loadChangelogPage(file)])['openapi.docs.json'] as string) as OpenApiDocument;
    const tags = withChangelog['tags'] as Array<{ name: string; description?: string; 'x-traitTag'?: boolean }>;
    const page = tags.find((tag) => tag.name === CHANGELOG_PAGE);
    expect(page).toEqual({ name: CHANGELOG_PAGE, description: 'Intro.\n\n## 1.0.0 (2026-11-29)\n\n### Added\n\n- `GET /v1/vaults`: List vaults\n', 'x-traitTag': true });
    const groups = withChangelog['x-tagGroups'] as Array<{ name: string; tags: string[] }>;
    expect(groups[0]?.tags.at(-1)).toBe(CHANGELOG_PAGE);
  });

  it('names the file and what to do when the changelog is missing or has no release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-changelog-'));
    expect(() => loadChangelogPage(join(dir, 'CHANGELOG.md'))).toThrow(/CHANGELOG\.md.*run `pnpm generate`/);
    writeFileSync(join(dir, 'CHANGELOG.md'), '# API changelog\n\nNothing yet.\n');
    expect(() => loadChangelogPage(join(dir, 'CHANGELOG.md'))).toThrow(LocatedError);
  });
});
