/**
 * Webhooks end to end over real HTTP: a local receiver registered with the mock server, a vault
 * funded by a simulated deposit (the control plane), a transfer made and the mock's clock moved. Every delivery is checked against an
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
let vaultId: string;
/** The mock's control plane over HTTP (no API key). */
async function control(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  expect(response.ok, `${method} ${path}`).toBe(true);
  return response.json();
}
/** Moves the mock's clock (deposits confirm, transfers move on, retries come due), then waits for the deliveries. */
async function advance(seconds: number): Promise<void> {
  await control('POST', '/_mock/clock', { advanceSeconds: seconds });
  await server.mock.webhooks.idle();
}

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  server = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'webhooks-e2e', now: '2026-03-01T12:00:00Z', freezeClock: true, rateLimit: false });
  client = createFortaryClient({ apiKey: server.mock.bootstrapKey.secret, baseUrl: server.url });
  const { port } = receiver.address() as AddressInfo;
  const created = await client.POST('/v1/webhook-endpoints', { body: { url: `http://127.0.0.1:${port}/fortary`, description: 'e2e receiver' } });
  secret = created.data!.secret;

  // A new, empty vault, funded by a simulated deposit to its own address.
  vaultId = (await client.POST('/v1/vaults', { body: { name: 'Webhooks e2e' } })).data!.id;
  const address = (await client.POST('/v1/vaults/{vaultId}/addresses', { params: { path: { vaultId } }, body: { network: 'EthereumSepolia' } })).data!;
  await control('POST', '/_mock/deposits', { address: address.address, asset: 'EthereumSepolia/native', amount: '1' });
  await server.mock.webhooks.idle();
  // past the deposit's confirmation and the first retry's backoff
  await advance(120);
  const transfer = await client.POST('/v1/vaults/{vaultId}/transfers', {
    params: { path: { vaultId } },
    body: { asset: 'EthereumSepolia/native', amount: '0.25', destinationAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e' },
  });
  expect(transfer.response.status, JSON.stringify(transfer.error)).toBe(201);
  await server.mock.webhooks.idle();
  // past the transfer's confirmation
  await advance(300);
});

afterAll(async () => {
  await server?.close();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('webhook deliveries of the mock, end to end', () => {
  it('signs every delivery as documented (HMAC computed here), with matching event id and type headers', () => {
    // deposit.created (twice: first answered 500), deposit.updated, transfer.created, transfer.updated twice
    expect(received).toHaveLength(6);
    for (const delivery of received) {
      const { t, v1 } = signatureParts(delivery.headers['fortary-signature']);
      expect(v1).toContain(hmac(secret, t, delivery.body));
      const event = JSON.parse(delivery.body);
      expect(delivery.headers['fortary-event-id']).toBe(event.id);
      expect(delivery.headers['fortary-event-type']).toBe(event.type);
      expect(delivery.headers['content-type']).toBe('application/json');
    }
  });

  it('delivers the event first answered 500 again, with the same event id and body', async () => {
    const [first, ...rest] = received;
    expect(first!.headers['fortary-event-type']).toBe('deposit.created');
    const again = rest.filter((delivery) => delivery.headers['fortary-event-id'] === first!.headers['fortary-event-id']);
    expect(again).toHaveLength(1);
    expect(again[0]!.body).toBe(first!.body);
    const deliveries = (await control('GET', '/_mock/deliveries')).data as Array<{ eventId: string; status: string; attempts: Array<{ responseStatus: number | null }> }>;
    const retried = deliveries.find((delivery) => delivery.eventId === first!.headers['fortary-event-id'])!;
    expect(retried.attempts.map((attempt) => attempt.responseStatus)).toEqual([500, 204]);
    expect(deliveries.map((delivery) => delivery.status)).toEqual(Array(5).fill('succeeded'));
  });

  it('lists the delivered events through GET /v1/events, newest first', async () => {
    const listed: Array<{ id: string; type: string }> = [];
    for await (const event of client.paginate('/v1/events', { params: { query: { limit: 2 } } })) {
      // the default seed also holds the events the spec's examples show, in other vaults
      if ((event.data as { vaultId?: string }).vaultId === vaultId) listed.push(event);
    }
    const delivered = new Set(received.map((delivery) => String(delivery.headers['fortary-event-id'])));
    expect(new Set(listed.map((event) => event.id))).toEqual(delivered);
    expect(listed.map((event) => event.type)).toEqual(['transfer.updated', 'transfer.updated', 'transfer.created', 'deposit.updated', 'deposit.created']);
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
