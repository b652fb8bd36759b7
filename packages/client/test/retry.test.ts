import { afterEach, describe, expect, it, vi } from 'vitest';
import { FortaryApiError, FortaryConnectionError, FortaryRateLimitError, FortaryTimeoutError } from '../src/index.ts';
import { backoffDelay, parseRetryAfter } from '../src/core/backoff.ts';
import { withScript } from './support/harness.ts';
import { apiError, json, vault } from './support/scripted-server.ts';

const vaultId = 'vault_3f8a2c1d9b';
const getVault = (h: ReturnType<typeof withScript>, init: { signal?: AbortSignal } = {}) =>
  h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId } }, ...init });
const transferBody = {
  asset: 'Ethereum/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  amount: '1249.500000',
  destinationAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
};

afterEach(() => {
  vi.useRealTimers();
});

describe('which answers are retried', () => {
  it.each([
    [429, 'rate_limited'],
    [500, 'internal_error'],
    [503, 'service_unavailable'],
    [409, 'idempotency_key_in_use'],
  ])('retries %i %s and returns the later success', async (status, code) => {
    const h = withScript([apiError(status, code), json(200, vault(vaultId))]);
    const { data, error } = await getVault(h);
    expect(error).toBeUndefined();
    expect(data).toEqual(vault(vaultId));
    expect(h.server.requests).toHaveLength(2);
  });

  it.each([
    [400, 'malformed_request'],
    [401, 'invalid_api_key'],
    [403, 'insufficient_scope'],
    [404, 'vault_not_found'],
    [422, 'validation_failed'],
    [409, 'some_other_conflict'],
  ])('never retries %i %s', async (status, code) => {
    const h = withScript([apiError(status, code), json(200, vault(vaultId))]);
    const { data, error } = await getVault(h);
    expect(data).toBeUndefined();
    expect(error).toBeInstanceOf(FortaryApiError);
    expect(error).toMatchObject({ status, code, retryable: false });
    expect(h.server.requests).toHaveLength(1);
  });

  it('retries a dropped connection, then succeeds', async () => {
    const h = withScript([{ reset: true }, { reset: true }, json(200, vault(vaultId))]);
    expect((await getVault(h)).data).toEqual(vault(vaultId));
    expect(h.server.requests).toHaveLength(3);
  });

  it('stops after maxRetries and hands back the last answer as a retryable error', async () => {
    const h = withScript([], { maxRetries: 2 }, apiError(503, 'service_unavailable'));
    const { error } = await getVault(h);
    expect(h.server.requests).toHaveLength(3);
    expect(error).toMatchObject({ status: 503, type: 'unavailable', code: 'service_unavailable', retryable: true });
  });

  it('throws FortaryConnectionError when every attempt loses its connection', async () => {
    const h = withScript([], { maxRetries: 1 }, { reset: true });
    await expect(getVault(h)).rejects.toBeInstanceOf(FortaryConnectionError);
    expect(h.server.requests).toHaveLength(2);
  });

  it('retries an attempt that times out', async () => {
    const h = withScript([{ hang: true }, json(200, vault(vaultId))], { timeoutMs: 50 });
    expect((await getVault(h)).data).toEqual(vault(vaultId));
    expect(h.server.requests).toHaveLength(2);
  });

  it('aborts the signal of a timed-out attempt, also through a fetch wrapper that spreads its init', async () => {
    let signal: AbortSignal | undefined;
    const wrapper = (_request: Request, init?: { signal?: AbortSignal }) => {
      signal = { ...init }.signal;
      return new Promise<Response>(() => undefined);
    };
    const h = withScript([], { timeoutMs: 30, maxRetries: 0, fetch: wrapper });
    await expect(getVault(h)).rejects.toBeInstanceOf(FortaryTimeoutError);
    expect(signal?.aborted).toBe(true);
  });

  it('times out even when the fetch in use ignores the abort signal', async () => {
    const never = () => new Promise<Response>(() => undefined);
    const h = withScript([never, never], { timeoutMs: 30, maxRetries: 1 });
    const failure = await getVault(h).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FortaryTimeoutError);
    expect(failure).toMatchObject({ timeout: 'attempt', timeoutMs: 30 });
  });
});

