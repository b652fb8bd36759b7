import createClient, { type Middleware } from 'openapi-fetch';
import type { FetchLike } from './core/attempt.js';
import { defaultBackoff, parseRetryAfter, type BackoffOptions } from './core/backoff.js';
import { createDeprecationWatch, type DeprecationNotice } from './core/deprecation.js';
import { FortaryApiError, FortaryError, FortaryRateLimitError } from './core/errors.js';
import { stampIdempotencyKey } from './core/idempotency.js';
import { createPacer } from './core/pacing.js';
import { createRedactor, type Redactor } from './core/redact.js';
import { createRetryLoop } from './core/retry-loop.js';
import { checkMaxItems, createPaginator, type PageResult, type PaginateOptions, type Paginator } from './paginate.js';
import type { CallInfo, FortaryInit, FortaryMethod, FortaryPaths, ListPath, PageItem, SpecMethod } from './types.js';

type OpenapiFetchResult = { data?: unknown; error?: unknown; response: Response };

export const DEFAULT_BASE_URL = 'https://api.fortary.com';

/** Where the client writes. Every message is redacted first. `debug` (optional) receives one line per retry. */
export interface FortaryLogger {
  warn(message: string): void;
  debug?(message: string): void;
}

export interface FortaryClientOptions {
  /** The key's secret (`fsk_live_…` / `fsk_test_…`), sent as `Authorization: Bearer`. Required. */
  apiKey: string;
  /** Default `https://api.fortary.com`. */
  baseUrl?: string;
  /** The `fetch` to send with, e.g. @fortary/mock's in-process handler. Default: the global fetch. */
  fetch?: FetchLike;
  /** Retries after the first attempt for transient failures. Default 3. */
  maxRetries?: number;
  /** How long one attempt may wait for response headers. Default 30 000 ms. */
  timeoutMs?: number;
  /** How long a call may take with all its retries and waits. Default 120 000 ms. */
  deadlineMs?: number;
  /** The exponential backoff between retries (when the server gives no `Retry-After`). */
  backoff?: Partial<BackoffOptions>;
  /** Called once per operation when the API signals `Deprecation`/`Sunset`. Default: one logger warning. */
  onDeprecation?: (notice: DeprecationNotice) => void;
  /** Default: warnings to `console.warn`, no debug lines (pass `console` to see one line per retry). */
  logger?: FortaryLogger;
}

type PaginateInit<Path extends ListPath> = NonNullable<FortaryInit<Path, 'get'>> & PaginateOptions;
type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** One call per HTTP method the spec uses: `GET`, `POST`, `PATCH`, … */
export type FortaryMethods = { [Method in SpecMethod as Uppercase<Method>]: FortaryMethod<Method> };

export interface FortaryClient extends FortaryMethods {
  /** Every item of a list operation, page after page, as an async iterable; `.pages()` for pages. */
  paginate<Path extends ListPath>(
    url: Path,
    ...init: RequiredKeysOf<PaginateInit<Path>> extends never ? [PaginateInit<Path>?] : [PaginateInit<Path>]
  ): Paginator<PageItem<Path>>;
  /** The throwing style: returns `data`, or throws the FortaryApiError in `error`. */
  unwrap: typeof unwrap;
  /** Adds openapi-fetch middleware (it runs once per call, outside the retry loop). */
  use(...middleware: Middleware[]): void;
}

/** Returns the data of a call, or throws its FortaryApiError. */
export function unwrap<R extends { data?: unknown; error?: unknown }>(result: R): Exclude<R, { error: FortaryApiError }>['data'] {
  if (result.error !== undefined) throw result.error;
  return result.data as Exclude<R, { error: FortaryApiError }>['data'];
}

const invalid = (what: string) => new FortaryError(`createFortaryClient: ${what}`);

/** A number option: `minimum` 0 for counts (integers), 1 for milliseconds. */
function numberOption(name: string, value: number | undefined, fallback: number, minimum: 0 | 1): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && value >= minimum && (minimum > 0 || Number.isInteger(value)))) {
    throw invalid(`\`${name}\` must be ${minimum ? '≥ 1 (ms)' : 'an integer ≥ 0'} (got ${String(value)})`);
  }
  return value;
}

function checkApiKey(apiKey: unknown): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') throw invalid('`apiKey` is required');
  // Checked here so that the Headers class never gets to quote the bad value in its own error.
  if (/[\x00-\x20\x7f]/.test(apiKey)) throw invalid('`apiKey` has whitespace or control characters');
  return apiKey;
}

function checkBaseUrl(baseUrl: string): string {
  try {
    return new URL(baseUrl) && baseUrl; // openapi-fetch drops a trailing slash itself
  } catch {
    throw invalid(`\`baseUrl\` must be an absolute URL (got ${JSON.stringify(baseUrl)})`);
  }
}

