import { sendAttempt, TIMED_OUT, type FetchLike } from './attempt.js';
import { backoffDelay, parseRetryAfter, type BackoffOptions } from './backoff.js';
import { FortaryConnectionError, FortaryTimeoutError } from './errors.js';
import type { Pacer } from './pacing.js';
import type { Redactor } from './redact.js';
import { isRetryableResponse } from './retry-policy.js';
import { sleep } from './sleep.js';

export interface RetryLoopOptions {
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

/** What one call hands the loop besides its request. */
export interface CallContext {
  /** The fetch this call sends with. */
  send: FetchLike;
  /** What can cancel the call; null when nothing can (then no attempt listens for it). */
  signal: AbortSignal | null;
  /** The key the request carries (POST), put on the errors the loop throws. */
  idempotencyKey: string | null;
}

export type RetryLoop = (request: Request, call: CallContext) => Promise<Response>;

/**
 * The one retry loop of the client: paces, sends attempts, waits (backoff or `Retry-After`)
 * within the call's deadline. The first attempt sends the request itself; each retry sends a fresh
 * copy (a body can be read only once) with the same headers, idempotency key included. It returns
 * the final response whatever its status and throws only when no response came:
 * FortaryConnectionError, FortaryTimeoutError, or the caller's abort reason.
 */
export function createRetryLoop(options: RetryLoopOptions): RetryLoop {
  const { pacer, redactor, debug, random = Math.random } = options;

  return async (request, { send, signal, idempotencyKey }) => {
    const deadline = Date.now() + options.deadlineMs;
    // The first attempt may consume `request` itself, so retries copy from an unread clone.
    const template = request.body !== null && options.maxRetries > 0 ? request.clone() : request;

    for (let attempt = 1; ; attempt += 1) {
      const paced = pacer.acquire(signal, deadline);
      if (paced) await paced;
      const mark = pacer.taken();
      const left = deadline - Date.now();
      if (left <= 0) throw new FortaryTimeoutError('deadline', options.deadlineMs, { idempotencyKey, redactor });
      const sent = attempt === 1 ? request : template.body === null ? template : template.clone();
      const outcome = await sendAttempt(send, sent, signal, Math.min(left, options.timeoutMs));
      const retriesLeft = attempt <= options.maxRetries;

      if (outcome.response) {
        const { response } = outcome;
        const now = Date.now();
        pacer.observe(response.headers, now, mark);
        if (response.ok || !retriesLeft) return response;
        const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
        if (response.status === 429 && retryAfterMs !== null) pacer.block(now + retryAfterMs);
        const delay = retryAfterMs ?? backoffDelay(attempt - 1, options.backoff, random);
        // A wait that would end past the deadline is not started: the caller gets the answer now
        // (for a 429, a rate-limit error carrying retryAfterMs).
        if (now + delay >= deadline || !(await isRetryableResponse(response))) return response;
        await retryLater(`HTTP ${response.status}`, delay);
        continue;
      }

      if (signal?.aborted) throw signal.reason;
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
      return sleep(delay, signal);
    }
  };
}

/** fetch reports "fetch failed" and puts the useful part (ECONNRESET…) in its cause. */
function describe(error: unknown): string {
  return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
}
