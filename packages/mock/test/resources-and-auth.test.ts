import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_LIFETIME_MS } from '../src/index.js';
import { TRANSPORTS, USDC, VALID_EVM_ADDRESS, useHarness, vaultNamed } from './support/harness.js';

describe.each(TRANSPORTS)('resources, auth and keys (%s)', (transport) => {
  const ctx = useHarness(transport, { now: '2026-03-01T12:00:00Z', freezeClock: true });

  it('serves the seeded networks, assets, vaults, balances and addresses', async () => {
    const { h } = ctx;
    const networks = await h.call('GET', '/v1/networks?limit=100');
    expect(networks.status).toBe(200);
    expect(networks.body.data.map((n: any) => n.name)).toContain('EthereumSepolia');
    expect(networks.body.data.find((n: any) => n.name === 'BaseSepolia')).toMatchObject({ kind: 'testnet', displayName: 'Base Sepolia', nativeAsset: 'BaseSepolia/native' });
    const assets = await h.call('GET', '/v1/assets?network=Ethereum');
    expect(assets.body.data.map((a: any) => a.id)).toEqual(['Ethereum/native', USDC, 'Ethereum/erc20:0xdAC17F958D2ee523a2206206994597C13D831ec7']);
    const vaults = await h.call('GET', '/v1/vaults');
    expect(vaults.body.data.map((v: any) => v.name)).toEqual(['Sandbox', 'Customer withdrawals', 'Treasury']);
    const treasury = vaultNamed(h.mock, 'Treasury');
    const balances = await h.call('GET', `/v1/vaults/${treasury}/balances`);
    expect(balances.body.data.find((b: any) => b.asset === 'Bitcoin/native')).toMatchObject({ total: '12.50000000', available: '12.50000000', pending: '0.00000000', usdValue: '750000.00' });
    const addresses = await h.call('GET', `/v1/vaults/${treasury}/addresses`);
    // the three seeded networks plus the two addresses the spec's examples show
    expect(addresses.body.data).toHaveLength(5);
    expect(addresses.body.data.find((a: any) => a.id === 'addr_9d2e71c4a0')).toMatchObject({ network: 'Ethereum', address: '0x07Cae35490fB8B3c00e5458Af3eecac50F00bA1e' });
    expect(addresses.body.data.find((a: any) => a.network === 'Bitcoin').address).toMatch(/^bc1q[a-z0-9]{38}$/);
  });

  it('is deterministic for a seed', async () => {
    const { h } = ctx;
    const again = await (await import('../src/index.js')).createMock({ seed: 'test', now: '2026-03-01T12:00:00Z', freezeClock: true });
    expect(again.seed.vaults).toEqual(h.mock.seed.vaults);
    expect(again.bootstrapKey).toEqual(h.mock.bootstrapKey);
  });

  it('creates, reads and renames vaults, and creates deposit addresses valid for their network', async () => {
    const { h } = ctx;
    const created = await h.call('POST', '/v1/vaults', { body: { name: 'Payroll' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Payroll', createdAt: '2026-03-01T12:00:00.000Z' });
    h.mock.clock.advance(60_000);
    const renamed = await h.call('PATCH', `/v1/vaults/${created.body.id}`, { body: { name: 'Payroll (EU)' } });
    expect(renamed.body).toMatchObject({ id: created.body.id, name: 'Payroll (EU)', updatedAt: '2026-03-01T12:01:00.000Z' });
    expect((await h.call('GET', `/v1/vaults/${created.body.id}`)).body.name).toBe('Payroll (EU)');
    for (const network of ['Ethereum', 'Solana', 'Bitcoin', 'PolygonAmoy']) {
      const address = await h.call('POST', `/v1/vaults/${created.body.id}/addresses`, { body: { network, label: 'Sweeps' } });
      expect(address.status).toBe(201);
      expect(address.body).toMatchObject({ vaultId: created.body.id, network, label: 'Sweeps' });
      const { isValidAddress } = await import('@fortary/schemas');
      expect(isValidAddress(network, address.body.address)).toBe(true);
    }
    expect((await h.call('GET', '/v1/vaults/vault_doesnotexist')).body.code).toBe('vault_not_found');
  });

  it('answers the four 401 codes', async () => {
    const { h } = ctx;
    expect((await h.call('GET', '/v1/vaults', { key: null })).body.code).toBe('missing_api_key');
    expect((await h.call('GET', '/v1/vaults', { key: 'fsk_test_nobodyhasthissecretatall0000' })).body.code).toBe('invalid_api_key');
    expect((await h.call('GET', '/v1/vaults', { headers: { authorization: 'Basic abc' } })).body.code).toBe('invalid_api_key');
    const key = await h.call('POST', '/v1/api-keys', { body: { name: 'Short lived', scopes: ['vaults:read'], expiresAt: '2026-03-02T12:00:00Z' } });
    expect((await h.call('GET', '/v1/vaults', { key: key.body.secret })).status).toBe(200);
    h.mock.clock.advance(24 * 60 * 60 * 1000);
    const expired = await h.call('GET', '/v1/vaults', { key: key.body.secret });
    expect([expired.status, expired.body.type, expired.body.code]).toEqual([401, 'authentication', 'api_key_expired']);
    const revoked = await h.call('POST', '/v1/api-keys', { body: { name: 'To revoke', scopes: ['vaults:read'] } });
    expect((await h.call('POST', `/v1/api-keys/${revoked.body.id}/revoke`)).body.revokedAt).toBe('2026-03-02T12:00:00.000Z');
    expect((await h.call('GET', '/v1/vaults', { key: revoked.body.secret })).body.code).toBe('api_key_revoked');
  });

  it('revocation takes effect on the very next request, even for the revoking key itself', async () => {
    const { h } = ctx;
    const manager = await h.call('POST', '/v1/api-keys', { body: { name: 'Manager', scopes: ['api-keys:manage', 'vaults:read'] } });
    const revoked = await h.call('POST', `/v1/api-keys/${manager.body.id}/revoke`, { key: manager.body.secret });
    expect(revoked.status).toBe(200);
    expect((await h.call('GET', '/v1/vaults', { key: manager.body.secret })).body.code).toBe('api_key_revoked');
    // revoking again returns the key unchanged
    const again = await h.call('POST', `/v1/api-keys/${manager.body.id}/revoke`);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
  });

  it('enforces scopes, and a key never grants more than it holds', async () => {
    const { h } = ctx;
    const reader = await h.call('POST', '/v1/api-keys', { body: { name: 'Reader', scopes: ['vaults:read', 'api-keys:manage'] } });
    const write = await h.call('POST', '/v1/vaults', { key: reader.body.secret, body: { name: 'Nope' } });
    expect([write.status, write.body.type, write.body.code]).toEqual([403, 'permission', 'insufficient_scope']);
    expect((await h.call('GET', `/v1/vaults/${vaultNamed(h.mock, 'Treasury')}/transfers`, { key: reader.body.secret })).body.code).toBe('insufficient_scope');
    const escalate = await h.call('POST', '/v1/api-keys', { key: reader.body.secret, body: { name: 'Escalate', scopes: ['vaults:read', 'transfers:write'] } });
    expect([escalate.status, escalate.body.code]).toEqual([403, 'insufficient_scope']);
    const subset = await h.call('POST', '/v1/api-keys', { key: reader.body.secret, body: { name: 'Subset', scopes: ['vaults:read'] } });
    expect(subset.status).toBe(201);
  });

  it('limits a key to its vault allowlist, and its keys to within it', async () => {
    const { h } = ctx;
    const treasury = vaultNamed(h.mock, 'Treasury');
    const sandbox = vaultNamed(h.mock, 'Sandbox');
    const limited = await h.call('POST', '/v1/api-keys', {
      body: { name: 'Treasury only', scopes: ['vaults:read', 'vaults:write', 'transfers:read', 'api-keys:manage'], vaultAllowlist: [treasury] },
    });
    expect(limited.body.vaultAllowlist).toEqual([treasury]);
    const listed = await h.call('GET', '/v1/vaults', { key: limited.body.secret });
    expect(listed.body.data.map((v: any) => v.id)).toEqual([treasury]);
    expect((await h.call('GET', `/v1/vaults/${treasury}`, { key: limited.body.secret })).status).toBe(200);
    for (const path of [`/v1/vaults/${sandbox}`, `/v1/vaults/${sandbox}/balances`, `/v1/vaults/${sandbox}/transfers`, '/v1/vaults/vault_unknown000']) {
      const denied = await h.call('GET', path, { key: limited.body.secret });
      expect([denied.status, denied.body.code], path).toEqual([403, 'vault_not_allowed']);
    }
    const unrestricted = await h.call('POST', '/v1/api-keys', { key: limited.body.secret, body: { name: 'Everything', scopes: ['vaults:read'] } });
    expect([unrestricted.status, unrestricted.body.code]).toEqual([403, 'vault_not_allowed']);
    const wider = await h.call('POST', '/v1/api-keys', { key: limited.body.secret, body: { name: 'Wider', scopes: ['vaults:read'], vaultAllowlist: [treasury, sandbox] } });
    expect([wider.status, wider.body.code]).toEqual([403, 'vault_not_allowed']);
    const within = await h.call('POST', '/v1/api-keys', { key: limited.body.secret, body: { name: 'Within', scopes: ['vaults:read'], vaultAllowlist: [treasury] } });
    expect(within.status).toBe(201);
    // a vault it creates is out of its reach
    const created = await h.call('POST', '/v1/vaults', { key: limited.body.secret, body: { name: 'New' } });
    expect((await h.call('GET', `/v1/vaults/${created.body.id}`, { key: limited.body.secret })).body.code).toBe('vault_not_allowed');
  });

  it('enforces IP allowlists with IPv4 and IPv6 ranges', async () => {
    const { h } = ctx;
    const elsewhere = await h.call('POST', '/v1/api-keys', { body: { name: 'Office', scopes: ['vaults:read'], ipAllowlist: ['203.0.113.0/24', '2001:db8:4f00::/40'] } });
    const denied = await h.call('GET', '/v1/vaults', { key: elsewhere.body.secret });
    expect([denied.status, denied.body.type, denied.body.code]).toEqual([403, 'permission', 'ip_not_allowed']);
    const loopback = await h.call('POST', '/v1/api-keys', { body: { name: 'Local', scopes: ['vaults:read'], ipAllowlist: ['127.0.0.0/8', '::1'] } });
    expect((await h.call('GET', '/v1/vaults', { key: loopback.body.secret })).status).toBe(200);
    const invalid = await h.call('POST', '/v1/api-keys', { body: { name: 'Bad', scopes: ['vaults:read'], ipAllowlist: ['999.1.1.1/8'] } });
    expect([invalid.status, invalid.body.code, invalid.body.details[0].field]).toEqual([422, 'validation_failed', 'ipAllowlist.0']);
    if (transport === 'in-process') {
      const v6 = (address: string) => h.mock.fetch(new Request('http://mock.test/v1/vaults', { headers: { authorization: `Bearer ${elsewhere.body.secret}` } }), { clientAddress: address });
      expect((await v6('2001:db8:4f12::7')).status).toBe(200);
      expect((await v6('2001:db8:5000::7')).status).toBe(403);
      expect((await v6('::ffff:203.0.113.9')).status).toBe(200);
      expect((await v6('203.0.114.1')).status).toBe(403);
    }
  });

  it('shows a secret once, defaults expiry to 365 days, and lists keys newest first', async () => {
    const { h } = ctx;
    const created = await h.call('POST', '/v1/api-keys', { body: { name: 'Payouts', scopes: ['transfers:read'] } });
    expect(created.body.secret).toMatch(/^fsk_test_[A-Za-z0-9]+$/);
    expect(Date.parse(created.body.expiresAt) - Date.parse(created.body.createdAt)).toBe(DEFAULT_KEY_LIFETIME_MS);
    const fetched = await h.call('GET', `/v1/api-keys/${created.body.id}`);
    expect(fetched.body).not.toHaveProperty('secret');
    const listed = await h.call('GET', '/v1/api-keys');
    expect(listed.body.data[0].id).toBe(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(fetched.body.lastUsedAt).toBeNull();
    await h.call('GET', `/v1/vaults/${vaultNamed(h.mock, 'Treasury')}/transfers`, { key: created.body.secret });
    expect((await h.call('GET', `/v1/api-keys/${created.body.id}`)).body.lastUsedAt).toBe('2026-03-01T12:00:00.000Z');
    expect((await h.call('GET', '/v1/api-keys/key_nothere')).body.code).toBe('api_key_not_found');
    const past = await h.call('POST', '/v1/api-keys', { body: { name: 'Past', scopes: ['vaults:read'], expiresAt: '2020-01-01T00:00:00Z' } });
    expect([past.status, past.body.details[0].field]).toEqual([422, 'expiresAt']);
  });

  it('creates a transfer, reserves the amount, and moves it pending → submitted → confirmed on the clock', async () => {
    const { h } = ctx;
    const vault = vaultNamed(h.mock, 'Treasury');
    const transfer = await h.call('POST', `/v1/vaults/${vault}/transfers`, {
      idempotencyKey: 'pay-1',
      body: { asset: USDC, amount: '1249.5', destinationAddress: VALID_EVM_ADDRESS, note: 'Invoice 2026-014' },
    });
    expect(transfer.status).toBe(201);
    expect(transfer.body).toMatchObject({ status: 'pending', amount: '1249.500000', txHash: null, fee: null, completedAt: null, note: 'Invoice 2026-014' });
    const usdc = async () => (await h.call('GET', `/v1/vaults/${vault}/balances`)).body.data.find((b: any) => b.asset === USDC);
    expect(await usdc()).toMatchObject({ total: '250000.000000', available: '248750.500000', pending: '1249.500000' });
    h.mock.clock.advance(30_000);
    const submitted = await h.call('GET', `/v1/vaults/${vault}/transfers/${transfer.body.id}`);
    expect(submitted.body.status).toBe('submitted');
    expect(submitted.body.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    h.mock.clock.advance(90_000);
    const confirmed = await h.call('GET', `/v1/vaults/${vault}/transfers/${transfer.body.id}`);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', completedAt: '2026-03-01T12:02:00.000Z' });
    expect(confirmed.body.fee).toMatch(/^0\.[0-9]{18}$/);
    expect(await usdc()).toMatchObject({ total: '248750.500000', available: '248750.500000', pending: '0.000000' });
    const listed = await h.call('GET', `/v1/vaults/${vault}/transfers?status=confirmed`);
    // the new transfer and the spec's example transfer, seeded as confirmed
    expect(listed.body.data.map((t: any) => t.id)).toEqual([transfer.body.id, 'transfer_4b8e2f9a1c']);
    expect((await h.call('GET', `/v1/vaults/${vault}/transfers?status=pending`)).body.data).toEqual([]);
    expect((await h.call('GET', `/v1/vaults/${vaultNamed(h.mock, 'Sandbox')}/transfers/${transfer.body.id}`)).body.code).toBe('transfer_not_found');
  });

  it('fails a transfer on request and releases its amount', async () => {
    const { h } = ctx;
    const vault = vaultNamed(h.mock, 'Customer withdrawals');
    const transfer = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'to-fail', body: { asset: USDC, amount: '250.5', destinationAddress: VALID_EVM_ADDRESS } });
    h.mock.clock.advance(30_000);
    expect(h.mock.failTransfer(transfer.body.id)).toBe(true);
    expect(h.mock.failTransfer(transfer.body.id)).toBe(false);
    const failed = await h.call('GET', `/v1/vaults/${vault}/transfers/${transfer.body.id}`);
    expect(failed.body).toMatchObject({ status: 'failed', completedAt: '2026-03-01T12:00:30.000Z' });
    const balance = (await h.call('GET', `/v1/vaults/${vault}/balances`)).body.data.find((b: any) => b.asset === USDC);
    expect(balance).toMatchObject({ total: '48250.500000', available: '48250.500000', pending: '0.000000' });
    h.mock.clock.advance(600_000);
    expect((await h.call('GET', `/v1/vaults/${vault}/transfers/${transfer.body.id}`)).body.status).toBe('failed');
  });

  it('rejects bad transfers with the specific codes and changes nothing', async () => {
    const { h } = ctx;
    const vault = vaultNamed(h.mock, 'Treasury');
    const before = JSON.stringify((await h.call('GET', `/v1/vaults/${vault}/balances`)).body);
    const attempt = (body: Record<string, unknown>, key = 'k') => h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: `${key}-${JSON.stringify(body).length}`, body });
    const base = { asset: USDC, amount: '1', destinationAddress: VALID_EVM_ADDRESS };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, amount: '0' }, 'invalid_amount'],
      [{ ...base, amount: '1.0000001' }, 'invalid_amount'],
      [{ ...base, amount: '-1' }, 'invalid_amount'],
      [{ ...base, amount: 1 }, 'invalid_amount'],
      [{ ...base, amount: '250000.000001' }, 'insufficient_balance'],
      [{ ...base, asset: 'Dogecoin/native' }, 'unknown_network'],
      [{ ...base, asset: 'Ethereum/erc20' }, 'invalid_asset'],
      [{ ...base, asset: 'Bitcoin/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' }, 'invalid_asset'],
      [{ ...base, asset: 'Ethereum/erc20:0x0000000000000000000000000000000000000001' }, 'invalid_asset'],
      [{ ...base, destinationAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }, 'invalid_address'],
      [{ ...base, destinationAddress: '0x742d35cc6634C0532925a3b844Bc454e4438f44e' }, 'invalid_address'],
      [{ ...base, asset: 'Avalanche/native' }, 'insufficient_balance'],
      [{ ...base, extra: true }, 'validation_failed'],
      [{ asset: USDC }, 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const response = await attempt(body);
      expect([response.status, response.body.code], JSON.stringify(body)).toEqual([422, code]);
      expect(response.body.details.length).toBeGreaterThan(0);
    }
    const missingKey = await h.call('POST', `/v1/vaults/${vault}/transfers`, { body: base });
    expect([missingKey.status, missingKey.body.code]).toEqual([400, 'idempotency_key_required']);
    expect(JSON.stringify((await h.call('GET', `/v1/vaults/${vault}/balances`)).body)).toBe(before);
    expect((await h.call('GET', `/v1/vaults/${vault}/transfers`)).body.data.map((t: any) => t.id)).toEqual(['transfer_4b8e2f9a1c']);
    expect(h.mock.stats.executions.createTransfer ?? 0).toBe(0);
  });
});

describe('reset', () => {
  it('returns to the seeded data and the start of the clock', async () => {
    const { createMock } = await import('../src/index.js');
    const mock = createMock({ seed: 'reset', now: '2026-03-01T00:00:00Z', freezeClock: true });
    const seeded = mock.seed;
    const auth = { authorization: `Bearer ${mock.bootstrapKey.secret}`, 'content-type': 'application/json' };
    await mock.fetch(new Request('http://mock.test/v1/vaults', { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Temp' }) }));
    mock.clock.advance(5000);
    mock.injectFaults([{ kind: 'status', status: 500 }]);
    mock.reset();
    expect(mock.clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(mock.seed).toEqual(seeded);
    expect(mock.stats.requests).toBe(0);
    const listed = await (await mock.fetch(new Request('http://mock.test/v1/vaults', { headers: auth }))).json();
    expect(listed.data).toEqual(seeded.vaults);
  });
});
