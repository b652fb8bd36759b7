import type { EventsHub } from '../events/hub.js';
import { SPEC_EXAMPLES } from '../generated/spec-examples.js';
import type { MockState } from '../state.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Puts the deposits, past events and webhook endpoints the spec's examples show into the events
 * hub, with their ids, so each documented sample (getDeposit, getEvent, getWebhookEndpoint, …)
 * runs against the default mock. Their times keep the examples' order and spacing, moved to end
 * a day before the clock's start, like the rest of the seed. Nothing is delivered for them.
 */
export function seedEventExamples(hub: EventsHub, state: MockState, nowMs: number): void {
  const times = [...SPEC_EXAMPLES.deposits, ...SPEC_EXAMPLES.events, ...SPEC_EXAMPLES.webhookEndpoints].map((example) => Date.parse(example.createdAt));
  if (times.length === 0) return;
  const shift = nowMs - DAY - Math.max(...times);
  const at = (text: string) => Date.parse(text) + shift;
  for (const example of SPEC_EXAMPLES.deposits) {
    if (!state.vaults.has(example.vaultId)) continue;
    hub.seedDeposit({
      ...example,
      status: example.status as 'pending' | 'confirmed',
      createdAt: at(example.createdAt),
      updatedAt: at(example.updatedAt),
      confirmedAt: example.confirmedAt === null ? null : at(example.confirmedAt),
    });
  }
  for (const example of SPEC_EXAMPLES.events) {
    const vaultId = (example.data as { vaultId?: unknown }).vaultId;
    if (typeof vaultId !== 'string' || !state.vaults.has(vaultId)) continue;
    hub.log.seed(example.id, example.type, vaultId, example.data as Record<string, unknown>, at(example.createdAt));
  }
  for (const example of SPEC_EXAMPLES.webhookEndpoints) {
    if (!state.apiKeys.has(example.apiKeyId)) continue;
    hub.seedEndpoint({ ...example, eventTypes: example.eventTypes ? [...example.eventTypes] : null, createdAt: at(example.createdAt) });
  }
}
