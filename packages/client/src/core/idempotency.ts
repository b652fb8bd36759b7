/**
 * The one place a request gets its `Idempotency-Key`: the caller's own key is kept as given (the
 * API itself rejects one outside 1–255 characters), otherwise a fresh random UUID, unguessable and
 * unique enough for the API's 24 h window, is set. Every attempt is copied from this request, so
 * all of them carry the same key. Returns the key.
 */
export function stampIdempotencyKey(request: Request): string {
  let key = request.headers.get('Idempotency-Key');
  if (key === null) request.headers.set('Idempotency-Key', (key = crypto.randomUUID()));
  return key;
}
