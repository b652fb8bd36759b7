import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conformanceProblems } from './support/conformance.js';
import { TRANSPORTS, createHarness, type Harness } from './support/harness.js';

/**
 * Random bad requests: whatever is thrown at it, the mock answers with the Error body, a 4xx
 * status from the catalog (never a 5xx, none being injected), the documented headers, and
 * keeps serving; no rejected request changes the data.
 */
const PATHS = ['/v1/vaults', '/v1/vaults/{vault}', '/v1/vaults/{vault}/transfers', '/v1/vaults/{vault}/addresses', '/v1/api-keys', '/v1/api-keys/{key}/revoke', '/v1/assets', '/v1/networks'];

const jsonish = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
  fc.constantFrom('{', '{"name":', 'null', '[]', '{"asset":"Ethereum/erc20:0x1","amount":"1e3","destinationAddress":"x"}'),
  fc.record({ asset: fc.string(), amount: fc.oneof(fc.string(), fc.double()), destinationAddress: fc.string(), note: fc.string() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.record({ name: fc.oneof(fc.string(), fc.integer()), scopes: fc.array(fc.string()), network: fc.string(), label: fc.string() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
);

const segment = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent), fc.constantFrom('vault_zz', 'VAULT_1', 'vault_', '..', '%zz', 'key_00', 'transfer_x'));

describe.each(TRANSPORTS)('random bad requests (%s)', (transport) => {
  let h: Harness;
  let snapshot: string;

  beforeAll(async () => {
    h = await createHarness(transport, { rateLimit: false, seed: 'property', now: '2026-03-01T00:00:00Z', freezeClock: true });
    snapshot = JSON.stringify((await h.call('GET', '/v1/vaults?limit=100')).body);
  });
  afterAll(async () => {
    await h.close();
  });

  it('keeps the error contract and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE'),
          path: fc.constantFrom(...PATHS),
          vault: segment,
          key: segment,
          query: fc.array(fc.tuple(fc.constantFrom('limit', 'cursor', 'network', 'status', 'x'), fc.string({ maxLength: 20 })), { maxLength: 3 }),
          body: fc.option(jsonish),
          contentType: fc.constantFrom('application/json', 'text/plain', 'application/json; charset=utf-8', ''),
          auth: fc.constantFrom('bootstrap', 'none', 'garbage'),
          idempotencyKey: fc.option(fc.string({ maxLength: 20 })),
        }),
        async (input) => {
          const path = input.path.replace('{vault}', input.vault).replace('{key}', input.key);
          const query = input.query.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
          const headers: Record<string, string> = {};
          if (input.contentType) headers['content-type'] = input.contentType;
          if (input.auth === 'bootstrap') headers['authorization'] = `Bearer ${h.mock.bootstrapKey.secret}`;
          if (input.auth === 'garbage') headers['authorization'] = 'Bearer ???';
          if (input.idempotencyKey !== null) headers['idempotency-key'] = input.idempotencyKey.replace(/[^\x21-\x7e]/g, '');
          const hasBody = input.body !== null && input.method !== 'GET';
          let response: Response;
          try {
            response = await h.fetch(`${h.baseUrl}${path}${query ? `?${query}` : ''}`, { method: input.method, headers, body: hasBody ? input.body! : undefined });
          } catch (error) {
            // a URL the Request constructor itself refuses never reaches the mock
            if (error instanceof TypeError && /URL|header/i.test(error.message)) return;
            throw error;
          }
          const body = JSON.parse(await response.text());
          const requestId = response.headers.get('x-request-id');
          expect(requestId).toMatch(/^req_[a-z0-9]+$/);
          expect(response.status).toBeLessThan(500);
          const operationId = h.mock.requests.find((entry) => entry.requestId === requestId)?.operationId ?? null;
          expect(conformanceProblems({ operationId, status: response.status, headers: response.headers, body })).toEqual([]);
          if (response.status >= 400) expect(body.correlationId).toBe(requestId);
          // restore the data after the rare valid mutation so every run starts from the same state
          if (response.status < 300 && input.method !== 'GET') h.mock.reset();
        },
      ),
      { numRuns: transport === 'http' ? 150 : 400, seed: 20260301 },
    );
    expect((await h.call('GET', '/v1/vaults?limit=100')).body).toEqual(JSON.parse(snapshot));
  });
});
