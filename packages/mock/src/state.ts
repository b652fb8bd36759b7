import { generateAddress, generateTxHash } from './addresses.js';
import { fromBaseUnits, toBaseUnits } from './amount.js';
import { ASSETS, NETWORKS, findAsset, findNetwork, type AssetRecord } from './catalog.js';
import { timestamp } from './clock.js';
import type { NetworkName } from '@fortary/types';
import { SCOPES, type Scope } from './generated/spec-facts.js';
import { SortedList, byCreation } from './pagination.js';
import { exampleVaultId, seedSpecExamples } from './seed/spec-examples.js';
import { ALNUM, LOWER_ALNUM, SeededRandom } from './random.js';

/** The records the mock keeps, in the shapes it serves them (times as epoch milliseconds). */
export interface VaultRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export interface BalanceRecord {
  asset: AssetRecord;
  available: bigint;
  pending: bigint;
  updatedAt: number;
}

export interface DepositAddressRecord {
  id: string;
  vaultId: string;
  network: NetworkName;
  address: string;
  label: string | null;
  createdAt: number;
}

export interface TransferRecord {
  id: string;
  vaultId: string;
  asset: AssetRecord;
  /** The asset id as the client sent it (EVM addresses may differ in case from the catalog). */
  assetId: string;
  amount: bigint;
  destinationAddress: string;
  status: 'pending' | 'submitted' | 'confirmed' | 'failed';
  txHash: string | null;
  fee: string | null;
  note: string | null;
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  scopes: Scope[];
  vaultAllowlist: string[] | null;
  ipAllowlist: string[] | null;
  expiresAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
  createdAt: number;
  secret: string;
}

/** How long after creation a transfer is broadcast, and then confirmed, on the virtual clock. */
export const TRANSFER_SUBMIT_AFTER_MS = 30_000;
export const TRANSFER_CONFIRM_AFTER_MS = 120_000;
export const DEFAULT_KEY_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

/** The vault's list in `lists`, created empty on first use. */
function listOf<T extends { createdAt: number; id: string }>(lists: Map<string, SortedList<T>>, vaultId: string): SortedList<T> {
  let list = lists.get(vaultId);
  if (!list) {
    list = new SortedList<T>(byCreation);
    lists.set(vaultId, list);
  }
  return list;
}

export class MockState {
  readonly random: SeededRandom;
  readonly vaults = new Map<string, VaultRecord>();
  readonly vaultOrder = new SortedList<VaultRecord>(byCreation);
  /**
   * A vault's balances, deposit addresses and transfers. Each list is created with its first
   * entry (readers treat a missing list as empty): most vaults made by a client never get
   * some of them, and three empty lists per vault were most of the cost of creating one.
   */
  readonly balances = new Map<string, BalanceRecord[]>();
  readonly addresses = new Map<string, SortedList<DepositAddressRecord>>();
  readonly transfers = new Map<string, TransferRecord>();
  readonly transfersByVault = new Map<string, SortedList<TransferRecord>>();
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  readonly apiKeyOrder = new SortedList<ApiKeyRecord>(byCreation);
  readonly keysBySecret = new Map<string, ApiKeyRecord>();
  /** Told about every new transfer and every change of status (the event log listens). */
  onTransferChange: ((transfer: TransferRecord, kind: 'created' | 'updated') => void) | undefined;
  /** Transfers not yet final, checked whenever the clock is read for a request. */
  private readonly openTransfers = new Set<TransferRecord>();

  constructor(seed: string | number) {
    this.random = new SeededRandom(`state:${seed}`);
  }

  newId(prefix: 'vault' | 'key' | 'addr' | 'transfer'): string {
    for (;;) {
      const id = `${prefix}_${this.random.string(10, LOWER_ALNUM)}`;
      if (!this.vaults.has(id) && !this.transfers.has(id) && !this.apiKeys.has(id)) return id;
    }
  }

  newSecret(): string {
    return `fsk_test_${this.random.string(40, ALNUM)}`;
  }

