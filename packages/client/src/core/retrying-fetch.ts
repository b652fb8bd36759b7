import { backoffDelay, parseRetryAfter, type BackoffOptions } from './backoff.js';
import { FortaryConnectionError, FortaryTimeoutError } from './errors.js';
import { generateIdempotencyKey } from './idempotency.js';
import type { Pacer } from './pacing.js';
import type { Redactor } from './redact.js';
import { responseMeta } from './response-meta.js';
import { isRetryableResponse } from './retry-policy.js';
import { sleep } from './sleep.js';

export type FetchLike = (request: Request) => Promise<Response>;

export interface RetryingFetchOptions {
  fetch: FetchLike;
  /** Retries after the first attempt (so `maxRetries + 1` attempts at most). */
  maxRetries: number;
  /** Each attempt gets this long to produce response headers. */
  timeoutMs: number;
  /** The call as a whole (every attempt and every wait) gets this long. */
  deadlineMs: number;
  backoff: BackoffOptions;
  pacer: Pacer;
  redactor: Redactor;
  debug: (message: string) => void;
  random?: () => number;
}

/** Why the client itself aborted an attempt (as opposed to the caller's signal); recognized by identity. */
interface ClientTimeout {
  kind: 'attempt' | 'deadline';
  ms: number;
}

type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

/**
 * The one retry loop of the client, as a `fetch` that openapi-fetch calls once per operation.
 * Every attempt sends a fresh copy of the request (a body can be read only once) with the same
 * headers, so a POST keeps one `Idempotency-Key` across all its attempts, and reads the whole
 * response body before deciding. It returns the final response whatever its status (openapi-fetch turns it into `{ data }` or `{ error }`) and throws
 * only when no response came: FortaryConnectionError, FortaryTimeoutError, or the caller's abort
 * reason.
 */
export function createRetryingFetch(options: RetryingFetchOptions): FetchLike {
  const { fetch: send, pacer, redactor, debug, random = Math.random } = options;

  return async function retryingFetch(request) {
    const callerSignal = request.signal;
    const deadline = Date.now() + options.deadlineMs;
    const idempotencyKey = request.method === 'POST' ? ensureIdempotencyKey(request) : null;
    const errorInit = { idempotencyKey, redactor };

    for (let attempt = 1; ; attempt += 1) {
      await pacer.acquire(callerSignal, deadline);
      const left = deadline - Date.now();
      if (left <= 0) throw new FortaryTimeoutError('deadline', options.deadlineMs, errorInit);
      const budget: ClientTimeout = left < options.timeoutMs ? { kind: 'deadline', ms: options.deadlineMs } : { kind: 'attempt', ms: options.timeoutMs };
      const outcome = await sendOnce(send, request, callerSignal, budget, Math.min(left, options.timeoutMs));
      const retriesLeft = attempt <= options.maxRetries;

      if (outcome.response) {
        const { response } = outcome;
        const now = Date.now();
        pacer.observe(response.headers, now);
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
        if (response.status === 429 && retryAfterMs !== null) pacer.block(now + retryAfterMs);
        const delay = retryAfterMs ?? backoffDelay(attempt - 1, options.backoff, random);
        // A wait that would end past the deadline is not started: the caller gets the answer now
        // (for a 429, a rate-limit error carrying retryAfterMs).
        if (!retriesLeft || now + delay >= deadline || !(await isRetryableResponse(response))) {
          responseMeta.set(response, { idempotencyKey, attempts: attempt });
          return response;
        }
        debug(`${request.method} ${request.url}: HTTP ${response.status}, retry in ${delay} ms`);
        await sleep(delay, callerSignal);
        continue;
      }

      if (callerSignal.aborted) throw callerSignal.reason;
      const error = outcome.error === budget
        ? new FortaryTimeoutError(budget.kind, budget.ms, errorInit)
        : new FortaryConnectionError(`Connection failed: ${describe(outcome.error)}`, { ...errorInit, cause: outcome.error });
      const delay = backoffDelay(attempt - 1, options.backoff, random);
      if (!retriesLeft || (error instanceof FortaryTimeoutError && error.timeout === 'deadline') || Date.now() + delay >= deadline) throw error;
      debug(`${request.method} ${request.url}: ${error.message}, retry in ${delay} ms`);
      await sleep(delay, callerSignal);
    }
  };
}

/**
 * Uses the caller's key, or sets a fresh one, on the request every attempt is copied from. A
 * caller's key is sent as given: the API itself rejects one outside 1–255 characters.
 */
function ensureIdempotencyKey(request: Request): string {
  const given = request.headers.get('Idempotency-Key');
  if (given !== null) return given;
  const key = generateIdempotencyKey();
  request.headers.set('Idempotency-Key', key);
  return key;
}

/**
 * One attempt. Resolves (never rejects) with the response or the failure, and settles as soon as
 * the attempt's time is up or the caller aborts, even if the `fetch` in use ignores its signal.
 */
function sendOnce(send: FetchLike, request: Request, callerSignal: AbortSignal, reason: ClientTimeout, ms: number): Promise<Outcome> {
  if (callerSignal.aborted) return Promise.resolve({ error: callerSignal.reason });
  const controller = new AbortController();
  const attempt = new Request(request.body === null ? request : request.clone(), { signal: controller.signal });
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome, abortReason?: unknown) => {
      if (settled) return; // an answer that arrives after its attempt was given up on is never used
      settled = true;
      clearTimeout(timer);
      callerSignal.removeEventListener('abort', onCallerAbort);
      if (abortReason !== undefined) controller.abort(abortReason);
      resolve(outcome);
    };
    const onCallerAbort = () => settle({ error: callerSignal.reason }, callerSignal.reason);
    const timer = setTimeout(() => settle({ error: reason }, reason), ms);
    callerSignal.addEventListener('abort', onCallerAbort, { once: true });
    send(attempt)
      .then(readWhole)
      .then(
        (response) => settle({ response }),
        (error: unknown) => settle({ error }),
      );
  });
}

/**
 * Reads the body inside the attempt, so that the attempt's timeout covers it and a connection
 * that drops mid-body is retried like any other connection failure (every v1 body is small JSON).
 */
async function readWhole(response: Response): Promise<Response> {
  const bytes = await response.arrayBuffer();
  // Empty means null: a 204 must not be rebuilt with a body, even an empty one.
  return new Response(bytes.byteLength ? bytes : null, response);
}

/** fetch reports "fetch failed" and puts the useful part (ECONNRESET…) in its cause. */
function describe(error: unknown): string {
  return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
}
