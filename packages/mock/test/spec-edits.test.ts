import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { startMockServer } from '../src/index.js';
import { USDC, VALID_EVM_ADDRESS } from './support/harness.js';

/**
 * The mock's response shapes come from the spec: its generated facts are replaced here by what
 * the facts generator writes for an edited spec, and the unchanged mock is run over HTTP.
 */
vi.mock('../src/generated/spec-facts.js', async () => {
  const { generateMockFacts } = await import('@fortary/generator-mock-facts/src/generate.ts');
  const { editedSpec } = await import('./support/edited-spec.js');
  const dir = mkdtempSync(join(tmpdir(), 'fortary-mock-facts-'));
  const file = join(dir, 'spec-facts.ts');
  writeFileSync(file, generateMockFacts(editedSpec({ nullableVaultField: true, nonNullableTransferField: true }))['spec-facts.ts'] as string);
  return import(file);
});

describe('a spec edit reaches the mock with no mock edit', () => {
  it('serves a new nullable response field as null, in the order of the spec', async () => {
    const server = await startMockServer({ port: 0, seed: 'spec-edits' });
    try {
      const headers = { authorization: `Bearer ${server.mock.bootstrapKey.secret}`, 'content-type': 'application/json' };
      const created = await (await fetch(`${server.url}/v1/vaults`, { method: 'POST', headers, body: JSON.stringify({ name: 'Archive test' }) })).json();
      expect(Object.keys(created)).toEqual(['id', 'name', 'archivedAt', 'createdAt', 'updatedAt']);
      expect(created.archivedAt).toBeNull();
      const page = await (await fetch(`${server.url}/v1/vaults`, { headers })).json();
      expect(page.data.every((vault: Record<string, unknown>) => vault['archivedAt'] === null)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('answers a response it cannot complete with an error naming the schema, the field and where to teach the mock', async () => {
    const server = await startMockServer({ port: 0, seed: 'spec-edits' });
    try {
      const vaultId = server.mock.seed.vaults.find((vault) => vault.name === 'Treasury')!.id;
      const response = await fetch(`${server.url}/v1/vaults/${vaultId}/transfers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.mock.bootstrapKey.secret}`, 'content-type': 'application/json', 'idempotency-key': 'riskTier-1' },
        body: JSON.stringify({ asset: USDC, amount: '1.00', destinationAddress: VALID_EVM_ADDRESS }),
      });
      expect(response.status).toBe(500);
      const body = await response.json();
      expect(body.code).toBe('internal_error');
      expect(body.message).toContain("The spec's Transfer.riskTier is required and not nullable, and the mock does not fill it");
      expect(body.message).toContain('the renderer of Transfer in packages/mock/src/render.ts');
    } finally {
      await server.close();
    }
  });
});