  addVault(name: string, atMs: number, id: string = this.newId('vault')): VaultRecord {
    const vault: VaultRecord = { id, name, createdAt: atMs, updatedAt: atMs };
    this.vaults.set(vault.id, vault);
    this.vaultOrder.insert(vault);
    return vault;
  }

  addDepositAddress(vaultId: string, network: NetworkName, label: string | null, atMs: number): DepositAddressRecord {
    const family = findNetwork(network)?.family ?? 'evm';
    const record: DepositAddressRecord = { id: this.newId('addr'), vaultId, network, address: generateAddress(family, this.random), label, createdAt: atMs };
    this.insertDepositAddress(record);
    return record;
  }

  insertDepositAddress(record: DepositAddressRecord): void {
    if (this.vaults.has(record.vaultId)) listOf(this.addresses, record.vaultId).insert(record);
  }

  addApiKey(fields: Omit<ApiKeyRecord, 'id' | 'secret' | 'revokedAt' | 'lastUsedAt'>): ApiKeyRecord {
    const key: ApiKeyRecord = { ...fields, id: this.newId('key'), secret: this.newSecret(), revokedAt: null, lastUsedAt: null };
    this.apiKeys.set(key.id, key);
    this.apiKeyOrder.insert(key);
    this.keysBySecret.set(key.secret, key);
    return key;
  }

  balanceOf(vaultId: string, asset: AssetRecord): BalanceRecord | undefined {
    return this.balances.get(vaultId)?.find((balance) => balance.asset.id === asset.id);
  }

  credit(vaultId: string, asset: AssetRecord, amount: bigint, atMs: number): void {
    if (!this.vaults.has(vaultId)) throw new Error(`no vault ${vaultId}`);
    let list = this.balances.get(vaultId);
    if (!list) {
      list = [];
      this.balances.set(vaultId, list);
    }
    const existing = list.find((balance) => balance.asset.id === asset.id);
    if (existing) {
      existing.available += amount;
      existing.updatedAt = atMs;
    } else {
      list.push({ asset, available: amount, pending: 0n, updatedAt: atMs });
      list.sort((a, b) => ASSETS.indexOf(a.asset) - ASSETS.indexOf(b.asset));
    }
  }

  addTransfer(transfer: TransferRecord): void {
    this.transfers.set(transfer.id, transfer);
    if (this.vaults.has(transfer.vaultId)) listOf(this.transfersByVault, transfer.vaultId).insert(transfer);
    // a seeded transfer may already be final; only open ones move on with the clock
    if (transfer.status === 'pending' || transfer.status === 'submitted') this.openTransfers.add(transfer);
    this.onTransferChange?.(transfer, 'created');
  }

  /** Moves transfers along pending → submitted → confirmed up to `nowMs`. */
  advanceTransfers(nowMs: number): void {
    for (const transfer of this.openTransfers) {
      const family = findNetwork(transfer.asset.network)?.family ?? 'evm';
      if (transfer.status === 'pending' && nowMs >= transfer.createdAt + TRANSFER_SUBMIT_AFTER_MS) {
        transfer.status = 'submitted';
        transfer.txHash = this.txHash(family);
        transfer.updatedAt = transfer.createdAt + TRANSFER_SUBMIT_AFTER_MS;
        this.onTransferChange?.(transfer, 'updated');
      }
      if (transfer.status === 'submitted' && nowMs >= transfer.createdAt + TRANSFER_CONFIRM_AFTER_MS) {
        const at = transfer.createdAt + TRANSFER_CONFIRM_AFTER_MS;
        transfer.status = 'confirmed';
        transfer.updatedAt = at;
        transfer.completedAt = at;
        const native = findAsset(`${transfer.asset.network}/native`);
        transfer.fee = native ? fromBaseUnits(BigInt(this.random.int(1, 9)) * 10n ** BigInt(Math.max(0, native.decimals - 5)), native.decimals) : null;
        const balance = this.balanceOf(transfer.vaultId, transfer.asset);
        if (balance) {
          balance.pending -= transfer.amount;
          balance.updatedAt = at;
        }
        this.openTransfers.delete(transfer);
        this.onTransferChange?.(transfer, 'updated');
      }
    }
  }

