import { describe, expect, it } from 'vitest';
import { conformanceProblems, operationsById } from './support/conformance.js';
import { controlProblems } from './support/control-conformance.js';
import { createHarness } from './support/harness.js';

/**
 * The checker the scenario suites run on every response must itself catch what it claims to:
 * these feed it responses that break the contract in one way each.
 */
const headers = (extra: Record<string, string> = {}) =>
  new Headers({ 'content-type': 'application/json', 'x-request-id': 'req_abc', 'x-ratelimit-limit': '600', 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '1', ...extra });
const vault = { id: 'vault_abc', name: 'Treasury', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const error = (code: string, type: string) => ({ type, code, message: 'm', correlationId: 'req_abc', details: null });

describe('the conformance checker', () => {
  it('accepts a conforming response', () => {
    expect(conformanceProblems({ operationId: 'getVault', status: 200, headers: headers(), body: vault })).toEqual([]);
    expect(conformanceProblems({ operationId: 'getVault', status: 404, headers: headers(), body: error('vault_not_found', 'not_found') })).toEqual([]);
  });

  it('flags an undocumented success status, a missing header, a bad header, a bad body and a miscatalogued code', () => {
    expect(conformanceProblems({ operationId: 'getVault', status: 201, headers: headers(), body: vault }).join()).toMatch(/not documented/);
    const noRequestId = headers();
    noRequestId.delete('x-request-id');
    expect(conformanceProblems({ operationId: 'getVault', status: 200, headers: noRequestId, body: vault }).join()).toMatch(/X-Request-Id is missing/);
    expect(conformanceProblems({ operationId: 'getVault', status: 200, headers: headers({ sunset: '2027-01-01' }), body: vault }).join()).toMatch(/Sunset/);
    expect(conformanceProblems({ operationId: 'getVault', status: 200, headers: headers(), body: { ...vault, createdAt: '2026-01-01' } }).join()).toMatch(/body/);
    expect(conformanceProblems({ operationId: 'getVault', status: 200, headers: headers(), body: { ...vault, name: undefined } }).join()).toMatch(/body/);
    expect(conformanceProblems({ operationId: 'getVault', status: 404, headers: headers(), body: error('vault_not_found', 'permission') }).join()).toMatch(/belongs to 404 not_found/);
    expect(conformanceProblems({ operationId: 'getVault', status: 404, headers: headers(), body: { ...error('vault_not_found', 'not_found'), correlationId: 'req_other' } }).join()).toMatch(/correlationId/);
    expect(conformanceProblems({ operationId: 'getVault', status: 503, headers: headers(), body: error('service_unavailable', 'unavailable') }).join()).toMatch(/Retry-After/);
  });
});

describe('the control-plane conformance checker', () => {
  const clock = { now: '2026-03-01T12:00:00Z', frozen: true };
  const controlHeaders = () => new Headers({ 'content-type': 'application/json', 'x-request-id': 'req_abc' });

  it('accepts a conforming response, also on a route no operation matches', () => {
    expect(controlProblems('GET', '/_mock/clock', 200, controlHeaders(), clock)).toEqual([]);
    expect(controlProblems('GET', '/_mock/nowhere', 404, controlHeaders(), error('route_not_found', 'not_found'))).toEqual([]);
  });

  it('flags an undocumented success status, a missing or malformed X-Request-Id, a bad body and a miscatalogued code', () => {
    expect(controlProblems('GET', '/_mock/clock', 201, controlHeaders(), clock).join()).toMatch(/not documented/);
    const noRequestId = controlHeaders();
    noRequestId.delete('x-request-id');
    expect(controlProblems('GET', '/_mock/clock', 200, noRequestId, clock).join()).toMatch(/X-Request-Id is missing/);
    expect(controlProblems('GET', '/_mock/clock', 200, new Headers({ 'content-type': 'application/json', 'x-request-id': 'abc' }), clock).join()).toMatch(/X-Request-Id abc/);
    expect(controlProblems('GET', '/_mock/clock', 200, controlHeaders(), { ...clock, frozen: 'yes' }).join()).toMatch(/body/);
    expect(controlProblems('GET', '/_mock/clock', 403, controlHeaders(), error('vault_not_found', 'not_found')).join()).toMatch(/belongs to 404 not_found/);
    expect(controlProblems('GET', '/_mock/nowhere', 404, controlHeaders(), { ...error('route_not_found', 'not_found'), correlationId: 'req_other' }).join()).toMatch(/correlationId/);
  });
});

describe('coverage of the spec by the mock', () => {
  it('answers every operation of the spec with its documented success status', async () => {
    const h = await createHarness('in-process', { rateLimit: false });
    const treasury = h.mock.seed.vaults.find((v) => v.name === 'Treasury')!.id;
    const transfer = await h.call('POST', `/v1/vaults/${treasury}/transfers`, {
      idempotencyKey: 'cover',
      body: { asset: 'Bitcoin/native', amount: '0.5', destinationAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' },
    });
    const address = (await h.call('GET', `/v1/vaults/${treasury}/addresses`)).body.data[0];
    const deposit = h.mock.core.events.depositChanged({
      id: 'dep_covered01', vaultId: treasury, depositAddressId: address.id, asset: `${address.network}/native`, amount: '1',
      txHash: 'bc1covered0000000000000000000000000000000000000000', status: 'pending', createdAt: Date.parse('2026-01-01T00:00:00Z'), updatedAt: Date.parse('2026-01-01T00:00:00Z'), confirmedAt: null,
    });
    const event = (await h.call('GET', '/v1/events')).body.data[0];
    const hook = (await h.call('POST', '/v1/webhook-endpoints', { body: { url: 'https://hooks.example.com/covered' } })).body;
    const calls: Record<string, [string, string, object?]> = {
      listNetworks: ['GET', '/v1/networks'],
      listAssets: ['GET', '/v1/assets'],
      listVaults: ['GET', '/v1/vaults'],
      createVault: ['POST', '/v1/vaults', { body: { name: 'Covered' } }],
      getVault: ['GET', `/v1/vaults/${treasury}`],
      updateVault: ['PATCH', `/v1/vaults/${treasury}`, { body: { name: 'Treasury' } }],
      listVaultBalances: ['GET', `/v1/vaults/${treasury}/balances`],
      listDepositAddresses: ['GET', `/v1/vaults/${treasury}/addresses`],
      createDepositAddress: ['POST', `/v1/vaults/${treasury}/addresses`, { body: { network: 'Solana' } }],
      listTransfers: ['GET', `/v1/vaults/${treasury}/transfers`],
      createTransfer: ['POST', `/v1/vaults/${treasury}/transfers`, { idempotencyKey: 'cover', body: { asset: 'Bitcoin/native', amount: '0.5', destinationAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' } }],
      getTransfer: ['GET', `/v1/vaults/${treasury}/transfers/${transfer.body.id}`],
      listApiKeys: ['GET', '/v1/api-keys'],
      createApiKey: ['POST', '/v1/api-keys', { body: { name: 'Covered', scopes: ['vaults:read'] } }],
      getApiKey: ['GET', `/v1/api-keys/${h.mock.bootstrapKey.id}`],
      listDeposits: ['GET', `/v1/vaults/${treasury}/deposits`],
      getDeposit: ['GET', `/v1/vaults/${treasury}/deposits/${deposit.data['id']}`],
      listEvents: ['GET', '/v1/events'],
      getEvent: ['GET', `/v1/events/${event.id}`],
      listWebhookEndpoints: ['GET', '/v1/webhook-endpoints'],
      createWebhookEndpoint: ['POST', '/v1/webhook-endpoints', { body: { url: 'https://hooks.example.com/fortary', eventTypes: ['deposit.created'] } }],
      getWebhookEndpoint: ['GET', `/v1/webhook-endpoints/${hook.id}`],
      deleteWebhookEndpoint: ['DELETE', `/v1/webhook-endpoints/${hook.id}`],
      revokeApiKey: ['POST', `/v1/api-keys/${h.mock.bootstrapKey.id}/revoke`],
    };
    expect(Object.keys(calls).sort()).toEqual([...operationsById.keys()].sort());
    for (const [operationId, [method, path, options]] of Object.entries(calls)) {
      const response = await h.call(method, path, options);
      const documented = Object.keys(operationsById.get(operationId)!.operation['responses']).find((status) => status.startsWith('2'));
      expect(String(response.status), operationId).toBe(documented);
    }
    await h.close();
  });
});
