import type { renderDelivery } from '../events/delivery-scheduler.js';
import type { Fault } from '../faults.js';
import type { ClockChange, ClockState, DepositRequest, FaultsState, RequestLogPage, ResetResult, SimulatedDeposit } from './types.js';

/** A control-plane call answered with an error; carries the API's Error fields. */
export class MockControlError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string,
    readonly correlationId: string,
    readonly details: Array<{ field: string; issue: string }> | null,
    message: string,
  ) {
    super(`${status} ${code}: ${message} (X-Request-Id ${correlationId})`);
    this.name = 'MockControlError';
  }
}

export interface MockControlOptions {
  /** The fetch to use: the global one by default, or an in-process mock's `(request) => mock.fetch(request)`. */
  fetch?: (request: Request) => Promise<Response>;
}

/** The transfer as the API's getTransfer returns it. */
export type MockTransfer = Record<string, unknown> & { id: string; status: string };

/** The control plane's operations, typed; each throws a MockControlError on an error answer. */
export interface MockControl {
  clock(): Promise<ClockState>;
  advanceClock(seconds: number): Promise<ClockState>;
  setClock(to: string | Date): Promise<ClockState>;
  freezeClock(frozen?: boolean): Promise<ClockState>;
  deposit(deposit: DepositRequest): Promise<SimulatedDeposit>;
  deposits(): Promise<SimulatedDeposit[]>;
  failTransfer(transferId: string): Promise<MockTransfer>;
  reset(): Promise<ResetResult>;
  injectFaults(faults: Fault[]): Promise<FaultsState>;
  requests(limit?: number): Promise<RequestLogPage>;
  /** The webhook deliveries with their attempts, newest first. */
  deliveries(limit?: number): Promise<{ data: Array<ReturnType<typeof renderDelivery>> }>;
}

/**
 * A small typed client of the mock's `/_mock/` control plane, for a server started with
 * `fortary-mock` or `startMockServer()`, or (with `fetch`) an in-process `createMock()`.
 *
 * ```ts
 * const control = mockControl('http://127.0.0.1:4010');
 * await control.freezeClock();
 * await control.advanceClock(120);
 * ```
 */
export function mockControl(baseUrl: string, options: MockControlOptions = {}): MockControl {
  const base = baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? ((request: Request) => fetch(request));
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json' };
    }
    const response = await send(new Request(`${base}/_mock/${path}`, init));
    const text = await response.text();
    let parsed: any;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const requestId = response.headers.get('x-request-id') ?? '';
      throw new MockControlError(
        response.status,
        String(parsed?.type ?? 'unknown'),
        String(parsed?.code ?? 'unknown'),
        String(parsed?.correlationId ?? requestId),
        Array.isArray(parsed?.details) ? parsed.details : null,
        String(parsed?.message ?? (text.slice(0, 200) || response.statusText)),
      );
    }
    return parsed as T;
  }
  return {
    clock: () => call('GET', 'clock'),
    advanceClock: (seconds) => call('POST', 'clock', { advanceSeconds: seconds }),
    setClock: (to) => call('POST', 'clock', { set: to instanceof Date ? to.toISOString() : to }),
    freezeClock: (frozen = true) => call('POST', 'clock', { frozen }),
    deposit: (deposit) => call('POST', 'deposits', deposit),
    deposits: async () => (await call<{ data: SimulatedDeposit[] }>('GET', 'deposits')).data,
    failTransfer: (transferId) => call('POST', `transfers/${encodeURIComponent(transferId)}/fail`),
    reset: () => call('POST', 'reset'),
    injectFaults: (faults) => call('POST', 'faults', { faults }),
    requests: (limit) => call('GET', limit === undefined ? 'requests' : `requests?limit=${limit}`),
    deliveries: (limit) => call('GET', limit === undefined ? 'deliveries' : `deliveries?limit=${limit}`),
  };
}
