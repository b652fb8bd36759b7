/**
 * The spec published beside the site (dist/openapi.json): the file docs tools other than Redoc
 * and code assistants read. It must be a valid OpenAPI 3.1 document by the same lint that guards
 * the hand-written spec, equal to the bundle apart from the samples, and carry a TypeScript and
 * a curl sample on every operation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledSpecPath } from '@fortary/codegen-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { packageDir, siteSpecFile } from '../scripts/paths.ts';
import { ensureSiteBuilt, loadDocsDocument, operations, type DocsDocument } from './site.ts';

ensureSiteBuilt();
const published = JSON.parse(readFileSync(siteSpecFile, 'utf8')) as DocsDocument & Record<string, unknown>;
const bundleFile = bundledSpecPath(packageDir);
const redocly = createRequire(join(packageDir, 'package.json')).resolve('@redocly/cli/bin/cli.js');
// The hand-written spec's own lint configuration (Redocly's recommended rules).
const lintConfig = join(bundleFile, '../../redocly.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'fortary-published-spec-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `redocly lint` of a file with the spec's configuration: exit status and findings. */
function lint(file: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [redocly, 'lint', file, '--config', lintConfig, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('the published spec (dist/openapi.json)', () => {
  it('is valid OpenAPI 3.1 by redocly lint with the spec\'s own configuration', () => {
    expect(published['openapi']).toMatch(/^3\.1\./);
    const result = lint(siteSpecFile);
    expect(result.status, result.output).toBe(0);
  }, 120_000);

  it('fails that lint when it is broken (the check can fail)', () => {
    const broken = structuredClone(published);
    const [path, item] = Object.entries(broken.paths)[0] as [string, Record<string, Record<string, unknown>>];
    const operation = Object.values(item)[0] as Record<string, unknown>;
    const responses = operation['responses'] as Record<string, { content?: Record<string, { schema: unknown }> }>;
    const success = Object.values(responses).find((response) => response.content?.['application/json']);
    (success?.content?.['application/json'] as { schema: unknown }).schema = { type: 'no-such-type' };
    const file = join(scratch, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const result = lint(file);
    expect(result.status, `${path}: ${result.output}`).not.toBe(0);
    expect(result.output).toContain('`type` can be one of the following only');
  }, 120_000);

  it('is the bundle plus code samples, nothing else (no concept pages)', () => {
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as Record<string, unknown>;
    const stripped = structuredClone(published) as Record<string, unknown>;
    delete stripped['x-generated'];
    for (const item of Object.values(stripped['paths'] as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const operation of Object.values(item)) {
        if (operation && typeof operation === 'object') delete operation['x-codeSamples'];
      }
    }
    expect(stripped).toEqual(bundle);
  });

  it('has a TypeScript and a curl sample on every operation, the ones the site shows', () => {
    const site = new Map(operations(loadDocsDocument()).map((operation) => [operation.operationId, operation.samples]));
    const all = operations(published);
    expect(all.length).toBe(site.size);
    for (const operation of all) {
      expect(operation.samples.map((sample) => sample.label), operation.operationId).toEqual(['TypeScript', 'curl']);
      expect(operation.samples, operation.operationId).toEqual(site.get(operation.operationId));
    }
  });
});
