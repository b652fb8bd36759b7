import { describe, expect, it } from 'vitest';
import { operationSchemas, responseSchemas } from '../src/index.ts';
import { loadBundle } from './spec-examples.ts';

/**
 * Events are discriminated by `type`; the list of types grows within v1. A known type must parse
 * as its own schema (and fail if its body is broken); a type this build does not know must parse
 * as the generic envelope, so a client keeps working when a type is added.
 */
const document = loadBundle();
const webhookExample = (type: string) => structuredClone(document.webhooks[type].post.requestBody.content['application/json'].example);

describe('response Event', () => {
  it.each(['transfer.created', 'transfer.updated', 'deposit.created', 'deposit.updated'])('parses the %s webhook example as its typed event', (type) => {
    const parsed = responseSchemas.Event.parse(webhookExample(type));
    expect(parsed.type).toBe(type);
    // The typed member was chosen: its data is the resource, with the resource's own fields.
    expect(Object.keys(parsed.data)).toEqual(Object.keys(webhookExample(type).data));
  });

  it('parses an event of a type this build does not know as the generic envelope', () => {
    const unknown = { id: 'evt_9a8b7c6d5e', type: 'vault.renamed', createdAt: '2026-03-01T08:00:00Z', data: { id: 'vault_3f8a2c1d9b', name: 'Treasury (cold)', riskTier: 2 } };
    const parsed = responseSchemas.Event.parse(unknown);
    expect(parsed).toEqual(unknown);
  });

  it('still checks the envelope of an unknown type', () => {
    const broken = { id: 'vault_3f8a2c1d9b', type: 'vault.renamed', createdAt: '2026-03-01T08:00:00Z', data: {} };
    expect(responseSchemas.Event.safeParse(broken).success).toBe(false);
    expect(responseSchemas.Event.safeParse({ ...broken, id: 'evt_1', data: 'not an object' }).success).toBe(false);
  });

  it('rejects a known type whose data is not its resource instead of falling back to the envelope', () => {
    const transferCreated = webhookExample('transfer.created');
    const deposit = webhookExample('deposit.created').data;
    expect(responseSchemas.Event.safeParse({ ...transferCreated, data: deposit }).success).toBe(false);
    expect(responseSchemas.Event.safeParse({ ...transferCreated, data: { ...transferCreated.data, amount: 12.5 } }).success).toBe(false);
  });

  it('keeps fields added within v1 on the event and its data', () => {
    const event = webhookExample('deposit.updated');
    const parsed = responseSchemas.Event.parse({ ...event, livemode: false, data: { ...event.data, confirmations: 12 } });
    expect(parsed).toMatchObject({ livemode: false, data: { confirmations: 12 } });
  });

  it('parses a page of listEvents mixing known and unknown types', () => {
    const page = structuredClone(document.paths['/v1/events'].get.responses['200'].content['application/json'].example);
    page.data.push({ id: 'evt_9a8b7c6d5e', type: 'vault.renamed', createdAt: '2026-03-01T08:00:00Z', data: { id: 'vault_3f8a2c1d9b' } });
    const parsed = operationSchemas.listEvents.responses['200'].parse(page);
    expect(parsed.data.map((event) => event.type)).toEqual(['transfer.updated', 'deposit.created', 'vault.renamed']);
  });
});

describe('request side', () => {
  it('accepts only known event types when subscribing', () => {
    const body = operationSchemas.createWebhookEndpoint.request.body;
    expect(body.safeParse({ url: 'https://hooks.example.com/fortary', eventTypes: ['transfer.updated'] }).success).toBe(true);
    expect(body.safeParse({ url: 'https://hooks.example.com/fortary', eventTypes: ['vault.renamed'] }).success).toBe(false);
    expect(body.safeParse({ url: 'ftp://hooks.example.com/fortary' }).success).toBe(false);
  });
});
