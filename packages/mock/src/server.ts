import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { MockOptions } from './core.js';
import { concat, type BodyRead } from './http-body.js';
import { createMock, dispatch, type FortaryMock } from './mock.js';
import type { ControlPlaneOptions } from './control/control-plane.js';
import { answerClientError } from './transport/client-error.js';

export interface MockServerOptions extends MockOptions, ControlPlaneOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface MockServer {
  /** The base URL, e.g. `http://127.0.0.1:4010`. */
  url: string;
  close(): Promise<void>;
  mock: FortaryMock;
}

/**
 * Serves the mock over HTTP. The adapter hands the core plain values (no web Request and
 * Response objects), which keeps the per-request cost close to a bare node:http server; the
 * client address for IP allowlists is the socket's remote address.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 4010, host = '127.0.0.1', ...mockOptions } = options;
  const mock = createMock(mockOptions);
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    serve(mock, request, response).catch((error: unknown) => {
      // the core answers every request itself; reaching here means the socket failed under us
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ type: 'internal', code: 'internal_error', message: String(error), correlationId: 'req_adapter', details: null }));
      } else response.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => answerClientError(mock.core, error, socket));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    mock,
    close: () =>
      new Promise<void>((resolve, reject) => {
        mock.core.events.close();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function serve(mock: FortaryMock, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const raw = await dispatch(mock.control, {
    method: request.method ?? 'GET',
    target: request.url ?? '/',
    headers: headersOf(request),
    readBody: (limit) => readNodeBody(request, limit),
    clientAddress: request.socket.remoteAddress ?? '0.0.0.0',
  });
  if (raw.fault === 'reset') {
    request.socket.destroy();
    return;
  }
  const length = Buffer.byteLength(raw.body);
  // copied with Object.assign: spreading the record into a literal with one more key is several
  // times slower in V8
  const outgoing = Object.assign({}, raw.headers);
  outgoing['content-length'] = String(length);
  response.writeHead(raw.status, outgoing);
  if (raw.fault === 'truncate') {
    response.write(Buffer.from(raw.body).subarray(0, Math.floor(length / 2)), () => request.socket.destroy());
    return;
  }
  // a string body goes out in one write together with the headers (a Buffer would take a writev)
  response.end(raw.body);
}

/**
 * The request headers as the core takes them: lower-cased names, one string each. node's parsed
 * `headers` already has that shape except for `set-cookie`, which is always an array, so it is
 * passed through as is (the core only reads it) and copied only when a request carries one.
 */
function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const parsed = request.headers;
  if (parsed['set-cookie'] === undefined) return parsed as Record<string, string | undefined>;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function readNodeBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.byteLength;
      if (size > limit) {
        settled = true;
        // stop buffering; the rest of the upload is read and dropped so the answer can be sent
        request.resume();
        resolve({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!settled) {
        settled = true;
        resolve({ kind: 'ok', bytes: concat(chunks, size) });
      }
    });
    request.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
  });
}
