import type { OperationFacts } from '@fortary/types';
import { ApiError } from './errors.js';
import { canonicalJson } from './http-body.js';

/**
 * Idempotency records per API key and Idempotency-Key, kept 24 hours on the virtual clock.
 * Only a response that completed the operation (2xx) is kept for replay: an attempt that
 * failed leaves nothing behind, so the client can fix the problem and retry with the same key.
 */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: string;
}

type IdempotencyRecord =
  | { state: 'in_flight'; fingerprint: string; atMs: number }
  | { state: 'done'; fingerprint: string; atMs: number; response: StoredResponse };

export type Reservation = { kind: 'reserved'; release(): void; complete(response: StoredResponse): void } | { kind: 'replay'; response: StoredResponse };

export class IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  /** Looks up `key`: a replay, a conflict (thrown), or a reservation for this attempt. */
  begin(scope: string, key: string, fingerprint: string, nowMs: number): Reservation {
    const id = `${scope}\u0000${key}`;
    const existing = this.records.get(id);
    if (existing && nowMs - existing.atMs < IDEMPOTENCY_WINDOW_MS) {
      if (existing.fingerprint !== fingerprint) {
        throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was already used with a different request. Use a new key for a new operation.', [
          { field: 'Idempotency-Key', issue: 'already used with a different request' },
        ]);
      }
      if (existing.state === 'in_flight') {
        throw new ApiError('idempotency_key_in_use', 'A request with this Idempotency-Key is still in progress. Retry shortly.');
      }
      return { kind: 'replay', response: existing.response };
    }
    const record: IdempotencyRecord = { state: 'in_flight', fingerprint, atMs: nowMs };
    this.records.set(id, record);
    return {
      kind: 'reserved',
      release: () => {
        if (this.records.get(id) === record) this.records.delete(id);
      },
      complete: (response) => {
        if (this.records.get(id) === record) this.records.set(id, { state: 'done', fingerprint, atMs: nowMs, response });
      },
    };
  }

  reset(): void {
    this.records.clear();
  }
}

/**
 * The Idempotency-Key a request uses for replay, or null when the operation takes none or the
 * client sent none; 400 idempotency_key_required when the operation requires one.
 */
export function idempotencyKeyOf(operationId: string, facts: Pick<OperationFacts, 'idempotencyKey'>, header: string | undefined): string | null {
  if (facts.idempotencyKey === 'required' && (header === undefined || header === '')) {
    throw new ApiError('idempotency_key_required', `${operationId} needs an Idempotency-Key header: a unique value per intended operation, reused on every retry of it.`);
  }
  return facts.idempotencyKey === 'none' || header === undefined ? null : header;
}

/** What must match for a replay: the method, the path and the body (key order and spacing aside). */
export function requestFingerprint(method: string, pathname: string, body: unknown): string {
  return `${method} ${pathname} ${canonicalJson(body ?? null)}`;
}
