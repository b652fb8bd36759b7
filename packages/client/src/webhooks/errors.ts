import { FortaryError } from '../core/errors.js';

/** Why a delivery was refused; branch on it, not on the message. */
export type WebhookVerificationFailure =
  | 'missing_signature'
  | 'malformed_signature'
  | 'no_matching_signature'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'malformed_payload';

/**
 * A delivery that must not be trusted: answer it with a 4xx and do not act on it. Its message
 * never contains a secret or an expected signature.
 */
export class FortaryWebhookVerificationError extends FortaryError {
  override name = 'FortaryWebhookVerificationError';
  declare readonly reason: WebhookVerificationFailure;

  constructor(reason: WebhookVerificationFailure, message: string) {
    super(`Webhook verification failed (${reason}): ${message}`);
    this.reason = reason;
  }
}
