/**
 * The client against @fortary/mock, in-process and over HTTP: the retry rules on real error
 * answers, idempotent transfer creation through failures, pagination through faults,
 * deprecation, redaction and pacing.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { FortaryApiError, FortaryConnectionError, FortaryRateLimitError, type DeprecationNotice } from '../src/index.ts';
import { drive, transports, withMock, type MockHarness } from './support/mock-harness.ts';

let harness: MockHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const transferTo = (address: string, amount: string, note: string) => ({ asset: 'EthereumSepolia/native', amount, destinationAddress: address, note });

async function sepoliaAddress(h: MockHarness, vaultId: string): Promise<string> {
  const { data } = await h.client.GET('/v1/vaults/{vaultId}/addresses', { params: { path: { vaultId } } });
  const address = data?.data.find((entry) => entry.network === 'EthereumSepolia')?.address;
  if (!address) throw new Error('the seeded vault has no EthereumSepolia address');
  return address;
}

describe.each(transports)('against @fortary/mock (%s)', (transport) => {
  it.each([429, 500, 503] as const)('retries an injected %i and succeeds on the next attempt', async (status) => {
    harness = await withMock(transport, { rateLimit: false });
    harness.mock.injectFaults([{ kind: 'status', status, retryAfterSeconds: 0 }]);
    const { data, error } = await harness.client.GET('/v1/vaults');
    expect(error).toBeUndefined();
    expect(data?.data.length).toBeGreaterThan(0);
    expect(harness.sent).toHaveLength(2);
  });

  it('retries a dropped connection', async () => {
    harness = await withMock(transport, { rateLimit: false });
    harness.mock.injectFaults([{ kind: 'reset' }, { kind: 'reset' }]);
    expect((await harness.client.GET('/v1/networks')).error).toBeUndefined();
    expect(harness.sent).toHaveLength(3);
  });

  it('never retries 400, 401, 403, 404 or 422', async () => {
    harness = await withMock(transport, { rateLimit: false });
    const h = harness;
    const vaultId = h.mock.seed.vaults[0]!.id;
    const readOnly = h.client.unwrap(await h.client.POST('/v1/api-keys', { body: { name: 'read only', scopes: ['vaults:read'] } }));
    const cases: Array<[number, string, () => Promise<{ error?: FortaryApiError }>]> = [
      [400, 'invalid_cursor', () => h.client.GET('/v1/vaults', { params: { query: { cursor: 'not-a-cursor' } } })],
      [401, 'invalid_api_key', () => h.clientWith({ apiKey: 'fsk_test_NoSuchKeyNoSuchKeyNoSuchKey' }).GET('/v1/vaults')],
      [403, 'insufficient_scope', () => h.clientWith({ apiKey: readOnly.secret }).POST('/v1/vaults', { body: { name: 'nope' } })],
      [404, 'vault_not_found', () => h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_doesnotexist' } } })],
      [422, 'invalid_amount', async () => h.client.POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } }, body: transferTo(await sepoliaAddress(h, vaultId), '-1', 'bad') })],
    ];
    for (const [status, code, call] of cases) {
      const before = h.sent.length;
      const { error } = await call();
      const requests = h.sent.length - before - (status === 422 ? 1 : 0); // the 422 case first looks up an address
      expect({ status: error?.status, code: error?.code, retryable: error?.retryable, requests }).toEqual({ status, code, retryable: false, requests: 1 });
    }
  });

  it('creates exactly one transfer when the first attempts fail with 500, 503 and a reset', async () => {
    harness = await withMock(transport, { rateLimit: false });
    const vaultId = harness.mock.seed.vaults[0]!.id;
    const address = await sepoliaAddress(harness, vaultId);
    harness.mock.injectFaults([
      { kind: 'status', status: 500, when: 'after' },
      { kind: 'status', status: 503, when: 'after', retryAfterSeconds: 0 },
      { kind: 'reset', when: 'after' },
    ]);
    const note = `payout ${transport}`;
    const result = await harness.client.POST('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } }, body: transferTo(address, '0.125', note) });
    const transfer = harness.client.unwrap(result);
    expect(transfer.amount).toMatch(/^0\.1250*$/);
    expect(result.response.headers.get('Idempotent-Replayed')).toBe('true');
    const posts = harness.sent.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(4);
    expect(new Set(posts.map((request) => request.idempotencyKey))).toEqual(new Set([result.idempotencyKey]));
    expect(harness.mock.stats.executions['createTransfer']).toBe(1);
    const ledger = [];
    for await (const entry of harness.client.paginate('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId } } })) if (entry.note === note) ledger.push(entry);
    expect(ledger.map((entry) => entry.id)).toEqual([transfer.id]);
  });

  it('pages through 1,000 items with 30% injected faults and yields each exactly once', { timeout: 120_000 }, async () => {
    // Status faults without Retry-After waits (500) and dropped connections, so the run stays quick in real time.
    harness = await withMock(transport, { rateLimit: false, faults: { rate: 0.2, statuses: [500], resetRate: 0.1, seed: `pages-${transport}` } }, { maxRetries: 12 });
    const h = harness;
    const created = new Set(h.mock.seed.vaults.map((vault) => vault.id));
    const toCreate = 1_000 - created.size;
    for (let start = 0; start < toCreate; start += 20) {
      const batch = Array.from({ length: Math.min(20, toCreate - start) }, (_, i) => h.client.POST('/v1/vaults', { body: { name: `Vault ${start + i}` } }));
      for (const result of await Promise.all(batch)) created.add(h.client.unwrap(result).id);
    }
    expect(created.size).toBe(1_000);

    const seen: string[] = [];
    for await (const vault of h.client.paginate('/v1/vaults', { params: { query: { limit: 100 } } })) seen.push(vault.id);
    expect(seen).toHaveLength(1_000);
    expect(new Set(seen)).toEqual(created);
    expect(h.mock.stats.faults / h.mock.stats.requests).toBeGreaterThan(0.2);
  });

  it('signals a deprecation once per operation', async () => {
    const notices: DeprecationNotice[] = [];
    harness = await withMock(transport, { rateLimit: false, sunset: '2027-06-30T00:00:00Z' }, { onDeprecation: (notice) => notices.push(notice) });
    for (let i = 0; i < 3; i++) await harness.client.GET('/v1/vaults');
    await harness.client.GET('/v1/networks');
    expect(notices.map((notice) => notice.operation)).toEqual(['GET /v1/vaults', 'GET /v1/networks']);
    expect(notices[0]?.sunset).toEqual(new Date('2027-06-30T00:00:00Z'));
    expect(notices[0]?.deprecation).toBeInstanceOf(Date);
  });

  it('keeps key secrets out of errors and logs', async () => {
    harness = await withMock(transport, { rateLimit: false }, { maxRetries: 1 });
    const secret = harness.mock.bootstrapKey.secret;
    const created = harness.client.unwrap(await harness.client.POST('/v1/api-keys', { body: { name: 'to revoke', scopes: ['vaults:read'] } }));
    await harness.client.POST('/v1/api-keys/{apiKeyId}/revoke', { params: { path: { apiKeyId: created.id } } });
    const revoked = (await harness.clientWith({ apiKey: created.secret }).GET('/v1/vaults')).error;
    harness.mock.injectFaults([{ kind: 'reset' }, { kind: 'reset' }]);
    const failures = [revoked, await harness.client.GET('/v1/vaults').catch((error: unknown) => error)];
    expect(failures[0]).toMatchObject({ status: 401, code: 'api_key_revoked' });
    expect(failures[1]).toBeInstanceOf(FortaryConnectionError);
    for (const failure of failures) {
      for (const text of [String(failure), JSON.stringify(failure), inspect(failure, { showHidden: true, depth: 8 }), ...harness.logs.debug, ...harness.logs.warn]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(created.secret);
      }
    }
  });

  it('fails at once with a rate-limit error when Retry-After exceeds the deadline', async () => {
    harness = await withMock(transport, { rateLimit: false }, { deadlineMs: 5_000 });
    harness.mock.injectFaults([{ kind: 'status', status: 429, retryAfterSeconds: 120 }]);
    const started = Date.now();
    const { error } = await harness.client.GET('/v1/vaults');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(FortaryRateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, code: 'rate_limited' });
  });

  it('stops when the caller aborts', async () => {
    harness = await withMock(transport, { rateLimit: false, faults: { rate: 0, latencyMs: [400, 400] } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    await expect(harness.client.GET('/v1/vaults', { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(350);
    expect(harness.sent).toHaveLength(1);
  });
});

// Pacing waits for the rate-limit window in real time, the same on both transports: each
// transport has a mock of its own, so the two run side by side.
describe.concurrent('against @fortary/mock, paced', () => {
  it.for(transports)('paces itself under a small rate limit instead of running into 429s (%s)', { timeout: 60_000 }, async (transport, { expect }) => {
    const h = await withMock(transport, { rateLimit: { capacity: 4, refillPerSecond: 8 } });
    try {
      for (let i = 0; i < 10; i++) expect((await h.client.GET('/v1/networks')).error).toBeUndefined();
      const burst = await Promise.all(Array.from({ length: 9 }, () => h.client.GET('/v1/networks')));
      expect(burst.every((result) => result.error === undefined)).toBe(true);
      expect(h.mock.stats.byStatus['429'] ?? 0).toBe(0);
      expect(h.mock.stats.requests).toBe(19);
    } finally {
      await h.close();
    }
  });
});

describe('against @fortary/mock in-process, on fake time', () => {
  afterAll(() => {
    vi.useRealTimers();
  });

  it.each([
    ['429 with Retry-After 7', { kind: 'status', status: 429, retryAfterSeconds: 7 }, 7_000],
    ['503 with Retry-After 3', { kind: 'status', status: 503, retryAfterSeconds: 3 }, 3_000],
  ] as const)('waits exactly as asked after a %s', async (_, fault, waitMs) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    harness = await withMock('in-process', { rateLimit: false });
    harness.mock.injectFaults([fault]);
    const { error } = await drive(harness.client.GET('/v1/vaults'), (ms) => vi.advanceTimersByTimeAsync(ms), 500);
    expect(error).toBeUndefined();
    expect(harness.sent.map((request) => request.at - harness!.sent[0]!.at)).toEqual([0, waitMs]);
    vi.useRealTimers();
  });
});
