import { timestamp, toMillis } from '../clock.js';
import type { MockCore, RawRequest, RawResponse, RequestLogEntry } from '../core.js';
import { ApiError } from '../errors.js';
import type { Fault } from '../faults.js';
import { MAX_BODY_BYTES, isJsonContentType } from '../http-body.js';
import { LOWER_ALNUM, SeededRandom } from '../random.js';
import { renderTransfer } from '../render.js';
import { renderDelivery } from '../events/delivery-scheduler.js';
import type { DepositView } from '../events/deposit-book.js';
import { DepositLedger } from './deposits.js';
import { parseClockChange, parseDepositRequest, parseFaults } from './input.js';
import { isLoopbackAddress } from './loopback.js';
import type { ClockChange, ClockState, DepositRequest, FaultsState, RequestLogPage, ResetResult, SimulatedDeposit } from './types.js';

/** Every control-plane path starts with this prefix; the product API never uses it. */
export const CONTROL_PREFIX = '/_mock/';

export interface ControlPlaneOptions {
  /**
   * Answer control-plane requests from other machines too. Off by default: anyone who can
   * reach the control plane can move the clock, fund vaults and reset the mock.
   */
  allowRemoteControl?: boolean;
}

type TransferView = ReturnType<typeof renderTransfer>;

interface Route {
  pattern: RegExp;
  methods: Record<string, (plane: ControlPlane, match: RegExpExecArray, body: () => Promise<unknown>, url: URL) => Promise<[number, unknown]> | [number, unknown]>;
}

const ROUTES: Route[] = [
  {
    pattern: /^\/_mock\/clock$/,
    methods: {
      GET: (plane) => [200, plane.clockState()],
      POST: async (plane, _match, body) => [200, plane.changeClock(parseClockChange(await body()))],
    },
  },
  {
    pattern: /^\/_mock\/deposits$/,
    methods: {
      GET: (plane) => [200, { data: plane.deposits() }],
      POST: async (plane, _match, body) => [201, plane.deposit(parseDepositRequest(await body()))],
    },
  },
  {
    pattern: /^\/_mock\/transfers\/([^/]+)\/fail$/,
    methods: { POST: (plane, match) => [200, plane.failTransfer(decodeURIComponent(match[1] as string))] },
  },
  { pattern: /^\/_mock\/reset$/, methods: { POST: (plane) => [200, plane.reset()] } },
  {
    pattern: /^\/_mock\/deliveries$/,
    methods: { GET: (plane, _match, _body, url) => [200, plane.deliveries(limitOf(url.searchParams.get('limit')))] },
  },
  { pattern: /^\/_mock\/faults$/, methods: { POST: async (plane, _match, body) => [200, plane.injectFaults(parseFaults(await body()))] } },
  {
    pattern: /^\/_mock\/requests$/,
    methods: { GET: (plane, _match, _body, url) => [200, plane.recentRequests(limitOf(url.searchParams.get('limit')))] },
  },
];

/** A simulated deposit as the API's Deposit holds it. */
function depositView(deposit: SimulatedDeposit): DepositView {
  const createdAt = Date.parse(deposit.createdAt);
  const confirmedAt = deposit.confirmedAt === null ? null : Date.parse(deposit.confirmedAt);
  return {
    id: deposit.id,
    vaultId: deposit.vaultId,
    depositAddressId: deposit.depositAddressId,
    asset: deposit.asset,
    amount: deposit.amount,
    txHash: deposit.txHash,
    status: deposit.status,
    createdAt,
    updatedAt: confirmedAt ?? createdAt,
    confirmedAt,
  };
}

function limitOf(text: string | null): number {
  if (text === null) return 100;
  const value = Number(text);
  if (!/^[0-9]+$/.test(text) || value < 1 || value > 1000) {
    throw new ApiError('validation_failed', 'limit must be an integer from 1 to 1000.', [{ field: 'limit', issue: 'an integer from 1 to 1000' }]);
  }
  return value;
}

/**
 * The mock's control plane: the levers a test or an integrator pulls to drive the sandbox
 * (the clock, simulated deposits, failing a transfer, faults, reset, the request log). The
 * same methods serve in-process callers and the `/_mock/` HTTP routes, so both behave alike.
 */
export class ControlPlane {
  private readonly ledger: DepositLedger;
  private readonly initiallyFrozen: boolean;
  private requestCounter = 0;
  private readonly requestIdPrefix: string;

  constructor(
    readonly core: MockCore,
    private readonly options: ControlPlaneOptions = {},
  ) {
    const seed = core.options.seed ?? 'fortary';
    this.ledger = new DepositLedger(seed);
    // A simulated deposit is a Deposit of the API too: served by listDeposits/getDeposit, and an event.
    this.ledger.onChange = (deposit) => core.events.depositChanged(depositView(deposit));
    this.initiallyFrozen = core.clock.frozen;
    this.requestIdPrefix = `mock${new SeededRandom(`control:${seed}`).string(4, LOWER_ALNUM)}`;
  }

  clockState(): ClockState {
    return { now: timestamp(this.core.clock.nowMs()), frozen: this.core.clock.frozen };
  }

  /**
   * Moves the clock forward, sets it, or freezes/unfreezes it. It never moves back (that would
   * put records in the future of the clock); reset goes back to the start.
   */
  changeClock(change: ClockChange): ClockState {
    const clock = this.core.clock;
    if ('advanceSeconds' in change) clock.advance(change.advanceSeconds * 1000);
    else if ('set' in change) {
      const target = toMillis(change.set);
      if (target < clock.nowMs()) {
        throw new ApiError('validation_failed', 'The clock only moves forward; POST /_mock/reset goes back to the start.', [
          { field: 'set', issue: `must not be before the current time ${timestamp(clock.nowMs())}` },
        ]);
      }
      clock.set(target);
    } else clock.setFrozen(change.frozen);
    this.settle();
    return this.clockState();
  }

