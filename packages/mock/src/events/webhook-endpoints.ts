import { timestamp } from '../clock.js';
import { finisher, type Rendered } from '../shape.js';
import { ApiError } from '../errors.js';
import { SortedList, type SortKey } from '../pagination.js';

export interface WebhookEndpointRecord {
  id: string;
  url: string;
  /** null: every event type, including types added later. */
  eventTypes: string[] | null;
  description: string | null;
  /** The key that created the endpoint: deliveries carry only what it may read at the time. */
  apiKeyId: string;
  secret: string;
  createdAt: number;
}

export interface WebhookEndpointInput {
  url: string;
  eventTypes?: string[];
  description?: string;
}

export interface WebhookEndpointStoreOptions {
  newId: () => string;
  newSecret: () => string;
  /** Accept `http` on a loopback address (the mock's receivers run locally). Default true. */
  allowHttpLoopback?: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(hostname) || hostname.toLowerCase().endsWith('.localhost');
}

/** Why `url` cannot receive webhooks, or null when it can. */
export function webhookUrlProblem(url: string, allowHttpLoopback: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.username || parsed.password) return 'must not carry credentials; authenticate deliveries by their signature';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:' && allowHttpLoopback && isLoopback(parsed.hostname)) return null;
  return allowHttpLoopback ? 'must use https (http only on a loopback address)' : 'must use https';
}

const keyOf = (record: WebhookEndpointRecord): SortKey => [record.createdAt, record.id];

/** The webhook endpoints of the organization, newest first. */
export class WebhookEndpointStore {
  private readonly byId = new Map<string, WebhookEndpointRecord>();
  private ordered = new SortedList<WebhookEndpointRecord>(keyOf);
  private readonly allowHttpLoopback: boolean;

  constructor(private readonly options: WebhookEndpointStoreOptions) {
    this.allowHttpLoopback = options.allowHttpLoopback ?? true;
  }

  /** Registers an endpoint (422 `invalid_url` for a URL that cannot receive). */
  create(input: WebhookEndpointInput, apiKeyId: string, nowMs: number): WebhookEndpointRecord {
    const problem = webhookUrlProblem(input.url, this.allowHttpLoopback);
    if (problem) throw new ApiError('invalid_url', `The webhook URL ${problem}.`, [{ field: 'url', issue: problem }]);
    const record: WebhookEndpointRecord = {
      id: this.options.newId(),
      url: input.url,
      eventTypes: input.eventTypes ? [...input.eventTypes] : null,
      description: input.description ?? null,
      apiKeyId,
      secret: this.options.newSecret(),
      createdAt: nowMs,
    };
    this.byId.set(record.id, record);
    this.ordered.insert(record);
    return record;
  }

  /** Adds an endpoint with a fixed id and secret (the default seed), without checking its URL. */
  seed(record: WebhookEndpointRecord): WebhookEndpointRecord {
    this.byId.set(record.id, record);
    this.ordered.insert(record);
    return record;
  }

  get(id: string): WebhookEndpointRecord | undefined {
    return this.byId.get(id);
  }

  delete(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    const rest = this.ordered.values().filter((record) => record.id !== id);
    this.ordered = new SortedList<WebhookEndpointRecord>(keyOf);
    for (const record of rest) this.ordered.insert(record);
    return true;
  }

  get size(): number {
    return this.byId.size;
  }

  newestFirst(after: SortKey | null = null): Generator<WebhookEndpointRecord> {
    return this.ordered.descending(after);
  }

  /** The endpoints subscribed to `type` (an endpoint without a list takes every type). */
  subscribedTo(type: string): WebhookEndpointRecord[] {
    return this.ordered.values().filter((record) => record.eventTypes === null || record.eventTypes.includes(type));
  }
}

export const webhookEndpointSortKey = keyOf;

/** A WebhookEndpoint as the API serves it (never with its secret). */
export function renderWebhookEndpoint(record: WebhookEndpointRecord) {
  const rendered: Rendered<'WebhookEndpoint'> = {
    id: record.id,
    url: record.url,
    // The request schema admitted only known event types.
    eventTypes: record.eventTypes ? ([...record.eventTypes] as NonNullable<Rendered<'WebhookEndpoint'>['eventTypes']>) : null,
    description: record.description,
    apiKeyId: record.apiKeyId,
    createdAt: timestamp(record.createdAt),
  };
  return finisher.finish('WebhookEndpoint', rendered, record);
}

/** The CreatedWebhookEndpoint of createWebhookEndpoint: the one response with the secret. */
export function renderCreatedWebhookEndpoint(record: WebhookEndpointRecord) {
  return finisher.finish('CreatedWebhookEndpoint', { ...renderWebhookEndpoint(record), secret: record.secret });
}
