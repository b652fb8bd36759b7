import { timestamp } from '../clock.js';
import { HttpPoster } from './http-post.js';
import { signatureHeader } from './signer.js';

/** What is delivered: the event's id and type and its serialised body (the same bytes on every attempt). */
export interface DeliveryEvent {
  id: string;
  type: string;
  json: string;
}

/** Where it goes and how it is signed. */
export interface DeliveryTarget {
  endpointId: string;
  url: string;
  secret: string;
}

export interface DeliveryAttempt {
  attempt: number;
  /** When the attempt started, on the mock's clock (epoch ms). */
  startedAt: number;
  /** How long the receiver took, in real milliseconds. */
  durationMs: number;
  /** The receiver's HTTP status, or null when there was no response. */
  responseStatus: number | null;
  /** Why the attempt failed without a response (`timeout`, `connection_refused`, …), else null. */
  error: string | null;
  succeeded: boolean;
}

export type DeliveryState = 'pending' | 'delivering' | 'succeeded' | 'failed' | 'cancelled';

export interface DeliveryRecord {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly endpointId: string;
  readonly url: string;
  readonly createdAt: number;
  state: DeliveryState;
  /** When the next attempt is due on the mock's clock; null once settled or while delivering. */
  nextAttemptAt: number | null;
  readonly attempts: DeliveryAttempt[];
}

export interface DeliverySchedulerOptions {
  /** The mock's clock, in epoch milliseconds: signatures, attempt times and retry delays use it. */
  nowMs: () => number;
  /** The fetch deliveries go through (in-process users may pass their own). Default: node:http with kept-alive connections. */
  fetch?: typeof globalThis.fetch;
  /** Real milliseconds a receiver has to answer before the attempt counts as a timeout. */
  timeoutMs?: number;
  /** Attempts per delivery, the first included, before it is given up. */
  maxAttempts?: number;
  /** The delay before retry number `failures` (1 for the first retry), in mock-clock milliseconds. */
  retryDelayMs?: (failures: number) => number;
  /**
   * Deliveries in flight at once; the rest wait their turn. Few, so that under load the API's
   * requests keep most of the event loop and deliveries catch up when the load eases.
   */
  maxConcurrent?: number;
  /** How often (real ms) to look for retries that came due while the clock ran on its own. */
  pollIntervalMs?: number;
}

/** 10 s, 20 s, 40 s, … doubling, at most an hour: a retry schedule a test can step through with the clock. */
export const defaultRetryDelayMs = (failures: number): number => Math.min(10_000 * 2 ** (failures - 1), 3_600_000);

const USER_AGENT = 'Fortary-Webhooks/1.0 (+mock)';

/**
 * Delivers events to webhook endpoints over real HTTP, off the request path: `enqueue()` only
 * records the delivery and schedules a pump with `setImmediate`, so an API request never waits
 * for a receiver. Each attempt is signed afresh (a new `t=`) over the same body and event id;
 * a non-2xx answer, a timeout or a refused connection is retried after a backoff on the mock's
 * clock (so moving the clock brings retries due), up to `maxAttempts`.
 */
export class DeliveryScheduler {
  private readonly records: DeliveryRecord[] = [];
  private readonly waiting = new Set<DeliveryRecord>();
  private readonly payloads = new Map<DeliveryRecord, { event: DeliveryEvent; target: DeliveryTarget; authorize: () => boolean }>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly controllers = new Set<AbortController>();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly fetch: typeof globalThis.fetch | undefined;
  private readonly poster = new HttpPoster();
  private readonly ownFetch: boolean;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: (failures: number) => number;
  private readonly maxConcurrent: number;
  private readonly pollIntervalMs: number;
  private pumpScheduled = false;
  private poller: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private sequence = 0;

