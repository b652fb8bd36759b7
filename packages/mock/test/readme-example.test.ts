import createClient from 'openapi-fetch';
import type { paths } from '@fortary/types';
import { expect, it } from 'vitest';
import { createMock } from '../src/index.js';

/** The README's in-process example, as a test so it keeps working. */
it('runs the README example with openapi-fetch', async () => {
  const mock = createMock({ seed: 'my-tests', now: '2026-03-01T12:00:00Z' });
  const api = createClient<paths>({
    baseUrl: 'http://mock.local',
    fetch: (request) => mock.fetch(request),
    headers: { Authorization: `Bearer ${mock.bootstrapKey.secret}` },
  });

  const { data: vaults } = await api.GET('/v1/vaults', { params: { query: { limit: 10 } } });
  const treasury = vaults!.data.find((vault) => vault.name === 'Treasury')!;

  const { data: transfer } = await api.POST('/v1/vaults/{vaultId}/transfers', {
    params: { path: { vaultId: treasury.id }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    body: {
      asset: 'Ethereum/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      amount: '1249.50',
      destinationAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
    },
  });
  expect(transfer!.status).toBe('pending');

  mock.clock.advance(2 * 60_000);
  const { data: later } = await api.GET('/v1/vaults/{vaultId}/transfers/{transferId}', {
    params: { path: { vaultId: treasury.id, transferId: transfer!.id } },
  });
  expect(later!.status).toBe('confirmed');
  expect(later!.txHash).toMatch(/^0x/);

  const { error, response } = await api.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_nothere' } } });
  expect([response.status, error?.code]).toEqual([404, 'vault_not_found']);
});
