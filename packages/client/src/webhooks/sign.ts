import { hmacSha256, payloadBytes, signedBytes, type WebhookPayload } from './hmac.js';
import { checkSecrets, type WebhookSecret } from './secrets.js';
import { formatSignatureHeader } from './signature-header.js';

export interface SignWebhookPayloadOptions {
  /** The body you will send to your receiver in a test, exactly. */
  payload: WebhookPayload;
  /** The endpoint's secret, or several to sign as a rotating endpoint does (one `v1=` each). */
  secret: WebhookSecret;
  /** Unix seconds; default now. */
  timestamp?: number;
}

/**
 * A `Fortary-Signature` header value for a payload, as Fortary signs deliveries: for your own
 * tests of a webhook receiver (fake deliveries without the API). Never needed in production.
 */
export async function signWebhookPayload(options: SignWebhookPayloadOptions): Promise<string> {
  const secrets = checkSecrets(options.secret, 'signWebhookPayload');
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  if (!(Number.isInteger(timestamp) && timestamp >= 0)) throw new TypeError(`signWebhookPayload: timestamp must be unix seconds (got ${String(timestamp)})`);
  const signed = signedBytes(String(timestamp), payloadBytes(options.payload));
  const signatures = await Promise.all(secrets.map((secret) => hmacSha256(secret, signed)));
  return formatSignatureHeader(String(timestamp), signatures);
}
