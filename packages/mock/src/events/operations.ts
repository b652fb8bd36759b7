import { ApiError } from '../errors.js';
import type { OperationResult } from '../operations.js';
import type { CursorCodec, SortKey } from '../pagination.js';
import { depositSortKey, renderDeposit } from './deposit-book.js';
import { eventSortKey, renderEvent } from './event-log.js';
import type { EventsHub } from './hub.js';
import { renderCreatedWebhookEndpoint, renderWebhookEndpoint, webhookEndpointSortKey } from './webhook-endpoints.js';
import type { KeyAccess } from './visibility.js';

/** What an events operation needs from the request: the hub, the calling key, the validated input. */
export interface EventsOperationContext {
  events: EventsHub;
  key: KeyAccess & { id: string };
  nowMs: number;
  input: { path: Record<string, string>; query: Record<string, unknown>; body: unknown };
  codec: CursorCodec;
  /** The page size asked for, or the spec's default (read from the operation table). */
  pageLimit: () => number;
  /** The vault of the path, after the key's allowlist (`vault_not_allowed`, `vault_not_found`). */
  reachVault: () => { id: string };
}

type Handler = (context: EventsOperationContext) => OperationResult;

function page<T, Out>(context: EventsOperationContext, list: string, source: (after: SortKey | null) => Iterable<T>, keyOf: (item: T) => SortKey, render: (item: T) => Out, filter?: (item: T) => boolean) {
  const cursor = context.input.query['cursor'];
  const after = typeof cursor === 'string' ? context.codec.decode(list, cursor) : null;
  const limit = context.pageLimit();
  const data: Out[] = [];
  let last: T | undefined;
  for (const item of source(after)) {
    if (filter && !filter(item)) continue;
    if (data.length === limit) return { data, nextCursor: context.codec.encode(list, keyOf(last as T)) };
    data.push(render(item));
    last = item;
  }
  return { data, nextCursor: null };
}

const listDeposits: Handler = (context) => {
  const vault = context.reachVault();
  const status = context.input.query['status'];
  return {
    status: 200,
    body: page(context, `deposits:${vault.id}`, (after) => context.events.deposits.newestFirst(vault.id, after), depositSortKey, renderDeposit,
      typeof status === 'string' ? (deposit) => deposit.status === status : undefined),
  };
};

const getDeposit: Handler = (context) => {
  const vault = context.reachVault();
  const depositId = context.input.path['depositId'] as string;
  const deposit = context.events.deposits.get(vault.id, depositId);
  if (!deposit) throw new ApiError('deposit_not_found', `Vault ${vault.id} has no deposit ${depositId}.`);
  return { status: 200, body: renderDeposit(deposit) };
};

const listEvents: Handler = (context) => {
  const type = context.input.query['type'];
  const { log } = context.events;
  return {
    status: 200,
    body: page(context, 'events', (after) => log.newestFirst(after), eventSortKey, renderEvent,
      (event) => (typeof type !== 'string' || event.type === type) && log.visibleTo(context.key, event, context.nowMs)),
  };
};

const getEvent: Handler = (context) => {
  const eventId = context.input.path['eventId'] as string;
  const event = context.events.log.get(eventId);
  // An event the key may not read is as absent as an unknown one: its existence says something.
  if (!event || !context.events.log.visibleTo(context.key, event, context.nowMs)) throw new ApiError('event_not_found', `No event ${eventId} is visible to this API key.`);
  return { status: 200, body: renderEvent(event) };
};

const listWebhookEndpoints: Handler = (context) => ({
  status: 200,
  body: page(context, 'webhook-endpoints', (after) => context.events.endpoints.newestFirst(after), webhookEndpointSortKey, renderWebhookEndpoint),
});

const createWebhookEndpoint: Handler = (context) => {
  const request = context.input.body as { url: string; eventTypes?: string[]; description?: string };
  const record = context.events.endpoints.create(request, context.key.id, context.nowMs);
  return { status: 201, body: renderCreatedWebhookEndpoint(record) };
};

function endpointOf(context: EventsOperationContext) {
  const id = context.input.path['webhookEndpointId'] as string;
  const record = context.events.endpoints.get(id);
  if (!record) throw new ApiError('webhook_endpoint_not_found', `No webhook endpoint has the id ${id}.`);
  return record;
}

const getWebhookEndpoint: Handler = (context) => ({ status: 200, body: renderWebhookEndpoint(endpointOf(context)) });

const deleteWebhookEndpoint: Handler = (context) => {
  const record = endpointOf(context);
  context.events.endpoints.delete(record.id);
  context.events.scheduler.cancelEndpoint(record.id);
  return { status: 204, body: null };
};

/** The operations of deposits, events and webhook endpoints, by operationId. */
export const eventsOperations = {
  listDeposits,
  getDeposit,
  listEvents,
  getEvent,
  listWebhookEndpoints,
  createWebhookEndpoint,
  getWebhookEndpoint,
  deleteWebhookEndpoint,
} satisfies Record<string, Handler>;
