import { operationTable } from '@fortary/types';
import { authenticate, callerOf } from './auth.js';
import { VirtualClock, toMillis } from './clock.js';
import { elide } from './echo.js';
import { ApiError } from './errors.js';
import type { DeliverySchedulerOptions } from './events/delivery-scheduler.js';
import { EventsHub } from './events/hub.js';
import { seedEventExamples } from './seed/event-examples.js';
import { FaultInjector, faultError, type Fault, type RandomFaultOptions } from './faults.js';
import type { BodyRead } from './http-body.js';
import { IdempotencyStore, idempotencyKeyOf, requestFingerprint, type StoredResponse } from './idempotency.js';
import { HANDLERS, type OperationResult } from './operations.js';
import { CursorCodec } from './pagination.js';
import { RateLimiter, rateLimitedError, type RateLimitOptions } from './rate-limit.js';
import { LOWER_ALNUM, SeededRandom } from './random.js';
import { renderTransfer } from './render.js';
import { readJsonBody } from './request-body.js';
import { RequestLog, type MockStats, type RequestLogEntry } from './request-log.js';
import { route } from './router.js';
import { MockState, seedState, type SeedSummary } from './state.js';
import { validateRequest } from './validation.js';

export type { MockStats, RequestLogEntry };

export interface MockOptions {
  /** Makes ids, secrets, addresses and random faults the same on every run. Default `fortary`. */
  seed?: string | number;
  /** Where the virtual clock starts. Default: the real time at creation. */
  now?: Date | string;
  /** Stop the virtual clock from following real time (only advance()/set() move it). Default false. */
  freezeClock?: boolean;
  /** Per-caller token bucket; `false` turns limiting off (the headers are still sent). Default 600 per minute. */
  rateLimit?: RateLimitOptions | false;
  /** Random faults (off by default). */
  faults?: RandomFaultOptions;
  /** The client address in-process requests come from, for IP allowlists. Default 127.0.0.1. */
  clientAddress?: string;
  /** Announce a retiring v1: `Deprecation` and `Sunset` headers on every response. */
  sunset?: string | Date;
  /** The moment v1 was deprecated, for the `Deprecation` header. Default: the start of the clock. */
  deprecatedAt?: string | Date;
  /** Webhook deliveries: the `fetch` they go through (default the global one), timeout, attempts, backoff. */
  webhooks?: Omit<DeliverySchedulerOptions, 'nowMs'>;
}

/** A request as the core sees it, whichever transport it came from. */
export interface RawRequest {
  method: string;
  /** Path and query, e.g. `/v1/vaults?limit=25`. */
  target: string;
  /** The target already parsed, when the transport has it (a fetch Request's URL), so it is parsed once. */
  url?: URL;
  /** Lower-cased names. */
  headers: Record<string, string | undefined>;
  readBody(limit: number): Promise<BodyRead>;
  clientAddress: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A transport fault to play instead of (reset) or while (truncate) sending the response. */
  fault?: 'reset' | 'truncate';
}

/**
 * The transport-independent mock: a request in, a response out. It routes and composes the
 * steps, each in its own module: faults (faults.ts), rate limiting (rate-limit.ts), auth
 * (auth.ts), body reading (request-body.ts), validation (validation.ts), idempotency
 * (idempotency.ts), the operations themselves (operations.ts) and the log (request-log.ts).
 */
export class MockCore {
  readonly clock: VirtualClock;
  state!: MockState;
  seed!: SeedSummary;
  private readonly log = new RequestLog();
  private readonly seedValue: string | number;
  private readonly startMs: number;
  private readonly rateLimiter: RateLimiter;
  private readonly faults: FaultInjector;
  private readonly idempotency = new IdempotencyStore();
  private codec!: CursorCodec;
  private requestIdPrefix!: string;
  private requestCounter = 0;
  private readonly retirementHeaders: Record<string, string>;
  readonly defaultClientAddress: string;
  /** Events, webhook endpoints and their deliveries, deposits as the API serves them. */
  readonly events: EventsHub;

