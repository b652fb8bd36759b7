import { ERROR_CATALOG, type ErrorCode } from './generated/spec-facts.js';

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

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] | null = null,
    headers: Record<string, string> = {},
  ) {
    super(message);
    const entry = ERROR_CATALOG[code];
    this.status = entry.status;
    this.type = entry.type;
    this.headers = headers;
  }

  body(correlationId: string): Record<string, unknown> {
    return {
      type: this.type,
      code: this.code,
      message: this.message.length > 1000 ? `${this.message.slice(0, 999)}…` : this.message,
      correlationId,
      details: this.details ? this.details.slice(0, 100).map(boundDetail) : null,
    };
  }
}

/**
 * The spec bounds `field` (200) and `issue` (500): details often echo request input (an unknown
 * key, an invalid asset), so they are cut here, where every error body is made.
 */
function boundDetail(detail: ErrorDetail): ErrorDetail {
  const field = detail.field.length > 200 ? `${detail.field.slice(0, 199)}…` : detail.field;
  const issue = detail.issue.length > 500 ? `${detail.issue.slice(0, 499)}…` : detail.issue;
  return field === detail.field && issue === detail.issue ? detail : { field, issue };
}
