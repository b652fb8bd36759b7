import { operationTable, type OperationId } from '@fortary/types';
import { VirtualClock, toMillis, type Clock } from './clock.js';
import { ApiError } from './errors.js';
import type { DeliverySchedulerOptions } from './events/delivery-scheduler.js';
import { EventsHub } from './events/hub.js';
import { FaultInjector, type Fault, type RandomFaultOptions } from './faults.js';
import { OPERATION_FACTS } from './generated/spec-facts.js';
import { MAX_BODY_BYTES, canonicalJson, isJsonContentType, readStreamLimited, type BodyRead } from './http-body.js';
import { IdempotencyStore, type StoredResponse } from './idempotency.js';
import { isAddressAllowed } from './ip-allowlist.js';
import { HANDLERS, type OperationResult } from './operations.js';
import { CursorCodec } from './pagination.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { LOWER_ALNUM, SeededRandom } from './random.js';
import { renderTransfer } from './render.js';
import { route } from './router.js';
import { MockState, seedState, type ApiKeyRecord, type SeedSummary } from './state.js';
import { validateRequest } from './validation.js';

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

export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  operationId: OperationId | null;
  status: number;
  /** The operation ran (state may have changed), whatever the client received. */
  executed: boolean;
  replayed: boolean;
  fault: Fault['kind'] | null;
}

export interface MockStats {
  requests: number;
  /** Completed executions per operation (a replay is not an execution). */
  executions: Partial<Record<OperationId, number>>;
  byStatus: Record<number, number>;
  faults: number;
}

/** The request log keeps at least the last 1000 entries (and at most 2000). */
const REQUEST_LOG_LIMIT = 1000;
const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 600, refillPerSecond: 10 };

export class MockCore {
  readonly clock: VirtualClock;
  state!: MockState;
  seed!: SeedSummary;
  readonly requests: RequestLogEntry[] = [];
  stats!: MockStats;
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

