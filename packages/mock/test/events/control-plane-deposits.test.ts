import { afterEach, describe, expect, it } from 'vitest';
import { mockControl, startMockServer, type MockServer } from '../../src/index.js';
import { controlProblems } from '../support/control-conformance.js';
import { conformanceProblems } from '../support/conformance.js';
import { expectedSignature, parseSignature, startReceiver } from './support.ts';

/**
 * Simulated deposits (POST /_mock/deposits) are deposits of the API: listed and read, recorded
 * as deposit.created and deposit.updated, delivered to subscribed endpoints, and every delivery
 * visible in GET /_mock/deliveries; all over HTTP, each response checked against its document.
 */
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('simulated deposits through the API, events and webhooks (http)', () => {
  it('creates a pending deposit, confirms it when the clock passes the delay, and delivers both events', async () => {
    const server: MockServer = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'deposits', now: '2026-03-01T12:00:00Z', freezeClock: true, rateLimit: false });
    cleanups.push(() => server.close());
    const hook = await startReceiver();
    cleanups.push(hook.close);
    const problems: string[] = [];
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${server.mock.bootstrapKey.secret}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      const parsed = text ? JSON.parse(text) : undefined;
      const operationId = server.mock.requests.find((entry) => entry.requestId === response.headers.get('x-request-id'))?.operationId ?? null;
      problems.push(...conformanceProblems({ operationId, status: response.status, headers: response.headers, body: parsed }));
      return { status: response.status, body: parsed };
    };
    const control = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
      const parsed = JSON.parse(await response.text());
      problems.push(...controlProblems(method, path, response.status, response.headers, parsed));
      return { status: response.status, body: parsed };
    };

    const endpoint = (await api('POST', '/v1/webhook-endpoints', { url: hook.url, eventTypes: ['deposit.created', 'deposit.updated'] })).body;
    const vaultId = server.mock.seed.vaults[0]!.id;
    const address = (await api('POST', `/v1/vaults/${vaultId}/addresses`, { network: 'Ethereum' })).body;
    const simulated = await control('POST', '/_mock/deposits', { address: address.address, asset: 'Ethereum/native', amount: '1.25' });
    expect(simulated.status).toBe(201);

    const pending = await api('GET', `/v1/vaults/${vaultId}/deposits/${simulated.body.id}`);
    expect(pending.body).toMatchObject({ id: simulated.body.id, vaultId, depositAddressId: address.id, asset: 'Ethereum/native', amount: '1.250000000000000000', status: 'pending', confirmedAt: null });
    expect((await api('GET', `/v1/vaults/${vaultId}/deposits?status=confirmed`)).body.data).toEqual([]);

    await control('POST', '/_mock/clock', { advanceSeconds: 3600 });
    await server.mock.webhooks.idle();
    const confirmed = await api('GET', `/v1/vaults/${vaultId}/deposits?status=confirmed`);
    expect(confirmed.body.data.map((deposit: any) => [deposit.id, deposit.status])).toEqual([[simulated.body.id, 'confirmed']]);
    expect(confirmed.body.data[0].confirmedAt).toBe(confirmed.body.data[0].updatedAt);
    const missing = await api('GET', `/v1/vaults/${vaultId}/deposits/dep_nothere00`);
    expect([missing.status, missing.body.code]).toEqual([404, 'deposit_not_found']);

    const events = (await api('GET', '/v1/events?type=deposit.updated')).body.data;
    expect(events.map((event: any) => event.data.status)).toEqual(['confirmed']);
    expect(hook.received.map((delivery) => [delivery.headers['fortary-event-type'], JSON.parse(delivery.body).data.status])).toEqual([
      ['deposit.created', 'pending'],
      ['deposit.updated', 'confirmed'],
    ]);
    for (const delivery of hook.received) {
      const { t, v1 } = parseSignature(delivery.headers['fortary-signature']);
      expect(v1).toContain(await expectedSignature(endpoint.secret, t, delivery.body));
    }

    const deliveries = await control('GET', '/_mock/deliveries');
    expect((await mockControl(server.url).deliveries(1)).data[0]).toEqual(deliveries.body.data[0]);
    expect(deliveries.body.data.map((delivery: any) => [delivery.eventType, delivery.status, delivery.endpointId])).toEqual([
      ['deposit.updated', 'succeeded', endpoint.id],
      ['deposit.created', 'succeeded', endpoint.id],
    ]);
    expect((await control('GET', '/_mock/deliveries?limit=1')).body.data).toHaveLength(1);
    expect(problems).toEqual([]);
  });
});
