import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryScheduler, defaultRetryDelayMs, renderDelivery } from '../../src/events/delivery-scheduler.ts';
import { closedPort, expectedSignature, parseSignature, startReceiver } from './support.ts';

const SECRET = 'whsec_5f2d8a1c7e3b9f0a4d6c2e8b1f7a3d5c';
const event = { id: 'evt_7d3a9c2e15', type: 'transfer.updated', json: '{"id":"evt_7d3a9c2e15","type":"transfer.updated","createdAt":"2026-03-01T08:00:00Z","data":{"id":"transfer_1"}}' };

let now = Date.parse('2026-03-01T08:00:00Z');
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function scheduler(options: Partial<ConstructorParameters<typeof DeliveryScheduler>[0]> = {}): DeliveryScheduler {
  now = Date.parse('2026-03-01T08:00:00Z');
  const created = new DeliveryScheduler({ nowMs: () => now, ...options });
  cleanups.push(() => created.close());
  return created;
}

async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
  const started = await startReceiver(answer);
  cleanups.push(started.close);
  return started;
}

describe('DeliveryScheduler', () => {
  it('POSTs the event with a signature the documented HMAC reproduces, and its id and type headers', async () => {
    const hook = await receiver();
    const deliveries = scheduler();
    const record = deliveries.enqueue(event, { endpointId: 'whep_1', url: hook.url, secret: SECRET });
    expect(record.state).toBe('pending'); // enqueue never waits for the receiver
    await deliveries.idle();
    expect(hook.received).toHaveLength(1);
    const [{ headers, body }] = hook.received as [(typeof hook.received)[number]];
    expect(body).toBe(event.json);
    expect(headers['content-type']).toBe('application/json');
    expect(headers['fortary-event-id']).toBe(event.id);
    expect(headers['fortary-event-type']).toBe(event.type);
    const { t, v1 } = parseSignature(headers['fortary-signature']);
    expect(t).toBe(String(Math.floor(now / 1000)));
    expect(v1).toEqual([await expectedSignature(SECRET, t, body)]);
    expect(record).toMatchObject({ state: 'succeeded', nextAttemptAt: null });
    expect(record.attempts).toMatchObject([{ attempt: 1, responseStatus: 200, error: null, succeeded: true }]);
  });

  it('retries a 500 after the backoff on the mock clock, with the same event id and body and a fresh signature', async () => {
    const hook = await receiver((_received, index) => (index === 0 ? 500 : 204));
    const deliveries = scheduler();
    const record = deliveries.enqueue(event, { endpointId: 'whep_1', url: hook.url, secret: SECRET });
    await deliveries.idle();
    expect(record).toMatchObject({ state: 'pending', nextAttemptAt: now + defaultRetryDelayMs(1) });
    // Real time passing does not bring the retry due; the mock clock does.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received).toHaveLength(1);
    now += defaultRetryDelayMs(1);
    deliveries.poke();
    await deliveries.idle();
    expect(hook.received).toHaveLength(2);
    expect(hook.received.map((received) => received.headers['fortary-event-id'])).toEqual([event.id, event.id]);
    expect(hook.received[1]!.body).toBe(hook.received[0]!.body);
    const second = parseSignature(hook.received[1]!.headers['fortary-signature']);
    expect(second.t).toBe(String(Math.floor(now / 1000)));
    expect(second.v1).toEqual([await expectedSignature(SECRET, second.t, event.json)]);
    expect(record.state).toBe('succeeded');
    expect(record.attempts.map((attempt) => attempt.responseStatus)).toEqual([500, 204]);
  });

  it('gives up after maxAttempts, doubling the delay each time', async () => {
    const hook = await receiver(() => 503);
    const deliveries = scheduler({ maxAttempts: 3 });
    const record = deliveries.enqueue(event, { endpointId: 'whep_1', url: hook.url, secret: SECRET });
    const delays: number[] = [];
    await deliveries.idle();
    while (record.state === 'pending') {
      delays.push(record.nextAttemptAt! - now);
      now = record.nextAttemptAt!;
      deliveries.poke();
      await deliveries.idle();
    }
    expect(delays).toEqual([10_000, 20_000]);
    expect(record.state).toBe('failed');
    expect(hook.received).toHaveLength(3);
    expect(renderDelivery(record)).toMatchObject({ status: 'failed', nextAttemptAt: null, attempts: [{ attempt: 1, responseStatus: 503 }, { attempt: 2 }, { attempt: 3 }] });
  });

  it('counts a refused connection and a slow receiver as failures, and a slow receiver never blocks the others', async () => {
    const port = await closedPort();
    const slow = await receiver(() => new Promise((resolve) => setTimeout(() => resolve(200), 5_000)));
    const fast = await receiver();
    const deliveries = scheduler({ timeoutMs: 600 });
    const refused = deliveries.enqueue(event, { endpointId: 'whep_dead', url: `http://127.0.0.1:${port}/hooks`, secret: SECRET });
    const timedOut = deliveries.enqueue(event, { endpointId: 'whep_slow', url: slow.url, secret: SECRET });
    const quick = deliveries.enqueue(event, { endpointId: 'whep_fast', url: fast.url, secret: SECRET });
    const started = performance.now();
    await deliveries.idle();
    // Bounded by the timeout, not by the slow receiver's 5 s.
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(refused.attempts[0]).toMatchObject({ responseStatus: null, error: 'connection_refused', succeeded: false });
    expect(timedOut.attempts[0]).toMatchObject({ responseStatus: null, error: 'timeout', succeeded: false });
    expect(quick.state).toBe('succeeded');
    expect([refused.state, timedOut.state]).toEqual(['pending', 'pending']);
  });

  it('uses the fetch it is given, and stops a delivery its key may no longer read', async () => {
    const calls: string[] = [];
    const deliveries = scheduler({
      fetch: async (input) => {
        calls.push(String(input));
        return new Response(null, { status: 500 });
      },
    });
    let allowed = true;
    const record = deliveries.enqueue(event, { endpointId: 'whep_1', url: 'https://hooks.example.com/fortary', secret: SECRET }, () => allowed);
    await deliveries.idle();
    expect(calls).toEqual(['https://hooks.example.com/fortary']);
    allowed = false;
    now = record.nextAttemptAt!;
    deliveries.poke();
    await deliveries.idle();
    expect(calls).toHaveLength(1);
    expect(record.state).toBe('cancelled');
  });

  it('drops the pending retries of a deleted endpoint', async () => {
    const deliveries = scheduler({ fetch: async () => new Response(null, { status: 500 }) });
    const record = deliveries.enqueue(event, { endpointId: 'whep_1', url: 'https://hooks.example.com/fortary', secret: SECRET });
    const other = deliveries.enqueue(event, { endpointId: 'whep_2', url: 'https://hooks.example.com/other', secret: SECRET });
    await deliveries.idle();
    deliveries.cancelEndpoint('whep_1');
    expect(record.state).toBe('cancelled');
    expect(other.state).toBe('pending');
    expect(deliveries.deliveries()).toEqual([record, other]);
  });

  it('retries on its own when the clock runs with real time', async () => {
    let attempts = 0;
    const realStart = Date.now();
    const clocked = new DeliveryScheduler({
      nowMs: () => now + (Date.now() - realStart),
      pollIntervalMs: 10,
      retryDelayMs: () => 30,
      fetch: async () => new Response(null, { status: ++attempts < 3 ? 500 : 200 }),
    });
    cleanups.push(() => clocked.close());
    const record = clocked.enqueue(event, { endpointId: 'whep_1', url: 'https://hooks.example.com/fortary', secret: SECRET });
    await expect.poll(() => record.state, { timeout: 2_000 }).toBe('succeeded');
    expect(record.attempts).toHaveLength(3);
  });
});

describe('reserved example hosts', () => {
  it('fail at once with the global fetch (they never resolve), but reach a fetch of the caller own', async () => {
    const { isReservedExampleHost } = await import('../../src/events/delivery-scheduler.ts');
    expect(['https://hooks.example.com/f', 'https://a.example/', 'http://x.invalid', 'https://example.org'].map(isReservedExampleHost)).toEqual([true, true, true, true]);
    expect(['https://hooks.fortary.com/f', 'http://127.0.0.1:3000', 'https://example.com.evil.net'].map(isReservedExampleHost)).toEqual([false, false, false]);
    const deliveries = new DeliveryScheduler({ nowMs: () => Date.parse('2026-03-01T08:00:00Z') });
    const record = deliveries.enqueue(event, { endpointId: 'whep_1', url: 'https://hooks.example.com/fortary', secret: SECRET });
    await deliveries.idle();
    deliveries.close();
    expect(record.attempts[0]).toMatchObject({ responseStatus: null, error: 'dns_failure' });
  });
});
