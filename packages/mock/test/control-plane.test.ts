import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMock, mockControl, MockControlError, startMockServer, type FortaryMock } from '../src/index.js';
import { controlProblems } from './support/control-conformance.js';
import { conformanceProblems } from './support/conformance.js';
import { USDC, VALID_EVM_ADDRESS, vaultNamed } from './support/harness.js';

/**
 * The control plane over real HTTP and in-process, every response checked against the
 * control-plane document (and product API responses against the API's spec).
 */
type Transport = 'http' | 'in-process';

interface Sandbox {
  mock: FortaryMock;
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  close(): Promise<void>;
}

async function open(transport: Transport, options: Parameters<typeof createMock>[0] = {}): Promise<Sandbox> {
  if (transport === 'http') {
    const server = await startMockServer({ seed: 'control', now: '2026-03-01T12:00:00Z', freezeClock: true, ...options, port: 0, host: '127.0.0.1' });
    return { mock: server.mock, baseUrl: server.url, fetch: (request) => fetch(request), close: server.close };
  }
  const mock = createMock({ seed: 'control', now: '2026-03-01T12:00:00Z', freezeClock: true, ...options });
  return { mock, baseUrl: 'http://mock.test', fetch: (request) => mock.fetch(request), close: async () => {} };
}

const problems: string[] = [];

