import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  operationTable,
  type ErrorBody,
  type NetworkName,
  type OperationId,
  type PageItem,
  type PathParams,
  type QueryParams,
  type RequestBody,
  type SuccessResponse,
  type Transfer,
  type Vault,
  type paths,
} from '../src/index.ts';

// These assertions are checked by `tsc` (the package's test script runs it first) and by vitest.
describe('@fortary/types', () => {
  it('names the main schemas with nullable fields as T | null, never optional', () => {
    expectTypeOf<Transfer['txHash']>().toEqualTypeOf<string | null>();
    expectTypeOf<Transfer['amount']>().toEqualTypeOf<string>();
    expectTypeOf<Vault>().toHaveProperty('createdAt');
    expectTypeOf<ErrorBody['details']>().toEqualTypeOf<Array<{ field: string; issue: string }> | null>();
    expectTypeOf<NetworkName>().toEqualTypeOf<
      'Ethereum' | 'Bitcoin' | 'Solana' | 'Avalanche' | 'Base' | 'Polygon' | 'EthereumSepolia' | 'BaseSepolia' | 'PolygonAmoy'
    >();
  });

  it('types each operation by its id', () => {
    expectTypeOf<RequestBody<'createTransfer'>>().toEqualTypeOf<{ asset: string; amount: string; destinationAddress: string; note?: string }>();
    expectTypeOf<SuccessResponse<'createTransfer'>>().toEqualTypeOf<Transfer>();
    expectTypeOf<PathParams<'getTransfer'>>().toEqualTypeOf<{ vaultId: string; transferId: string }>();
    expectTypeOf<QueryParams<'listVaults'>>().toEqualTypeOf<{ limit?: number; cursor?: string }>();
    expectTypeOf<PageItem<'listVaults'>>().toEqualTypeOf<Vault>();
    expectTypeOf<paths['/v1/vaults']['post']['responses'][201]['content']['application/json']>().toEqualTypeOf<Vault>();
  });

  it('exports the operation table as data', () => {
    // every operation the spec serves; the webhooks' deliveries are not operations of the API
    expect(Object.keys(operationTable)).toHaveLength(24);
    expect(Object.keys(operationTable).some((id) => id.endsWith('Webhook'))).toBe(false);
    expect(operationTable.revokeApiKey).toEqual({
      method: 'post',
      path: '/v1/api-keys/{apiKeyId}/revoke',
      requiredScope: 'api-keys:manage',
      idempotencyKey: 'optional',
      hasBody: false,
      successStatus: 200,
      limit: null,
      deprecated: false,
      sunset: null,
    });
    expect(operationTable.createTransfer).toMatchObject({ idempotencyKey: 'required', hasBody: true, successStatus: 201 });
    expect(operationTable.listTransfers.limit).toEqual({ minimum: 1, maximum: 100, default: 25 });
    expectTypeOf<OperationId>().toExtend<string>();
  });
});
