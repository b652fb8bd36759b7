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
  /** When the spent budget is back; Infinity while a fresh budget is being spent and no answer has said when. */
  private resetAt = 0;

  /** Resolves when a request may be sent (it has then taken its unit). Gives up waiting at the deadline. */
  async acquire(signal: AbortSignal, deadline: number): Promise<void> {
    for (;;) {
      const now = Date.now();
      if (this.remaining === null || this.remaining > 0) {
        if (this.remaining !== null) this.remaining -= 1;
        return;
      }
      if (now >= this.resetAt) {
        this.remaining = this.limit;
        this.resetAt = Infinity;
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
    // `Number(null)` is 0, so a missing header must not read as "budget spent": require them all.
    const [limit, remaining, reset] = ['Limit', 'Remaining', 'Reset'].map((name) => Number(headers.get(`X-RateLimit-${name}`) || NaN));
    if (!(limit! >= 0 && remaining! >= 0 && reset! >= 0)) return;
    this.limit = limit!;
    this.remaining = remaining!;
    this.resetAt = now + reset! * 1000;
  }

  /** A 429 with `Retry-After`: nobody on this client should send before it has passed. */
  block(untilMs: number): void {
    this.remaining = 0;
    this.resetAt = Number.isFinite(this.resetAt) ? Math.max(this.resetAt, untilMs) : untilMs;
  }
}