  constructor(private readonly options: DeliverySchedulerOptions) {
    this.fetch = options.fetch;
    this.ownFetch = options.fetch !== undefined;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
    this.maxConcurrent = options.maxConcurrent ?? 4;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    if (this.maxAttempts < 1 || !Number.isInteger(this.maxAttempts)) throw new RangeError(`maxAttempts must be a positive integer, got ${this.maxAttempts}`);
  }

  /**
   * Schedules the delivery of `event` to `target`, first attempt as soon as possible.
   * `authorize` is asked before every attempt (whether the endpoint's key may still read the
   * event); when it says no, the delivery is cancelled.
   */
  enqueue(event: DeliveryEvent, target: DeliveryTarget, authorize: () => boolean = () => true): DeliveryRecord {
    this.sequence += 1;
    const record: DeliveryRecord = {
      id: `dlv_${this.sequence.toString(36).padStart(6, '0')}`,
      eventId: event.id,
      eventType: event.type,
      endpointId: target.endpointId,
      url: target.url,
      createdAt: this.options.nowMs(),
      state: 'pending',
      nextAttemptAt: this.options.nowMs(),
      attempts: [],
    };
    this.records.push(record);
    this.waiting.add(record);
    this.payloads.set(record, { event, target, authorize });
    this.schedulePump();
    return record;
  }

  /** Every delivery, oldest first. */
  deliveries(): readonly DeliveryRecord[] {
    return this.records;
  }

  /** Drops the pending deliveries of an endpoint (it was deleted). */
  cancelEndpoint(endpointId: string): void {
    for (const record of [...this.waiting]) if (record.endpointId === endpointId) this.settle(record, 'cancelled');
  }

  /** Starts the deliveries that are due now: call it after the clock moved. */
  poke(): void {
    this.schedulePump();
  }

  /** Resolves once no attempt is in flight and none is due (retries waiting on the clock do not count). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Forgets every delivery and aborts the attempts in flight (the mock was reset). */
  reset(): void {
    for (const controller of this.controllers) controller.abort(new Error('reset'));
    this.records.length = 0;
    this.waiting.clear();
    this.payloads.clear();
    this.stopPoller();
  }

  /** Stops for good: aborts attempts in flight, no timers left behind. */
  close(): void {
    this.closed = true;
    this.reset();
    this.poster.close();
    this.notifyIdle();
  }

  private isIdle(): boolean {
    if (this.inFlight.size > 0 || this.pumpScheduled) return false;
    const now = this.options.nowMs();
    for (const record of this.waiting) if (record.nextAttemptAt !== null && record.nextAttemptAt <= now) return false;
    return true;
  }

  private notifyIdle(): void {
    if (!this.closed && !this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.closed) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    const now = this.options.nowMs();
    for (const record of this.waiting) {
      if (this.inFlight.size >= this.maxConcurrent) break;
      if (record.state !== 'pending' || record.nextAttemptAt === null || record.nextAttemptAt > now) continue;
      this.start(record);
    }
    this.updatePoller();
    this.notifyIdle();
  }

  /** A poller runs only while retries wait for a clock that moves on its own. */
  private updatePoller(): void {
    const waitingForClock = [...this.waiting].some((record) => record.state === 'pending');
    if (waitingForClock && !this.poller && !this.closed) {
      this.poller = setInterval(() => this.schedulePump(), this.pollIntervalMs);
      this.poller.unref();
    } else if (!waitingForClock) {
      this.stopPoller();
    }
  }

  private stopPoller(): void {
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }

  private start(record: DeliveryRecord): void {
    const payload = this.payloads.get(record);
    if (!payload) return;
    if (!payload.authorize()) {
      this.settle(record, 'cancelled');
      return;
    }
    record.state = 'delivering';
    record.nextAttemptAt = null;
    const attempt = this.attempt(record, payload.event, payload.target).finally(() => {
      this.inFlight.delete(attempt);
      this.schedulePump();
      this.notifyIdle();
    });
    this.inFlight.add(attempt);
  }

