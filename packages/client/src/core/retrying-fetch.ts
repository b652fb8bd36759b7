import { backoffDelay, parseRetryAfter, type BackoffOptions } from './backoff.js';
import { FortaryConnectionError, FortaryTimeoutError } from './errors.js';
import { generateIdempotencyKey } from './idempotency.js';
import type { Pacer } from './pacing.js';
import type { Redactor } from './redact.js';
import { responseMeta } from './response-meta.js';
import { isRetryableResponse } from './retry-policy.js';
import { sleep } from './sleep.js';

/**
 * The fetch the client sends with. It is also given `{ signal }`, each attempt's abort signal, as
 * a second argument (the global fetch honours it). Typed with one parameter so that any handler
 * fits, whatever its own second parameter; one that ignores the signal still sees its attempt
 * time out, because the loop stops waiting for it.
 */
export type FetchLike = (request: Request) => Promise<Response>;

/** The loop's fetch, and the flag by which the client tells it that a request's signal cannot abort. */
export type RetryingFetch = FetchLike & {
  /**
   * True only while the client is inside its synchronous call into openapi-fetch for a call made
   * without a `signal`: the Request openapi-fetch then builds has a signal nobody can abort, so
   * the loop need not listen to it (a listener costs about as much as the rest of an attempt).
   * The loop reads and clears it on entry; a fetch that runs later (after an onRequest
   * middleware, which may also swap the Request) sees it false and listens as before.
   */
  unsignalled?: boolean;
};
type SendWithSignal = (request: Request, init: { readonly signal: AbortSignal }) => Promise<Response>;

export interface RetryingFetchOptions {
  fetch: FetchLike;
  /** Retries after the first attempt (so `maxRetries + 1` attempts at most). */
  maxRetries: number;
  /** Each attempt gets this long to produce its response, body included. */
  timeoutMs: number;
  /** The call as a whole (every attempt and every wait) gets this long. */
  deadlineMs: number;
  backoff: BackoffOptions;
  pacer: Pacer;
  redactor: Redactor;
  debug: (message: string) => void;
  random?: () => number;
}

/** The abort reason of an attempt whose time ran out (as opposed to the caller's abort); recognized by identity. */
const TIMED_OUT = {};

type Outcome = { response: Response; error?: undefined } | { error: unknown; response?: undefined };

/**
 * The one retry loop of the client, as a `fetch` that openapi-fetch calls once per operation.
 * The first attempt sends openapi-fetch's request itself; each retry sends a fresh copy (a body
 * can be read only once) with the same headers, so a POST keeps one `Idempotency-Key` across all
 * its attempts. No signal is attached to a Request (that makes constructing one several times
 * slower): the attempt's signal travels as `init.signal`. Each attempt reads
 * the whole body, so its timeout and its retries cover a connection that drops mid-body. It
 * returns the final response whatever its status (openapi-fetch turns it into `{ data }` or
 * `{ error }`) and throws only when no response came: FortaryConnectionError,
 * FortaryTimeoutError, or the caller's abort reason.
 */
export function createRetryingFetch(options: RetryingFetchOptions): RetryingFetch {
  const { fetch: send, pacer, redactor, debug, random = Math.random } = options;

  const retryingFetch: RetryingFetch = async (request) => {
    const callerSignal = request.signal;
    // null: this signal never aborts, so attempts skip listening to it (see `unsignalled`)
    const abortable = retryingFetch.unsignalled ? null : callerSignal;
    retryingFetch.unsignalled = false;
    const deadline = Date.now() + options.deadlineMs;
    const idempotencyKey = request.method === 'POST' ? ensureIdempotencyKey(request) : null;
    // The first attempt may consume `request` itself, so retries copy from an unread clone.
    const template = request.body !== null && options.maxRetries > 0 ? request.clone() : request;

    for (let attempt = 1; ; attempt += 1) {
      const paced = pacer.acquire(callerSignal, deadline);
      if (paced) await paced;
      const left = deadline - Date.now();
      if (left <= 0) throw new FortaryTimeoutError('deadline', options.deadlineMs, { idempotencyKey, redactor });
      const sent = attempt === 1 ? request : template.body === null ? template : template.clone();
      const outcome = await sendOnce(send, sent, abortable, Math.min(left, options.timeoutMs));
      const retriesLeft = attempt <= options.maxRetries;

      if (outcome.response) {
        const { response } = outcome;
        const now = Date.now();
        pacer.observe(response.headers, now);
        if (response.ok || !retriesLeft) return finish(response, idempotencyKey);
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
        if (response.status === 429 && retryAfterMs !== null) pacer.block(now + retryAfterMs);
        const delay = retryAfterMs ?? backoffDelay(attempt - 1, options.backoff, random);
        // A wait that would end past the deadline is not started: the caller gets the answer now
        // (for a 429, a rate-limit error carrying retryAfterMs).
        if (now + delay >= deadline || !(await isRetryableResponse(response))) return finish(response, idempotencyKey);
        await retryLater(`HTTP ${response.status}`, delay);
        continue;
      }

      if (callerSignal.aborted) throw callerSignal.reason;
      const errorInit = { idempotencyKey, redactor };
      const error =
        outcome.error !== TIMED_OUT
          ? new FortaryConnectionError(`Connection failed: ${describe(outcome.error)}`, { ...errorInit, cause: outcome.error })
          : left < options.timeoutMs
            ? new FortaryTimeoutError('deadline', options.deadlineMs, errorInit)
            : new FortaryTimeoutError('attempt', options.timeoutMs, errorInit);
      const delay = backoffDelay(attempt - 1, options.backoff, random);
      if (!retriesLeft || (error instanceof FortaryTimeoutError && error.timeout === 'deadline') || Date.now() + delay >= deadline) throw error;
      await retryLater(error.message, delay);
    }

    function retryLater(why: string, delay: number): Promise<void> {
      debug(`${request.method} ${request.url}: ${why}, retry in ${delay} ms`);
      return sleep(delay, callerSignal);
    }
  };
  return retryingFetch;
}

