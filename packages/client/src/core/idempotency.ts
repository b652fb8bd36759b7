/** A fresh key per intended operation: a random UUID, unguessable and unique enough for 24 h. */
export function generateIdempotencyKey(): string {
  return crypto.randomUUID();
}
