import { describe, expect, it } from 'vitest';
import { createMock } from '../src/index.js';
import { spec } from './support/conformance.js';

/**
 * The default seed makes the documentation true: every id the spec's examples use exists, with
 * the state its GET example shows, and the example vault can pay the example transfer. Read
 * straight from the bundled spec (not from the generated facts the seed is built from).
 */
type Json = Record<string, any>;

function exampleStrings(node: unknown, inExample = false, out = new Set<string>()): Set<string> {
  if (typeof node === 'string') {
    if (inExample) out.add(node);
  } else if (Array.isArray(node)) node.forEach((item) => exampleStrings(item, inExample, out));
  else if (node && typeof node === 'object') {
    for (const [name, value] of Object.entries(node)) exampleStrings(value, inExample || name === 'example' || name === 'examples', out);
  }
  return out;
}

const strings = [...exampleStrings(spec)];
const ids = (prefix: string) => strings.filter((text) => new RegExp(`^${prefix}_[a-z0-9]+$`).test(text));
const exampleOf = (path: string, method: string, status: string): Json =>
  spec['paths'][path][method]['responses'][status]['content']['application/json']['example'];

describe('default seed and the spec examples', () => {
  const mock = createMock();
  const get = async (path: string) => {
    const response = await mock.fetch(new Request(`http://mock.test${path}`, { headers: { authorization: `Bearer ${mock.bootstrapKey.secret}` } }));
    return { status: response.status, body: await response.json() };
  };

  it('holds every vault, transfer, deposit address and API key id the examples use', async () => {
    expect(ids('vault').length).toBeGreaterThan(0);
    for (const id of ids('vault')) expect((await get(`/v1/vaults/${id}`)).status, id).toBe(200);
    for (const id of ids('key')) expect((await get(`/v1/api-keys/${id}`)).status, id).toBe(200);
    const transfer = exampleOf('/v1/vaults/{vaultId}/transfers/{transferId}', 'get', '200');
    for (const id of ids('transfer')) {
      const served = await get(`/v1/vaults/${transfer['vaultId']}/transfers/${id}`);
      expect(served.status, id).toBe(200);
    }
    const served = (await get(`/v1/vaults/${transfer['vaultId']}/transfers/${transfer['id']}`)).body;
    for (const field of ['asset', 'amount', 'destinationAddress', 'status', 'txHash', 'fee', 'note']) expect(served[field], field).toEqual(transfer[field]);
    for (const example of exampleOf('/v1/vaults/{vaultId}/addresses', 'get', '200')['data']) {
      const listed = (await get(`/v1/vaults/${example.vaultId}/addresses?limit=100`)).body.data as Json[];
      expect(listed.find((address) => address['id'] === example.id), example.id).toMatchObject({ network: example.network, address: example.address, label: example.label });
    }
  });

  it('gives the example vault enough available balance of the example asset for the example transfer', async () => {
    const request = spec['paths']['/v1/vaults/{vaultId}/transfers']['post']['requestBody']['content']['application/json']['example'];
    const vaultId = spec['components']['schemas']['VaultId']['examples'][0];
    const balances = (await get(`/v1/vaults/${vaultId}/balances`)).body.data as Json[];
    const balance = balances.find((candidate) => candidate['asset'] === request.asset);
    expect(balance, request.asset).toBeDefined();
    expect(Number(balance!['available'])).toBeGreaterThanOrEqual(Number(request.amount));
    for (const shown of exampleOf('/v1/vaults/{vaultId}/balances', 'get', '200')['data']) {
      expect(Number(balances.find((candidate) => candidate['asset'] === shown.asset)?.['total'] ?? 0), shown.asset).toBeGreaterThanOrEqual(Number(shown.total));
    }
  });

  it('keeps the seeded vault ids the same for every seed value (the examples are fixed)', () => {
    const other = createMock({ seed: 'another' });
    const named = (m: typeof mock) => Object.fromEntries(m.seed.vaults.map((vault) => [vault.name, vault.id]));
    expect(named(other)['Treasury']).toBe(named(mock)['Treasury']);
    expect(ids('vault')).toContain(named(mock)['Treasury']);
  });
});
