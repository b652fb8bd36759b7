/**
 * Webhooks end to end over real HTTP: a local receiver registered with the mock server, a vault
 * funded, a transfer made and the mock's clock moved. Every delivery is checked against an
 * HMAC computed here with node:crypto (not with the package's helpers), a delivery first
 * answered 500 comes again with the same event id, listEvents (through paginate) lists what was
 * delivered, and verifyWebhook accepts a real delivery and refuses it altered.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockServer, type MockServer } from '@fortary/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFortaryClient, type FortaryClient } from '../src/index.ts';
import { FortaryWebhookVerificationError, verifyWebhook } from '../src/webhooks/index.ts';

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

const received: Delivery[] = [];
let answered500 = false;
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    // The first delivery fails once, so the mock has to deliver it again.
    const status = answered500 ? 204 : 500;
    answered500 = true;
    response.writeHead(status).end();
  });
});

let server: MockServer;
let client: FortaryClient;
let secret: string;

const hmac = (key: string, t: string, body: string) => createHmac('sha256', Buffer.from(key, 'utf8')).update(`${t}.${body}`, 'utf8').digest('hex');
const signatureParts = (header: string | string[] | undefined) => {
  const parts = String(header).split(',').map((part) => part.split('=') as [string, string]);
  return { t: parts.find(([name]) => name === 't')![1], v1: parts.filter(([name]) => name === 'v1').map(([, value]) => value) };
};
const mockNow = () => server.mock.clock.now().getTime();
const settle = async () => {
  // A request makes the mock look at its clock (transfers move on); then wait for deliveries.
  await fetch(`${server.url}/v1/networks`, { headers: { authorization: `Bearer ${server.mock.bootstrapKey.secret}` } });
  server.mock.core.events.scheduler.poke();
  await server.mock.webhooks.idle();
};

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  server = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'webhooks-e2e', now: '2026-03-01T12:00:00Z', freezeClock: true, rateLimit: false });
  client = createFortaryClient({ apiKey: server.mock.bootstrapKey.secret, baseUrl: server.url });
  const { port } = receiver.address() as AddressInfo;
  const created = await client.POST('/v1/webhook-endpoints', { body: { url: `http://127.0.0.1:${port}/fortary`, description: 'e2e receiver' } });
  secret = created.data!.secret;

  const vaultId = server.mock.seed.vaults[0]!.id;
  const transfer = await client.POST('/v1/vaults/{vaultId}/transfers', {
    params: { path: { vaultId } },
    body: { asset: 'EthereumSepolia/native', amount: '0.25', destinationAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' },
  });
  expect(transfer.response.status).toBe(201);
  await settle();
  // past the first retry's backoff and the transfer's confirmation
  server.mock.clock.advance(300_000);
  await settle();
});

afterAll(async () => {
  await server?.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('webhook deliveries of the mock, end to end', () => {
  it('signs every delivery as documented (HMAC computed here), with matching event id and type headers', () => {
    expect(received.length).toBeGreaterThanOrEqual(4);
    for (const delivery of received) {
      const { t, v1 } = signatureParts(delivery.headers['fortary-signature']);
      expect(v1).toContain(hmac(secret, t, delivery.body));
      const event = JSON.parse(delivery.body);
      expect(delivery.headers['fortary-event-id']).toBe(event.id);
      expect(delivery.headers['fortary-event-type']).toBe(event.type);
      expect(delivery.headers['content-type']).toBe('application/json');
    }
  });

  it('delivers the event first answered 500 again, with the same event id and body', () => {
    const [first, ...rest] = received;
    const again = rest.filter((delivery) => delivery.headers['fortary-event-id'] === first!.headers['fortary-event-id']);
    expect(again).toHaveLength(1);
    expect(again[0]!.body).toBe(first!.body);
    const attempts = server.mock.webhooks.deliveries().find((delivery) => delivery.eventId === first!.headers['fortary-event-id'])!.attempts;
    expect(attempts.map((attempt) => attempt.responseStatus)).toEqual([500, 204]);
  });

  it('lists the delivered events through GET /v1/events, newest first', async () => {
    const listed: Array<{ id: string; type: string }> = [];
    for await (const event of client.paginate('/v1/events', { params: { query: { limit: 2 } } })) listed.push(event);
    const delivered = new Set(received.map((delivery) => String(delivery.headers['fortary-event-id'])));
    expect(new Set(listed.map((event) => event.id))).toEqual(delivered);
    expect(listed.map((event) => event.type)).toEqual(['transfer.updated', 'transfer.updated', 'transfer.created']);
  });

  it('verifyWebhook accepts a real delivery and refuses a tampered body, a wrong secret and a stale timestamp', async () => {
    const delivery = received.at(-1)!;
    const signature = delivery.headers['fortary-signature'];
    const event = await verifyWebhook({ payload: delivery.body, signature, secret, now: mockNow() });
    expect(event).toEqual(JSON.parse(delivery.body));
    const reason = async (promise: Promise<unknown>) => {
      const error = await promise.then(() => undefined, (caught: unknown) => caught);
      expect(error).toBeInstanceOf(FortaryWebhookVerificationError);
      return (error as FortaryWebhookVerificationError).reason;
    };
    const tampered = delivery.body.replace('"status":"', '"status":"x');
    expect(tampered).not.toBe(delivery.body);
    expect(await reason(verifyWebhook({ payload: tampered, signature, secret, now: mockNow() }))).toBe('no_matching_signature');
    expect(await reason(verifyWebhook({ payload: delivery.body, signature, secret: 'whsec_NotTheEndpointsSecret000000', now: mockNow() }))).toBe('no_matching_signature');
    const { t } = signatureParts(signature);
    expect(await reason(verifyWebhook({ payload: delivery.body, signature, secret, now: (Number(t) + 301) * 1000 }))).toBe('timestamp_too_old');
  });
});