  constructor(readonly options: MockOptions = {}) {
    this.seedValue = options.seed ?? 'fortary';
    this.clock = new VirtualClock({ start: options.now, frozen: options.freezeClock ?? false });
    this.startMs = this.clock.nowMs();
    this.rateLimiter = new RateLimiter(options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit);
    this.faults = new FaultInjector(options.faults, this.seedValue);
    this.defaultClientAddress = options.clientAddress ?? '127.0.0.1';
    this.retirementHeaders = {};
    if (options.sunset !== undefined) {
      const deprecatedAt = options.deprecatedAt === undefined ? this.startMs : toMillis(options.deprecatedAt);
      this.retirementHeaders['deprecation'] = `@${Math.floor(deprecatedAt / 1000)}`;
      this.retirementHeaders['sunset'] = new Date(toMillis(options.sunset)).toUTCString();
    }
    this.events = new EventsHub({
      nowMs: () => this.clock.nowMs(),
      seed: this.seedValue,
      keyById: (apiKeyId) => this.state.apiKeys.get(apiKeyId),
      delivery: options.webhooks,
    });
    this.reset();
  }

  /** Recent requests (at least the last 1000), oldest first. */
  get requests(): RequestLogEntry[] {
    return this.log.entries;
  }

  get stats(): MockStats {
    return this.log.stats;
  }

  /** Back to the start: the clock, the seeded data, idempotency records, rate-limit buckets, fault queue, counters. */
  reset(): void {
    if (this.state) this.clock.set(this.startMs);
    this.state = new MockState(this.seedValue);
    this.seed = seedState(this.state, this.seedValue, this.clock.nowMs());
    this.events.reset();
    seedEventExamples(this.events, this.state, this.clock.nowMs());
    // Seeded records are the starting point, not events; changes from here on are recorded.
    this.state.onTransferChange = (transfer, kind) => this.events.transferChanged(kind, renderTransfer(transfer), kind === 'created' ? transfer.createdAt : transfer.updatedAt);
    const random = new SeededRandom(`instance:${this.seedValue}`);
    this.codec = new CursorCodec(random.string(32, LOWER_ALNUM));
    this.requestIdPrefix = random.string(6, LOWER_ALNUM);
    this.requestCounter = 0;
    this.idempotency.reset();
    this.rateLimiter.reset();
    this.faults.reset();
    this.log.reset();
  }

  /** Fails a pending or submitted transfer now (its amount becomes available again); false if it is final or unknown. */
  failTransfer(transferId: string): boolean {
    const nowMs = this.clock.nowMs();
    this.state.advanceTransfers(nowMs);
    return this.state.failTransfer(transferId, nowMs);
  }

  injectFaults(faults: Fault[]): void {
    this.faults.inject(faults);
  }

  async handle(request: RawRequest): Promise<RawResponse> {
    const requestId = `req_${this.requestIdPrefix}${(++this.requestCounter).toString(36).padStart(6, '0')}`;
    const url = request.url ?? parseTarget(request.target);
    const entry: RequestLogEntry = { requestId, method: request.method, path: url.pathname, operationId: null, status: 0, executed: false, replayed: false, fault: null };
    const headers: Record<string, string> = Object.assign({ 'content-type': 'application/json', 'x-request-id': requestId }, this.retirementHeaders);
    let response: RawResponse;
    const fault = this.faults.next();
    if (fault) entry.fault = fault.kind;
    if (fault && fault.kind !== 'truncate' && (fault.when ?? 'before') === 'before') {
      response = this.faultResponse(fault, headers, requestId, request);
    } else {
      response = await this.process(request, url, headers, requestId, entry);
      if (fault) response = fault.kind === 'truncate' ? { ...response, fault: 'truncate' } : this.faultResponse(fault, { ...headers, ...pick(response.headers, RATE_HEADERS) }, requestId, request);
    }
    entry.status = response.status;
    this.log.record(entry);
    return response;
  }

  /**
   * Answers a request that the transport refused before it could be read (node:http's parser:
   * oversized headers, a method token that is not a method): the error in the contract's shape,
   * with a request id and the client address's rate-limit headers like any other answer.
   */
  refuse(error: ApiError, clientAddress: string, method: string, path: string): RawResponse {
    const requestId = `req_${this.requestIdPrefix}${(++this.requestCounter).toString(36).padStart(6, '0')}`;
    const limit = this.rateLimiter.take(`addr:${clientAddress}`, this.clock.nowMs());
    const headers = Object.assign({ 'content-type': 'application/json', 'x-request-id': requestId }, this.retirementHeaders, limit.headers);
    const response = errorResponse(error, headers, requestId);
    this.log.record({ requestId, method, path, operationId: null, status: response.status, executed: false, replayed: false, fault: null });
    return response;
  }