function finish(response: Response, idempotencyKey: string | null): Response {
  if (idempotencyKey !== null) responseMeta.set(response, { idempotencyKey });
  return response;
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
 * One attempt, body included. Resolves (never rejects) with the response or the failure, and
 * settles as soon as the attempt's time is up or the caller aborts, even if the `fetch` in use
 * ignores its signal.
 */
function sendOnce(send: FetchLike, request: Request, callerSignal: AbortSignal | null, ms: number): Promise<Outcome> {
  if (callerSignal?.aborted) return Promise.resolve({ error: callerSignal.reason });
  const init = attemptInit();
  return new Promise<Outcome>((resolve) => {
    // The first call decides; an answer that arrives after its attempt was given up on calls it
    // again, harmlessly: the promise keeps its outcome, and the timer and the listener (the only
    // callers that pass an abort reason) are gone by then.
    const settle = (outcome: Outcome, abortReason?: unknown) => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      if (abortReason !== undefined) init.controller?.abort(abortReason);
      resolve(outcome);
    };
    const onCallerAbort = () => settle({ error: callerSignal!.reason }, callerSignal!.reason);
    const timer = setTimeout(() => settle({ error: TIMED_OUT }, TIMED_OUT), ms);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    (send as SendWithSignal)(request, init)
      .then(readBody)
      .then(
        (response) => settle({ response }),
        (error: unknown) => settle({ error }),
      );
  });
}

type AttemptInit = { signal: AbortSignal; controller?: AbortController };

/**
 * The second argument of an attempt's fetch, `{ signal }`. Its AbortController is created only if
 * the fetch reads the signal: one is costly to make in Node, and an in-process handler (a mock, a
 * test stub) never looks at it. The getter is one shared function, defined as an own enumerable
 * property (so `{ ...init }` still carries the signal): an object literal with a getter closing
 * over a local is a slow, dictionary-mode object on every attempt, which doubled the GC time of a call.
 */
const attemptInit = (): AttemptInit => Object.defineProperty({} as AttemptInit, 'signal', lazySignal);
const lazySignal = {
  enumerable: true,
  get(this: AttemptInit) {
    return (this.controller ??= new AbortController()).signal;
  },
};

/**
 * Reads the body within the attempt, then lets openapi-fetch's later `text()`/`json()` call
 * return what was read: the body is read once, as without the client, but a drop mid-body is
 * now a failed attempt rather than an error after the retries are over. The text is kept on the
 * response itself under a private symbol (a WeakMap entry per response costs more, mostly in GC).
 */
async function readBody(response: Response): Promise<Response> {
  const read = response as ReadResponse;
  read[BODY] = await response.text();
  read.text = cachedText;
  read.json = cachedJson;
  return read;
}

const BODY = Symbol();
type ReadResponse = Response & { [BODY]: string };
async function cachedText(this: ReadResponse) {
  return this[BODY];
}
async function cachedJson(this: ReadResponse) {
  return JSON.parse(this[BODY]) as unknown;
}

/** fetch reports "fetch failed" and puts the useful part (ECONNRESET…) in its cause. */
function describe(error: unknown): string {
  return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
}
