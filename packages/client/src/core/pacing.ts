import { sleep } from './sleep.js';

/**
 * Spends the rate-limit budget the API announces instead of discovering its end with a 429.
 * Every response reports `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds until the
 * window resets). Each request takes one unit of the last known budget before it is sent, so
 * concurrent calls on one client don't all fire on the last unit; once the budget is spent,
 * requests wait for the reset, then share a fresh budget of `Limit`.
 */
export class Pacer {
  /** null: unknown, so requests go. */
  private remaining: number | null = null;
  private limit: number | null = null;
  /** When the spent budget is back (an estimate while a fresh budget is spent before any answer says). */
  private resetAt = 0;
  private lastHeaders: Headers | undefined;
  private lastAt = 0;

  /**
   * Takes a unit for a request about to be sent. Returns nothing when it may go now (the common
   * case, kept synchronous), or a promise of the wait. Gives up waiting at the deadline.
   */
  acquire(signal: AbortSignal, deadline: number): Promise<void> | undefined {
    return this.remaining === null || this.remaining > 0 ? this.take() : this.waitForBudget(signal, deadline);
  }

  private take(): undefined {
    if (this.remaining !== null) this.remaining -= 1;
    return undefined;
  }

  private async waitForBudget(signal: AbortSignal, deadline: number): Promise<void> {
    for (;;) {
      this.readWindow();
      const now = Date.now();
      if (this.remaining === null || this.remaining > 0) return this.take();
      if (now >= this.resetAt) {
        // A fresh budget. Until an answer tells the real window, assume one second, so that
        // waiters are never stuck if every request spending it fails without an answer.
        this.remaining = this.limit;
        this.resetAt = now + 1000;
        continue;
      }
      // Re-check at least every 250 ms: answers still in flight may move the reset.
      const wait = Math.min(this.resetAt - now, 250);
      // Past the deadline, send anyway and let the server's answer decide.
      if (now + wait >= deadline) return;
      await sleep(wait, signal);
    }
  }

  observe(headers: Headers, now: number): void {
    // `Number(null)` is 0, so a missing header must not read as "budget spent".
    const remaining = Number(headers.get('X-RateLimit-Remaining') || NaN);
    if (!(remaining >= 0)) return;
    this.remaining = remaining;
    this.lastHeaders = headers;
    this.lastAt = now;
  }

  /** The window of the last answer, read only once the budget is spent (most answers never need it). */
  private readWindow(): void {
    if (!this.lastHeaders) return;
    const limit = Number(this.lastHeaders.get('X-RateLimit-Limit') || NaN);
    const reset = Number(this.lastHeaders.get('X-RateLimit-Reset') || NaN);
    if (limit >= 0) this.limit = limit;
    this.resetAt = reset >= 0 ? this.lastAt + reset * 1000 : 0;
    this.lastHeaders = undefined;
  }

  /** A 429 with `Retry-After`: nobody on this client should send before it has passed. */
  block(untilMs: number): void {
    this.readWindow();
    this.remaining = 0;
    this.resetAt = Math.max(this.resetAt, untilMs);
  }
}