describe('idempotency keys', () => {
  it('generates one UUID per POST and sends the same one on every attempt', async () => {
    const created = { id: 'transfer_1', status: 'pending' };
    const h = withScript([apiError(500, 'internal_error'), { reset: true }, apiError(503, 'service_unavailable'), json(201, created)]);
    const result = await h.client.POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } }, body: transferBody });
    const keys = h.server.requests.map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.idempotencyKey).toBe(keys[0]);
    expect(h.server.requests.every((request) => request.body === JSON.stringify(transferBody))).toBe(true);
  });

  it('keeps the caller key, and a new call gets a new generated key', async () => {
    const h = withScript([], {}, json(201, { id: 'transfer_1' }));
    const mine = await h.client.POST('/v1/vaults/{vaultId}/transfers', {
      params: { path: { vaultId }, header: { 'Idempotency-Key': 'invoice-2026-014' } },
      body: transferBody,
    });
    const first = await h.client.POST('/v1/vaults', { body: { name: 'A' } });
    const second = await h.client.POST('/v1/vaults', { body: { name: 'A' } });
    expect(mine.idempotencyKey).toBe('invoice-2026-014');
    expect(h.server.requests[0]?.headers.get('Idempotency-Key')).toBe('invoice-2026-014');
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
  });

  it('puts the key on API errors and on connection errors', async () => {
    const h = withScript([apiError(422, 'insufficient_balance')]);
    const { error, idempotencyKey } = await h.client.POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } }, body: transferBody });
    expect(error?.idempotencyKey).toBe(idempotencyKey);
    expect(idempotencyKey).toBeTruthy();

    const lost = withScript([], { maxRetries: 1 }, { reset: true });
    const failure = await lost.client
      .POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId }, header: { 'Idempotency-Key': 'k-7' } }, body: transferBody })
      .catch((caught: unknown) => caught);
    expect(failure).toBeInstanceOf(FortaryConnectionError);
    expect((failure as FortaryConnectionError).idempotencyKey).toBe('k-7');
  });

  it('does not add a key to GET or PATCH', async () => {
    const h = withScript([], {}, json(200, vault(vaultId)));
    await getVault(h);
    await h.client.PATCH('/v1/vaults/{vaultId}', { params: { path: { vaultId } }, body: { name: 'Renamed' } });
    expect(h.server.requests.map((request) => request.headers.get('Idempotency-Key'))).toEqual([null, null]);
  });
});

