import { describe, expect, it } from 'vitest';
import { TRANSPORTS, useHarness, vaultNamed, type Harness } from './support/harness.js';

const ALL_SCOPES = ['vaults:read', 'vaults:write', 'transfers:read', 'transfers:write', 'api-keys:manage'];

async function createKey(h: Harness, body: Record<string, unknown>, key?: string) {
  const response = await h.call('POST', '/v1/api-keys', { body, ...(key ? { key } : {}) });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; secret: string };
}

describe.each(TRANSPORTS)('key management within a key’s own power (%s)', (transport) => {
  const ctx = useHarness(transport, { now: '2026-03-01T12:00:00Z', freezeClock: true, rateLimit: false });

  /**
   * The matrix: a manager limited to Treasury with three scopes, and around it keys that are
   * within its power (fewer scopes, Treasury only, itself) and keys that are not (more scopes,
   * another vault, every vault, the bootstrap key).
   */
  async function setup(h: Harness) {
    const treasury = vaultNamed(h.mock, 'Treasury');
    const sandbox = vaultNamed(h.mock, 'Sandbox');
    const manager = await createKey(h, { name: 'Treasury manager', scopes: ['vaults:read', 'transfers:read', 'api-keys:manage'], vaultAllowlist: [treasury] });
    const within = {
      fewerScopes: await createKey(h, { name: 'Treasury reader', scopes: ['vaults:read'], vaultAllowlist: [treasury] }),
      sameScopes: await createKey(h, { name: 'Treasury twin', scopes: ['vaults:read', 'transfers:read', 'api-keys:manage'], vaultAllowlist: [treasury] }),
      itself: manager,
    };
    const beyond = {
      moreScopes: await createKey(h, { name: 'Treasury payer', scopes: ['vaults:read', 'transfers:write'], vaultAllowlist: [treasury] }),
      otherVault: await createKey(h, { name: 'Sandbox reader', scopes: ['vaults:read'], vaultAllowlist: [sandbox] }),
      widerVaults: await createKey(h, { name: 'Two vaults', scopes: ['vaults:read'], vaultAllowlist: [treasury, sandbox] }),
      everyVault: await createKey(h, { name: 'Any vault reader', scopes: ['vaults:read'] }),
      bootstrap: h.mock.bootstrapKey,
    };
    return { treasury, sandbox, manager, within, beyond };
  }

  it('lists only the keys within its power; a stronger key never appears', async () => {
    const { h } = ctx;
    const { manager, within, beyond } = await setup(h);
    const listed = await h.call('GET', '/v1/api-keys?limit=100', { key: manager.secret });
    expect(listed.status).toBe(200);
    const ids = listed.body.data.map((key: { id: string }) => key.id);
    expect(ids.sort()).toEqual(Object.values(within).map((key) => key.id).sort());
    // other vaults' ids never leak through allowlists
    expect(JSON.stringify(listed.body)).not.toContain(vaultNamed(h.mock, 'Sandbox'));
    // the unrestricted bootstrap key still lists every key
    const all = await h.call('GET', '/v1/api-keys?limit=100');
    // (plus the API key the spec's examples show, which the default seed holds)
    expect(all.body.data).toHaveLength(Object.keys(within).length + Object.keys(beyond).length + 1);
  });

  it('reads and revokes keys within its power, and answers every stronger key as absent', async () => {
    const { h } = ctx;
    const { manager, within, beyond } = await setup(h);
    const absent = await h.call('GET', '/v1/api-keys/key_doesnotexist', { key: manager.secret });
    for (const [name, key] of Object.entries(beyond)) {
      const read = await h.call('GET', `/v1/api-keys/${key.id}`, { key: manager.secret });
      expect([read.status, read.body.code], name).toEqual([404, 'api_key_not_found']);
      // the same answer as for an id nobody holds, so nothing confirms the key exists
      expect(read.body.message.replace(key.id, 'ID'), name).toBe(absent.body.message.replace('key_doesnotexist', 'ID'));
      const revoke = await h.call('POST', `/v1/api-keys/${key.id}/revoke`, { key: manager.secret });
      expect([revoke.status, revoke.body.code], name).toEqual([404, 'api_key_not_found']);
    }
    // none of them was revoked: each still works
    for (const [name, key] of Object.entries(beyond)) {
      expect((await h.call('GET', `/v1/api-keys/${key.id}`)).body.revokedAt, name).toBeNull();
    }
    expect((await h.call('GET', '/v1/vaults')).status).toBe(200);
    for (const [name, key] of Object.entries({ fewerScopes: within.fewerScopes, sameScopes: within.sameScopes })) {
      expect((await h.call('GET', `/v1/api-keys/${key.id}`, { key: manager.secret })).status, name).toBe(200);
      const revoked = await h.call('POST', `/v1/api-keys/${key.id}/revoke`, { key: manager.secret });
      expect([revoked.status, revoked.body.revokedAt], name).toEqual([200, '2026-03-01T12:00:00.000Z']);
    }
    // a key may revoke itself
    expect((await h.call('POST', `/v1/api-keys/${manager.id}/revoke`, { key: manager.secret })).status).toBe(200);
  });

  it('creates only keys within its power', async () => {
    const { h } = ctx;
    const { manager, treasury, sandbox } = await setup(h);
    const cases: Array<[string, Record<string, unknown>, number, string | null]> = [
      ['more scopes', { scopes: ['vaults:read', 'transfers:write'], vaultAllowlist: [treasury] }, 403, 'insufficient_scope'],
      ['every vault', { scopes: ['vaults:read'] }, 403, 'vault_not_allowed'],
      ['another vault', { scopes: ['vaults:read'], vaultAllowlist: [sandbox] }, 403, 'vault_not_allowed'],
      ['within', { scopes: ['vaults:read'], vaultAllowlist: [treasury] }, 201, null],
    ];
    for (const [name, body, status, code] of cases) {
      const response = await h.call('POST', '/v1/api-keys', { key: manager.secret, body: { name, ...body } });
      expect([response.status, response.body.code ?? null], name).toEqual([status, code]);
    }
    // the unrestricted bootstrap key holds every scope, so it can create any key
    const any = await h.call('POST', '/v1/api-keys', { body: { name: 'Full', scopes: ALL_SCOPES } });
    expect(any.status).toBe(201);
  });

  it('returns the secret again on an idempotent replay of createApiKey by the same key, and to no other key', async () => {
    const { h } = ctx;
    const body = { name: 'Lost response', scopes: ['vaults:read'] };
    const first = await h.call('POST', '/v1/api-keys', { body, idempotencyKey: 'create-key-1' });
    const replay = await h.call('POST', '/v1/api-keys', { body, idempotencyKey: 'create-key-1' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(replay.body.secret).toBe(first.body.secret);
    // one key was created, not two
    const named = (await h.call('GET', '/v1/api-keys?limit=100')).body.data.filter((key: { name: string }) => key.name === 'Lost response');
    expect(named).toHaveLength(1);
    // another caller using the same Idempotency-Key creates its own key: records are per calling key
    const other = await createKey(h, { name: 'Other manager', scopes: ['vaults:read', 'api-keys:manage'] });
    const otherCall = await h.call('POST', '/v1/api-keys', { body, idempotencyKey: 'create-key-1', key: other.secret });
    expect(otherCall.headers.get('idempotent-replayed')).toBeNull();
    expect(otherCall.body.id).not.toBe(first.body.id);
    // after 24 hours the record is gone: the same request creates a new key
    h.mock.clock.advance(24 * 60 * 60 * 1000);
    const later = await h.call('POST', '/v1/api-keys', { body, idempotencyKey: 'create-key-1' });
    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(later.body.secret).not.toBe(first.body.secret);
  });
});
