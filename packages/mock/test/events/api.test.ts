import { afterEach, describe, expect, it } from 'vitest';
import { TRANSPORTS, conformanceViolations, createHarness, type Harness } from '../support/harness.js';
import { expectedSignature, parseSignature, startReceiver } from './support.ts';

/**
 * Deposits, events and webhook endpoints through the API, on both transports: who sees which
 * event, the endpoint lifecycle, and deliveries of real transfer changes to a local receiver,
 * each verified with an HMAC computed here from the documented recipe.
 */
const NOW = '2026-03-01T12:00:00Z';
const DESTINATION = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  expect(conformanceViolations, 'every response conforms to the spec').toEqual([]);
});

/** The ids of the events and endpoints the default seed holds (the spec's examples). */
let seeded = new Set<string>();
const fresh = <T extends { id: string }>(items: T[]) => items.filter((item) => !seeded.has(item.id));

async function open(transport: (typeof TRANSPORTS)[number]) {
  conformanceViolations.length = 0;
  const h = await createHarness(transport, { now: NOW, freezeClock: true, rateLimit: false });
  cleanups.push(() => h.close());
  seeded = new Set([...h.mock.core.events.log.newestFirst()].map((event) => event.id).concat([...h.mock.core.events.endpoints.newestFirst()].map((endpoint) => endpoint.id)));
  return h;
}

async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
  const started = await startReceiver(answer);
  cleanups.push(started.close);
  return started;
}

/** A vault of the seed that holds EthereumSepolia/native, and a second vault. */
async function vaults(h: Harness) {
  const [first, second] = h.mock.seed.vaults;
  return { funded: first!.id, other: second!.id };
}

