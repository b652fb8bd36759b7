import { ERROR_CATALOG, type ErrorCode } from './generated/spec-facts.js';
import { FIELD_MAX, ISSUE_MAX, MESSAGE_MAX, bound } from './echo.js';
import { finisher } from './shape.js';

export interface ErrorDetail {
  field: string;
  issue: string;
}

/**
 * An error the mock answers with. Its status and type always come from the spec's error
 * catalog, so a code can never be sent with the wrong status.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly headers: Record<string, string>;

  readonly details: ErrorDetail[] | null;

  constructor(
    readonly code: ErrorCode,
    message: string,
    details: ErrorDetail[] | null = null,
    headers: Record<string, string> = {},
  ) {
    // within the spec's caps, whatever request input went into the texts (see echo.ts)
    super(bound(message, MESSAGE_MAX));
    this.details = details && details.map((detail) => ({ field: bound(detail.field, FIELD_MAX), issue: bound(detail.issue, ISSUE_MAX) }));
    const entry = ERROR_CATALOG[code];
    this.status = entry.status;
    this.type = entry.type;
    this.headers = headers;
  }

  /** The Error body, laid out as the spec's `Error` and `ErrorDetail` schemas. */
  body(correlationId: string): Record<string, unknown> {
    return finisher.finish('Error', {
      type: this.type,
      code: this.code,
      message: this.message,
      correlationId,
      details: this.details ? this.details.slice(0, 100).map((detail) => finisher.finish('ErrorDetail', detail)) : null,
    });
  }
}
