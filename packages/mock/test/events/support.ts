import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local webhook receiver on a port the OS picks; `answer` decides each response status. */
export async function startReceiver(answer: (received: Received, index: number) => number | Promise<number> = () => 200): Promise<{ url: string; received: Received[]; server: Server; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const entry = { headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(entry);
      const status = await answer(entry, received.length - 1);
      if (!response.destroyed) response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    server,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The HMAC the documentation describes, computed with Web Crypto, independently of the mock's signer. */
export async function expectedSignature(secret: string, t: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${t}.${body}`));
  return Buffer.from(mac).toString('hex');
}

/** `t=…,v1=…[,v1=…]` as its parts. */
export function parseSignature(header: string | string[] | undefined): { t: string; v1: string[] } {
  const text = String(header);
  const parts = text.split(',').map((part) => part.split('=') as [string, string]);
  return { t: parts.find(([name]) => name === 't')?.[1] ?? '', v1: parts.filter(([name]) => name === 'v1').map(([, value]) => value) };
}
