/**
 * What the retry loop knows about a call (its signal, its idempotency key, its fetch) travels
 * with that call's own request, whenever openapi-fetch gets round to sending it: no flag set
 * around a synchronous call, no lookup table. These tests make openapi-fetch send late and out of
 * order (an async onRequest middleware with per-call delays) and check that nothing crosses over.
 */
import { describe, expect, it } from 'vitest';
import { FortaryConnectionError } from '../src/index.ts';
import { withScript } from './support/harness.ts';
import { json, vault } from './support/scripted-server.ts';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await delay(1);
}

/** Holds each request in an async onRequest for the milliseconds of its `X-Test-Delay` header. */
const reorder = {
  async onRequest({ request }: { request: Request }) {
    await delay(Number(request.headers.get('X-Test-Delay') ?? 0));
    return undefined;
  },
};

describe('call context without side channels', () => {
  it('gives each concurrent POST the key its own request carried, whatever order they are sent in', async () => {
    const h = withScript([], {}, json(201, { id: 'vault_x', name: 'Vault' }));
    // Each request waits in an async onRequest for its gate; the gates open last to first.
    const gates = [0, 1, 2, 3].map(() => {
      let resolve!: () => void;
      return { promise: new Promise<void>((done) => (resolve = done)), resolve };
    });
    let waiting = 0;
    h.client.use({
      async onRequest({ request }) {
        waiting += 1;
        await gates[Number(request.headers.get('X-Test-Gate'))]!.promise;
        return undefined;
      },
    });
    const names = ['first', 'second', 'third', 'fourth'];
    const calls = names.map((name, i) =>
      h.client.POST('/v1/vaults', {
        body: { name },
        headers: { 'X-Test-Gate': String(i) },
        ...(i === 2 ? { params: { header: { 'Idempotency-Key': 'mine-3' } } } : {}),
      }),
    );
    await until(() => waiting === 4);
    for (let i = 3; i >= 0; i--) {
      gates[i]!.resolve();
      await until(() => h.server.requests.length === 4 - i);
    }
    const results = await Promise.all(calls);
    expect(h.server.requests.map((request) => JSON.parse(request.body!).name)).toEqual([...names].reverse());
    const sentKeys = new Map(h.server.requests.map((request) => [JSON.parse(request.body!).name, request.headers.get('Idempotency-Key')]));
    expect(results.map((result) => result.idempotencyKey)).toEqual(names.map((name) => sentKeys.get(name)));
    expect(results[2]?.idempotencyKey).toBe('mine-3');
    expect(new Set(results.map((result) => result.idempotencyKey)).size).toBe(4);
  });

  it('aborts a call with a signal and leaves a call without one alone, when both are sent after a delay', async () => {
    const hang = (request: Request) =>
      request.headers.get('X-Test-Delay') === '30'
        ? new Promise<Response>(() => undefined) // ignores its signal: only the loop's own listener can end it
        : json(200, vault('vault_b'));
    const h = withScript([], {}, hang);
    h.client.use(reorder);
    const controller = new AbortController();
    const withSignal = h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_a' } }, headers: { 'X-Test-Delay': '30' }, signal: controller.signal });
    const without = h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_b' } }, headers: { 'X-Test-Delay': '10' } });
    setTimeout(() => controller.abort(new Error('stop')), 60);
    await expect(withSignal).rejects.toMatchObject({ message: 'stop' });
    expect((await without).data).toEqual(vault('vault_b'));
  }, 5_000);

  it('sends through a fetch given to one call, with the same retries and key', async () => {
    const h = withScript([], { maxRetries: 2 }, json(500, {}));
    const seen: Array<string | null> = [];
    let attempts = 0;
    const perCall = async (request: Request) => {
      seen.push(request.headers.get('Idempotency-Key'));
      attempts += 1;
      if (attempts < 3) throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
      return json(201, { id: 'vault_x', name: 'Payouts' });
    };
    const result = await h.client.POST('/v1/vaults', { body: { name: 'Payouts' }, fetch: perCall });
    expect(result.data).toEqual({ id: 'vault_x', name: 'Payouts' });
    expect(seen).toEqual([result.idempotencyKey, result.idempotencyKey, result.idempotencyKey]);
    expect(h.server.requests).toHaveLength(0);

    const failing = async () => Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') }));
    await expect(h.client.GET('/v1/vaults', { fetch: failing })).rejects.toBeInstanceOf(FortaryConnectionError);
  });
});
