import { ApiError, type ErrorDetail } from '../errors.js';
import type { Fault } from '../faults.js';
import type { ClockChange, DepositRequest } from './types.js';

/**
 * Checks of control-plane request bodies. Each returns the typed value or throws 422
 * `validation_failed` naming every offending field; unknown fields are refused so that a typo
 * (`advance_seconds`) never silently does nothing.
 */
const MAX_ADVANCE_SECONDS = 100 * 365 * 24 * 60 * 60;

function fieldName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

function objectOf(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (body === undefined) throw invalid([{ field: 'body', issue: 'a JSON object body is required' }]);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid([{ field: 'body', issue: 'must be a JSON object' }]);
  const unknown = Object.keys(body).filter((name) => !allowed.includes(name));
  if (unknown.length) {
    throw invalid(unknown.slice(0, 10).map((name) => ({ field: fieldName(name), issue: `unknown field; allowed: ${allowed.join(', ')}` })));
  }
  return body as Record<string, unknown>;
}

function invalid(details: ErrorDetail[]): ApiError {
  return new ApiError('validation_failed', 'The request body does not match the control plane schema.', details);
}

export function parseClockChange(body: unknown): ClockChange {
  const object = objectOf(body, ['advanceSeconds', 'set', 'frozen']);
  const given = Object.keys(object);
  if (given.length !== 1) throw invalid([{ field: 'body', issue: 'send exactly one of advanceSeconds, set, frozen' }]);
  if ('advanceSeconds' in object) {
    const value = object['advanceSeconds'];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_ADVANCE_SECONDS) {
      throw invalid([{ field: 'advanceSeconds', issue: `must be a number of seconds from 0 to ${MAX_ADVANCE_SECONDS}` }]);
    }
    return { advanceSeconds: value };
  }
  if ('set' in object) {
    const value = object['set'];
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/.test(value) || !Number.isFinite(Date.parse(value))) {
      throw invalid([{ field: 'set', issue: 'must be a UTC date-time ending in Z, e.g. 2026-03-01T12:00:00Z' }]);
    }
    return { set: value };
  }
  const value = object['frozen'];
  if (typeof value !== 'boolean') throw invalid([{ field: 'frozen', issue: 'must be true or false' }]);
  return { frozen: value };
}

export function parseDepositRequest(body: unknown): DepositRequest {
  const object = objectOf(body, ['address', 'asset', 'amount']);
  const details: ErrorDetail[] = [];
  for (const name of ['address', 'asset', 'amount'] as const) {
    const value = object[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > 200) details.push({ field: name, issue: 'required: a string of 1 to 200 characters' });
  }
  if (details.length) throw invalid(details);
  return { address: object['address'] as string, asset: object['asset'] as string, amount: object['amount'] as string };
}

const STATUSES = [429, 500, 503];

export function parseFaults(body: unknown): Fault[] {
  const object = objectOf(body, ['faults']);
  const list = object['faults'];
  if (!Array.isArray(list) || list.length === 0 || list.length > 100) throw invalid([{ field: 'faults', issue: 'must be a list of 1 to 100 faults' }]);
  return list.map((item, index): Fault => {
    const field = `faults[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid([{ field, issue: 'must be an object with a kind' }]);
    const fault = item as Record<string, unknown>;
    const when = fault['when'];
    if (when !== undefined && when !== 'before' && when !== 'after') throw invalid([{ field: `${field}.when`, issue: 'must be before or after' }]);
    const allowed = (names: string[]) => {
      const extra = Object.keys(fault).filter((name) => !names.includes(name));
      if (extra.length) throw invalid([{ field: `${field}.${fieldName(extra[0] as string)}`, issue: `unknown field for kind ${String(fault['kind'])}` }]);
    };
    switch (fault['kind']) {
      case 'status': {
        allowed(['kind', 'status', 'retryAfterSeconds', 'when']);
        const status = fault['status'];
        if (typeof status !== 'number' || !STATUSES.includes(status)) throw invalid([{ field: `${field}.status`, issue: 'must be 429, 500 or 503' }]);
        const retry = fault['retryAfterSeconds'];
        if (retry !== undefined && (typeof retry !== 'number' || !Number.isInteger(retry) || retry < 0 || retry > 3600)) {
          throw invalid([{ field: `${field}.retryAfterSeconds`, issue: 'must be an integer from 0 to 3600' }]);
        }
        return { kind: 'status', status: status as 429 | 500 | 503, ...(retry === undefined ? {} : { retryAfterSeconds: retry as number }), ...(when ? { when } : {}) };
      }
      case 'reset':
        allowed(['kind', 'when']);
        return { kind: 'reset', ...(when ? { when } : {}) };
      case 'truncate':
        allowed(['kind']);
        return { kind: 'truncate' };
      default:
        throw invalid([{ field: `${field}.kind`, issue: 'must be status, reset or truncate' }]);
    }
  });
}
