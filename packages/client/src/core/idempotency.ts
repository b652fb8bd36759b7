/** A fresh key per intended operation: a random UUID, unguessable and unique enough for 24 h. */
export function generateIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** The spec allows 1–255 characters; a bad caller key is rejected before anything is sent. */
export function checkIdempotencyKey(key: string): string | null {
  if (key.length === 0 || key.length > 255) return `Idempotency-Key must be 1–255 characters (got ${key.length})`;
  return null;
}
