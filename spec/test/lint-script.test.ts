/**
 * `pnpm lint` (scripts/lint.mjs) fails on what Redocly only warns about by default: a response
 * field removed from its schema while the examples still carry it.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourcePath } from './load.ts';
import { copySpec, lintCopy } from './spec-copy.ts';

const VAULT_FIELDS = `      required: [id, name, createdAt, updatedAt]
      properties:
        id:
          $ref: '#/components/schemas/VaultId'
        name:
          $ref: '#/components/schemas/VaultName'
        createdAt:
          $ref: '#/components/schemas/Timestamp'
        updatedAt:
          $ref: '#/components/schemas/Timestamp'
`;

describe('pnpm lint: Vault.updatedAt removed, examples left stale', () => {
  let run: ReturnType<typeof lintCopy>;
  beforeAll(() => {
    const original = readFileSync(sourcePath, 'utf8');
    expect(original).toContain(VAULT_FIELDS);
    const edited = original.replace(VAULT_FIELDS, VAULT_FIELDS.replace(', updatedAt]', ']').replace(/ {8}updatedAt:\n.*\n$/, ''));
    run = lintCopy(copySpec(edited));
  }, 120_000);

  it('fails', () => {
    expect(run.status).toBe(1);
    expect(run.output).toContain('Redocly found problems');
  });

  it('names each stale example by its pointer and the rule', () => {
    expect(run.output).toContain('no-invalid-media-type-examples');
    expect(run.output).toContain('#/paths/~1v1~1vaults~1{vaultId}/get/responses/200/content/application~1json/example/updatedAt');
    expect(run.output).toContain('#/paths/~1v1~1vaults~1{vaultId}/patch/responses/200/content/application~1json/example/updatedAt');
    expect(run.output).toMatch(/must NOT have (unevaluated|additional) properties `updatedAt`/);
  });

  it('prints no Node end-of-life notice and no colour codes into a log', () => {
    expect(run.output).not.toContain('support is ending');
    expect(run.output).not.toContain('\u001b[');
  });
});
