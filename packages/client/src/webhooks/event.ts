/**
 * The envelope every webhook delivery carries: `data` is the resource exactly as its GET returned
 * it when the event happened. Typed structurally here because the spec does not describe events
 * yet; once it does, this becomes the generated `Event` type of @fortary/types (same four fields),
 * with `type` and `data` narrowed per event type.
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