  private faultResponse(fault: Exclude<Fault, { kind: 'truncate' }>, headers: Record<string, string>, requestId: string, request: RawRequest): RawResponse {
    if (fault.kind === 'reset') return { status: 0, headers, body: '', fault: 'reset' };
    const rate = headers['x-ratelimit-limit'] ? {} : this.rateLimiter.take(callerOf(this.state, request.headers['authorization'], request.clientAddress), this.clock.nowMs()).headers;
    return errorResponse(faultError(fault), { ...headers, ...rate }, requestId);
  }

  private async process(request: RawRequest, url: URL, baseHeaders: Record<string, string>, requestId: string, entry: RequestLogEntry): Promise<RawResponse> {
    const nowMs = this.clock.nowMs();
    this.state.advanceTransfers(nowMs);
    const limit = this.rateLimiter.take(callerOf(this.state, request.headers['authorization'], request.clientAddress), nowMs);
    // Object.assign rather than `{ ...a, ...b }`: V8 merges two spreads of these hyphenated
    // header records through a slow generic path (about 2 µs a request, a tenth of a POST)
    const headers: Record<string, string> = Object.assign({}, baseHeaders, limit.headers);
    try {
      if (!limit.allowed) throw rateLimitedError(limit.retryAfterSeconds);
      const method = request.method.toUpperCase();
      const match = route(method, url.pathname);
      if (match.kind === 'not_found') throw new ApiError('route_not_found', `No operation has the path ${elide(url.pathname, 200)}.`);
      if (match.kind === 'method_not_allowed') {
        throw new ApiError('method_not_allowed', `${elide(request.method, 20)} is not allowed on ${elide(url.pathname, 200)}; use ${match.allow.join(' or ')}.`, null, {
          allow: match.allow.join(', '),
        });
      }
      const operationId = match.operationId;
      entry.operationId = operationId;
      const facts = operationTable[operationId];
      if (facts.deprecated && !headers['deprecation']) headers['deprecation'] = `@${Math.floor(this.startMs / 1000)}`;
      if (facts.sunset && !headers['sunset']) headers['sunset'] = new Date(toMillis(facts.sunset)).toUTCString();

      const key = authenticate(this.state, request.headers['authorization'], request.clientAddress, nowMs, operationId);
      const body = facts.hasBody ? await readJsonBody(request.headers, request.readBody) : undefined;
      const idempotencyHeader = request.headers['idempotency-key'];
      const idempotencyKey = idempotencyKeyOf(operationId, facts, idempotencyHeader);
      const input = validateRequest(operationId, {
        path: match.params,
        query: queryObject(url.searchParams),
        headers: idempotencyHeader === undefined ? {} : { 'idempotency-key': idempotencyHeader },
        body,
      });

      const reservation = idempotencyKey === null ? null : this.idempotency.begin(key.id, idempotencyKey, requestFingerprint(method, url.pathname, body), nowMs);
      if (reservation?.kind === 'replay') {
        entry.replayed = true;
        return { status: reservation.response.status, headers: { ...headers, 'idempotent-replayed': 'true' }, body: reservation.response.body };
      }
      let result: OperationResult;
      try {
        const latency = this.faults.latencyMs();
        if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
        // the clock may have moved during the latency; the operation happens now
        const at = latency > 0 ? this.clock.nowMs() : nowMs;
        result = HANDLERS[operationId]({ operationId, state: this.state, nowMs: at, key, input, codec: this.codec, events: this.events });
      } catch (error) {
        reservation?.release();
        throw error;
      }
      // 204 No Content has no body and so no content type
      if (result.status === 204) delete headers['content-type'];
      const stored: StoredResponse = { status: result.status, body: result.status === 204 ? '' : JSON.stringify(result.body) };
      reservation?.complete(stored);
      key.lastUsedAt = nowMs;
      entry.executed = true;
      return { status: stored.status, headers, body: stored.body };
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error, headers, requestId);
      // a bug in the mock: still answer with the contract's body rather than crash
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(new ApiError('internal_error', `The mock failed: ${elide(message, 400)}`), headers, requestId);
    }
  }
}

const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 600, refillPerSecond: 10 };
const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

function errorResponse(error: ApiError, headers: Record<string, string>, requestId: string): RawResponse {
  return { status: error.status, headers: Object.assign({}, headers, error.headers), body: JSON.stringify(error.body(requestId)) };
}

function parseTarget(target: string): URL {
  try {
    return new URL(target, 'http://mock.invalid');
  } catch {
    return new URL('http://mock.invalid/');
  }
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const existing = out[name];
    out[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function pick(source: Record<string, string | undefined>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = source[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}
