import { afterEach, beforeEach, expect } from 'vitest';
import { createMock, startMockServer, type FortaryMock, type MockOptions } from '../../src/index.js';
import { conformanceProblems } from './conformance.js';

/**
 * One harness for both transports: every scenario runs in-process (mock.fetch) and over HTTP
 * (a real server on 127.0.0.1), and every response it receives is checked against the spec.
 */
export type TransportName = 'in-process' | 'http';
export const TRANSPORTS: TransportName[] = ['in-process', 'http'];

export interface CallOptions {
  body?: unknown;
  /** Sent as is, instead of JSON of `body`. */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /** The bearer secret; default the bootstrap key; null sends no Authorization. */
  key?: string | null;
  idempotencyKey?: string;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: any;
  requestId: string;
}

export interface Harness {
  transport: TransportName;
  mock: FortaryMock;
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** A base URL and fetch to hand to clients (openapi-fetch and the like). */
  baseUrl: string;
  fetch: typeof fetch;
  close(): Promise<void>;
}

export const conformanceViolations: string[] = [];
export const observedStatuses = new Map<string, Set<number>>();

export async function createHarness(transport: TransportName, options: MockOptions = {}): Promise<Harness> {
  let mock: FortaryMock;
  let baseUrl: string;
  let doFetch: typeof fetch;
  let close = async () => {};
  if (transport === 'in-process') {
    mock = createMock({ seed: 'test', ...options });
    baseUrl = 'http://mock.test';
    doFetch = ((input: RequestInfo | URL, init?: RequestInit) => mock.fetch(new Request(input, init))) as typeof fetch;
  } else {
    const server = await startMockServer({ seed: 'test', ...options, port: 0, host: '127.0.0.1' });
    mock = server.mock;
    baseUrl = server.url;
    doFetch = fetch;
    close = server.close;
  }
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<CallResult> => {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? mock.bootstrapKey.secret : options.key;
    if (key !== null) headers['authorization'] ??= `Bearer ${key}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let body: string | Uint8Array | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await doFetch(`${baseUrl}${path}`, { method, headers, body: body as BodyInit | undefined });
    const text = await response.text();
    const parsed = text === '' ? undefined : JSON.parse(text);
    const requestId = response.headers.get('x-request-id') ?? '';
    const entry = mock.requests.find((request) => request.requestId === requestId);
    const operationId = entry?.operationId ?? null;
    for (const problem of conformanceProblems({ operationId, status: response.status, headers: response.headers, body: parsed })) {
      conformanceViolations.push(`[${transport}] ${method} ${path}: ${problem}`);
    }
    const statuses = observedStatuses.get(operationId ?? '(none)') ?? new Set<number>();
    statuses.add(response.status);
    observedStatuses.set(operationId ?? '(none)', statuses);
    return { status: response.status, headers: response.headers, body: parsed, requestId };
  };
  return { transport, mock, call, baseUrl, fetch: doFetch, close };
}

/** Registers a fresh harness per test and checks conformance after each. */
export function useHarness(transport: TransportName, options: MockOptions = {}): { readonly h: Harness } {
  const holder = {} as { h: Harness };
  beforeEach(async () => {
    conformanceViolations.length = 0;
    holder.h = await createHarness(transport, options);
  });
  afterEach(async () => {
    await holder.h.close();
    expect(conformanceViolations, 'every response conforms to the spec').toEqual([]);
  });
  return holder;
}

export const VALID_EVM_ADDRESS = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';
export const USDC = 'Ethereum/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
export function vaultNamed(mock: FortaryMock, name: string): string {
  const vault = mock.seed.vaults.find((candidate) => candidate.name === name);
  if (!vault) throw new Error(`no seeded vault ${name}`);
  return vault.id;
}
