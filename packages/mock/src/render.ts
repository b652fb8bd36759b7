import { fromBaseUnits } from './amount.js';
import type { AssetRecord, NetworkRecord } from './catalog.js';
import { timestamp } from './clock.js';
import { finisher, type Finisher, type Rendered } from './shape.js';
import type { ApiKeyRecord, BalanceRecord, DepositAddressRecord, TransferRecord, VaultRecord } from './state.js';

/**
 * Records → the resources of the spec. Each renderer fills what only the mock knows, typed
 * against the spec's schema (`Rendered<'Vault'>` asks for every non-nullable property, so a new
 * one fails tsc right here); the finisher (src/shape.ts) then lays the result out as the spec
 * does and serves any nullable property left out as null, or the record's value of that name.
 */
const network = (record: NetworkRecord): Rendered<'Network'> => ({
  name: record.name,
  displayName: record.displayName,
  kind: record.kind,
  nativeAsset: record.nativeAsset,
});

const asset = (record: AssetRecord): Rendered<'Asset'> => ({
  id: record.id,
  network: record.network,
  tokenType: record.tokenType,
  address: record.address,
  symbol: record.symbol,
  name: record.name,
  decimals: record.decimals,
});

const vault = (record: VaultRecord): Rendered<'Vault'> => ({
  id: record.id,
  name: record.name,
  createdAt: timestamp(record.createdAt),
  updatedAt: timestamp(record.updatedAt),
});

function usdValue(balance: BalanceRecord, total: bigint): string | null {
  if (balance.asset.usdCents === null) return null;
  const cents = (total * balance.asset.usdCents) / 10n ** BigInt(balance.asset.decimals);
  return fromBaseUnits(cents, 2);
}

const balance = (record: BalanceRecord): Rendered<'VaultBalance'> => {
  const total = record.available + record.pending;
  return {
    asset: record.asset.id,
    network: record.asset.network,
    total: fromBaseUnits(total, record.asset.decimals),
    available: fromBaseUnits(record.available, record.asset.decimals),
    pending: fromBaseUnits(record.pending, record.asset.decimals),
    usdValue: usdValue(record, total),
    updatedAt: timestamp(record.updatedAt),
  };
};

const depositAddress = (record: DepositAddressRecord): Rendered<'DepositAddress'> => ({
  id: record.id,
  vaultId: record.vaultId,
  network: record.network,
  address: record.address,
  label: record.label,
  createdAt: timestamp(record.createdAt),
});

const transfer = (record: TransferRecord): Rendered<'Transfer'> => ({
  id: record.id,
  vaultId: record.vaultId,
  asset: record.assetId,
  amount: fromBaseUnits(record.amount, record.asset.decimals),
  destinationAddress: record.destinationAddress,
  status: record.status,
  txHash: record.txHash,
  fee: record.fee,
  note: record.note,
  createdAt: timestamp(record.createdAt),
  updatedAt: timestamp(record.updatedAt),
  completedAt: record.completedAt === null ? null : timestamp(record.completedAt),
});

const apiKey = (record: ApiKeyRecord): Rendered<'ApiKey'> => ({
  id: record.id,
  name: record.name,
  scopes: [...record.scopes],
  vaultAllowlist: record.vaultAllowlist ? [...record.vaultAllowlist] : null,
  ipAllowlist: record.ipAllowlist ? [...record.ipAllowlist] : null,
  expiresAt: timestamp(record.expiresAt),
  revokedAt: record.revokedAt === null ? null : timestamp(record.revokedAt),
  lastUsedAt: record.lastUsedAt === null ? null : timestamp(record.lastUsedAt),
  createdAt: timestamp(record.createdAt),
});

/** The only response that carries a key's secret: the answer to createApiKey. */
const createdApiKey = (record: ApiKeyRecord): Rendered<'CreatedApiKey'> => ({ ...apiKey(record), secret: record.secret });

/** Every renderer, finished by `shapes`: the mock uses the spec it was built from; tests may pass another. */
export function renderers(shapes: Finisher) {
  return {
    renderNetwork: shapes.renderer('Network', network),
    renderAsset: shapes.renderer('Asset', asset),
    renderVault: shapes.renderer('Vault', vault),
    renderBalance: shapes.renderer('VaultBalance', balance),
    renderDepositAddress: shapes.renderer('DepositAddress', depositAddress),
    renderTransfer: shapes.renderer('Transfer', transfer),
    renderApiKey: shapes.renderer('ApiKey', apiKey),
    renderCreatedApiKey: shapes.renderer('CreatedApiKey', createdApiKey),
  };
}

export const { renderNetwork, renderAsset, renderVault, renderBalance, renderDepositAddress, renderTransfer, renderApiKey, renderCreatedApiKey } = renderers(finisher);
