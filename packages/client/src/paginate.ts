import { FortaryError } from './core/errors.js';
import type { Page } from './types.js';

export interface PaginateOptions {
  /** Stop after this many items (the last page is cut short). Default: every item. */
  maxItems?: number;
}

/** `for await (const item of paginator)`, or `paginator.pages()` for whole pages. */
export interface Paginator<Item> extends AsyncIterable<Item> {
  pages(): AsyncIterable<Page<Item>>;
}

/**
 * Follows `nextCursor` until it is null, passing each cursor back exactly as received. A cursor
 * the API hands out a second time would loop forever, so it ends the iteration with an error.
 */
export function createPaginator<Item>(
  describePath: string,
  fetchPage: (cursor: string | undefined) => Promise<Page<Item>>,
  maxItems: number,
): Paginator<Item> {
  async function* pages(): AsyncGenerator<Page<Item>> {
    const used = new Set<string>();
    let cursor: string | undefined;
    let left = maxItems;
    while (left > 0) {
      const page = await fetchPage(cursor);
      const data = page.data.length > left ? page.data.slice(0, left) : page.data;
      left -= data.length;
      yield data === page.data ? page : { ...page, data };
      if (page.nextCursor === null) return;
      if (used.has(page.nextCursor)) {
        throw new FortaryError(
          `paginate(${describePath}): the API returned cursor "${page.nextCursor.slice(0, 80)}" a second time; stopping instead of looping`,
          { requestId: page.requestId },
        );
      }
      used.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.data;
    },
  };
}

export function checkMaxItems(maxItems: unknown): number {
  if (maxItems === undefined) return Number.POSITIVE_INFINITY;
  if (typeof maxItems !== 'number' || !(maxItems >= 0) || (!Number.isInteger(maxItems) && maxItems !== Number.POSITIVE_INFINITY)) {
    throw new FortaryError(`paginate: \`maxItems\` must be a non-negative integer (got ${String(maxItems)})`);
  }
  return maxItems;
}
