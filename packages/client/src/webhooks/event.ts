/**
 * The envelope every webhook delivery carries: `data` is the resource exactly as its GET returned
 * it when the event happened. Kept structural on purpose: event types grow within v1, so a
 * delivery of a type this build does not know must still verify and be representable. To work
 * with the known types, narrow `type` and read `data` as `Event` of @fortary/types describes it.
 */
export interface WebhookEvent {
  /** `evt_…`; deliveries are at least once, so deduplicate on it. */
  id: string;
  /** `resource.verb`, e.g. `transfer.updated`; the list grows within v1. */
  type: string;
  /** UTC ISO 8601 with `Z`. */
  createdAt: string;
  data: unknown;
}
