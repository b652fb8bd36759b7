import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { SeededRandom } from '../src/random.js';
import { conformanceProblems } from './support/conformance.js';
import { USDC, VALID_EVM_ADDRESS } from './support/harness.js';

/**
 * Hostile requests over raw TCP (node:net, so nothing is normalised by an HTTP client): bad
 * method tokens, oversized and broken headers, broken framing, bad bodies, odd paths and
 * queries. A fixed seed makes every run send the same requests. Every answer must be inside
 * the contract: a documented status, the Error schema, X-Request-Id and rate-limit headers.
 */
const SEED = 'raw-fuzz-1';
const REQUESTS = 3_200;
const CONCURRENCY = 8;

let server: MockServer;
let port: number;
let secret: string;
let vaultId: string;

beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 'fuzz', rateLimit: false });
  port = Number(new URL(server.url).port);
  secret = server.mock.bootstrapKey.secret;
  vaultId = server.mock.seed.vaults[0]!.id;
});
afterAll(() => server.close());

interface RawAnswer {
  status: number;
  headers: Headers;
  body: string;
}

function send(bytes: Buffer): Promise<RawAnswer | { error: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ error: 'no answer within 10 s' });
    }, 10_000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks);
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return resolve({ error: `no complete answer: ${JSON.stringify(text.toString('latin1').slice(0, 200))}` });
      const [statusLine, ...lines] = text.subarray(0, end).toString('latin1').split('\r\n');
      const headers = new Headers();
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
      const length = Number(headers.get('content-length'));
      const body = text.subarray(end + 4, end + 4 + (Number.isFinite(length) ? length : undefined!)).toString('utf8');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0), headers, body });
    });
    socket.end(bytes);
  });
}

const METHODS = ['GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS', 'BREW', 'get', 'Post', 'PROPFIND', 'G3T', 'X'.repeat(40)];

function requestFor(random: SeededRandom): Buffer {
  const pick = <T>(items: readonly T[]) => random.pick(items);
  const text = (length: number) => random.string(length, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.~%:');
  const paths = [
    '/v1/vaults',
    `/v1/vaults/${vaultId}`,
    `/v1/vaults/${vaultId}/balances`,
    `/v1/vaults/${vaultId}/transfers`,
    `/v1/vaults/${vaultId}/addresses`,
    `/v1/vaults/vault_${text(8).toLowerCase().replace(/[^a-z0-9]/g, 'a')}`,
    `/v1/vaults/${text(random.int(1, 700))}`,
    '/v1/api-keys',
    '/v1/assets?network=' + pick(['Ethereum', 'Nowhere', text(600)]),
    '/v1/networks?limit=' + pick(['0', '101', 'ten', '25', '-1']),
    '/v1/vaults?cursor=' + text(random.int(1, 300)),
    `/${text(random.int(0, 40))}`,
    '/v1/%zz',
    '/_mock/clock',
    '/_mock/' + text(10),
  ];
  const method = pick(METHODS);
  const path = pick(paths);
  const headers: string[] = ['Host: 127.0.0.1', 'Connection: close'];
  const auth = random.int(0, 4);
  if (auth <= 2) headers.push(`Authorization: Bearer ${secret}`);
  else if (auth === 3) headers.push(`Authorization: ${pick(['Bearer', 'Basic abc', 'Bearer ' + text(random.int(1, 400))])}`);
  if (random.next() < 0.3) headers.push(`Idempotency-Key: ${text(random.int(1, 300))}`);
  if (random.next() < 0.06) headers.push(`X-Padding: ${'p'.repeat(random.int(16_000, 40_000))}`); // past node's 16 KiB
  if (random.next() < 0.03) for (let i = 0; i < 150; i++) headers.push(`X-Many-${i}: ${text(120)}`);
  let body: Buffer | null = null;
  const bodies = [
    () => JSON.stringify({ name: text(random.int(1, 300)) }),
    () => JSON.stringify({ network: pick(['Ethereum', 'Nowhere', text(600)]), label: text(20) }),
    () => JSON.stringify({ asset: pick([USDC, 'Bitcoin/native', text(600)]), amount: pick(['1', '0', '1.1234567', text(5), '99999999999']), destinationAddress: pick([VALID_EVM_ADDRESS, text(600)]) }),
    () => JSON.stringify(Object.fromEntries(Array.from({ length: random.int(1, 40) }, () => [text(random.int(1, 800)), text(10)]))),
    () => '{"name":' + text(10),
    () => JSON.stringify([1, 2, 3]),
    () => JSON.stringify({ advanceSeconds: pick([1, -1, 'x']) }),
    () => '\u00ff\u00fe' + text(10),
  ];
  if (method !== 'GET' && random.next() < 0.8) body = Buffer.from(pick(bodies)(), random.next() < 0.1 ? 'latin1' : 'utf8');
  if (body) {
    headers.push(`Content-Type: ${pick(['application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded'])}`);
    const framing = random.int(0, 9);
    if (framing === 0) headers.push(`Content-Length: ${pick(['abc', '-1', String(body.length + 5) + ', 3', '1e3'])}`);
    else if (framing === 1) headers.push('Transfer-Encoding: chunked'); // and a body that is no chunk
    else headers.push(`Content-Length: ${body.length}`);
  }
  const version = random.next() < 0.03 ? pick(['HTTP/9.9', 'HTTP/1', 'HTPT/1.1', '']) : 'HTTP/1.1';
  const lineEnd = random.next() < 0.03 ? '\n' : '\r\n';
  const head = `${method} ${path} ${version}`.trimEnd() + lineEnd + headers.join(lineEnd) + lineEnd + lineEnd;
  return body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1');
}

describe(`raw TCP fuzz (seed ${SEED}, ${REQUESTS} requests)`, () => {
  it('answers every request inside the contract', async () => {
    const random = new SeededRandom(SEED);
    const requests = Array.from({ length: REQUESTS }, () => requestFor(random));
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const index = next++;
        const request = requests[index] as Buffer;
        const where = `#${index} ${JSON.stringify(request.subarray(0, 80).toString('latin1'))}`;
        const answer = await send(request);
        if ('error' in answer) {
          problems.push(`${where}: ${answer.error}`);
          continue;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) problems.push(`${where}: status ${answer.status}`);
        let body: unknown;
        try {
          body = JSON.parse(answer.body);
        } catch {
          problems.push(`${where}: ${answer.status} body is not JSON: ${JSON.stringify(answer.body.slice(0, 100))}`);
          continue;
        }
        const requestId = answer.headers.get('x-request-id');
        const path = request.toString('latin1').split(' ')[1] ?? '';
        if (path.startsWith('/_mock')) {
          if (!requestId) problems.push(`${where}: no X-Request-Id`);
          continue; // control-plane answers are checked against their own document elsewhere
        }
        const operationId = server.mock.requests.find((entry) => entry.requestId === requestId)?.operationId ?? null;
        for (const problem of conformanceProblems({ operationId, status: answer.status, headers: answer.headers, body })) problems.push(`${where}: ${problem}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(problems.slice(0, 20)).toEqual([]);
    // the run reached the parser's refusals as well as the API's own answers
    for (const status of [200, 400, 401, 404, 405, 422, 431]) expect(statuses.get(status) ?? 0, `answers with status ${status}`).toBeGreaterThan(0);
  }, 120_000);
});
