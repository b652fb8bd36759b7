/**
 * Compile-time checks of the public surface (`tsc -p tsconfig.json` runs before vitest): a
 * wrong path, a missing parameter or a misspelled body field must fail to compile.
 */
import type { Transfer, Vault } from '@fortary/types';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createFortaryClient, FortaryApiError, unwrap } from '../src/index.ts';

const fortary = createFortaryClient({ apiKey: 'fsk_test_typingonly000000000000', fetch: async () => new Response('{}') });
const vaultId = 'vault_3f8a2c1d9b';
const body = {
  asset: 'Ethereum/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  amount: '1249.500000',
  destinationAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
} as const;

// Only called inside `it` blocks that never run the request; the type checker reads them all.
async function typedCalls() {
  const vault = await fortary.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId } } });
  if (vault.error) {
    expectTypeOf(vault.error).toEqualTypeOf<FortaryApiError>();
    expectTypeOf(vault.error.code).toExtend<string>();
  } else {
    expectTypeOf(vault.data).toEqualTypeOf<Vault>();
  }
  expectTypeOf(vault.idempotencyKey).toEqualTypeOf<string | null>();

  // Idempotency-Key may be omitted even though createTransfer requires it: the client adds one.
  const created = await fortary.POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } }, body });
  expectTypeOf(unwrap(created)).toEqualTypeOf<Transfer>();
  await fortary.POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId }, header: { 'Idempotency-Key': 'k-1' } }, body });
  expectTypeOf(fortary.unwrap(await fortary.GET('/v1/vaults'))).toExtend<{ data: Vault[] }>();

  for await (const item of fortary.paginate('/v1/vaults', { params: { query: { limit: 100 } }, maxItems: 10 })) {
    expectTypeOf(item).toEqualTypeOf<Vault>();
  }
  for await (const page of fortary.paginate('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } } }).pages()) {
    expectTypeOf(page.data).toEqualTypeOf<Transfer[]>();
  }

  // @ts-expect-error an unknown path
  await fortary.GET('/v1/vault');
  // @ts-expect-error the path parameter is required
  await fortary.GET('/v1/vaults/{vaultId}', {});
  // @ts-expect-error amounts are decimal strings, never numbers
  await fortary.POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } }, body: { ...body, amount: 1249.5 } });
  // @ts-expect-error the body is required
  await fortary.POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } } });
  // @ts-expect-error getVault is not a list operation
  fortary.paginate('/v1/vaults/{vaultId}', { params: { path: { vaultId } } });
  // @ts-expect-error listTransfers needs its vaultId
  fortary.paginate('/v1/vaults/{vaultId}/transfers');

  // One call per method the spec uses, read off @fortary/types: no operation is a PUT.
  expectTypeOf(fortary).toHaveProperty('PATCH');
  expectTypeOf(fortary).not.toHaveProperty('PUT');
}

describe('typing', () => {
  it('compiles the typed calls above (checked by tsc before the tests run)', () => {
    expect(typeof typedCalls).toBe('function');
  });
});
