import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.ts';
import { WebhookEndpointStore, renderCreatedWebhookEndpoint, renderWebhookEndpoint, webhookUrlProblem } from '../../src/events/webhook-endpoints.ts';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const store = (allowHttpLoopback?: boolean) => {
  let n = 0;
  return new WebhookEndpointStore({ newId: () => `whep_${(n++).toString(36)}`, newSecret: () => `whsec_${'s'.repeat(20)}${n}`, allowHttpLoopback });
};

describe('webhook URLs', () => {
  it.each([
    ['https://hooks.example.com/fortary', true],
    ['HTTPS://hooks.example.com:8443/a?b=c', true],
    ['http://127.0.0.1:3000/hooks', true],
    ['http://localhost:3000/hooks', true],
    ['http://[::1]:3000/hooks', true],
    ['http://hooks.example.com/fortary', false],
    ['http://10.0.0.1/hooks', false],
    ['ftp://hooks.example.com/', false],
    ['https://user:pw@hooks.example.com/', false],
    ['/relative/path', false],
    ['not a url', false],
  ])('%s → accepted: %s', (url, accepted) => {
    expect(webhookUrlProblem(url, true) === null).toBe(accepted);
  });

  it('refuses http even on loopback when the store is production-like', () => {
    expect(webhookUrlProblem('http://127.0.0.1:3000/hooks', false)).toBe('must use https');
    expect(() => store(false).create({ url: 'http://127.0.0.1:3000/hooks' }, 'key_a', T0)).toThrow(ApiError);
  });

  it('answers invalid_url (422) with the field at fault', () => {
    try {
      store().create({ url: 'http://hooks.example.com/fortary' }, 'key_a', T0);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'invalid_url', status: 422, type: 'invalid_request', details: [{ field: 'url', issue: 'must use https (http only on a loopback address)' }] });
    }
  });
});

describe('WebhookEndpointStore', () => {
  it('creates, lists newest first, finds subscribers and deletes', () => {
    const endpoints = store();
    const all = endpoints.create({ url: 'https://a.example.com/h' }, 'key_a', T0);
    const some = endpoints.create({ url: 'https://b.example.com/h', eventTypes: ['deposit.updated'], description: 'Deposits' }, 'key_b', T0 + 1);
    expect([...endpoints.newestFirst()].map((e) => e.id)).toEqual([some.id, all.id]);
    expect(endpoints.subscribedTo('deposit.updated').map((e) => e.id).sort()).toEqual([all.id, some.id].sort());
    expect(endpoints.subscribedTo('transfer.created').map((e) => e.id)).toEqual([all.id]);
    expect(endpoints.delete(all.id)).toBe(true);
    expect(endpoints.delete(all.id)).toBe(false);
    expect(endpoints.get(all.id)).toBeUndefined();
    expect([...endpoints.newestFirst()].map((e) => e.id)).toEqual([some.id]);
    expect(endpoints.subscribedTo('transfer.created')).toEqual([]);
  });

  it('serves the secret only in the creation response', () => {
    const record = store().create({ url: 'https://a.example.com/h', eventTypes: ['transfer.created'] }, 'key_a', T0);
    expect(renderWebhookEndpoint(record)).toEqual({ id: record.id, url: 'https://a.example.com/h', eventTypes: ['transfer.created'], description: null, apiKeyId: 'key_a', createdAt: '2026-03-01T08:00:00.000Z' });
    expect(renderWebhookEndpoint(record)).not.toHaveProperty('secret');
    expect(renderCreatedWebhookEndpoint(record).secret).toBe(record.secret);
  });
});