let idempotency = 0;
async function transfer(h: Harness, vaultId: string) {
  const created = await h.call('POST', `/v1/vaults/${vaultId}/transfers`, { idempotencyKey: `events-${++idempotency}`, body: { asset: 'EthereumSepolia/native', amount: '0.001', destinationAddress: DESTINATION } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string };
}

async function keyWith(h: Harness, scopes: string[], vaultAllowlist?: string[]) {
  const created = await h.call('POST', '/v1/api-keys', { body: { name: 'Scoped', scopes, ...(vaultAllowlist ? { vaultAllowlist } : {}) } });
  expect(created.status).toBe(201);
  return created.body as { id: string; secret: string };
}

describe.each(TRANSPORTS)('events and webhooks (%s)', (transport) => {
  it('records a transfer as created, then as each status it reaches, with the transfer as getTransfer showed it then', async () => {
    const h = await open(transport);
    const { funded } = await vaults(h);
    const { id } = await transfer(h, funded);
    h.mock.clock.advance(300_000);
    const transferNow = (await h.call('GET', `/v1/vaults/${funded}/transfers/${id}`)).body;
    const events = fresh((await h.call('GET', '/v1/events?type=transfer.updated')).body.data as any[]);
    expect(events.map((event: any) => event.data.status)).toEqual(['confirmed', 'submitted']);
    expect(events[0].data).toEqual(transferNow);
    expect(events[1].data.txHash).toBe(transferNow.txHash);
    expect(events[1].data.fee).toBeNull(); // the fee was not known yet when it was submitted
    const all = (await h.call('GET', '/v1/events?limit=2')).body;
    expect(all.data.map((event: any) => event.type)).toEqual(['transfer.updated', 'transfer.updated']);
    const rest = (await h.call('GET', `/v1/events?limit=2&cursor=${all.nextCursor}`)).body;
    // newest first: the seeded events of the examples are older than anything the test did
    expect(rest.data.map((event: any) => [event.type, event.data.status])[0]).toEqual(['transfer.created', 'pending']);
    expect(fresh(rest.data as any[])).toHaveLength(1);
    const single = await h.call('GET', `/v1/events/${rest.data[0].id}`);
    expect(single.body).toEqual(rest.data[0]);
  });

  it('shows a key only the events of vaults it may reach and of resources it may read', async () => {
    const h = await open(transport);
    const { funded, other } = await vaults(h);
    const { id } = await transfer(h, funded);
    const event = fresh((await h.call('GET', '/v1/events')).body.data as any[])[0];
    const elsewhere = await keyWith(h, ['vaults:read', 'transfers:read'], [other]);
    const noTransfers = await keyWith(h, ['vaults:read']);
    const reader = await keyWith(h, ['vaults:read', 'transfers:read'], [funded]);
    const visible = async (secret: string) => fresh((await h.call('GET', '/v1/events', { key: secret })).body.data as any[]).map((e: any) => e.data.id);
    expect(await visible(elsewhere.secret)).toEqual([]);
    expect(await visible(noTransfers.secret)).toEqual([]);
    expect(await visible(reader.secret)).toEqual([id]);
    const hidden = await h.call('GET', `/v1/events/${event.id}`, { key: elsewhere.secret });
    expect([hidden.status, hidden.body.code]).toEqual([404, 'event_not_found']);
    const transfersOnly = await keyWith(h, ['transfers:read']);
    expect((await h.call('GET', '/v1/events', { key: transfersOnly.secret })).status).toBe(403);
  });

  it('manages webhook endpoints: https or loopback http, the secret once, scope webhooks:manage, 404 after delete', async () => {
    const h = await open(transport);
    const refused = await h.call('POST', '/v1/webhook-endpoints', { body: { url: 'http://hooks.example.com/fortary' } });
    expect([refused.status, refused.body.code, refused.body.details[0].field]).toEqual([422, 'invalid_url', 'url']);
    const unknownType = await h.call('POST', '/v1/webhook-endpoints', { body: { url: 'https://hooks.example.com/fortary', eventTypes: ['vault.renamed'] } });
    expect([unknownType.status, unknownType.body.code]).toEqual([422, 'validation_failed']);
    const reader = await keyWith(h, ['vaults:read']);
    expect((await h.call('POST', '/v1/webhook-endpoints', { key: reader.secret, body: { url: 'https://hooks.example.com/fortary' } })).body.code).toBe('insufficient_scope');
    const created = await h.call('POST', '/v1/webhook-endpoints', { body: { url: 'https://hooks.example.com/fortary', eventTypes: ['deposit.updated'], description: 'Deposits' } });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9]+$/);
    expect(created.body.apiKeyId).toBe(h.mock.bootstrapKey.id);
    const read = await h.call('GET', `/v1/webhook-endpoints/${created.body.id}`);
    expect(read.body).toEqual({ ...created.body, secret: undefined });
    expect(read.body).not.toHaveProperty('secret');
    expect(fresh((await h.call('GET', '/v1/webhook-endpoints')).body.data as any[]).map((e: any) => e.id)).toEqual([created.body.id]);
    const deleted = await h.call('DELETE', `/v1/webhook-endpoints/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('content-type')).toBeNull();
    const gone = await h.call('GET', `/v1/webhook-endpoints/${created.body.id}`);
    expect([gone.status, gone.body.code]).toEqual([404, 'webhook_endpoint_not_found']);
  });

  it('delivers signed events to a subscribed endpoint, retries a 500 with the same event id, and honours the key of the endpoint', async () => {
    const h = await open(transport);
    const { funded, other } = await vaults(h);
    const hook = await receiver((_received, index) => (index === 0 ? 500 : 200));
    const created = (await h.call('POST', '/v1/webhook-endpoints', { body: { url: hook.url, eventTypes: ['transfer.created'] } })).body;
    // an endpoint created by a key limited to the other vault: it must receive nothing
    const limited = await keyWith(h, ['vaults:read', 'transfers:read', 'webhooks:manage'], [other]);
    const blind = await receiver();
    expect((await h.call('POST', '/v1/webhook-endpoints', { key: limited.secret, body: { url: blind.url } })).status).toBe(201);

    const started = performance.now();
    const { id } = await transfer(h, funded);
    expect(performance.now() - started).toBeLessThan(2_000); // the API does not wait for receivers
    await h.mock.webhooks.idle();
    h.mock.clock.advance(10_000);
    await h.call('GET', '/v1/networks'); // any request lets the mock look at its clock
    h.mock.core.events.scheduler.poke();
    await h.mock.webhooks.idle();

    expect(hook.received).toHaveLength(2);
    const [first, second] = hook.received as [(typeof hook.received)[0], (typeof hook.received)[0]];
    expect(second.headers['fortary-event-id']).toBe(first.headers['fortary-event-id']);
    expect(second.body).toBe(first.body);
    for (const delivery of hook.received) {
      const { t, v1 } = parseSignature(delivery.headers['fortary-signature']);
      expect(v1).toContain(await expectedSignature(created.secret, t, delivery.body));
      const event = JSON.parse(delivery.body);
      expect(event).toMatchObject({ type: 'transfer.created', data: { id, status: 'pending' } });
      expect(delivery.headers['fortary-event-type']).toBe('transfer.created');
    }
    expect(blind.received).toEqual([]);
    const deliveries = h.mock.webhooks.deliveries().filter((delivery) => delivery.endpointId === created.id);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'succeeded', attempts: [{ responseStatus: 500, succeeded: false }, { responseStatus: 200, succeeded: true }] });
  });

  it('stops delivering once the key that created the endpoint is revoked', async () => {
    const h = await open(transport);
    const { funded } = await vaults(h);
    const owner = await keyWith(h, ['vaults:read', 'transfers:read', 'webhooks:manage']);
    const hook = await receiver();
    expect((await h.call('POST', '/v1/webhook-endpoints', { key: owner.secret, body: { url: hook.url } })).status).toBe(201);
    await transfer(h, funded);
    await h.mock.webhooks.idle();
    expect(hook.received).toHaveLength(1);
    await h.call('POST', `/v1/api-keys/${owner.id}/revoke`);
    await transfer(h, funded);
    await h.mock.webhooks.idle();
    expect(hook.received).toHaveLength(1);
    // nothing is even queued for an event the endpoint's key may no longer read
    expect(h.mock.webhooks.deliveries()).toHaveLength(1);
  });
});
