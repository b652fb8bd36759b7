import type { ErrorBody } from '@fortary/types';
import { shapeRedactor, type Redactor } from './redact.js';
import { isRetryableStatus } from './retry-policy.js';

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
  declare readonly idempotencyKey: string | null;
  /** The `X-Request-Id` of the last response, when there was one; quote it to support. */
  declare readonly requestId: string | null;

  constructor(message: string, init: FortaryErrorInit = {}) {
    const redactor = init.redactor ?? shapeRedactor;
    super(redactor.text(message), init.cause === undefined ? undefined : { cause: init.cause });
    this.idempotencyKey = init.idempotencyKey ?? null;
    this.requestId = init.requestId ?? null;
  }

  toJSON(): Record<string, unknown> {
    // `response` and `cause` are not enumerable, so they stay out.
    return shapeRedactor.value({ ...this, message: this.message }) as Record<string, unknown>;
  }

  /** What `console.log`/`util.inspect` print: the stack, then the redacted fields (never the cause). */
  [inspectCustom](): string {
    const { name, message, ...fields } = this.toJSON();
    return shapeRedactor.text(`${this.stack} ${JSON.stringify(fields)}`);
  }
}

interface FortaryApiErrorInit extends FortaryErrorInit {
  status: number;
  body: unknown;
  response?: Response;
  retryAfterMs?: number | null;
}

/**
 * The API answered with a 4xx/5xx. Branch on `status`, `type` and `code` (part of the contract),
 * never on `message` (its wording may change).
 */
export class FortaryApiError extends FortaryError {
  override name = 'FortaryApiError';
  declare readonly status: number;
  declare readonly type: FortaryErrorType;
  declare readonly code: FortaryErrorCode;
  /** Equals the response's `X-Request-Id`. */
  declare readonly correlationId: string | null;
  declare readonly details: FortaryErrorDetail[] | null;
  /** Whether the same request may succeed later unchanged (429, 500, 503, 409 `idempotency_key_in_use`). */
  declare readonly retryable: boolean;
  /** What the server's `Retry-After` asked for, in milliseconds; null without one. */
  declare readonly retryAfterMs: number | null;
  /** The final response (body already read). Not serialized. */
  declare readonly response: Response | undefined;

  constructor(init: FortaryApiErrorInit) {
    // A body that is not the API's error shape (a proxy's HTML page) has no type or code to report.
    const body = (typeof init.body === 'object' && init.body !== null ? init.body : {}) as Partial<ErrorBody>;
    super(body.message ?? `HTTP ${init.status}`, init);
    this.status = init.status;
    this.type = body.type ?? 'unknown';
    this.code = body.code ?? 'unknown';
    this.correlationId = body.correlationId ?? this.requestId;
    this.details = body.details ? ((init.redactor ?? shapeRedactor).value(body.details) as FortaryErrorDetail[]) : null;
    this.retryable = isRetryableStatus(init.status, this.code);
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
  declare readonly timeout: 'attempt' | 'deadline';
  declare readonly timeoutMs: number;

  constructor(timeout: 'attempt' | 'deadline', timeoutMs: number, init: FortaryErrorInit = {}) {
    super(
      timeout === 'attempt'
        ? `No response within ${timeoutMs} ms`
        : `Deadline of ${timeoutMs} ms passed`,
      init,
    );
    this.timeout = timeout;
    this.timeoutMs = timeoutMs;
  }
}
