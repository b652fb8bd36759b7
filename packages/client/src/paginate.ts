import { FortaryError, type FortaryApiError } from './core/errors.js';
import type { Page } from './types.js';

/** One page call as the client makes it: openapi-fetch's result plus the request id. */
export type PageResult<Item> = { data?: { data: Item[]; nextCursor: string | null }; error?: FortaryApiError; requestId: string | null };

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
  fetchPage: (cursor: string | undefined) => Promise<PageResult<Item>>,
  maxItems: number,
): Paginator<Item> {
  async function* pages(): AsyncGenerator<Page<Item>> {
    const used = new Set<string>();
    let cursor: string | undefined;
    let left = maxItems;
    while (left > 0) {
      const result = await fetchPage(cursor);
      if (result.error) throw result.error;
      const page: Page<Item> = { ...result.data!, requestId: result.requestId };
      const data = page.data.length > left ? page.data.slice(0, left) : page.data;
      left -= data.length;
      yield { ...page, data };
      if (page.nextCursor === null) return;
      if (used.has(page.nextCursor)) {
        throw new FortaryError(
          `paginate(${describePath}): cursor "${page.nextCursor.slice(0, 80)}" repeated; stopped instead of looping`,
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
  if (maxItems === undefined) return Infinity;
  if (!(Number.isInteger(maxItems) && (maxItems as number) >= 0)) throw new FortaryError(`paginate: \`maxItems\` must be an integer ≥ 0 (got ${String(maxItems)})`);
  return maxItems as number;
}
