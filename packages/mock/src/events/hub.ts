import { LOWER_ALNUM, ALNUM, SeededRandom } from '../random.js';
import { DeliveryScheduler, type DeliverySchedulerOptions } from './delivery-scheduler.js';
import { DepositBook, renderDeposit, type DepositView } from './deposit-book.js';
import { dispatchEvents } from './dispatcher.js';
import { EventLog, type EventRecord } from './event-log.js';
import type { KeyAccess } from './visibility.js';
import { WebhookEndpointStore, type WebhookEndpointRecord } from './webhook-endpoints.js';

export interface EventsHubOptions {
  /** The mock's clock, epoch ms. */
  nowMs: () => number;
  /** Seed of the ids and secrets (the same seed gives the same ids). */
  seed: string | number;
  /** The key an endpoint was created by, as it is now. */
  keyById: (apiKeyId: string) => KeyAccess | undefined;
  /** Delivery settings: the fetch deliveries use, timeouts, attempts, backoff. */
  delivery?: Omit<DeliverySchedulerOptions, 'nowMs'>;
}

/**
 * Everything the mock keeps about events: the event log, the webhook endpoints, the deposits
 * as the API serves them, and the deliveries in flight. Long-lived (deliveries outlive a
 * request); `reset()` empties it with the rest of the mock's state.
 */
export class EventsHub {
  readonly log: EventLog;
  readonly endpoints: WebhookEndpointStore;
  readonly deposits = new DepositBook();
  readonly scheduler: DeliveryScheduler;
  private random: SeededRandom;

  constructor(private readonly options: EventsHubOptions) {
    this.random = new SeededRandom(`events:${options.seed}`);
    this.log = new EventLog(() => this.newId('evt'));
    this.endpoints = new WebhookEndpointStore({ newId: () => this.newId('whep'), newSecret: () => `whsec_${this.random.string(32, ALNUM)}` });
    this.scheduler = new DeliveryScheduler({ ...options.delivery, nowMs: options.nowMs });
    dispatchEvents({ log: this.log, endpoints: this.endpoints, scheduler: this.scheduler, keyById: options.keyById, nowMs: options.nowMs });
  }

  /** Records a change of a transfer: `rendered` is the Transfer exactly as getTransfer serves it now. */
  transferChanged(kind: 'created' | 'updated', rendered: { vaultId: string }, atMs: number): EventRecord {
    return this.log.record(`transfer.${kind}`, rendered.vaultId, rendered, atMs);
  }

  /** Records a new or changed deposit and serves it from listDeposits/getDeposit. */
  depositChanged(deposit: DepositView): EventRecord {
    const kind = this.deposits.get(deposit.vaultId, deposit.id) ? 'updated' : 'created';
    const stored = this.deposits.upsert({ ...deposit });
    return this.log.record(`deposit.${kind}`, stored.vaultId, renderDeposit(stored), stored.updatedAt);
  }

  /** Adds a deposit as the seed holds it: served, but no event (it happened before the mock started). */
  seedDeposit(deposit: DepositView): void {
    this.deposits.upsert({ ...deposit });
  }

  /** Adds an endpoint as the seed holds it, with a fresh secret. */
  seedEndpoint(endpoint: Omit<WebhookEndpointRecord, 'secret'>): void {
    this.endpoints.seed({ ...endpoint, secret: `whsec_${this.random.string(32, ALNUM)}` });
  }

  /** Empties the log, the endpoints, the deposits and the deliveries (ids start over). */
  reset(): void {
    this.scheduler.reset();
    this.random = new SeededRandom(`events:${this.options.seed}`);
    this.deposits.clear();
    for (const endpoint of [...this.endpoints.newestFirst()]) this.endpoints.delete(endpoint.id);
    this.log.clear();
  }

  close(): void {
    this.scheduler.close();
  }

  private newId(prefix: 'evt' | 'whep'): string {
    for (;;) {
      const id = `${prefix}_${this.random.string(10, LOWER_ALNUM)}`;
      if (!this.log.get(id) && !this.endpoints.get(id)) return id;
    }
  }
}