describe('waiting: Retry-After, backoff, deadline, abort (fake timers)', () => {
  const fake = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

  it('waits exactly the Retry-After seconds', async () => {
    fake();
    const h = withScript([apiError(429, 'rate_limited', { 'Retry-After': '7' }), json(200, vault(vaultId))]);
    const started = Date.now();
    const call = getVault(h);
    await vi.advanceTimersByTimeAsync(6_999);
    expect(h.server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call).data).toEqual(vault(vaultId));
    expect(h.server.requests[1]?.at).toBe(started + 7_000);
  });

  it('waits until a Retry-After HTTP date', async () => {
    fake();
    vi.setSystemTime(new Date('2026-03-02T10:00:00.000Z'));
    const h = withScript([apiError(503, 'service_unavailable', { 'Retry-After': 'Mon, 02 Mar 2026 10:00:12 GMT' }), json(200, vault(vaultId))]);
    const call = getVault(h);
    await vi.advanceTimersByTimeAsync(11_999);
    expect(h.server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await call;
    expect(h.server.requests[1]?.at).toBe(Date.parse('2026-03-02T10:00:12.000Z'));
  });

  it('fails at once with retryAfterMs when the asked wait exceeds what is left of the deadline', async () => {
    fake();
    const h = withScript([apiError(429, 'rate_limited', { 'Retry-After': '90' }), json(200, vault(vaultId))], { deadlineMs: 30_000 });
    const started = Date.now();
    const { error } = await getVault(h);
    expect(Date.now()).toBe(started);
    expect(error).toBeInstanceOf(FortaryRateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'rate_limit', retryAfterMs: 90_000, retryable: true });
    expect(h.server.requests).toHaveLength(1);
    expect(() => h.client.unwrap({ error })).toThrow(FortaryRateLimitError);
  });

  it('backs off exponentially with jitter between attempts', async () => {
    fake();
    const h = withScript([], { maxRetries: 4, backoff: { initialDelayMs: 1_000, maxDelayMs: 5_000 } }, apiError(500, 'internal_error'));
    const call = getVault(h);
    await vi.advanceTimersByTimeAsync(60_000);
    await call;
    const gaps = h.server.requests.slice(1).map((request, i) => request.at - (h.server.requests[i]?.at ?? 0));
    expect(gaps).toHaveLength(4);
    [1_000, 2_000, 4_000, 5_000].forEach((step, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(step / 2);
      expect(gaps[i]).toBeLessThanOrEqual(step);
    });
  });

  it('gives the whole call one deadline across attempts', async () => {
    fake();
    const h = withScript([], { timeoutMs: 1_000, deadlineMs: 2_500, maxRetries: 10, backoff: { initialDelayMs: 100, maxDelayMs: 100 } }, { hang: true });
    const started = Date.now();
    const call = getVault(h).catch((error: unknown) => ({ failure: error, at: Date.now() }));
    await vi.advanceTimersByTimeAsync(10_000);
    const { failure, at } = (await call) as { failure: unknown; at: number };
    expect(failure).toBeInstanceOf(FortaryTimeoutError);
    expect(failure).toMatchObject({ timeout: 'deadline', timeoutMs: 2_500 });
    expect(at - started).toBe(2_500);
    expect(h.server.requests.length).toBe(3);
    expect(h.server.requests.at(-1)!.at - started).toBeLessThan(2_500);
  });

  it('stops a backoff wait as soon as the caller aborts', async () => {
    fake();
    const h = withScript([apiError(503, 'service_unavailable', { 'Retry-After': '30' })], {}, json(200, vault(vaultId)));
    const controller = new AbortController();
    const call = getVault(h, { signal: controller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort(new Error('shutting down'));
    await expect(call).resolves.toMatchObject({ message: 'shutting down' });
    expect(h.server.requests).toHaveLength(1);
  });

  it('stops an attempt in flight when the caller aborts, without retrying it', async () => {
    const h = withScript([{ hang: true }], {}, json(200, vault(vaultId)));
    const controller = new AbortController();
    const call = getVault(h, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(h.server.requests).toHaveLength(1);
  });

  // Calls without a signal skip listening for an abort; these two guard the calls that must not.
  // Their fetch ignores the signal, so only the loop's own listener can end the attempt at once
  // (the 30 s attempt timeout would end it too, late: hence the short test timeout).
  const never = () => new Promise<Response>(() => undefined);

  it('still listens to a signal on a call made after calls without one', async () => {
    const h = withScript([json(200, vault(vaultId)), never], {}, json(200, vault(vaultId)));
    expect((await getVault(h)).data).toEqual(vault(vaultId));
    const controller = new AbortController();
    const call = getVault(h, { signal: controller.signal });
    void getVault(h); // a concurrent call without a signal leaves the first one listening
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  }, 5_000);

  it('listens to the signal of a request swapped in by an onRequest middleware', async () => {
    const h = withScript([never], {}, json(200, vault(vaultId)));
    const controller = new AbortController();
    h.client.use({ onRequest: async ({ request }) => new Request(request, { signal: controller.signal }) });
    const call = getVault(h);
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    expect(h.server.requests).toHaveLength(1);
  }, 5_000);
});

describe('retry logs', () => {
  it('prints nothing about a retry by default, and one debug line per retry with logger: console', async () => {
    const spies = (['log', 'info', 'debug', 'warn', 'error'] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => undefined));
    try {
      const quiet = withScript([apiError(503, 'service_unavailable'), json(200, vault(vaultId))], { logger: undefined });
      expect((await getVault(quiet)).data).toEqual(vault(vaultId));
      expect(spies.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);

      const verbose = withScript([apiError(503, 'service_unavailable'), json(200, vault(vaultId))], { logger: console });
      await getVault(verbose);
      const debug = spies[2]!.mock.calls.map(([message]) => String(message));
      expect(debug).toEqual([expect.stringMatching(/^GET https:\/\/api\.test\/v1\/vaults\/vault_3f8a2c1d9b: HTTP 503, retry in \d+ ms$/)]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('backoff arithmetic', () => {
  it('doubles up to the cap, with half of each step random', () => {
    const options = { initialDelayMs: 500, maxDelayMs: 8_000 };
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, options, () => 0))).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000]);
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, options, () => 1))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
