import { FortaryWebhookVerificationError } from './errors.js';
import type { WebhookEvent } from './event.js';
import { equalInConstantTime, hmacSha256, payloadBytes, signedBytes, type WebhookPayload } from './hmac.js';
import { parseSignatureHeader, type SignatureHeader } from './signature-header.js';
import { checkSecrets, type WebhookSecret } from './secrets.js';

export interface VerifyWebhookOptions {
  /**
   * The raw request body, exactly as received: a string or its bytes. A body parsed and
   * serialized again (e.g. `JSON.stringify(req.body)` after a JSON middleware) will not verify.
   */
  payload: WebhookPayload;
  /** The `Fortary-Signature` header. */
  signature: SignatureHeader;
  /** The endpoint's secret (`whsec_…`, whole), or several while you rotate it. */
  secret: WebhookSecret;
  /** How far the signed timestamp may be from now, either way. Default 300 s, as the API documents. */
  toleranceSeconds?: number;
  /** The current time (a Date, or milliseconds like `Date.now()`); default the clock's. */
  now?: Date | number;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks a webhook delivery and returns its event: the signature must match one of the
 * secrets, its timestamp must be within `toleranceSeconds` of now, and the body must be an event.
 * Throws a FortaryWebhookVerificationError (with a `reason`) otherwise, and a TypeError for
 * options that can never verify (no secret, a secret without its `whsec_` prefix).
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  const { payload, toleranceSeconds = 300 } = options;
  const secrets = checkSecrets(options.secret, 'verifyWebhook');
  if (!(typeof toleranceSeconds === 'number' && toleranceSeconds >= 0)) {
    throw new TypeError(`verifyWebhook: toleranceSeconds must be a number ≥ 0 (got ${String(toleranceSeconds)})`);
  }
  if (typeof payload !== 'string' && !(payload instanceof Uint8Array) && !(payload instanceof ArrayBuffer)) {
    throw new TypeError('verifyWebhook: payload must be the raw body as a string, Uint8Array or ArrayBuffer, not a parsed object');
  }
  const nowSeconds = Math.floor(Number(options.now ?? Date.now()) / 1000);
  const { timestamp, signatures } = parseSignatureHeader(options.signature);
  const body = payloadBytes(payload);

  // One HMAC per secret, compared with every v1 (a rotating endpoint signs with each of its secrets).
  const signed = signedBytes(timestamp, body);
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmacSha256(secret, signed);
    for (const signature of signatures) if (equalInConstantTime(expected, signature)) matched = true;
  }
  if (!matched) {
    throw new FortaryWebhookVerificationError(
      'no_matching_signature',
      'no v1 signature matches the secret (a wrong secret, or a body changed after signing, e.g. parsed and serialized again)',
    );
  }

  // Checked once the signature holds, so a stale or future time is reported as what it is.
  const age = nowSeconds - Number(timestamp);
  if (age > toleranceSeconds) throw new FortaryWebhookVerificationError('timestamp_too_old', `signed ${age} s ago, more than the ${toleranceSeconds} s tolerated`);
  if (-age > toleranceSeconds) throw new FortaryWebhookVerificationError('timestamp_in_future', `signed ${-age} s ahead of now, more than the ${toleranceSeconds} s tolerated`);

  return parseEvent(typeof payload === 'string' ? payload : body);
}

function parseEvent(body: string | Uint8Array): WebhookEvent {
  const malformed = (why: string) => new FortaryWebhookVerificationError('malformed_payload', why);
  let event: unknown;
  try {
    event = JSON.parse(typeof body === 'string' ? body : decoder.decode(body));
  } catch {
    throw malformed('the body is not UTF-8 JSON');
  }
  const fields = event as Partial<Record<keyof WebhookEvent, unknown>> | null;
  if (
    typeof fields !== 'object' || fields === null || Array.isArray(fields) ||
    typeof fields.id !== 'string' || typeof fields.type !== 'string' || typeof fields.createdAt !== 'string' || !('data' in fields)
  ) {
    throw malformed('the body is not an event ({ id, type, createdAt, data })');
  }
  return fields as WebhookEvent;
}
