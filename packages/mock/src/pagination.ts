import { createHmac } from 'node:crypto';
import { ApiError } from './errors.js';
import type { ShapedSchema } from './generated/spec-facts.js';
import { finisher } from './shape.js';

/**
 * Cursor pagination. Every list is read in a fixed order given by a sort key that strictly
 * decreases along the list ([createdAt, id] for newest-first lists, ties broken by id). A
 * cursor names the key of the last item served, so the next page starts right after that
 * position: items created meanwhile sort before it and never shift what is left to read.
 * Cursors are signed with a per-instance secret, so a changed or foreign cursor is refused.
 */
export type SortKey = readonly [number, string];

/** The key of newest-first lists: creation time, ties broken by id. */
export const byCreation = (record: { createdAt: number; id: string }): SortKey => [record.createdAt, record.id];

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(list: string, key: SortKey): string {
    const payload = Buffer.from(JSON.stringify([list, key[0], key[1]])).toString('base64url');
    return payload + this.sign(payload);
  }

  /** The position a cursor names; 400 invalid_cursor unless it was issued for this list. */
  decode(list: string, cursor: string): SortKey {
    const invalid = () => new ApiError('invalid_cursor', 'The cursor is not valid for this list. Pass back the nextCursor of the previous page unchanged.');
    if (cursor.length <= SIGNATURE_LENGTH) throw invalid();
    const payload = cursor.slice(0, -SIGNATURE_LENGTH);
    if (this.sign(payload) !== cursor.slice(-SIGNATURE_LENGTH)) throw invalid();
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (!Array.isArray(value) || value[0] !== list || typeof value[1] !== 'number' || typeof value[2] !== 'string') throw invalid();
    return [value[1], value[2]];
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, SIGNATURE_LENGTH);
  }
}

const SIGNATURE_LENGTH = 22;

/**
 * Items kept in ascending key order (inserts are appended in the usual case, where the clock
 * only moves forward) and read newest first.
 */
export class SortedList<T> {
  private readonly items: T[] = [];

  constructor(private readonly keyOf: (item: T) => SortKey) {}

  insert(item: T): void {
    const key = this.keyOf(item);
    const last = this.items[this.items.length - 1];
    // the common case: the newest item so far goes at the end
    if (last === undefined || compareKeys(this.keyOf(last), key) <= 0) {
      this.items.push(item);
      return;
    }
    // Otherwise the item belongs near the end: records created in the same millisecond are
    // ordered by id, which is random. Step back from the end in doubling strides until an
    // item sorts before the new one, then bisect that stretch: O(log distance from the end),
    // touching only recent items, where bisecting the whole list missed the cache on every step.
    let high = this.items.length - 1; // items[high] sorts at or after the new item
    let stride = 1;
    let probe = high - stride;
    while (probe >= 0 && compareKeys(this.keyOf(this.items[probe] as T), key) >= 0) {
      high = probe;
      stride *= 2;
      probe = high - stride;
    }
    let low = Math.max(probe + 1, 0); // items[probe], if there is one, sorts before the new item
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(this.keyOf(this.items[middle] as T), key) < 0) low = middle + 1;
      else high = middle;
    }
    this.items.splice(low, 0, item);
  }

  /** Items in descending key order, starting strictly after `after` when given. */
  *descending(after: SortKey | null): Generator<T> {
    let start = this.items.length - 1;
    if (after) {
      // the last index whose key is below `after`
      let low = 0;
      let high = this.items.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compareKeys(this.keyOf(this.items[middle] as T), after) < 0) low = middle + 1;
        else high = middle;
      }
      start = low - 1;
    }
    for (let i = start; i >= 0; i--) yield this.items[i] as T;
  }

  values(): readonly T[] {
    return this.items;
  }
}

/** Reads one page of `limit` items matching `filter` from a descending sequence, as the spec's page schema `schema`. */
export function readPage<T, Out>(
  source: Iterable<T>,
  options: { schema: ShapedSchema; limit: number; filter?: (item: T) => boolean; keyOf: (item: T) => SortKey; render: (item: T) => Out; codec: CursorCodec; list: string },
): Page<Out> {
  const data: Out[] = [];
  let last: T | undefined;
  let more = false;
  for (const item of source) {
    if (options.filter && !options.filter(item)) continue;
    if (data.length === options.limit) {
      more = true;
      break;
    }
    data.push(options.render(item));
    last = item;
  }
  const page = { data, nextCursor: more && last !== undefined ? options.codec.encode(options.list, options.keyOf(last)) : null };
  return finisher.finish(options.schema, page) as unknown as Page<Out>;
}

/** A fixed list in its display order, as a descending-key sequence (for networks, assets, balances). */
export function* fixedOrderAfter<T>(items: readonly T[], keyOf: (item: T) => SortKey, after: SortKey | null): Generator<T> {
  for (const item of items) {
    if (after && compareKeys(keyOf(item), after) >= 0) continue;
    yield item;
  }
}
