import { listOperations, loadBundledSpec, refName } from '@fortary/codegen-kit';
import { describe, expect, it } from 'vitest';
import { bundlePath } from './load.ts';

// DESIGN.md §3, written out again on purpose: the test fails if the spec drifts from the contract.
const surface = [
  ['listNetworks', 'get', '/v1/networks'],
  ['listAssets', 'get', '/v1/assets'],
  ['listVaults', 'get', '/v1/vaults'],
  ['createVault', 'post', '/v1/vaults'],
  ['getVault', 'get', '/v1/vaults/{vaultId}'],
  ['updateVault', 'patch', '/v1/vaults/{vaultId}'],
  ['listVaultBalances', 'get', '/v1/vaults/{vaultId}/balances'],
  ['listDepositAddresses', 'get', '/v1/vaults/{vaultId}/addresses'],
  ['createDepositAddress', 'post', '/v1/vaults/{vaultId}/addresses'],
  ['listTransfers', 'get', '/v1/vaults/{vaultId}/transfers'],
  ['createTransfer', 'post', '/v1/vaults/{vaultId}/transfers'],
  ['getTransfer', 'get', '/v1/vaults/{vaultId}/transfers/{transferId}'],
  ['listDeposits', 'get', '/v1/vaults/{vaultId}/deposits'],
  ['getDeposit', 'get', '/v1/vaults/{vaultId}/deposits/{depositId}'],
  ['listApiKeys', 'get', '/v1/api-keys'],
  ['createApiKey', 'post', '/v1/api-keys'],
  ['getApiKey', 'get', '/v1/api-keys/{apiKeyId}'],
  ['revokeApiKey', 'post', '/v1/api-keys/{apiKeyId}/revoke'],
  ['listEvents', 'get', '/v1/events'],
  ['getEvent', 'get', '/v1/events/{eventId}'],
  ['createWebhookEndpoint', 'post', '/v1/webhook-endpoints'],
  ['listWebhookEndpoints', 'get', '/v1/webhook-endpoints'],
  ['getWebhookEndpoint', 'get', '/v1/webhook-endpoints/{webhookEndpointId}'],
  ['deleteWebhookEndpoint', 'delete', '/v1/webhook-endpoints/{webhookEndpointId}'],
] as const;

const spec = loadBundledSpec(bundlePath);
const document: Record<string, any> = spec;
const bundled = listOperations(spec, bundlePath).map(({ operationId, method, path }) => [operationId, method, path]);

describe('the bundle exposes exactly the v1 surface', () => {
  it.each(surface)('%s is %s %s', (operationId, method, path) => {
    expect(bundled).toContainEqual([operationId, method, path]);
  });

  it('has no operation beyond the contract', () => {
    expect(bundled.map(([id]) => id).sort()).toEqual(surface.map(([id]) => id).sort());
  });

  it('is OpenAPI 3.1 with the 2020-12 dialect', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it.each(surface)('%s has a summary, description, tag, bearer security and a default Error response', (operationId, method, path) => {
    const operation = document.paths[path][method];
    expect(operation.summary).toBeTruthy();
    expect(operation.description).toBeTruthy();
    expect(operation.tags).toHaveLength(1);
    expect(operation.security).toEqual([{ bearerAuth: [] }]);
    expect(operation.responses.default).toBeDefined();
    expect(operation.responses['401']).toBeDefined();
  });

  it('requires Idempotency-Key on createTransfer and accepts it on every other POST', () => {
    for (const [operationId, method, path] of surface.filter(([, method]) => method === 'post')) {
      const refs = (document.paths[path][method].parameters ?? []).map((parameter: unknown) => refName(parameter, 'parameters'));
      const expected = operationId === 'createTransfer' ? 'IdempotencyKeyRequired' : 'IdempotencyKey';
      expect(refs, operationId).toContain(expected);
    }
  });
});

// The webhooks: one delivery per event type, each a POST of the event with its signature headers.
const eventTypes = ['transfer.created', 'transfer.updated', 'deposit.created', 'deposit.updated'];

describe('the bundle describes every webhook delivery', () => {
  it('has exactly one webhook per event type, and the event type enum lists them', () => {
    expect(Object.keys(document.webhooks).sort()).toEqual([...eventTypes].sort());
    expect([...document.components.schemas.EventType.enum].sort()).toEqual([...eventTypes].sort());
  });

  it.each(eventTypes)('%s is a POST of its event with the signature, event id and event type headers', (type) => {
    const delivery = document.webhooks[type].post;
    const headers = delivery.parameters.map((p: { $ref: string }) => document.components.parameters[p.$ref.split('/').pop()!]);
    expect(headers.map((h: { name: string; in: string; required: boolean }) => [h.name, h.in, h.required])).toEqual([
      ['Fortary-Signature', 'header', true],
      ['Fortary-Event-Id', 'header', true],
      ['Fortary-Event-Type', 'header', true],
    ]);
    const schema = delivery.requestBody.content['application/json'].schema.$ref;
    expect(schema).toBe(`#/components/schemas/${type.startsWith('transfer.') ? 'TransferEvent' : 'DepositEvent'}`);
  });
});
