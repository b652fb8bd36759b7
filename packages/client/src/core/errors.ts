import type { ErrorBody } from '@fortary/types';
import { shapeRedactor, type Redactor } from './redact.js';

/** The error `type`s of v1. The list may grow within v1, so unknown strings are allowed too. */
export type FortaryErrorType = ErrorBody['type'] | (string & {});
/** The documented error codes of v1; the catalog may grow, so unknown strings are allowed too. */
export type FortaryErrorCode = ErrorBody['code'] | (string & {});
export type FortaryErrorDetail = { field: string; issue: string };

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

interface FortaryErrorInit {
  cause?: unknown;
  idempotencyKey?: string | null;
  requestId?: string | null;
  redactor?: Redactor;
}

/**
 * The base of every error the client raises. Its message is redacted when it is built, and
 * `JSON.stringify` and `util.inspect` show a redacted copy of its fields, so logging an error can
 * never leak the API key or a key secret.
 */
export class FortaryError extends Error {
  // Spelled out in every class because minifiers rename classes.
  override name = 'FortaryError';
  /** The `Idempotency-Key` the request was sent with (every POST has one); reuse it to retry later. */
  readonly idempotencyKey: string | null;
  /** The `X-Request-Id` of the last response, when there was one; quote it to support. */
  readonly requestId: string | null;

  constructor(message: string, init: FortaryErrorInit = {}) {
    const redactor = init.redactor ?? shapeRedactor;
    super(redactor.text(message), init.cause === undefined ? undefined : { cause: init.cause });
    this.idempotencyKey = init.idempotencyKey ?? null;
    this.requestId = init.requestId ?? null;
  }

  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (key !== 'response') fields[key] = value;
    return shapeRedactor.value(fields) as Record<string, unknown>;
  }

  [inspectCustom](): string {
    const { name, message, ...fields } = this.toJSON();
    const frames = (this.stack ?? '').split('\n').filter((line) => line.startsWith('    at ')).join('\n');
    return shapeRedactor.text(`${String(name)}: ${String(message)} ${JSON.stringify(fields)}${frames ? `\n${frames}` : ''}`);
  }
}

interface FortaryApiErrorInit extends FortaryErrorInit {
  status: number;
  body: unknown;
  response?: Response;
  retryAfterMs?: number | null;
  retryable: boolean;
}

const typeByStatus: Record<number, string> = {
  400: 'invalid_request', 401: 'authentication', 403: 'permission', 404: 'not_found', 405: 'invalid_request',
  409: 'conflict', 413: 'invalid_request', 415: 'invalid_request', 422: 'invalid_request', 429: 'rate_limit',
  500: 'internal', 503: 'unavailable',
};

/**
 * The API answered with a 4xx/5xx. Branch on `status`, `type` and `code` (part of the contract),
 * never on `message` (its wording may change).
 */
export class FortaryApiError extends FortaryError {
  override name = 'FortaryApiError';
  readonly status: number;
  readonly type: FortaryErrorType;
  readonly code: FortaryErrorCode;
  /** Equals the response's `X-Request-Id`. */
  readonly correlationId: string | null;
  readonly details: FortaryErrorDetail[] | null;
  /** Whether the same request may succeed later unchanged (429, 500, 503, 409 `idempotency_key_in_use`). */
  readonly retryable: boolean;
  /** What the server's `Retry-After` asked for, in milliseconds; null without one. */
  readonly retryAfterMs: number | null;
  /** The final response (body already read). Not serialized. */
  declare readonly response: Response | undefined;

  constructor(init: FortaryApiErrorInit) {
    const body = (typeof init.body === 'object' && init.body !== null ? init.body : {}) as Partial<ErrorBody>;
    const code = typeof body.code === 'string' ? body.code : 'unknown_error';
    const text = typeof body.message === 'string' ? body.message : `HTTP ${init.status}${typeof init.body === 'string' && init.body ? `: ${init.body.slice(0, 200)}` : ''}`;
    super(text, init);
    this.status = init.status;
    this.type = typeof body.type === 'string' ? body.type : (typeByStatus[init.status] ?? (init.status >= 500 ? 'internal' : 'invalid_request'));
    this.code = code;
    this.correlationId = typeof body.correlationId === 'string' ? body.correlationId : this.requestId;
    this.details = Array.isArray(body.details) ? ((init.redactor ?? shapeRedactor).value(body.details) as FortaryErrorDetail[]) : null;
    this.retryable = init.retryable;
    this.retryAfterMs = init.retryAfterMs ?? null;
    Object.defineProperty(this, 'response', { value: init.response, enumerable: false });
  }
}

/** A 429 that the client did not (or could no longer) wait out; `retryAfterMs` says when to try again. */
export class FortaryRateLimitError extends FortaryApiError {
  override name = 'FortaryRateLimitError';
}

/** The request never got a response: DNS, refused or reset connection, TLS failure. */
export class FortaryConnectionError extends FortaryError {
  override name = 'FortaryConnectionError';
}

/** An attempt ran past `timeoutMs`, or the whole call (with its retries) past `deadlineMs`. */
export class FortaryTimeoutError extends FortaryError {
  override name = 'FortaryTimeoutError';
  readonly timeout: 'attempt' | 'deadline';
  readonly timeoutMs: number;

  constructor(timeout: 'attempt' | 'deadline', timeoutMs: number, init: FortaryErrorInit = {}) {
    super(
      timeout === 'attempt'
        ? `The request got no response within ${timeoutMs} ms`
        : `The request and its retries did not finish within the ${timeoutMs} ms deadline`,
      init,
    );
    this.timeout = timeout;
    this.timeoutMs = timeoutMs;
  }
}