  /** Ends a transfer that is not final as `failed` and releases its amount back to available. */
  failTransfer(transferId: string, atMs: number): boolean {
    const transfer = this.transfers.get(transferId);
    if (!transfer || !this.openTransfers.has(transfer)) return false;
    transfer.status = 'failed';
    transfer.updatedAt = atMs;
    transfer.completedAt = atMs;
    const balance = this.balanceOf(transfer.vaultId, transfer.asset);
    if (balance) {
      balance.pending -= transfer.amount;
      balance.available += transfer.amount;
      balance.updatedAt = atMs;
    }
    this.openTransfers.delete(transfer);
    this.onTransferChange?.(transfer, 'updated');
    return true;
  }

  private txHash(family: 'evm' | 'bitcoin' | 'solana'): string {
    return generateTxHash(family, this.random);
  }
}

export interface SeedSummary {
  value: string | number;
  vaults: Array<{ id: string; name: string; createdAt: string; updatedAt: string }>;
  bootstrapKey: { id: string; secret: string };
  assets: string[];
}

const SEED_VAULTS: Array<{ name: string; daysAgo: number; holdings: Array<[string, string]>; addresses: NetworkName[] }> = [
  {
    name: 'Treasury',
    daysAgo: 120,
    holdings: [
      ['Ethereum/native', '412.750000000000000000'],
      ['Ethereum/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', '250000.000000'],
      ['Bitcoin/native', '12.50000000'],
      ['Solana/native', '3150.000000000'],
    ],
    addresses: ['Ethereum', 'Bitcoin', 'Solana'],
  },
  {
    name: 'Customer withdrawals',
    daysAgo: 60,
    holdings: [
      ['Ethereum/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', '48250.500000'],
      ['Base/erc20:0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913', '12000.000000'],
      ['Polygon/native', '5000.000000000000000000'],
    ],
    addresses: ['Ethereum', 'Base'],
  },
  {
    name: 'Sandbox',
    daysAgo: 7,
    holdings: [
      ['EthereumSepolia/native', '25.000000000000000000'],
      ['BaseSepolia/native', '10.000000000000000000'],
    ],
    addresses: ['EthereumSepolia'],
  },
];

/** Fills a fresh state with the seeded vaults, balances, addresses and the bootstrap key. */
export function seedState(state: MockState, seed: string | number, nowMs: number): SeedSummary {
  const day = 24 * 60 * 60 * 1000;
  for (const plan of SEED_VAULTS) {
    const createdAt = nowMs - plan.daysAgo * day;
    const vault = state.addVault(plan.name, createdAt, exampleVaultId(plan.name));
    for (const [assetId, amount] of plan.holdings) {
      const asset = findAsset(assetId);
      // a holding whose network left the enum is skipped rather than served with a name requests would reject
      if (asset && NETWORKS.some((network) => network.name === asset.network)) state.credit(vault.id, asset, toBaseUnits(amount, asset.decimals), createdAt + day);
    }
    plan.addresses.forEach((network, index) => {
      if (findNetwork(network)) state.addDepositAddress(vault.id, network, index === 0 ? 'Primary' : null, createdAt + (index + 1) * 60_000);
    });
  }
  seedSpecExamples(state, nowMs);
  const bootstrapCreatedAt = nowMs - 30 * day;
  const bootstrap = state.addApiKey({
    name: 'Bootstrap key',
    scopes: [...SCOPES],
    vaultAllowlist: null,
    ipAllowlist: null,
    expiresAt: bootstrapCreatedAt + DEFAULT_KEY_LIFETIME_MS,
    createdAt: bootstrapCreatedAt,
  });
  return {
    value: seed,
    vaults: [...state.vaultOrder.descending(null)].map((vault) => ({
      id: vault.id,
      name: vault.name,
      createdAt: timestamp(vault.createdAt),
      updatedAt: timestamp(vault.updatedAt),
    })),
    bootstrapKey: { id: bootstrap.id, secret: bootstrap.secret },
    assets: ASSETS.map((asset) => asset.id),
  };
}