async function control(box: Sandbox, method: string, path: string, body?: unknown, raw?: string) {
  const init: RequestInit = { method };
  if (raw !== undefined || body !== undefined) {
    init.body = raw ?? JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await box.fetch(new Request(`${box.baseUrl}${path}`, init));
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  problems.push(...controlProblems(method, path, response.status, response.headers, parsed));
  return { status: response.status, headers: response.headers, body: parsed };
}

async function api(box: Sandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${box.mock.bootstrapKey.secret}`, ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const response = await box.fetch(new Request(`${box.baseUrl}${path}`, init));
  const parsed = JSON.parse(await response.text());
  const operationId = box.mock.requests.find((entry) => entry.requestId === response.headers.get('x-request-id'))?.operationId ?? null;
  problems.push(...conformanceProblems({ operationId, status: response.status, headers: response.headers, body: parsed }));
  return { status: response.status, body: parsed };
}

function balanceOf(page: { data: Array<{ asset: string }> }, asset: string) {
  return page.data.find((balance) => balance.asset === asset);
}

for (const transport of ['http', 'in-process'] as const) {
  describe(`control plane (${transport})`, () => {
    let box: Sandbox;
    beforeEach(async () => {
      problems.length = 0;
      box = await open(transport);
    });
    afterEach(async () => {
      await box.close();
      expect(problems, 'every response conforms to its document').toEqual([]);
    });

    it('reads, freezes, advances and sets the clock, and never moves it back', async () => {
      expect((await control(box, 'GET', '/_mock/clock')).body).toEqual({ now: '2026-03-01T12:00:00.000Z', frozen: true });
      expect((await control(box, 'POST', '/_mock/clock', { advanceSeconds: 90 })).body.now).toBe('2026-03-01T12:01:30.000Z');
      expect((await control(box, 'POST', '/_mock/clock', { set: '2026-03-02T00:00:00Z' })).body).toEqual({ now: '2026-03-02T00:00:00.000Z', frozen: true });
      const back = await control(box, 'POST', '/_mock/clock', { set: '2026-03-01T00:00:00Z' });
      expect([back.status, back.body.code]).toEqual([422, 'validation_failed']);
      const running = await control(box, 'POST', '/_mock/clock', { frozen: false });
      expect(running.body.frozen).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(Date.parse((await control(box, 'GET', '/_mock/clock')).body.now)).toBeGreaterThan(Date.parse('2026-03-02T00:00:00Z'));
      expect((await control(box, 'POST', '/_mock/clock', { frozen: true })).body.frozen).toBe(true);
      for (const bad of [{}, { advanceSeconds: -1 }, { advanceSeconds: 1, frozen: true }, { advance_seconds: 1 }, { set: '2026-03-01 12:00' }, { frozen: 'yes' }, []]) {
        const response = await control(box, 'POST', '/_mock/clock', bad);
        expect([response.status, response.body.code], JSON.stringify(bad)).toEqual([422, 'validation_failed']);
      }
    });

    it('answers unknown routes, wrong methods and malformed JSON in the Error schema', async () => {
      const missing = await control(box, 'GET', '/_mock/nothing');
      expect([missing.status, missing.body.code]).toEqual([404, 'route_not_found']);
      const method = await control(box, 'DELETE', '/_mock/clock');
      expect([method.status, method.body.code, method.headers.get('allow')]).toEqual([405, 'method_not_allowed', 'GET, POST']);
      const malformed = await control(box, 'POST', '/_mock/clock', undefined, '{"advanceSeconds":');
      expect([malformed.status, malformed.body.code]).toEqual([400, 'malformed_request']);
    });

    it('funds a vault through a deposit address, then sends a transfer that the clock confirms; a frozen clock holds both', async () => {
      const vaultId = vaultNamed(box.mock, 'Sandbox');
      const created = await api(box, 'POST', `/v1/vaults/${vaultId}/addresses`, { network: 'Ethereum' });
      expect(created.status).toBe(201);
      const deposit = await control(box, 'POST', '/_mock/deposits', { address: created.body.address.toLowerCase(), asset: USDC, amount: '5000.5' });
      expect(deposit.status).toBe(201);
      expect(deposit.body).toMatchObject({ vaultId, depositAddressId: created.body.id, address: created.body.address, asset: USDC, amount: '5000.500000', status: 'pending', confirmedAt: null });
      let balances = (await api(box, 'GET', `/v1/vaults/${vaultId}/balances`)).body;
      expect(balanceOf(balances, USDC)).toMatchObject({ total: '5000.500000', available: '0.000000', pending: '5000.500000' });
      await new Promise((resolve) => setTimeout(resolve, 30)); // frozen: real time does not confirm it
      expect((await control(box, 'GET', '/_mock/deposits')).body.data[0].status).toBe('pending');
      await control(box, 'POST', '/_mock/clock', { advanceSeconds: 60 });
      balances = (await api(box, 'GET', `/v1/vaults/${vaultId}/balances`)).body;
      expect(balanceOf(balances, USDC)).toMatchObject({ total: '5000.500000', available: '5000.500000', pending: '0.000000' });
      expect((await control(box, 'GET', '/_mock/deposits')).body.data[0]).toMatchObject({ status: 'confirmed', confirmedAt: deposit.body.confirmsAt });

      const transfer = await api(box, 'POST', `/v1/vaults/${vaultId}/transfers`, { asset: USDC, amount: '1000', destinationAddress: VALID_EVM_ADDRESS }, { 'idempotency-key': 'flow-1' });
      expect([transfer.status, transfer.body.status]).toEqual([201, 'pending']);
      const path = `/v1/vaults/${vaultId}/transfers/${transfer.body.id}`;
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect((await api(box, 'GET', path)).body.status).toBe('pending');
      await control(box, 'POST', '/_mock/clock', { advanceSeconds: 30 });
      expect((await api(box, 'GET', path)).body).toMatchObject({ status: 'submitted', completedAt: null });
      await control(box, 'POST', '/_mock/clock', { advanceSeconds: 90 });
      expect((await api(box, 'GET', path)).body).toMatchObject({ status: 'confirmed' });
      balances = (await api(box, 'GET', `/v1/vaults/${vaultId}/balances`)).body;
      expect(balanceOf(balances, USDC)).toMatchObject({ total: '4000.500000', available: '4000.500000', pending: '0.000000' });
    });

    it('refuses bad deposits with 422 and changes nothing', async () => {
      const treasury = vaultNamed(box.mock, 'Treasury');
      const addresses = (await api(box, 'GET', `/v1/vaults/${treasury}/addresses`)).body.data as Array<{ network: string; address: string }>;
      const ethereum = addresses.find((address) => address.network === 'Ethereum')!.address;
      const before = (await api(box, 'GET', `/v1/vaults/${treasury}/balances`)).body;
      const cases: Array<[unknown, string]> = [
        [{ address: VALID_EVM_ADDRESS, asset: USDC, amount: '1' }, 'invalid_address'],
        [{ address: ethereum, asset: 'Bitcoin/native', amount: '1' }, 'invalid_asset'],
        [{ address: ethereum, asset: 'Ethereum/erc20:0x0000000000000000000000000000000000000001', amount: '1' }, 'invalid_asset'],
        [{ address: ethereum, asset: 'Nowhere/native', amount: '1' }, 'invalid_asset'],
        [{ address: ethereum, asset: USDC, amount: '1.1234567' }, 'invalid_amount'],
        [{ address: ethereum, asset: USDC, amount: '0' }, 'invalid_amount'],
        [{ address: ethereum, asset: USDC, amount: '-5' }, 'invalid_amount'],
        [{ address: ethereum, asset: USDC, amount: 5 }, 'validation_failed'],
        [{ address: ethereum, asset: USDC, amount: '1', vaultId: treasury }, 'validation_failed'],
        [{ address: ethereum, asset: USDC }, 'validation_failed'],
      ];
      for (const [body, code] of cases) {
        const response = await control(box, 'POST', '/_mock/deposits', body);
        expect([response.status, response.body.code], JSON.stringify(body)).toEqual([422, code]);
        for (const detail of response.body.details ?? []) expect(detail.issue.length).toBeLessThanOrEqual(500);
      }
      expect((await api(box, 'GET', `/v1/vaults/${treasury}/balances`)).body).toEqual(before);
      expect((await control(box, 'GET', '/_mock/deposits')).body.data).toEqual([]);
    });

    it('fails a transfer once, 404 for an unknown one', async () => {
      const treasury = vaultNamed(box.mock, 'Treasury');
      const transfer = await api(box, 'POST', `/v1/vaults/${treasury}/transfers`, { asset: USDC, amount: '10', destinationAddress: VALID_EVM_ADDRESS }, { 'idempotency-key': 'fail-1' });
      const failed = await control(box, 'POST', `/_mock/transfers/${transfer.body.id}/fail`);
      expect([failed.status, failed.body.id, failed.body.status]).toEqual([200, transfer.body.id, 'failed']);
      expect((await api(box, 'GET', `/v1/vaults/${treasury}/transfers/${transfer.body.id}`)).body.status).toBe('failed');
      const again = await control(box, 'POST', `/_mock/transfers/${transfer.body.id}/fail`);
      expect([again.status, again.body.code]).toEqual([422, 'validation_failed']);
      const unknown = await control(box, 'POST', '/_mock/transfers/transfer_zzzzzzzzzz/fail');
      expect([unknown.status, unknown.body.code]).toEqual([404, 'transfer_not_found']);
    });

    it('queues faults for the product API, logs requests without secrets, and resets everything', async () => {
      const queued = await control(box, 'POST', '/_mock/faults', { faults: [{ kind: 'status', status: 503, retryAfterSeconds: 2 }] });
      expect(queued.body).toEqual({ accepted: 1 });
      const faulted = await api(box, 'GET', '/v1/vaults');
      expect([faulted.status, faulted.body.code]).toEqual([503, 'service_unavailable']);
      for (const bad of [{ faults: [] }, { faults: [{ kind: 'explode' }] }, { faults: [{ kind: 'status', status: 404 }] }, { faults: [{ kind: 'truncate', when: 'after' }] }]) {
        expect((await control(box, 'POST', '/_mock/faults', bad)).status, JSON.stringify(bad)).toBe(422);
      }
      const created = await api(box, 'POST', '/v1/vaults', { name: 'Temporary' });
      const log = await control(box, 'GET', '/_mock/requests?limit=2');
      expect(log.body.data.map((entry: { method: string; path: string; status: number; fault: string | null }) => [entry.method, entry.path, entry.status, entry.fault])).toEqual([
        ['POST', '/v1/vaults', 201, null],
        ['GET', '/v1/vaults', 503, 'status'],
      ]);
      expect(JSON.stringify((await control(box, 'GET', '/_mock/requests')).body)).not.toContain(box.mock.bootstrapKey.secret);
      expect((await control(box, 'GET', '/_mock/requests?limit=0')).status).toBe(422);

      await control(box, 'POST', '/_mock/clock', { advanceSeconds: 3600 });
      const reset = await control(box, 'POST', '/_mock/reset');
      expect(reset.body).toEqual({ clock: { now: '2026-03-01T12:00:00.000Z', frozen: true } });
      expect((await api(box, 'GET', `/v1/vaults/${created.body.id}`)).status).toBe(404);
      expect((await api(box, 'GET', '/v1/vaults')).body.data.map((vault: { id: string }) => vault.id)).toEqual(box.mock.seed.vaults.map((vault) => vault.id));
    });
  });
}

describe('control plane access', () => {
  it('answers only this machine unless remote control is allowed', async () => {
    const mock = createMock({ seed: 'control' });
    const remote = await mock.fetch(new Request('http://mock.test/_mock/clock'), { clientAddress: '203.0.113.7' });
    const body = await remote.json();
    expect([remote.status, body.code]).toEqual([403, 'ip_not_allowed']);
    expect(controlProblems('GET', '/_mock/clock', remote.status, remote.headers, body)).toEqual([]);
    for (const local of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1']) {
      expect((await mock.fetch(new Request('http://mock.test/_mock/clock'), { clientAddress: local })).status, local).toBe(200);
    }
    const open = createMock({ seed: 'control', allowRemoteControl: true });
    expect((await open.fetch(new Request('http://mock.test/_mock/clock'), { clientAddress: '203.0.113.7' })).status).toBe(200);
  });

  it('mockControl() drives a server over HTTP and an in-process mock alike, and throws typed errors', async () => {
    const server = await startMockServer({ port: 0, seed: 'control', now: '2026-03-01T12:00:00Z' });
    try {
      const overHttp = mockControl(server.url);
      expect(await overHttp.freezeClock()).toMatchObject({ frozen: true });
      expect((await overHttp.advanceClock(60)).now).toMatch(/^2026-03-01T12:01:/);
      const error = await overHttp.deposit({ address: 'nowhere', asset: USDC, amount: '1' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MockControlError);
      expect(error).toMatchObject({ status: 422, code: 'invalid_address', type: 'invalid_request' });
      expect((error as MockControlError).correlationId).toMatch(/^req_/);
    } finally {
      await server.close();
    }
    const mock = createMock({ seed: 'control', now: '2026-03-01T12:00:00Z', freezeClock: true });
    const inProcess = mockControl('http://mock.test', { fetch: (request) => mock.fetch(request) });
    expect(await inProcess.setClock(new Date('2026-03-05T00:00:00Z'))).toEqual({ now: '2026-03-05T00:00:00.000Z', frozen: true });
    expect(mock.clock.now().toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect((await inProcess.reset()).clock.now).toBe('2026-03-01T12:00:00.000Z');
    expect((await inProcess.requests()).data).toEqual([]);
  });
});
