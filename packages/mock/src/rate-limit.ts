import { ApiError } from './errors.js';

/**
 * A token bucket per caller (API key id, or client address without a valid key), refilled on
 * the virtual clock. Every response reports the caller's bucket in the X-RateLimit-* headers.
 */
export interface RateLimitOptions {
  capacity: number;
  refillPerSecond: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSeconds: number;
}

const UNLIMITED_HEADERS = { 'x-ratelimit-limit': '1000000', 'x-ratelimit-remaining': '1000000', 'x-ratelimit-reset': '0' };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(private readonly options: RateLimitOptions | false) {
    if (options && (!(options.capacity >= 1) || !(options.refillPerSecond > 0))) {
      throw new RangeError('rateLimit needs capacity >= 1 and refillPerSecond > 0');
    }
  }

  /** Takes one token for `caller` at `nowMs`. */
  take(caller: string, nowMs: number): RateLimitDecision {
    if (!this.options) return { allowed: true, headers: { ...UNLIMITED_HEADERS }, retryAfterSeconds: 0 };
    const { capacity, refillPerSecond } = this.options;
    const bucket = this.buckets.get(caller) ?? { tokens: capacity, atMs: nowMs };
    const elapsedSeconds = Math.max(0, nowMs - bucket.atMs) / 1000;
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSeconds * refillPerSecond);
    bucket.atMs = Math.max(bucket.atMs, nowMs);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.set(caller, bucket);
    const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
    return {
      allowed,
      retryAfterSeconds,
      headers: {
        'x-ratelimit-limit': String(Math.min(capacity, 1_000_000)),
        'x-ratelimit-remaining': String(Math.min(Math.floor(bucket.tokens), 1_000_000)),
        'x-ratelimit-reset': String(Math.min(Math.ceil((capacity - bucket.tokens) / refillPerSecond), 86_400)),
      },
    };
  }

  reset(): void {
    this.buckets.clear();
  }
}

/** 429 rate_limited with its Retry-After. */
export function rateLimitedError(retryAfterSeconds: number): ApiError {
  return new ApiError('rate_limited', `Too many requests. Retry after ${retryAfterSeconds} seconds.`, null, { 'retry-after': String(retryAfterSeconds) });
}
