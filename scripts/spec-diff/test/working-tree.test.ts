import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { SpecSourceError, externalRefs, resolveCommit } from '../src/spec-source.ts';

const repositoryRoot = new URL('../../../', import.meta.url).pathname;
const cli = new URL('../bin/fortary-spec-diff.mjs', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'spec-diff-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * The author's everyday loop: edit spec/openapi.yaml and ask what changed, without running
 * `pnpm bundle`. The edited copy is never bundled into spec/dist, so the differ can only see the
 * edits by bundling the file itself.
 */
describe('spec:diff on an edited, unbundled spec', () => {
  it('sees a removed operation and a new nullable Vault field, each once', async () => {
    const document = parseDocument(readFileSync(join(repositoryRoot, 'spec/openapi.yaml'), 'utf8'));
    document.deleteIn(['paths', '/v1/vaults/{vaultId}', 'patch']);
    document.setIn(['components', 'schemas', 'Vault', 'properties', 'archivedAt'], document.createNode({ oneOf: [{ $ref: '#/components/schemas/Timestamp' }, { type: 'null' }] }));
    // In the middle of the list, as an author would place it next to its neighbours.
    const required = document.getIn(['components', 'schemas', 'Vault', 'required']) as { items: unknown[] };
    required.items.splice(2, 0, document.createNode('archivedAt'));
    const edited = join(scratch, 'openapi.yaml');
    writeFileSync(edited, document.toString());
    const bundleFile = join(repositoryRoot, 'spec/dist/openapi.json');
    const bundledAt = statSync(bundleFile).mtimeMs;

    const run = await promisify(execFile)(process.execPath, [cli, '--base', 'HEAD', '--spec', edited], { cwd: repositoryRoot, env: { ...process.env, GITHUB_STEP_SUMMARY: '' } }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/## Breaking changes \(\d+\)[^#]*\| `PATCH \/v1\/vaults\/\{vaultId\}` \| `\(whole operation\)` \|/);
    const archivedRows = run.stdout.split('\n').filter((line) => line.includes('archivedAt'));
    expect(archivedRows.map((line) => line.split(' | ')[0])).toEqual(['| `GET /v1/vaults`', '| `GET /v1/vaults/{vaultId}`', '| `POST /v1/vaults`']);
    expect(archivedRows.every((line) => line.includes('body.archivedAt') || line.includes('body.data[].archivedAt'))).toBe(true);
    expect(run.stdout).not.toMatch(/required\/\d/);
    expect(run.stdout.slice(run.stdout.indexOf('## Additive'))).toContain('archivedAt');
    expect(statSync(bundleFile).mtimeMs).toBe(bundledAt);
  }, 180_000);

  it('names a ref git does not have and says how to get it', () => {
    expect(() => resolveCommit(repositoryRoot, 'no-such-ref-0000')).toThrow(SpecSourceError);
    expect(() => resolveCommit(repositoryRoot, 'no-such-ref-0000')).toThrow(/no commit 'no-such-ref-0000'.*fetch-depth: 0/s);
  });
});

describe('externalRefs', () => {
  it('lists the files a spec file refers to, relative to the repository', () => {
    const text = ['a:', "  $ref: '#/components/schemas/A'", 'b:', "  $ref: './schemas/vault.yaml#/Vault'", 'c:', "  - $ref: '../shared/error.yaml'", 'd:', "  $ref: 'https://example.com/x.yaml'"].join('\n');
    expect(externalRefs(text, 'spec/openapi.yaml').sort()).toEqual(['shared/error.yaml', 'spec/schemas/vault.yaml']);
  });
});
