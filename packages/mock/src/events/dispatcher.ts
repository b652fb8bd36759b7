import type { DeliveryScheduler } from './delivery-scheduler.js';
import type { EventLog, EventRecord } from './event-log.js';
import { mayReadEvent, type KeyAccess } from './visibility.js';
import type { WebhookEndpointStore } from './webhook-endpoints.js';

export interface DispatcherOptions {
  log: EventLog;
  endpoints: WebhookEndpointStore;
  scheduler: DeliveryScheduler;
  /** The key an endpoint was created by, as it is now (undefined once it no longer exists). */
  keyById: (apiKeyId: string) => KeyAccess | undefined;
  nowMs: () => number;
}

/**
 * Fans each new event out to the endpoints subscribed to its type. Whether the endpoint's key
 * may read the event is asked again before every attempt, so a key revoked, expired or
 * narrowed since the event stops its deliveries. Returns the function that stops dispatching.
 */
export function dispatchEvents(options: DispatcherOptions): () => void {
  return options.log.onEvent((event: EventRecord) => {
    for (const endpoint of options.endpoints.subscribedTo(event.type)) {
      const authorize = () => {
        if (options.endpoints.get(endpoint.id) !== endpoint) return false;
        const key = options.keyById(endpoint.apiKeyId);
        return key !== undefined && mayReadEvent(key, event, options.nowMs());
      };
      // Not even queued when the endpoint's key may not read it now; asked again before each attempt.
      if (!authorize()) continue;
      options.scheduler.enqueue(event, { endpointId: endpoint.id, url: endpoint.url, secret: endpoint.secret }, authorize);
    }
  });
}
