import { createHmac } from 'node:crypto';

/**
 * The `Fortary-Signature` of a delivery: `t=<unix seconds>,v1=<hex>` where the hex is the
 * HMAC-SHA256 of `<t>.<raw body>` keyed with the UTF-8 bytes of the endpoint's whole secret
 * (`whsec_` included). Several secrets (a rotation) give several `v1=` entries.
 */
export function signatureHeader(secrets: string | readonly string[], timestampSeconds: number, rawBody: string): string {
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new RangeError(`a signature timestamp is whole non-negative Unix seconds, got ${timestampSeconds}`);
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  if (list.length === 0) throw new RangeError('a signature needs at least one secret');
  return `t=${timestampSeconds},${list.map((secret) => `v1=${signatureOf(secret, timestampSeconds, rawBody)}`).join(',')}`;
}

/** The lowercase hex HMAC-SHA256 of `<t>.<raw body>` under one secret. */
export function signatureOf(secret: string, timestampSeconds: number, rawBody: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${timestampSeconds}.`, 'utf8').update(rawBody, 'utf8').digest('hex');
}
