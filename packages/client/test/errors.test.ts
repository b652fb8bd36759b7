import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createFortaryClient, FortaryApiError, FortaryConnectionError, FortaryError, unwrap } from '../src/index.ts';
import { TEST_API_KEY, withScript } from './support/harness.ts';
import { apiError, json } from './support/scripted-server.ts';

const vaultId = 'vault_3f8a2c1d9b';
const leakedSecret = 'fsk_live_4c1f0b8e2d9a7c3b5e6f1a2d8c4b9e0f7a3d2c1b';

/** Everything a caller might print or ship to a log pipeline from an error. */
function everyRendering(error: unknown): string[] {
  return [String(error), (error as Error).message, (error as Error).stack ?? '', JSON.stringify(error), inspect(error), inspect(error, { depth: 10, showHidden: true })];
}

describe('construction', () => {
  it.each([[undefined], [''], ['   ']])('refuses a missing or empty apiKey (%j) with a clear error', (apiKey) => {
    expect(() => createFortaryClient({ apiKey: apiKey as string })).toThrow(/`apiKey` is required/);
  });

  it('refuses a key with whitespace inside without quoting it', () => {
    const attempt = () => createFortaryClient({ apiKey: `${TEST_API_KEY}\n` });
    expect(attempt).toThrow(/has whitespace or control characters/);
    expect(() => attempt()).not.toThrow(new RegExp(TEST_API_KEY));
  });

  it('names the bad option', () => {
    expect(() => createFortaryClient({ apiKey: TEST_API_KEY, maxRetries: -1 })).toThrow(/`maxRetries` must be an integer ≥ 0 \(got -1\)/);
    expect(() => createFortaryClient({ apiKey: TEST_API_KEY, timeoutMs: 0 })).toThrow(/`timeoutMs` must be ≥ 1 \(ms\) \(got 0\)/);
    expect(() => createFortaryClient({ apiKey: TEST_API_KEY, baseUrl: 'api.fortary.com' })).toThrow(/`baseUrl` must be an absolute URL/);
  });

  it('sends the key as a bearer token to https://api.fortary.com by default', async () => {
    const seen: Request[] = [];
    const client = createFortaryClient({ apiKey: TEST_API_KEY, fetch: async (request) => (seen.push(request), json(200, { data: [], nextCursor: null })) });
    await client.GET('/v1/vaults');
    expect(seen[0]?.url).toBe('https://api.fortary.com/v1/vaults');
    expect(seen[0]?.headers.get('Authorization')).toBe(`Bearer ${TEST_API_KEY}`);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(TEST_API_KEY);
  });
});

describe('FortaryApiError', () => {
  it('carries the error body, status, request id and retryability', async () => {
    const body = {
      type: 'invalid_request',
      code: 'validation_failed',
      message: 'The request body does not match the schema.',
      correlationId: 'req_7d2e9b1c4a',
      details: [{ field: 'amount', issue: 'must be a decimal string' }],
    };
    const h = withScript([new Response(JSON.stringify(body), { status: 422, headers: { 'X-Request-Id': 'req_7d2e9b1c4a' } })]);
    const { error, requestId } = await h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId } } });
    expect(error).toBeInstanceOf(FortaryApiError);
    expect(error).toBeInstanceOf(FortaryError);
    expect(error).toMatchObject({ ...body, status: 422, requestId: 'req_7d2e9b1c4a', retryable: false, retryAfterMs: null });
    expect(error?.name).toBe('FortaryApiError');
    expect(requestId).toBe('req_7d2e9b1c4a');
    expect(() => unwrap({ error })).toThrow(error);
  });

  it('copes with a body that is not the error shape (a proxy page)', async () => {
    const h = withScript([new Response('<html>Bad gateway</html>', { status: 502 })]);
    const { error } = await h.client.GET('/v1/vaults');
    expect(error).toMatchObject({ status: 502, type: 'unknown', code: 'unknown', correlationId: null, retryable: false });
    expect(error?.message).toContain('HTTP 502');
  });

  it('serializes to the documented fields without the response', async () => {
    const h = withScript([apiError(404, 'vault_not_found')]);
    const { error } = await h.client.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId } } });
    const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      ['code', 'correlationId', 'details', 'idempotencyKey', 'message', 'name', 'requestId', 'retryAfterMs', 'retryable', 'status', 'type'].sort(),
    );
  });
});

describe('redaction', () => {
  it('keeps the API key and any secret out of messages, JSON and inspect output', async () => {
    const h = withScript([
      apiError(401, 'invalid_api_key', {}, `Key ${TEST_API_KEY} was revoked; also saw ${leakedSecret} and Bearer abc.def`),
    ]);
    const { error } = await h.client.GET('/v1/vaults');
    for (const text of everyRendering(error)) {
      expect(text).not.toContain(TEST_API_KEY);
      expect(text).not.toContain(leakedSecret);
      expect(text).not.toContain('abc.def');
    }
    expect(error?.message).toBe('Key [redacted] was revoked; also saw [redacted] and [redacted]');
  });

  it('redacts fields named secret in error details', async () => {
    const body = { type: 'invalid_request', code: 'validation_failed', message: 'bad', correlationId: 'req_1', details: [{ field: 'secret', issue: 'x', secret: 'hunter2hunter2' }] };
    const h = withScript([json(422, body)]);
    const { error } = await h.client.GET('/v1/vaults');
    for (const text of everyRendering(error)) expect(text).not.toContain('hunter2hunter2');
  });

  it('keeps the key out of connection errors and the retry log', async () => {
    const h = withScript([], { maxRetries: 2 }, () => {
      throw new TypeError(`connect ECONNREFUSED while sending Authorization: Bearer ${TEST_API_KEY}`);
    });
    const failure = await h.client.GET('/v1/vaults').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FortaryConnectionError);
    expect(h.logs.debug).toHaveLength(2);
    for (const text of [...everyRendering(failure), ...h.logs.debug, ...h.logs.warn]) expect(text).not.toContain(TEST_API_KEY);
    expect((failure as Error).message).toContain('ECONNREFUSED');
  });
});
