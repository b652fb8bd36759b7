import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeprecationNotice } from '../src/index.ts';
import { withScript } from './support/harness.ts';
import { apiError, json, vault } from './support/scripted-server.ts';

const retiring = { Deprecation: '@1767225600', Sunset: 'Wed, 30 Sep 2026 00:00:00 GMT' };

afterEach(() => {
  vi.useRealTimers();
});

describe('deprecation signals', () => {
  it('calls onDeprecation once per operation, with parsed dates', async () => {
    const notices: DeprecationNotice[] = [];
    const h = withScript([], { onDeprecation: (notice) => notices.push(notice) }, json(200, vault('vault_a'), retiring));
    for (let i = 0; i < 3; i++) await h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: `vault_${i}` } } });
    await h.client.PATCH('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_a' } }, body: { name: 'n' } });
    expect(notices).toEqual([
      { operation: 'GET /v1/vaults/{vaultId}', deprecation: new Date('2026-01-01T00:00:00Z'), sunset: new Date('2026-09-30T00:00:00Z') },
      { operation: 'PATCH /v1/vaults/{vaultId}', deprecation: new Date('2026-01-01T00:00:00Z'), sunset: new Date('2026-09-30T00:00:00Z') },
    ]);
  });

  it('warns once through the logger by default, also for an error answer', async () => {
    const h = withScript([apiError(404, 'vault_not_found', retiring)], {}, json(200, { data: [], nextCursor: null }, retiring));
    await h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_a' } } });
    await h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_a' } } });
    await h.client.GET('/v1/vaults');
    expect(h.logs.warn).toEqual([
      'Fortary API: GET /v1/vaults/{vaultId} is deprecated, sunset 2026-09-30T00:00:00.000Z',
      'Fortary API: GET /v1/vaults is deprecated, sunset 2026-09-30T00:00:00.000Z',
    ]);
  });

  it('stays silent without the headers', async () => {
    const h = withScript([], {}, json(200, vault('vault_a')));
    await h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_a' } } });
    expect(h.logs.warn).toEqual([]);
  });
});

describe('pacing on X-RateLimit-*', () => {
  it('waits for the reset once the budget is spent instead of sending into a 429', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const budget = (remaining: number, reset: number) => ({ 'X-RateLimit-Limit': '3', 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Reset': String(reset) });
    const h = withScript([json(200, vault('vault_a'), budget(1, 2)), json(200, vault('vault_a'), budget(0, 2)), json(200, vault('vault_a'), budget(2, 1))]);
    const get = () => h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_a' } } });
    const started = Date.now();
    await get();
    await get();
    const third = get();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(h.server.requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await third;
    expect(h.server.requests.map((request) => request.at - started)).toEqual([0, 0, 2_000]);
  });

  it('holds concurrent calls back when their share of the budget is gone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const h = withScript([json(200, vault('vault_a'), { 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '2', 'X-RateLimit-Reset': '5' })], {}, json(200, vault('vault_a')));
    const get = () => h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_a' } } });
    await get();
    const burst = Promise.all([get(), get(), get(), get()]);
    await vi.advanceTimersByTimeAsync(100);
    expect(h.server.requests).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(5_000);
    await burst;
    expect(h.server.requests).toHaveLength(5);
  });

  it('makes other calls wait out a 429 Retry-After too', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const h = withScript([apiError(429, 'rate_limited', { 'Retry-After': '3' })], {}, json(200, vault('vault_a')));
    const started = Date.now();
    const first = h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_a' } } });
    await vi.advanceTimersByTimeAsync(10);
    const second = h.client.GET('/v1/vaults');
    await vi.advanceTimersByTimeAsync(3_000);
    await Promise.all([first, second]);
    expect(h.server.requests.map((request) => request.at - started)).toEqual([0, 3_000, 3_000]);
  });
});
