import { toBaseUnits } from '../amount.js';
import { findAsset, findNetwork } from '../catalog.js';
import { SPEC_EXAMPLES } from '../generated/spec-examples.js';
import type { NetworkName } from '@fortary/types';
import type { Scope } from '../generated/spec-facts.js';
import { DEFAULT_KEY_LIFETIME_MS, type ApiKeyRecord, type DepositAddressRecord, type MockState, type TransferRecord, type VaultRecord } from '../state.js';

/**
 * Puts every record the spec's examples show into a freshly seeded state, with the ids,
 * addresses and assets the examples use, so that each documented sample runs against the
 * default mock: the example vaults (named like the seeded vaults they become), their deposit
 * addresses, at least the balances the balances example shows, the example transfer (settled
 * in the state its getTransfer example shows) and the example API key. Times are relative to
 * the clock's start, like the rest of the seed.
 */
const DAY = 24 * 60 * 60 * 1000;

/** The id the seed gives the vault of this name, when an example shows one. */
export function exampleVaultId(name: string): string | undefined {
  return SPEC_EXAMPLES.vaults.find((vault) => vault.name === name)?.id;
}

export function seedSpecExamples(state: MockState, nowMs: number): void {
  for (const example of SPEC_EXAMPLES.vaults) {
    if (state.vaults.has(example.id)) continue;
    const vault: VaultRecord = { id: example.id, name: example.name, createdAt: nowMs - 90 * DAY, updatedAt: nowMs - 90 * DAY };
    state.vaults.set(vault.id, vault);
    state.vaultOrder.insert(vault);
  }
  SPEC_EXAMPLES.depositAddresses.forEach((example, index) => {
    const vault = state.vaults.get(example.vaultId);
    if (!vault || !findNetwork(example.network)) return;
    const record: DepositAddressRecord = {
      id: example.id,
      vaultId: example.vaultId,
      network: example.network as NetworkName,
      address: example.address,
      label: example.label,
      createdAt: vault.createdAt + (10 + index) * 60_000,
    };
    state.insertDepositAddress(record);
  });
  for (const example of SPEC_EXAMPLES.balances) {
    const asset = findAsset(example.asset);
    if (!asset || !state.vaults.has(example.vaultId)) continue;
    const wanted = toBaseUnits(example.total, asset.decimals);
    const held = state.balanceOf(example.vaultId, asset);
    const have = held ? held.available + held.pending : 0n;
    if (have < wanted) state.credit(example.vaultId, asset, wanted - have, nowMs - 30 * DAY);
  }
  for (const example of SPEC_EXAMPLES.transfers) {
    const asset = findAsset(example.asset);
    if (!asset || !state.vaults.has(example.vaultId)) continue;
    const createdAt = nowMs - 2 * DAY;
    const final = example.status === 'confirmed' || example.status === 'failed';
    const transfer: TransferRecord = {
      id: example.id,
      vaultId: example.vaultId,
      asset,
      assetId: example.asset,
      amount: toBaseUnits(example.amount, asset.decimals),
      destinationAddress: example.destinationAddress,
      status: example.status as TransferRecord['status'],
      txHash: example.txHash,
      fee: example.fee,
      note: example.note,
      createdAt,
      updatedAt: createdAt + (final ? 3 * 60_000 : 0),
      completedAt: final ? createdAt + 3 * 60_000 : null,
    };
    if (!final) {
      // an open example transfer holds its amount as pending, like one created through the API
      const balance = state.balanceOf(example.vaultId, asset);
      if (!balance || balance.available < transfer.amount) continue;
      balance.available -= transfer.amount;
      balance.pending += transfer.amount;
    }
    state.addTransfer(transfer);
  }
  for (const example of SPEC_EXAMPLES.apiKeys) {
    const createdAt = nowMs - 20 * DAY;
    const key: ApiKeyRecord = {
      id: example.id,
      name: example.name,
      scopes: [...example.scopes] as Scope[],
      vaultAllowlist: example.vaultAllowlist ? [...example.vaultAllowlist] : null,
      ipAllowlist: example.ipAllowlist ? [...example.ipAllowlist] : null,
      expiresAt: createdAt + DEFAULT_KEY_LIFETIME_MS,
      revokedAt: null,
      lastUsedAt: null,
      createdAt,
      secret: state.newSecret(),
    };
    state.apiKeys.set(key.id, key);
    state.apiKeyOrder.insert(key);
    state.keysBySecret.set(key.secret, key);
  }
}
