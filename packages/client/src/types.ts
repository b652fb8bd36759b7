import type { paths } from '@fortary/types';
import type { FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { FortaryApiError } from './core/errors.js';

/**
 * OpenAPI's HTTP methods as @fortary/types spells them on every path item (generated from the
 * spec, so the list is not restated here).
 */
export type HttpMethod = Exclude<keyof paths[keyof paths], 'parameters'>;

/** The methods the spec has at least one operation for: the client has a call for each (`GET`, `POST`, …). */
export type SpecMethod = {
  [Path in keyof paths]: { [Method in HttpMethod]: paths[Path][Method] extends undefined ? never : Method }[HttpMethod];
}[keyof paths];
type JsonMedia = `${string}/${string}`;

/**
 * An operation whose `Idempotency-Key` header the client fills in when the caller leaves it out
 * (a fresh UUID, kept across retries), so the header becomes optional even where the API requires it.
 */
type WithOptionalIdempotencyKey<Op> = Op extends { parameters: { header: infer Header } }
  ? Omit<Op, 'parameters'> & {
      parameters: Omit<Op['parameters'], 'header'> & {
        header?: Omit<Header, 'Idempotency-Key'> & { 'Idempotency-Key'?: string };
      };
    }
  : Op;

/** `paths` of @fortary/types as the client accepts them: every POST may omit `Idempotency-Key`. */
export type FortaryPaths = {
  [Path in keyof paths]: {
    [Method in keyof paths[Path]]: Method extends 'post' ? WithOptionalIdempotencyKey<paths[Path][Method]> : paths[Path][Method];
  };
};

export type PathsWithMethod<Method extends HttpMethod> = {
  [Path in keyof FortaryPaths]: FortaryPaths[Path] extends { [M in Method]: unknown } ? Path : never;
}[keyof FortaryPaths];

type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
/** openapi-fetch's rule: the init argument is optional exactly when nothing in it is required. */
export type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

export type FortaryInit<Path extends keyof FortaryPaths, Method extends HttpMethod> = MaybeOptionalInit<FortaryPaths[Path], Method & keyof FortaryPaths[Path]>;

/** What every call result carries besides openapi-fetch's `data`/`error`/`response`. */
export interface CallInfo {
  /** The `Idempotency-Key` the request was sent with: the caller's or the generated one (POST only). */
  idempotencyKey: string | null;
  /** The response's `X-Request-Id`; quote it to support. */
  requestId: string | null;
}

/**
 * openapi-fetch's result, with `error` as a FortaryApiError (which has every field of the API's
 * error body: `type`, `code`, `message`, `correlationId`, `details`, plus `status`, `retryable`…).
 */
export type FortaryResult<R extends { data?: unknown }> =
  | ({ data: SuccessData<R>; error?: never; response: Response } & CallInfo)
  | ({ data?: never; error: FortaryApiError; response: Response } & CallInfo);

/** The success body (read off `data`, which is undefined in openapi-fetch's error branch); undefined for 204. */
type SuccessData<R extends { data?: unknown }> = [NonNullable<R['data']>] extends [never] ? undefined : NonNullable<R['data']>;

export type FortaryMethod<Method extends HttpMethod> = <
  Path extends PathsWithMethod<Method>,
  Init extends FortaryInit<Path, Method>,
>(
  url: Path,
  ...init: InitParam<Init>
) => Promise<FortaryResult<FetchResponse<FortaryPaths[Path][Method & keyof FortaryPaths[Path]] & Record<string | number, any>, Init, JsonMedia>>>;

/** The success body of a GET, for the paginator. */
type GetBody<Path extends keyof FortaryPaths> = FortaryPaths[Path] extends { get: { responses: { 200: { content: { 'application/json': infer Body } } } } } ? Body : never;

/** Every list operation: a GET whose 200 body is `{ data: [...], nextCursor }`. */
export type ListPath = {
  [Path in PathsWithMethod<'get'>]: GetBody<Path> extends { data: unknown[]; nextCursor: string | null } ? Path : never;
}[PathsWithMethod<'get'>];

export type PageItem<Path extends ListPath> = GetBody<Path> extends { data: Array<infer Item> } ? Item : never;

/** One page as `pages()` yields it. */
export interface Page<Item> {
  data: Item[];
  nextCursor: string | null;
  /** The page response's `X-Request-Id`. */
  requestId: string | null;
}
