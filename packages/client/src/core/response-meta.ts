/**
 * What the retry loop knows about a response that openapi-fetch does not pass on: the
 * idempotency key it was sent with. Keyed by the Response object itself, which openapi-fetch
 * hands back unchanged.
 */
export interface ResponseMeta {
  idempotencyKey: string | null;
}

export const responseMeta = new WeakMap<Response, ResponseMeta>();
