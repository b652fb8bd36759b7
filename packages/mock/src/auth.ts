import type { OperationId } from '@fortary/types';
import { operationTable } from '@fortary/types';
import { ApiError } from './errors.js';
import { elide } from './echo.js';
import { isAddressAllowed } from './ip-allowlist.js';
import type { ApiKeyRecord, MockState } from './state.js';

/** The secret of an `Authorization: Bearer <secret>` header, or null. */
export function bearerSecret(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match ? (match[1] as string) : null;
}

/** Who a request counts against for rate limiting: its valid key, else its client address. */
export function callerOf(state: MockState, authorization: string | undefined, clientAddress: string): string {
  const secret = bearerSecret(authorization);
  const key = secret ? state.keysBySecret.get(secret) : undefined;
  return key ? `key:${key.id}` : `addr:${clientAddress}`;
}

/**
 * The API key a request authenticates with, after every check in the order the contract gives:
 * present, known, not revoked, not expired, used from an allowed address, holding the scope.
 */
export function authenticate(state: MockState, authorization: string | undefined, clientAddress: string, nowMs: number, operationId: OperationId): ApiKeyRecord {
  if (!authorization) throw new ApiError('missing_api_key', "Send your API key as 'Authorization: Bearer <secret>'.");
  const secret = bearerSecret(authorization);
  const key = secret ? state.keysBySecret.get(secret) : undefined;
  if (!key) throw new ApiError('invalid_api_key', 'The bearer token does not belong to any API key.');
  if (key.revokedAt !== null) throw new ApiError('api_key_revoked', 'This API key has been revoked.');
  if (nowMs >= key.expiresAt) throw new ApiError('api_key_expired', 'This API key has expired. Rotate to a new key.');
  if (key.ipAllowlist !== null && !isAddressAllowed(clientAddress, key.ipAllowlist)) {
    throw new ApiError('ip_not_allowed', `This API key may not be used from ${elide(clientAddress, 60)}.`);
  }
  const scope = operationTable[operationId].requiredScope;
  if (scope !== null && !key.scopes.includes(scope as ApiKeyRecord['scopes'][number])) {
    throw new ApiError('insufficient_scope', `This operation needs the scope ${scope}.`);
  }
  return key;
}
