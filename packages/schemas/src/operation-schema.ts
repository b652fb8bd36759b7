import type { z } from 'zod';

/** What `operationSchemas[operationId]` holds for every operation. */
export interface OperationSchema {
  /** Lower case, as in the spec: `get`, `post`, `patch`, … */
  method: string;
  /** The path template, e.g. `/v1/vaults/{vaultId}`. */
  path: string;
  /** Strict schemas of each part the operation takes; a part it does not take is absent. */
  request: {
    path?: z.ZodType;
    /** Values may be strings (as in a URL); numbers are coerced and defaults filled in. */
    query?: z.ZodType;
    /** Keyed by lower-cased header name; headers the spec does not list are kept. */
    headers?: z.ZodType;
    body?: z.ZodType;
  };
  /** Per documented status (`'200'`, `'404'`, …, `'default'`): the tolerant body schema. */
  responses: Record<string, z.ZodType>;
  /** Per documented status: the tolerant schema of the response headers (lower-cased names). */
  responseHeaders: Record<string, z.ZodType>;
}
