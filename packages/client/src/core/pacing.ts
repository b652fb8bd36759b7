/**
 * Spends the rate-limit budget the API announces instead of discovering its end with a 429.
 * Every response reports `X-RateLimit-Remaining` and `X-RateLimit-Reset` (seconds until the
 * window resets); each request sent takes one unit of the last known budget, so concurrent calls
 * on one client don't all fire on the last unit. Once it is spent, requests wait for the reset.
 */
export class Pacer {
  private remaining: number | null = null;
  private resetAt = 0;

  /** How long the next request should wait before it is sent (0: go now). */
  delayBeforeSend(now: number): number {
    if (this.remaining === null || this.remaining > 0) return 0;
    if (now >= this.resetAt) {
      // The window has reset; the budget is unknown until the next response tells.
      this.remaining = null;
      return 0;
    }
    return this.resetAt - now;
  }

  /** A request is about to be sent: it uses one unit of the known budget. */
  take(): void {
    if (this.remaining !== null) this.remaining -= 1;
  }

  observe(headers: Headers, now: number): void {
    // `Number(null)` is 0, so a missing header must not read as "budget spent": require both.
    const remaining = Number(headers.get('X-RateLimit-Remaining') || NaN);
    const reset = Number(headers.get('X-RateLimit-Reset') || NaN);
    if (!(remaining >= 0 && reset >= 0)) return;
    this.remaining = remaining;
    this.resetAt = now + reset * 1000;
  }

  /** A 429 with `Retry-After`: nobody on this client should send before it has passed. */
  block(untilMs: number): void {
    this.remaining = 0;
    this.resetAt = Math.max(this.resetAt, untilMs);
  }
}