  /** Back to the start: the clock, the seeded data, idempotency records, rate-limit buckets, fault queue, counters. */
  reset(): void {
    if (this.state) this.clock.set(this.startMs);
    this.state = new MockState(this.seedValue);
    this.seed = seedState(this.state, this.seedValue, this.clock.nowMs());
    this.events.reset();
    // Seeded records are the starting point, not events; changes from here on are recorded.
    this.state.onTransferChange = (transfer, kind) => this.events.transferChanged(kind, renderTransfer(transfer), kind === 'created' ? transfer.createdAt : transfer.updatedAt);
    const random = new SeededRandom(`instance:${this.seedValue}`);
    this.codec = new CursorCodec(random.string(32, LOWER_ALNUM));
    this.requestIdPrefix = random.string(6, LOWER_ALNUM);
    this.requestCounter = 0;
    this.idempotency.reset();
    this.rateLimiter.reset();
    this.faults.reset();
    this.requests.length = 0;
    this.stats = { requests: 0, executions: {}, byStatus: {}, faults: 0 };
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
    const url = parseTarget(request.target);
    const entry: RequestLogEntry = { requestId, method: request.method, path: url.pathname, operationId: null, status: 0, executed: false, replayed: false, fault: null };
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId, ...this.retirementHeaders };
    let response: RawResponse;
    const fault = this.faults.next();
    if (fault) {
      entry.fault = fault.kind;
      this.stats.faults += 1;
    }
    if (fault && fault.kind !== 'truncate' && (fault.when ?? 'before') === 'before') {
      response = this.faultResponse(fault, headers, requestId, request);
    } else {
      response = await this.process(request, url, headers, requestId, entry);
      if (fault) response = fault.kind === 'truncate' ? { ...response, fault: 'truncate' } : this.faultResponse(fault, { ...headers, ...pick(response.headers, RATE_HEADERS) }, requestId, request);
    }
    entry.status = response.status;
    this.stats.requests += 1;
    this.stats.byStatus[response.status] = (this.stats.byStatus[response.status] ?? 0) + 1;
    this.requests.push(entry);
    // trimmed in batches: one splice per REQUEST_LOG_LIMIT requests rather than a shift per request
    if (this.requests.length >= 2 * REQUEST_LOG_LIMIT) this.requests.splice(0, this.requests.length - REQUEST_LOG_LIMIT);
    return response;
  }

  private faultResponse(fault: Fault, headers: Record<string, string>, requestId: string, request: RawRequest): RawResponse {
    if (fault.kind === 'reset') return { status: 0, headers, body: '', fault: 'reset' };
    const rate = headers['x-ratelimit-limit'] ? {} : this.rateLimiter.take(this.callerOf(request), this.clock.nowMs()).headers;
    const status = fault.kind === 'status' ? fault.status : 500;
    const retryAfter = String(fault.kind === 'status' ? (fault.retryAfterSeconds ?? 1) : 1);
    const error =
      status === 429
        ? new ApiError('rate_limited', `Too many requests. Retry after ${retryAfter} seconds.`, null, { 'retry-after': retryAfter })
        : status === 503
          ? new ApiError('service_unavailable', `The service is temporarily unavailable. Retry after ${retryAfter} seconds.`, null, { 'retry-after': retryAfter })
          : new ApiError('internal_error', 'An internal error occurred. Retry with backoff.');
    return this.errorResponse(error, { ...headers, ...rate }, requestId);
  }

  private callerOf(request: RawRequest): string {
    const secret = bearerSecret(request.headers['authorization']);
    const key = secret ? this.state.keysBySecret.get(secret) : undefined;
    return key ? `key:${key.id}` : `addr:${request.clientAddress}`;
  }

  private errorResponse(error: ApiError, headers: Record<string, string>, requestId: string): RawResponse {
    return { status: error.status, headers: Object.assign({}, headers, error.headers), body: JSON.stringify(error.body(requestId)) };
  }

  private async process(request: RawRequest, url: URL, baseHeaders: Record<string, string>, requestId: string, entry: RequestLogEntry): Promise<RawResponse> {
    const nowMs = this.clock.nowMs();
    this.state.advanceTransfers(nowMs);
    const limit = this.rateLimiter.take(this.callerOf(request), nowMs);
    // Object.assign rather than `{ ...a, ...b }`: V8 merges two spreads of these hyphenated
    // header records through a slow generic path (about 2 µs a request, a tenth of a POST)
    const headers: Record<string, string> = Object.assign({}, baseHeaders, limit.headers);
    try {
      if (!limit.allowed) {
        throw new ApiError('rate_limited', `Too many requests. Retry after ${limit.retryAfterSeconds} seconds.`, null, { 'retry-after': String(limit.retryAfterSeconds) });
      }
      const match = route(request.method.toUpperCase(), url.pathname);
      if (match.kind === 'not_found') throw new ApiError('route_not_found', `No operation has the path ${truncate(url.pathname, 200)}.`);
      if (match.kind === 'method_not_allowed') {
        throw new ApiError('method_not_allowed', `${truncate(request.method, 20)} is not allowed on ${truncate(url.pathname, 200)}; use ${match.allow.join(' or ')}.`, null, {
          allow: match.allow.join(', '),
        });
      }
      const operationId = match.operationId;
      entry.operationId = operationId;
      const facts = OPERATION_FACTS[operationId];
      if (facts.deprecated && !headers['deprecation']) headers['deprecation'] = `@${Math.floor(this.startMs / 1000)}`;
      if (facts.sunset && !headers['sunset']) headers['sunset'] = new Date(toMillis(facts.sunset)).toUTCString();

      const key = this.authenticate(request, nowMs, operationId);
      const body = facts.hasBody ? await readJsonBody(request) : undefined;
      const idempotencyKey = request.headers['idempotency-key'];
      if (facts.idempotencyKey === 'required' && (idempotencyKey === undefined || idempotencyKey === '')) {
        throw new ApiError('idempotency_key_required', `${operationId} needs an Idempotency-Key header: a unique value per intended operation, reused on every retry of it.`);
      }
      const input = validateRequest(operationId, {
        path: match.params,
        query: queryObject(url.searchParams),
        headers: pick(request.headers, ['idempotency-key']) as Record<string, string>,
        body,
      });

      const reservation =
        facts.idempotencyKey !== 'none' && idempotencyKey !== undefined
          ? this.idempotency.begin(key.id, idempotencyKey, `${request.method.toUpperCase()} ${url.pathname} ${canonicalJson(body ?? null)}`, nowMs)
          : null;
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
        result = HANDLERS[operationId]({ state: this.state, nowMs: at, key, input, codec: this.codec, events: this.events });
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
      this.stats.executions[operationId] = (this.stats.executions[operationId] ?? 0) + 1;
      return { status: stored.status, headers, body: stored.body };
    } catch (error) {
      if (error instanceof ApiError) return this.errorResponse(error, headers, requestId);
      // a bug in the mock: still answer with the contract's body rather than crash
      const message = error instanceof Error ? error.message : String(error);
      return this.errorResponse(new ApiError('internal_error', `The mock failed: ${truncate(message, 300)}`), headers, requestId);
    }
  }

  private authenticate(request: RawRequest, nowMs: number, operationId: OperationId): ApiKeyRecord {
    const authorization = request.headers['authorization'];
    if (!authorization) throw new ApiError('missing_api_key', "Send your API key as 'Authorization: Bearer <secret>'.");
    const secret = bearerSecret(authorization);
    const key = secret ? this.state.keysBySecret.get(secret) : undefined;
    if (!key) throw new ApiError('invalid_api_key', 'The bearer token does not belong to any API key.');
    if (key.revokedAt !== null) throw new ApiError('api_key_revoked', 'This API key has been revoked.');
    if (nowMs >= key.expiresAt) throw new ApiError('api_key_expired', 'This API key has expired. Rotate to a new key.');
    if (key.ipAllowlist !== null && !isAddressAllowed(request.clientAddress, key.ipAllowlist)) {
      throw new ApiError('ip_not_allowed', `This API key may not be used from ${truncate(request.clientAddress, 60)}.`);
    }
    const scope = operationTable[operationId].requiredScope;
    if (scope !== null && !key.scopes.includes(scope as ApiKeyRecord['scopes'][number])) {
      throw new ApiError('insufficient_scope', `This operation needs the scope ${scope}.`);
    }
    return key;
  }
}

const RATE_HEADERS = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

async function readJsonBody(request: RawRequest): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  const read = await request.readBody(MAX_BODY_BYTES);
  if (read.kind === 'too_large') throw tooLarge();
  if (read.bytes.byteLength === 0) return undefined;
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new ApiError('unsupported_media_type', 'Send the request body as application/json.');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new ApiError('malformed_request', 'The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ApiError('malformed_request', `The request body is not valid JSON: ${truncate((error as Error).message, 200)}`);
  }
}

function tooLarge(): ApiError {
  return new ApiError('payload_too_large', 'The request body exceeds 1 MiB.');
}

function bearerSecret(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? (match[1] as string) : null;
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

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

export type { Clock };
