import { fromBaseUnits } from './amount.js';
import type { AssetRecord, NetworkRecord } from './catalog.js';
import { timestamp } from './clock.js';
import type { ApiKeyRecord, BalanceRecord, DepositAddressRecord, TransferRecord, VaultRecord } from './state.js';

/** Records → the JSON shapes of the spec (every property present, absent values as null). */
export const renderNetwork = (network: NetworkRecord) => ({
  name: network.name,
  displayName: network.displayName,
  kind: network.kind,
  nativeAsset: network.nativeAsset,
});

export const renderAsset = (asset: AssetRecord) => ({
  id: asset.id,
  network: asset.network,
  tokenType: asset.tokenType,
  address: asset.address,
  symbol: asset.symbol,
  name: asset.name,
  decimals: asset.decimals,
});

export const renderVault = (vault: VaultRecord) => ({
  id: vault.id,
  name: vault.name,
  createdAt: timestamp(vault.createdAt),
  updatedAt: timestamp(vault.updatedAt),
});

function usdValue(balance: BalanceRecord, total: bigint): string | null {
  if (balance.asset.usdCents === null) return null;
  const cents = (total * balance.asset.usdCents) / 10n ** BigInt(balance.asset.decimals);
  return fromBaseUnits(cents, 2);
}

export const renderBalance = (balance: BalanceRecord) => {
  const total = balance.available + balance.pending;
  return {
    asset: balance.asset.id,
    network: balance.asset.network,
    total: fromBaseUnits(total, balance.asset.decimals),
    available: fromBaseUnits(balance.available, balance.asset.decimals),
    pending: fromBaseUnits(balance.pending, balance.asset.decimals),
    usdValue: usdValue(balance, total),
    updatedAt: timestamp(balance.updatedAt),
  };
};

export const renderDepositAddress = (record: DepositAddressRecord) => ({
  id: record.id,
  vaultId: record.vaultId,
  network: record.network,
  address: record.address,
  label: record.label,
  createdAt: timestamp(record.createdAt),
});

export const renderTransfer = (transfer: TransferRecord) => ({
  id: transfer.id,
  vaultId: transfer.vaultId,
  asset: transfer.assetId,
  amount: fromBaseUnits(transfer.amount, transfer.asset.decimals),
  destinationAddress: transfer.destinationAddress,
  status: transfer.status,
  txHash: transfer.txHash,
  fee: transfer.fee,
  note: transfer.note,
  createdAt: timestamp(transfer.createdAt),
  updatedAt: timestamp(transfer.updatedAt),
  completedAt: transfer.completedAt === null ? null : timestamp(transfer.completedAt),
});

export const renderApiKey = (key: ApiKeyRecord) => ({
  id: key.id,
  name: key.name,
  scopes: [...key.scopes],
  vaultAllowlist: key.vaultAllowlist ? [...key.vaultAllowlist] : null,
  ipAllowlist: key.ipAllowlist ? [...key.ipAllowlist] : null,
  expiresAt: timestamp(key.expiresAt),
  revokedAt: key.revokedAt === null ? null : timestamp(key.revokedAt),
  lastUsedAt: key.lastUsedAt === null ? null : timestamp(key.lastUsedAt),
  createdAt: timestamp(key.createdAt),
});
