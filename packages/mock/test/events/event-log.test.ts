import { describe, expect, it } from 'vitest';
import { EventLog, eventSortKey, renderEvent } from '../../src/events/event-log.ts';
import { mayReadEvent, readScopeOf, type KeyAccess } from '../../src/events/visibility.ts';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const ids = () => {
  let n = 0;
  return () => `evt_${(n++).toString(36).padStart(4, '0')}`;
};
const fullKey: KeyAccess = { scopes: ['vaults:read', 'transfers:read'], vaultAllowlist: null, revokedAt: null, expiresAt: T0 + 86_400_000 };

describe('EventLog', () => {
  it('keeps the resource as it was when the event happened', () => {
    const log = new EventLog(ids());
    const transfer = { id: 'transfer_1', status: 'pending', nested: { fee: null as string | null } };
    const event = log.record('transfer.created', 'vault_a', transfer, T0);
    transfer.status = 'confirmed';
    transfer.nested.fee = '0.1';
    expect(event.data).toEqual({ id: 'transfer_1', status: 'pending', nested: { fee: null } });
    expect(JSON.parse(event.json)).toEqual(renderEvent(event));
    expect(renderEvent(event)).toEqual({ id: event.id, type: 'transfer.created', createdAt: '2026-03-01T08:00:00.000Z', data: event.data });
  });

  it('lists newest first, ties by id, and resumes strictly after a cursor position', () => {
    const log = new EventLog(ids());
    const a = log.record('deposit.created', 'vault_a', { id: 'dep_1' }, T0);
    const b = log.record('deposit.updated', 'vault_a', { id: 'dep_1' }, T0 + 1000);
    const c = log.record('transfer.created', 'vault_a', { id: 'transfer_1' }, T0 + 1000);
    expect([...log.newestFirst()].map((event) => event.id)).toEqual([c.id, b.id, a.id]);
    expect([...log.newestFirst(eventSortKey(c))].map((event) => event.id)).toEqual([b.id, a.id]);
    expect(log.get(b.id)).toBe(b);
    expect(log.get('evt_none')).toBeUndefined();
  });

  it('tells listeners about each new event, until they unsubscribe', () => {
    const log = new EventLog(ids());
    const seen: string[] = [];
    const stop = log.onEvent((event) => seen.push(event.type));
    log.record('deposit.created', 'vault_a', { id: 'dep_1' }, T0);
    stop();
    log.record('deposit.updated', 'vault_a', { id: 'dep_1' }, T0);
    expect(seen).toEqual(['deposit.created']);
  });
});

describe('who may read an event', () => {
  it("needs the read scope of the resource's own GET in the spec", () => {
    expect(readScopeOf('transfer.updated')).toBe('transfers:read');
    expect(readScopeOf('deposit.created')).toBe('vaults:read');
    expect(readScopeOf('gadget.created')).toBeNull();
  });

  it('applies the vault allowlist, the scopes and the state of the key', () => {
    const transferEvent = { type: 'transfer.updated', vaultId: 'vault_a' };
    const depositEvent = { type: 'deposit.created', vaultId: 'vault_a' };
    expect(mayReadEvent(fullKey, transferEvent, T0)).toBe(true);
    expect(mayReadEvent({ ...fullKey, scopes: ['vaults:read'] }, transferEvent, T0)).toBe(false);
    expect(mayReadEvent({ ...fullKey, scopes: ['vaults:read'] }, depositEvent, T0)).toBe(true);
    expect(mayReadEvent({ ...fullKey, scopes: ['transfers:read'] }, depositEvent, T0)).toBe(false);
    expect(mayReadEvent({ ...fullKey, vaultAllowlist: ['vault_b'] }, depositEvent, T0)).toBe(false);
    expect(mayReadEvent({ ...fullKey, vaultAllowlist: ['vault_b', 'vault_a'] }, depositEvent, T0)).toBe(true);
    expect(mayReadEvent({ ...fullKey, revokedAt: T0 - 1 }, depositEvent, T0)).toBe(false);
    expect(mayReadEvent({ ...fullKey, expiresAt: T0 }, depositEvent, T0)).toBe(false);
    expect(mayReadEvent(fullKey, { type: 'gadget.created', vaultId: 'vault_a' }, T0)).toBe(false);
  });
});
