import { sleep } from './sleep.js';

export interface Pacer {
  /**
   * Takes a unit for a request about to be sent. Returns nothing when it may go now (the common
   * case, kept synchronous), or a promise of the wait. Gives up waiting at the deadline.
   */
  acquire(signal: AbortSignal | null, deadline: number): Promise<void> | undefined;
  /** How many units have been taken so far: read right after `acquire`, it marks that request. */
  taken(): number;
  /** Reads the budget the answer to the request marked `mark` reports. */
  observe(headers: Headers, now: number, mark: number): void;
  /** A 429 with `Retry-After`: nobody on this client should send before it has passed. */
  block(untilMs: number): void;
}

/**
 * Spends the rate-limit budget the API announces instead of discovering its end with a 429.
 * Every response reports `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds until the
 * window resets). Each request takes one unit of the last known budget before it is sent, so
 * concurrent calls on one client don't all fire on the last unit; once the budget is spent,
 * requests wait for the reset, then share a fresh budget of `Limit`.
 * An answer counts the requests the server had seen when it answered, not those sent after it
 * and still on their way: every request sent after it is taken off what it reports (which may
 * count one twice, and wait longer than needed, but never sends into a spent budget).
 * (A closure rather than a class: its state minifies to one letter a name, for the size budget.)
 */
export function createPacer(): Pacer {
  /** null: unknown, so requests go. */
  let remaining: number | null = null;
  let limit: number | null = null;
  /** When the spent budget is back (an estimate while a fresh budget is spent before any answer says). */
  let resetAt = 0;
  let lastHeaders: Headers | undefined;
  let lastAt = 0;
  let taken = 0;

  const take = (): undefined => {
    taken += 1;
    if (remaining !== null) remaining -= 1;
    return undefined;
  };

  /** The window of the last answer, read only once the budget is spent (most answers never need it). */
  const readWindow = (): void => {
    if (!lastHeaders) return;
    const newLimit = headerNumber(lastHeaders, 'X-RateLimit-Limit');
    const reset = headerNumber(lastHeaders, 'X-RateLimit-Reset');
    if (newLimit >= 0) limit = newLimit;
    resetAt = reset >= 0 ? lastAt + reset * 1000 : 0;
    lastHeaders = undefined;
  };

  async function waitForBudget(signal: AbortSignal | null, deadline: number): Promise<void> {
    for (;;) {
      readWindow();
      const now = Date.now();
      if (remaining === null || remaining > 0) return take();
      if (now >= resetAt) {
        // A fresh budget. Until an answer tells the real window, assume one second, so that
        // waiters are never stuck if every request spending it fails without an answer.
        remaining = limit;
        resetAt = now + 1000;
        continue;
      }
      // Re-check at least every 250 ms: answers still in flight may move the reset.
      const wait = Math.min(resetAt - now, 250);
      // Past the deadline, send anyway and let the server's answer decide.
      if (now + wait >= deadline) return;
      await sleep(wait, signal);
    }
  }

  return {
    acquire: (signal, deadline) => (remaining === null || remaining > 0 ? take() : waitForBudget(signal, deadline)),
    taken: () => taken,
    observe(headers, now, mark) {
      const value = headerNumber(headers, 'X-RateLimit-Remaining');
      if (!(value >= 0)) return;
      remaining = value - (taken - mark);
      lastHeaders = headers;
      lastAt = now;
    },
    block(untilMs) {
      readWindow();
      remaining = 0;
      resetAt = Math.max(resetAt, untilMs);
    },
  };
}

/** A header as a number; NaN when absent (`Number(null)` would be 0, read as "spent"). */
const headerNumber = (headers: Headers, name: string) => Number(headers.get(name) || NaN);