export function createFortaryClient(options: FortaryClientOptions): FortaryClient {
  const apiKey = checkApiKey(options?.apiKey);
  const redactor = createRedactor([apiKey]);
  // By default only warnings are printed: retries are debug-level news (`logger: console` shows them).
  const logger = options.logger ?? { warn: (message: string) => console.warn(message) };
  const warn = (message: string) => logger.warn(redactor.text(message));
  const debug = (message: string) => logger.debug?.(redactor.text(message));

  const retryLoop = createRetryLoop({
    maxRetries: numberOption('maxRetries', options.maxRetries, 3, 0),
    timeoutMs: numberOption('timeoutMs', options.timeoutMs, 30_000, 1),
    deadlineMs: numberOption('deadlineMs', options.deadlineMs, 120_000, 1),
    backoff: { ...defaultBackoff, ...options.backoff },
    pacer: createPacer(),
    redactor,
    debug,
  });
  const transport = options.fetch ?? ((request, init?: RequestInit) => fetch(request, init)) as FetchLike;
  const base = createClient<FortaryPaths>({
    baseUrl: checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  /** Middleware registered with `use()`: an onRequest may swap in a Request with its own signal. */
  let middlewareCount = 0;

  const watchDeprecation = createDeprecationWatch(
    options.onDeprecation ??
      ((notice) => warn(`Fortary API: ${notice.operation} is deprecated${notice.sunset ? `, sunset ${notice.sunset.toISOString()}` : ''}`)),
  );

  /**
   * openapi-fetch's result with the call's info added, and its error body turned into a
   * FortaryApiError. The object is completed in place: openapi-fetch makes a fresh one per call,
   * and its keys keep their order (`data` or `error`, `response`, then ours).
   */
  function toResult(method: string, path: string, result: OpenapiFetchResult & Partial<CallInfo>, idempotencyKey: string | null) {
    const { response } = result;
    result.idempotencyKey = idempotencyKey;
    const requestId = (result.requestId = response.headers.get('X-Request-Id'));
    watchDeprecation(method, path, response.headers);
    if (!response.ok) result.error = toApiError(response, result.error, idempotencyKey, requestId, redactor);
    return result;
  }

  /**
   * One of the client's calls. Each call hands openapi-fetch a fetch of its own, through which
   * openapi-fetch's finished Request (after any middleware) reaches the retry loop: so what the
   * loop needs to know about the call travels with it, whenever openapi-fetch sends, and the key
   * stamped on the request comes back to this call alone.
   */
  const method = (name: string) => {
    const call = base[name as 'GET'] as unknown as (path: string, init: object) => Promise<OpenapiFetchResult>;
    return async (path: string, init?: CallInit) => {
      let idempotencyKey: string | null = null;
      const result = await call(path, {
        ...init,
        fetch: (request: Request) => {
          if (request.method === 'POST') idempotencyKey = stampIdempotencyKey(request);
          return retryLoop(request, {
            send: init?.fetch ?? transport,
            // Built from this call's options, the request can abort only through their `signal`,
            // or a signal that middleware put on a Request it swapped in. Otherwise nothing can
            // abort it, and attempts need not listen (a listener costs about as much as the rest
            // of an attempt).
            signal: init?.signal || middlewareCount || init?.middleware?.length ? request.signal : null,
            idempotencyKey,
          });
        },
      });
      return toResult(name, path, result, idempotencyKey);
    };
  };

  const client = {
    paginate(path, ...[init]) {
      const { maxItems, ...rest } = (init ?? {}) as PaginateOptions & { params?: { query?: Record<string, unknown> } };
      const limit = checkMaxItems(maxItems);
      const get = client.GET as unknown as (path: string, init: unknown) => Promise<PageResult<never>>;
      return createPaginator(path, (cursor) => {
        const query = cursor === undefined ? rest.params?.query : { ...rest.params?.query, cursor };
        return get(path, { ...rest, params: { ...rest.params, query } });
      }, limit);
    },
    unwrap,
    use(...middleware) {
      middlewareCount += middleware.length;
      base.use(...middleware);
    },
  } as FortaryClient;
  // openapi-fetch's own method list (GET, PUT, POST, …); the types expose those the spec uses.
  for (const name in base) if (/^[A-Z]+$/.test(name)) (client as unknown as Record<string, unknown>)[name] = method(name);
  return client;
}

/** What a call's options may carry besides the operation's parameters and body. */
type CallInit = { signal?: AbortSignal | null; fetch?: FetchLike; middleware?: Middleware[] };

function toApiError(response: Response, body: unknown, idempotencyKey: string | null, requestId: string | null, redactor: Redactor): FortaryApiError {
  const init = {
    status: response.status,
    body,
    response,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), Date.now()),
    idempotencyKey,
    requestId,
    redactor,
  };
  return response.status === 429 ? new FortaryRateLimitError(init) : new FortaryApiError(init);
}
