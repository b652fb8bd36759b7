import { timestamp } from '../clock.js';
import { SortedList, type SortKey } from '../pagination.js';
import { mayReadEvent, type KeyAccess } from './visibility.js';

/** One event: the resource as its GET rendered it when the change happened, frozen. */
export interface EventRecord {
  readonly id: string;
  readonly type: string;
  readonly createdAt: number;
  readonly vaultId: string;
  readonly data: Readonly<Record<string, unknown>>;
  /** The event as served and delivered, serialised once: every delivery of it sends these bytes. */
  readonly json: string;
}

export type EventListener = (event: EventRecord) => void;

const keyOf = (event: EventRecord): SortKey => [event.createdAt, event.id];

/**
 * The mock's event log: records each change with a snapshot of the rendered resource, serves
 * them newest first (ties broken by id, like every list) and tells listeners (the webhook
 * dispatcher) about each new event.
 */
export class EventLog {
  private readonly byId = new Map<string, EventRecord>();
  private ordered = new SortedList<EventRecord>(keyOf);
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly newId: () => string) {}

  /** Records that `data` (the rendered resource of `vaultId`) changed as `type` at `nowMs`. */
  record(type: string, vaultId: string, data: Record<string, unknown>, nowMs: number): EventRecord {
    const id = this.newId();
    // A deep copy: later changes to the resource must not rewrite its history.
    const snapshot = Object.freeze(structuredClone(data));
    const json = JSON.stringify({ id, type, createdAt: timestamp(nowMs), data: snapshot });
    const event: EventRecord = Object.freeze({ id, type, createdAt: nowMs, vaultId, data: snapshot, json });
    this.byId.set(id, event);
    this.ordered.insert(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Adds a past event with a fixed id (the default seed), telling no listener: nothing is delivered. */
  seed(id: string, type: string, vaultId: string, data: Record<string, unknown>, atMs: number): EventRecord {
    const snapshot = Object.freeze(structuredClone(data));
    const event: EventRecord = Object.freeze({ id, type, createdAt: atMs, vaultId, data: snapshot, json: JSON.stringify({ id, type, createdAt: timestamp(atMs), data: snapshot }) });
    this.byId.set(id, event);
    this.ordered.insert(event);
    return event;
  }

  get(id: string): EventRecord | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** Events newest first, strictly after the cursor position `after` when given. */
  newestFirst(after: SortKey | null = null): Generator<EventRecord> {
    return this.ordered.descending(after);
  }

  /** Whether `key` may see `event` now (vault allowlist, read scope of the resource, key still valid). */
  visibleTo(key: KeyAccess, event: EventRecord, nowMs: number): boolean {
    return mayReadEvent(key, event, nowMs);
  }

  /** Forgets every event (listeners stay). */
  clear(): void {
    this.byId.clear();
    this.ordered = new SortedList<EventRecord>(keyOf);
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const eventSortKey = keyOf;

/** The Event as the API serves it: `{ id, type, createdAt, data }`. */
export function renderEvent(event: EventRecord): { id: string; type: string; createdAt: string; data: Readonly<Record<string, unknown>> } {
  return { id: event.id, type: event.type, createdAt: timestamp(event.createdAt), data: event.data };
}