  /** Funds arrive on chain at a deposit address: pending at once, available after the confirmation delay. */
  deposit(request: DepositRequest): SimulatedDeposit {
    this.settle();
    return this.ledger.receive(this.core.state, request, this.core.clock.nowMs());
  }

  deposits(): SimulatedDeposit[] {
    this.settle();
    return this.ledger.list();
  }

  /** Ends a pending or submitted transfer as failed; its amount becomes available again. */
  failTransfer(transferId: string): TransferView {
    this.settle();
    const transfer = this.core.state.transfers.get(transferId);
    if (!transfer) throw new ApiError('transfer_not_found', `No transfer has the id ${transferId.length > 60 ? `${transferId.slice(0, 60)}…` : transferId}.`);
    if (!this.core.failTransfer(transferId)) {
      throw new ApiError('validation_failed', `The transfer is already ${transfer.status}; only pending or submitted transfers can fail.`, [
        { field: 'transferId', issue: `the transfer is ${transfer.status}` },
      ]);
    }
    return renderTransfer(transfer);
  }

  /** Back to the seeded data, the start of the clock (frozen as it started) and no deposits or queued faults. */
  reset(): ResetResult {
    this.core.clock.setFrozen(this.initiallyFrozen);
    this.core.reset();
    this.ledger.reset();
    this.requestCounter = 0;
    return { clock: this.clockState() };
  }

  injectFaults(faults: Fault[]): FaultsState {
    this.core.injectFaults(faults);
    return { accepted: faults.length };
  }

  /** The most recent requests to the product API, newest first. Entries hold no header values, so no secrets. */
  recentRequests(limit = 100): RequestLogPage {
    const log = this.core.requests;
    const data: RequestLogEntry[] = [];
    for (let index = log.length - 1; index >= 0 && data.length < limit; index--) data.push({ ...(log[index] as RequestLogEntry) });
    return { data };
  }

  /**
   * Confirms deposits whose delay has passed and moves transfers on to the clock's time; run
   * before every request to the product API and after the clock moves, so the events of what
   * happened meanwhile are recorded and their deliveries (and retries now due) start.
   */
  settle(): void {
    const nowMs = this.core.clock.nowMs();
    this.ledger.settle(this.core.state, nowMs);
    this.core.state.advanceTransfers(nowMs);
    this.core.events.scheduler.poke();
  }

  /** The webhook deliveries with their attempts, newest first. */
  deliveries(limit = 100): { data: Array<ReturnType<typeof renderDelivery>> } {
    this.settle();
    const all = this.core.events.scheduler.deliveries();
    const data: Array<ReturnType<typeof renderDelivery>> = [];
    for (let index = all.length - 1; index >= 0 && data.length < limit; index--) data.push(renderDelivery(all[index]!));
    return { data };
  }

  /** Whether a request target belongs to the control plane. */
  static owns(target: string): boolean {
    return target.startsWith(CONTROL_PREFIX) || target === '/_mock' || target.startsWith('/_mock?');
  }

  /** Serves one `/_mock/` request; every answer, errors included, carries `X-Request-Id`. */
  async handle(request: RawRequest): Promise<RawResponse> {
    const requestId = `req_${this.requestIdPrefix}${(++this.requestCounter).toString(36).padStart(6, '0')}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId, 'cache-control': 'no-store' };
    let url: URL;
    try {
      url = new URL(request.target, 'http://mock.invalid');
    } catch {
      url = new URL('http://mock.invalid/_mock/');
    }
    try {
      if (!this.options.allowRemoteControl && !isLoopbackAddress(request.clientAddress)) {
        throw new ApiError('ip_not_allowed', 'The control plane answers only this machine; start the mock with --allow-remote-control to reach it from elsewhere.');
      }
      const route = ROUTES.map((candidate) => ({ candidate, match: candidate.pattern.exec(url.pathname) })).find((found) => found.match);
      if (!route || !route.match) throw new ApiError('route_not_found', `No control-plane route has the path ${clip(url.pathname)}.`);
      const method = request.method.toUpperCase();
      const handler = request.method === method ? route.candidate.methods[method] : undefined;
      if (!handler) {
        const allow = Object.keys(route.candidate.methods).join(', ');
        throw new ApiError('method_not_allowed', `${clip(request.method, 20)} is not allowed on ${clip(url.pathname)}; use ${allow}.`, null, { allow });
      }
      const [status, body] = await handler(this, route.match, () => readJson(request), url);
      return { status, headers, body: JSON.stringify(body) };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('internal_error', `The mock's control plane failed: ${clip(error instanceof Error ? error.message : String(error), 300)}`);
      return { status: apiError.status, headers: Object.assign(headers, apiError.headers), body: JSON.stringify(apiError.body(requestId)) };
    }
  }
}

function clip(text: string, length = 200): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

async function readJson(request: RawRequest): Promise<unknown> {
  const read = await request.readBody(MAX_BODY_BYTES);
  if (read.kind === 'too_large') throw new ApiError('payload_too_large', 'The request body exceeds 1 MiB.');
  if (read.bytes.byteLength === 0) return undefined;
  if (!isJsonContentType(request.headers['content-type'])) throw new ApiError('unsupported_media_type', 'Send the request body as application/json.');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes));
  } catch (error) {
    throw new ApiError('malformed_request', `The request body is not valid JSON: ${clip((error as Error).message)}`);
  }
}
