/**
 * The processes the webhooks benchmark runs, each apart from the load generator's event loop:
 * `mock` is the real mock server, `receiver` a webhook receiver that answers 204 to every
 * delivery and counts them. Each prints one JSON line (`{ url, secret, vaultId }` or `{ url }`) once
 * listening; the receiver answers `GET /count` with the deliveries it received.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startMockServer } from '../src/index.js';

const mode = process.argv[2];
if (mode === 'receiver') {
  let received = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received }));
        return;
      }
      received += 1;
      response.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
  });
} else if (mode === 'mock') {
  const server = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'bench', rateLimit: false });
  const treasury = server.mock.seed.vaults.find((vault) => vault.name === 'Treasury');
  process.stdout.write(`${JSON.stringify({ url: server.url, secret: server.mock.bootstrapKey.secret, vaultId: treasury?.id })}\n`);
} else {
  process.stderr.write('usage: webhooks-server.ts mock|receiver\n');
  process.exit(2);
}
