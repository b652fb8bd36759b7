export { createFortaryClient, unwrap, DEFAULT_BASE_URL } from './client.js';
export type { FortaryClient, FortaryClientOptions, FortaryLogger } from './client.js';
export {
  FortaryError,
  FortaryApiError,
  FortaryRateLimitError,
  FortaryConnectionError,
  FortaryTimeoutError,
} from './core/errors.js';
export type { FortaryErrorType, FortaryErrorCode, FortaryErrorDetail } from './core/errors.js';
export type { DeprecationNotice } from './core/deprecation.js';
export type { BackoffOptions } from './core/backoff.js';
export type { Paginator, PaginateOptions } from './paginate.js';
export type { FortaryPaths, FortaryResult, FortaryMethod, CallInfo, Page, ListPath, PageItem } from './types.js';
