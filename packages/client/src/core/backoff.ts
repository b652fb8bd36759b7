/** How long to wait before the next attempt: exponential with jitter, or what the server asked. */
export interface BackoffOptions {
  /** The first retry waits about this long (before jitter). */
  initialDelayMs: number;
  /** No computed wait exceeds this; a server's `Retry-After` is honoured even when longer. */
  maxDelayMs: number;
}

export const defaultBackoff: BackoffOptions = { initialDelayMs: 500, maxDelayMs: 8_000 };

/**
 * "Equal jitter": half the exponential step is fixed, half random, so retries from many clients
 * spread out while each still waits a sensible minimum. `retry` counts from 0.
 */
export function backoffDelay(retry: number, options: BackoffOptions, random: () => number = Math.random): number {
  const step = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** retry);
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when
 * absent or unreadable. A date in the past means "now".
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
