import type { Clock } from './clock.js';
import { renderDelivery } from './events/delivery-scheduler.js';
import { ControlPlane, type ControlPlaneOptions } from './control/control-plane.js';
import { MockCore, type MockOptions, type MockStats, type RawRequest, type RawResponse, type RequestLogEntry } from './core.js';
import type { Fault } from './faults.js';
import { readStreamLimited } from './http-body.js';
import type { SeedSummary } from './state.js';

/** The mock as tests and integrators use it in-process. */
export interface FortaryMock {
  /** A web-standard handler: pass it as the `fetch` of openapi-fetch, MSW or any framework. */
  fetch(request: Request, init?: { clientAddress?: string }): Promise<Response>;
  /** The seeded key with every scope and no vault or IP limits. */
  readonly bootstrapKey: { id: string; secret: string };
  readonly clock: Clock;
  /** What was seeded: the seed value, the vaults (newest first), the bootstrap key, the asset ids. */
  readonly seed: SeedSummary;
  /** Recent requests (at least the last 1000), oldest first. */
  readonly requests: readonly RequestLogEntry[];
  readonly stats: MockStats;
  reset(): void;
  /** Faults for the next requests, one per request, in order. */
  injectFaults(faults: Fault[]): void;
  /** Ends a pending or submitted transfer as `failed` and releases its amount; false if it is final or unknown. */
  failTransfer(transferId: string): boolean;
  /** Webhook deliveries: every attempt so far, and a promise that settles once none is in flight or due. */
  readonly webhooks: { deliveries(): ReturnType<typeof renderDelivery>[]; idle(): Promise<void> };
  /** The control plane: the clock, simulated deposits, failing transfers, faults, reset (also served under `/_mock/`). */
  readonly control: ControlPlane;
  /** The transport-independent core, for adapters. */
  readonly core: MockCore;
}

export type CreateMockOptions = MockOptions & ControlPlaneOptions;

export function createMock(options: CreateMockOptions = {}): FortaryMock {
  const core = new MockCore(options);
  const control = new ControlPlane(core, options);
  return {
    fetch: (request, init) => fetchHandler(control, request, init?.clientAddress ?? core.defaultClientAddress),
    get bootstrapKey() {
      return core.seed.bootstrapKey;
    },
    clock: core.clock,
    get seed() {
      return core.seed;
    },
    get requests() {
      return core.requests;
    },
    get stats() {
      return core.stats;
    },
    reset: () => void control.reset(),
    injectFaults: (faults) => core.injectFaults(faults),
    failTransfer: (transferId) => {
      control.settle();
      return core.failTransfer(transferId);
    },
    control,
    webhooks: {
      deliveries: () => core.events.scheduler.deliveries().map(renderDelivery),
      idle: () => core.events.scheduler.idle(),
    },
    core,
  };
}

async function fetchHandler(control: ControlPlane, request: Request, clientAddress: string): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const raw = await dispatch(control, {
    method: request.method,
    target: url.pathname + url.search,
    url,
    headers,
    readBody: (limit) => readStreamLimited(request.body, limit),
    clientAddress,
  });
  return toResponse(raw);
}

/** Sends `/_mock/` requests to the control plane and the rest, deposits settled first, to the API. */
export function dispatch(control: ControlPlane, request: RawRequest): Promise<RawResponse> {
  if (ControlPlane.owns(request.target)) return control.handle(request);
  control.settle();
  return control.core.handle(request);
}

function toResponse(raw: RawResponse): Response {
  if (raw.fault === 'reset') {
    // what fetch does when the server drops the connection
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
  }
  if (raw.fault === 'truncate') {
    const bytes = new TextEncoder().encode(raw.body);
    const half = bytes.slice(0, Math.floor(bytes.byteLength / 2));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half);
        controller.error(new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }));
      },
    });
    return new Response(stream, { status: raw.status, headers: { ...raw.headers, 'content-length': String(bytes.byteLength) } });
  }
  return new Response(raw.status === 204 || raw.status === 304 ? null : raw.body, { status: raw.status, headers: raw.headers });
}
