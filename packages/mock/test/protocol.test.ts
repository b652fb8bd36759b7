import { describe, expect, it } from 'vitest';
import { operationTable } from '@fortary/types';
import { IDEMPOTENCY_WINDOW_MS } from '../src/index.js';
import { TRANSPORTS, USDC, VALID_EVM_ADDRESS, createHarness, useHarness, vaultNamed, type Harness } from './support/harness.js';

async function pageAll(h: Harness, path: string, limit: number, between?: () => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: Awaited<ReturnType<Harness['call']>> = await h.call('GET', `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.status).toBe(200);
    expect(page.body.data.length).toBeLessThanOrEqual(limit);
    ids.push(...page.body.data.map((item: any) => item.id ?? item.name ?? item.asset));
    cursor = page.body.nextCursor;
    if (between) await between();
  } while (cursor);
  return ids;
}

describe.each(TRANSPORTS)('pagination, idempotency, rate limits and bad input (%s)', (transport) => {
  const ctx = useHarness(transport, { now: '2026-03-01T12:00:00Z', freezeClock: true, rateLimit: false });

  it('pages newest first with opaque cursors and limit bounds', async () => {
    const { h } = ctx;
    for (let i = 0; i < 7; i++) await h.call('POST', '/v1/vaults', { body: { name: `Vault ${i}` } });
    const all = (await h.call('GET', '/v1/vaults?limit=100')).body.data.map((v: any) => v.id);
    expect(all).toHaveLength(10);
    expect(await pageAll(h, '/v1/vaults', 3)).toEqual(all);
    expect(await pageAll(h, '/v1/networks', 4)).toHaveLength(9);
    expect((await h.call('GET', '/v1/vaults')).body.data).toHaveLength(10);
    for (const limit of ['0', '101', 'abc', '2.5']) {
      const bad = await h.call('GET', `/v1/vaults?limit=${limit}`);
      expect([bad.status, bad.body.code, bad.body.details[0].field]).toEqual([422, 'validation_failed', 'limit']);
    }
  });

  it("pages by the spec's default limit and accepts its maximum", async () => {
    const { h } = ctx;
    const bounds = operationTable.listVaults.limit;
    // enough vaults for two default pages
    for (let i = 0; i < bounds.default + 2; i++) await h.call('POST', '/v1/vaults', { body: { name: `Vault ${i}` } });
    const first = await h.call('GET', '/v1/vaults');
    expect(first.body.data).toHaveLength(bounds.default);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect((await h.call('GET', `/v1/vaults?limit=${bounds.maximum}`)).body.data).toHaveLength(bounds.default + 5);
    expect((await h.call('GET', `/v1/vaults?limit=${bounds.maximum + 1}`)).status).toBe(422);
  });

  it('never skips or repeats an item when items are created while paging', async () => {
    const { h } = ctx;
    for (let i = 0; i < 6; i++) {
      await h.call('POST', '/v1/vaults', { body: { name: `Before ${i}` } });
      h.mock.clock.advance(1000);
    }
    const snapshot = (await h.call('GET', '/v1/vaults?limit=100')).body.data.map((v: any) => v.id);
    let created = 0;
    const seen = await pageAll(h, '/v1/vaults', 2, async () => {
      h.mock.clock.advance(1000);
      await h.call('POST', '/v1/vaults', { body: { name: `During ${created++}` } });
    });
    expect(seen).toEqual(snapshot);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('orders items created in the same millisecond by id', async () => {
    const { h } = ctx;
    for (let i = 0; i < 5; i++) await h.call('POST', '/v1/vaults', { body: { name: `Same ${i}` } });
    const sameTime = (await h.call('GET', '/v1/vaults?limit=5')).body.data.map((v: any) => v.id);
    expect(sameTime).toEqual([...sameTime].sort().reverse());
    expect(await pageAll(h, '/v1/vaults', 2)).toEqual((await h.call('GET', '/v1/vaults?limit=100')).body.data.map((v: any) => v.id));
  });

  it('refuses changed, foreign and malformed cursors with 400 invalid_cursor', async () => {
    const { h } = ctx;
    const first = await h.call('GET', '/v1/vaults?limit=1');
    const cursor: string = first.body.nextCursor;
    const flipped = cursor.slice(0, 5) + (cursor[5] === 'A' ? 'B' : 'A') + cursor.slice(6);
    const assetsCursor = (await h.call('GET', '/v1/assets?limit=1')).body.nextCursor;
    for (const bad of [flipped, assetsCursor, 'abc', 'not.a.cursor', 'x'.repeat(600)]) {
      const response = await h.call('GET', `/v1/vaults?cursor=${encodeURIComponent(bad)}`);
      expect([response.status, response.body.type, response.body.code]).toEqual([400, 'invalid_request', 'invalid_cursor']);
    }
  });

  it('replays a POST with the same key and body, refuses a different body, and forgets after 24 h', async () => {
    const { h } = ctx;
    const vault = vaultNamed(h.mock, 'Treasury');
    const body = { asset: USDC, amount: '10', destinationAddress: VALID_EVM_ADDRESS };
    const first = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'same', body });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const replay = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'same', body: { destinationAddress: VALID_EVM_ADDRESS, amount: '10', asset: USDC } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(replay.requestId).not.toBe(first.requestId);
    const reused = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'same', body: { ...body, amount: '11' } });
    expect([reused.status, reused.body.code]).toEqual([422, 'idempotency_key_reused']);
    expect(h.mock.stats.executions.createTransfer).toBe(1);
    h.mock.clock.advance(IDEMPOTENCY_WINDOW_MS);
    const fresh = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'same', body });
    expect(fresh.body.id).not.toBe(first.body.id);
    expect(h.mock.stats.executions.createTransfer).toBe(2);
    // keys are per API key: another key may use the same value
    const vaultKey = await h.call('POST', '/v1/api-keys', { body: { name: 'Vaults', scopes: ['vaults:write'] } });
    const other = await h.call('POST', '/v1/vaults', { key: vaultKey.body.secret, idempotencyKey: 'same', body: { name: 'X' } });
    expect(other.status).toBe(201);
  });

  it('does not keep a failed attempt, so the same key works once the problem is fixed', async () => {
    const { h } = ctx;
    const vault = vaultNamed(h.mock, 'Treasury');
    const tooMuch = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'retry-me', body: { asset: 'Solana/native', amount: '99999', destinationAddress: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' } });
    expect(tooMuch.body.code).toBe('insufficient_balance');
    const ok = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'retry-me', body: { asset: 'Solana/native', amount: '1', destinationAddress: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' } });
    expect(ok.status).toBe(201);
  });

  it('answers malformed input with the right status and code, never a 500, and changes nothing', async () => {
    const { h } = ctx;
    const before = (await h.call('GET', '/v1/vaults?limit=100')).body;
    const cases: Array<[string, string, Parameters<Harness['call']>[2], number, string]> = [
      ['POST', '/v1/vaults', { rawBody: '{"name": "x"', headers: { 'content-type': 'application/json' } }, 400, 'malformed_request'],
      ['POST', '/v1/vaults', { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
      ['POST', '/v1/vaults', { rawBody: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }), headers: { 'content-type': 'application/json' } }, 413, 'payload_too_large'],
      ['POST', '/v1/vaults', { body: { name: 42 } }, 422, 'validation_failed'],
      ['POST', '/v1/vaults', { body: { name: 'ok', colour: 'red' } }, 422, 'validation_failed'],
      ['POST', '/v1/vaults', { body: [] }, 422, 'validation_failed'],
      ['POST', '/v1/vaults', {}, 422, 'validation_failed'],
      ['POST', '/v1/vaults', { body: { name: 'ok' }, idempotencyKey: ' ' }, 422, 'validation_failed'],
      ['GET', '/v1/vault', {}, 404, 'route_not_found'],
      ['GET', '/v2/vaults', {}, 404, 'route_not_found'],
      ['GET', '/v1/vaults/', {}, 404, 'route_not_found'],
      ['DELETE', '/v1/vaults', {}, 405, 'method_not_allowed'],
      ['PUT', `/v1/vaults/${vaultNamed(h.mock, 'Treasury')}`, {}, 405, 'method_not_allowed'],
      ['GET', '/v1/vaults/VAULT_UPPER', {}, 422, 'validation_failed'],
      ['GET', '/v1/vaults/vault_x/transfers/tr_bad', {}, 422, 'validation_failed'],
      ['GET', '/v1/api-keys/vault_abc', {}, 422, 'validation_failed'],
      ['GET', '/v1/assets?network=Dogecoin', {}, 422, 'unknown_network'],
      ['POST', `/v1/vaults/${vaultNamed(h.mock, 'Treasury')}/addresses`, { body: { network: 'ethereum' } }, 422, 'unknown_network'],
      ['GET', `/v1/vaults/${vaultNamed(h.mock, 'Treasury')}/transfers?status=lost`, {}, 422, 'validation_failed'],
      ['POST', '/v1/api-keys', { body: { name: 'k', scopes: ['vaults:read', 'vaults:read'] } }, 422, 'validation_failed'],
      ['POST', '/v1/api-keys', { body: { name: 'k', scopes: ['root'] } }, 422, 'validation_failed'],
      ['POST', '/v1/api-keys', { body: { name: 'k', scopes: ['vaults:read'], vaultAllowlist: ['vault_missing'] } }, 422, 'validation_failed'],
    ];
    for (const [method, path, options, status, code] of cases) {
      const response = await h.call(method, path, options);
      expect([response.status, response.body.code], `${method} ${path}`).toEqual([status, code]);
      if (status === 405) expect(response.headers.get('allow')).toMatch(/^(GET|POST|PATCH)(, (GET|POST|PATCH))*$/);
    }
    expect((await h.call('GET', '/v1/vaults?limit=100')).body).toEqual(before);
    expect(h.mock.stats.byStatus[500]).toBeUndefined();
  });

  it('sends a unique X-Request-Id on every response, mirrored as correlationId', async () => {
    const { h } = ctx;
    const ids = new Set<string>();
    for (const path of ['/v1/vaults', '/v1/nowhere', '/v1/assets?network=Nope']) {
      const response = await h.call('GET', path);
      expect(response.requestId).toMatch(/^req_[a-z0-9]+$/);
      if (response.status >= 400) expect(response.body.correlationId).toBe(response.requestId);
      ids.add(response.requestId);
    }
    expect(ids.size).toBe(3);
  });
});

describe.each(TRANSPORTS)('rate limits, faults and deprecation (%s)', (transport) => {
  it('limits each key with a token bucket and reports it on every response', async () => {
    const h = await createHarness(transport, { now: '2026-03-01T12:00:00Z', freezeClock: true, rateLimit: { capacity: 3, refillPerSecond: 1 } });
    try {
      const statuses: number[] = [];
      const remaining: Array<string | null> = [];
      for (let i = 0; i < 4; i++) {
        const response = await h.call('GET', '/v1/vaults');
        statuses.push(response.status);
        remaining.push(response.headers.get('x-ratelimit-remaining'));
        expect(response.headers.get('x-ratelimit-limit')).toBe('3');
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(remaining).toEqual(['2', '1', '0', '0']);
      const limited = await h.call('GET', '/v1/vaults');
      expect([limited.body.type, limited.body.code, limited.headers.get('retry-after')]).toEqual(['rate_limit', 'rate_limited', '1']);
      // another key has its own bucket; unauthenticated callers are limited per address
      const other = h.mock.core.state.addApiKey({ name: 'Other', scopes: ['vaults:read'], vaultAllowlist: null, ipAllowlist: null, expiresAt: Date.parse('2027-01-01T00:00:00Z'), createdAt: h.mock.clock.now().getTime() });
      expect((await h.call('GET', '/v1/vaults', { key: other.secret })).status).toBe(200);
      expect((await h.call('GET', '/v1/vaults', { key: null })).body.code).toBe('missing_api_key');
      h.mock.clock.advance(2000);
      const refilled = await h.call('GET', '/v1/vaults');
      expect([refilled.status, refilled.headers.get('x-ratelimit-remaining')]).toEqual([200, '1']);
    } finally {
      await h.close();
    }
  });

  it('plays injected faults: before (no state change), after (state changed, response lost), resets', async () => {
    const h = await createHarness(transport, { now: '2026-03-01T12:00:00Z', freezeClock: true });
    try {
      const vault = vaultNamed(h.mock, 'Treasury');
      const body = { asset: USDC, amount: '5', destinationAddress: VALID_EVM_ADDRESS };
      h.mock.injectFaults([{ kind: 'status', status: 503, retryAfterSeconds: 3 }, { kind: 'status', status: 500, when: 'after' }, { kind: 'status', status: 429 }]);
      const unavailable = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'f1', body });
      expect([unavailable.status, unavailable.body.code, unavailable.headers.get('retry-after')]).toEqual([503, 'service_unavailable', '3']);
      expect(h.mock.stats.executions.createTransfer ?? 0).toBe(0);
      const lost = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'f1', body });
      expect([lost.status, lost.body.code]).toEqual([500, 'internal_error']);
      expect(h.mock.stats.executions.createTransfer).toBe(1);
      const limited = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'f1', body });
      expect([limited.status, limited.body.code]).toEqual([429, 'rate_limited']);
      const replay = await h.call('POST', `/v1/vaults/${vault}/transfers`, { idempotencyKey: 'f1', body });
      expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
      expect(h.mock.stats.executions.createTransfer).toBe(1);
      h.mock.injectFaults([{ kind: 'reset', when: 'after' }]);
      await expect(h.call('POST', '/v1/vaults', { idempotencyKey: 'v1', body: { name: 'Reset' } })).rejects.toThrow(TypeError);
      expect(h.mock.stats.executions.createVault).toBe(1);
      h.mock.injectFaults([{ kind: 'truncate' }]);
      await expect(h.call('GET', '/v1/vaults')).rejects.toThrow();
      expect((await h.call('GET', '/v1/vaults')).status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('answers 409 while the same key is still in flight', async () => {
    const h = await createHarness(transport, { faults: { rate: 0, latencyMs: [150, 150] } });
    try {
      const request = () => h.call('POST', '/v1/vaults', { idempotencyKey: 'slow', body: { name: 'Slow' } });
      const [a, b] = await Promise.all([request(), new Promise((resolve) => setTimeout(resolve, 30)).then(request)]);
      expect([a.status, b.status]).toEqual([201, 409]);
      expect([b.body.type, b.body.code]).toEqual(['conflict', 'idempotency_key_in_use']);
      expect((await request()).headers.get('idempotent-replayed')).toBe('true');
    } finally {
      await h.close();
    }
  });

  it('draws random faults from a seed, so a run can be replayed', async () => {
    const run = async () => {
      const h = await createHarness(transport, { faults: { rate: 0.5, seed: 7 }, rateLimit: false });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 40; i++) statuses.push((await h.call('GET', '/v1/networks')).status);
        return statuses;
      } finally {
        await h.close();
      }
    };
    const first = await run();
    expect(first.filter((status) => status !== 200).length).toBeGreaterThan(2);
    expect(new Set(first.filter((status) => status !== 200)).size).toBeGreaterThan(1);
    expect(await run()).toEqual(first);
  });

  it('announces a retiring v1 with Deprecation and Sunset on every response', async () => {
    const h = await createHarness(transport, { sunset: '2027-01-01', deprecatedAt: '2026-06-01T00:00:00Z' });
    try {
      for (const [path, key] of [['/v1/vaults', undefined], ['/v1/nowhere', undefined], ['/v1/vaults', null]] as const) {
        const response = await h.call('GET', path, { key });
        expect(response.headers.get('deprecation')).toBe(`@${Date.parse('2026-06-01T00:00:00Z') / 1000}`);
        expect(response.headers.get('sunset')).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
      }
      const plain = await createHarness(transport);
      expect((await plain.call('GET', '/v1/vaults')).headers.get('sunset')).toBeNull();
      await plain.close();
    } finally {
      await h.close();
    }
  });
});