  private async attempt(record: DeliveryRecord, event: DeliveryEvent, target: DeliveryTarget): Promise<void> {
    const startedAt = this.options.nowMs();
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(new DeliveryTimeout()), this.timeoutMs);
    const began = performance.now();
    let responseStatus: number | null = null;
    let error: string | null = null;
    try {
      // The documentation's example hosts never resolve (RFC 2606/6761): fail them without
      // a DNS lookup, unless a fetch of the caller's own decides where requests go.
      if (!this.ownFetch && isReservedExampleHost(target.url)) throw Object.assign(new Error('reserved example host'), { cause: { code: 'ENOTFOUND' } });
      const headers = {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'fortary-signature': signatureHeader(target.secret, Math.floor(startedAt / 1000), event.json),
        'fortary-event-id': event.id,
        'fortary-event-type': event.type,
      };
      if (this.fetch) {
        const response = await this.fetch(target.url, { method: 'POST', headers, body: event.json, redirect: 'manual', signal: controller.signal });
        responseStatus = response.status;
        // The body is not read: drop it so the connection can be reused.
        await response.body?.cancel().catch(() => undefined);
      } else {
        responseStatus = await this.poster.post(target.url, headers, event.json, controller.signal);
      }
    } catch (caught) {
      error = failureKind(caught, controller.signal);
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
    if (!this.payloads.has(record)) return; // reset or cancelled meanwhile
    const succeeded = responseStatus !== null && responseStatus >= 200 && responseStatus < 300;
    record.attempts.push({ attempt: record.attempts.length + 1, startedAt, durationMs: Math.round(performance.now() - began), responseStatus, error, succeeded });
    if (succeeded) this.settle(record, 'succeeded');
    else if (record.attempts.length >= this.maxAttempts) this.settle(record, 'failed');
    else {
      record.state = 'pending';
      record.nextAttemptAt = this.options.nowMs() + this.retryDelayMs(record.attempts.length);
    }
  }

  private settle(record: DeliveryRecord, state: DeliveryState): void {
    record.state = state;
    record.nextAttemptAt = null;
    this.waiting.delete(record);
    this.payloads.delete(record);
  }
}

class DeliveryTimeout extends Error {
  constructor() {
    super('timeout');
  }
}

/** `example.com`/`.net`/`.org` and the `.example`, `.invalid` and `.test` names. */
export function isReservedExampleHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return /(?:^|\.)example\.(?:com|net|org)$/.test(host) || /\.(?:example|invalid|test)$/.test(host);
}

/** A short, stable reason for an attempt that got no response. */
function failureKind(caught: unknown, signal: AbortSignal): string {
  if (signal.aborted) return signal.reason instanceof DeliveryTimeout ? 'timeout' : 'aborted';
  // fetch wraps the socket error in `cause`; node:http throws it as is
  const cause = (caught as { cause?: { code?: unknown }; code?: unknown } | undefined) ?? {};
  const code = typeof cause.cause?.code === 'string' ? cause.cause.code : typeof cause.code === 'string' ? cause.code : undefined;
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection_reset';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns_failure';
  return code ? code.toLowerCase() : caught instanceof Error ? caught.message : String(caught);
}

/** A delivery as `GET /_mock/deliveries` shows it. */
export function renderDelivery(record: DeliveryRecord) {
  return {
    id: record.id,
    eventId: record.eventId,
    eventType: record.eventType,
    endpointId: record.endpointId,
    url: record.url,
    status: record.state,
    createdAt: timestamp(record.createdAt),
    nextAttemptAt: record.nextAttemptAt === null ? null : timestamp(record.nextAttemptAt),
    attempts: record.attempts.map((attempt) => ({
      attempt: attempt.attempt,
      startedAt: timestamp(attempt.startedAt),
      durationMs: attempt.durationMs,
      responseStatus: attempt.responseStatus,
      error: attempt.error,
      succeeded: attempt.succeeded,
    })),
  };
}
