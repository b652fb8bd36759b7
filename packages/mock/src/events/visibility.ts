import { operationTable } from '@fortary/types';

/** What decides what a key may read: its scopes, its vault allowlist, and whether it still works. */
export interface KeyAccess {
  scopes: readonly string[];
  vaultAllowlist: readonly string[] | null;
  revokedAt: number | null;
  expiresAt: number;
}

/** An event as far as access goes: its type (`<resource>.<verb>`) and the vault it belongs to. */
export interface EventScope {
  type: string;
  vaultId: string;
}

const readScopes = new Map<string, string | null>();

/**
 * The scope needed to read the resource an event type is about: the `x-required-scope` of that
 * resource's own GET in the spec (`transfer.updated` → getTransfer → `transfers:read`), so a
 * key sees in an event exactly what it could have fetched itself. A resource without a GET
 * operation is readable by nobody.
 */
export function readScopeOf(eventType: string): string | null {
  let scope = readScopes.get(eventType);
  if (scope === undefined) {
    const resource = eventType.slice(0, eventType.indexOf('.'));
    const operationId = `get${resource.replace(/(?:^|_)([a-z])/g, (_match, letter: string) => letter.toUpperCase())}`;
    const operation = (operationTable as Record<string, { requiredScope: string | null }>)[operationId];
    scope = operation?.requiredScope ?? null;
    readScopes.set(eventType, scope);
  }
  return scope;
}

/** Whether `key` may read `event` at `nowMs`: the key works, reaches the vault and holds the resource's read scope. */
export function mayReadEvent(key: KeyAccess, event: EventScope, nowMs: number): boolean {
  if (key.revokedAt !== null || key.expiresAt <= nowMs) return false;
  if (key.vaultAllowlist !== null && !key.vaultAllowlist.includes(event.vaultId)) return false;
  const scope = readScopeOf(event.type);
  return scope !== null && key.scopes.includes(scope);
}
