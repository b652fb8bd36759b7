import { createMock, startMockServer, type FortaryMock, type MockServerOptions } from '@fortary/mock';
import { createFortaryClient, type FortaryClient, type FortaryClientOptions } from '../../src/index.ts';

export type Transport = 'in-process' | 'http';
export const transports: Transport[] = ['in-process', 'http'];

export interface MockHarness {
  client: FortaryClient;
  mock: FortaryMock;
  /** Every request the client sent, with the (possibly fake) time it left. */
  sent: Array<{ method: string; path: string; at: number; idempotencyKey: string | null }>;
  logs: { warn: string[]; debug: string[] };
  /** Another client on the same mock, e.g. with a different key. */
  clientWith(options: Partial<FortaryClientOptions>): FortaryClient;
  close(): Promise<void>;
}

/**
 * A client wired to @fortary/mock, either in-process (the mock's `fetch` handler) or over HTTP
 * (a real server on a free port and the global fetch). Tests run the same scenario on both.
 */
export async function withMock(
  transport: Transport,
  mockOptions: Omit<MockServerOptions, 'port' | 'host'> = {},
  clientOptions: Partial<FortaryClientOptions> = {},
): Promise<MockHarness> {
  const server = transport === 'http' ? await startMockServer({ port: 0, ...mockOptions }) : null;
  const mock = server?.mock ?? createMock(mockOptions);
  const baseUrl = server?.url ?? 'http://mock.invalid';
  const send = server ? (request: Request) => fetch(request) : (request: Request) => mock.fetch(request);
  const sent: MockHarness['sent'] = [];
  const logs = { warn: [] as string[], debug: [] as string[] };
  const clientWith = (options: Partial<FortaryClientOptions>) =>
    createFortaryClient({
      apiKey: mock.bootstrapKey.secret,
      baseUrl,
      backoff: { initialDelayMs: 2, maxDelayMs: 20 },
      logger: { warn: (message) => logs.warn.push(message), debug: (message) => logs.debug.push(message) },
      fetch: (request) => {
        sent.push({ method: request.method, path: new URL(request.url).pathname, at: Date.now(), idempotencyKey: request.headers.get('Idempotency-Key') });
        return send(request);
      },
      ...clientOptions,
      ...options,
    });
  return { client: clientWith({}), mock, sent, logs, clientWith, close: async () => server?.close() };
}

/** Under fake timers: advances time in steps until the promise settles. */
export async function drive<T>(promise: Promise<T>, advance: (ms: number) => Promise<unknown>, stepMs = 100): Promise<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) await advance(stepMs);
  return promise;
}
