/**
 * `@fortary/client/webhooks`: verifying the webhook deliveries of the Fortary API. A separate
 * entry, with no HTTP client in it, so a receiver (or an edge worker) loads only this.
 */
export { verifyWebhook, type VerifyWebhookOptions } from './verify.js';
export { signWebhookPayload, type SignWebhookPayloadOptions } from './sign.js';
export { FortaryWebhookVerificationError, type WebhookVerificationFailure } from './errors.js';
export type { WebhookEvent } from './event.js';
export type { WebhookPayload } from './hmac.js';
export type { SignatureHeader } from './signature-header.js';
export type { WebhookSecret } from './secrets.js';
