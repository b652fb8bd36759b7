/**
 * Which answers are worth repeating unchanged. 429, 500 and 503 are transient by contract, and
 * so is 409 `idempotency_key_in_use` (the first attempt with this key is still running). 400,
 * 401, 403, 404 and 422 (and anything else) need a different request or credential first.
 */
const TRANSIENT_STATUSES = new Set([429, 500, 503]);

export function isRetryableStatus(status: number, code?: string): boolean {
  return TRANSIENT_STATUSES.has(status) || (status === 409 && code === 'idempotency_key_in_use');
}

/** Reads the error code only when the status alone cannot decide (409), leaving the body unread. */
export async function isRetryableResponse(response: Response): Promise<boolean> {
  if (response.status !== 409) return TRANSIENT_STATUSES.has(response.status);
  try {
    const body = (await response.json()) as { code?: string } | null; // the cached body (see readBody)
    return isRetryableStatus(409, body?.code);
  } catch {
    return false;
  }
}
