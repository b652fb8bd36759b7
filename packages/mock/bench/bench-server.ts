/**
 * The servers the mock benchmark loads, run in a child process so that the load generator
 * does not share their event loop: `bare` answers every request with a fixed JSON body,
 * `mock` is the real mock server. Prints `{ url, secret }` as one JSON line once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockServer } from '../src/index.js';

const mode = process.argv[2];
if (mode === 'bare') {
  const body = JSON.stringify({
    data: Array.from({ length: 3 }, (_, i) => ({ id: `vault_bench${i}`, name: `Vault ${i}`, createdAt: '2026-01-14T09:32:07Z', updatedAt: '2026-01-14T09:32:07Z' })),
    nextCursor: null,
  });
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': 'req_bare' });
      response.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, secret: '' })}\n`);
  });
} else if (mode === 'mock') {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'bench', rateLimit: false });
  process.stdout.write(`${JSON.stringify({ url: server.url, secret: server.mock.bootstrapKey.secret })}\n`);
} else {
  process.stderr.write('usage: bench-server.ts bare|mock\n');
  process.exit(2);
}
