import { generateTxHash } from '../addresses.js';
import { fractionDigits, fromBaseUnits, toBaseUnits } from '../amount.js';
import { findAsset, findNetwork, type AssetRecord } from '../catalog.js';
import { timestamp } from '../clock.js';
import { ApiError } from '../errors.js';
import { LOWER_ALNUM, SeededRandom } from '../random.js';
import type { DepositAddressRecord, MockState } from '../state.js';
import type { DepositRequest, SimulatedDeposit } from './types.js';

/**
 * How long a simulated deposit stays pending on the virtual clock before its amount becomes
 * available. Until then it counts in the balance's `pending` and `total`, as an incoming
 * transfer waiting for confirmations does on a real chain.
 */
export const DEPOSIT_CONFIRM_AFTER_MS = 60_000;

interface DepositRecord {
  id: string;
  target: DepositAddressRecord;
  asset: AssetRecord;
  /** The asset id as the caller sent it (EVM contract addresses may differ in case). */
  assetId: string;
  amount: bigint;
  txHash: string;
  createdAt: number;
  confirmedAt: number | null;
}

/** Echoed input is cut short so an error message stays readable and within the spec's bounds. */
function echo(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/**
 * Funds arriving on chain at deposit addresses. Deposits are credited to the state's balances:
 * to `pending` at once, then moved to `available` once the clock passes the confirmation delay.
 */
export class DepositLedger {
  private readonly deposits: DepositRecord[] = [];
  /** Told about each new deposit and each confirmation (the API's deposits and their events follow it). */
  onChange: ((deposit: SimulatedDeposit) => void) | undefined;
  private readonly open = new Set<DepositRecord>();
  private random: SeededRandom;

  constructor(private readonly seed: string | number) {
    this.random = new SeededRandom(`deposits:${seed}`);
  }

  reset(): void {
    this.deposits.length = 0;
    this.open.clear();
    this.random = new SeededRandom(`deposits:${this.seed}`);
  }

  /** Validates and records a deposit; throws an ApiError (and changes nothing) on bad input. */
  receive(state: MockState, request: DepositRequest, nowMs: number): SimulatedDeposit {
    const target = findDepositAddress(state, request.address);
    if (!target) {
      throw new ApiError('invalid_address', `No deposit address of the mock has the on-chain address ${echo(request.address)}.`, [
        { field: 'address', issue: 'not the address of any deposit address; create one with createDepositAddress first' },
      ]);
    }
    let asset: AssetRecord | undefined;
    try {
      asset = findAsset(request.asset);
    } catch {
      asset = undefined;
    }
    if (!asset) {
      throw new ApiError('invalid_asset', `The mock knows no asset ${echo(request.asset)}; see listAssets.`, [{ field: 'asset', issue: 'unknown asset id' }]);
    }
    if (asset.network !== target.network) {
      throw new ApiError('invalid_asset', `${echo(request.asset)} is an asset of ${asset.network}, but the deposit address is on ${target.network}.`, [
        { field: 'asset', issue: `must be an asset of ${target.network}` },
      ]);
    }
    const digits = fractionDigits(request.amount);
    if (digits === null) {
      throw new ApiError('invalid_amount', 'amount must be a decimal string such as "1.5".', [{ field: 'amount', issue: 'not a decimal string' }]);
    }
    if (digits > asset.decimals) {
      throw new ApiError('invalid_amount', `${asset.symbol} has ${asset.decimals} decimals; amount has ${digits}.`, [
        { field: 'amount', issue: `at most ${asset.decimals} decimals` },
      ]);
    }
    const amount = toBaseUnits(request.amount, asset.decimals);
    if (amount <= 0n) throw new ApiError('invalid_amount', 'amount must be greater than zero.', [{ field: 'amount', issue: 'must be greater than zero' }]);

    const family = findNetwork(target.network)?.family ?? 'evm';
    const record: DepositRecord = {
      id: `dep_${this.random.string(10, LOWER_ALNUM)}`,
      target,
      asset,
      assetId: request.asset,
      amount,
      txHash: generateTxHash(family, this.random),
      createdAt: nowMs,
      confirmedAt: null,
    };
    state.credit(target.vaultId, asset, 0n, nowMs);
    const balance = state.balanceOf(target.vaultId, asset);
    if (!balance) throw new Error(`the balance of ${target.vaultId} in ${asset.id} was not created`);
    balance.pending += amount;
    this.deposits.push(record);
    this.open.add(record);
    const rendered = this.render(record);
    this.onChange?.(rendered);
    return rendered;
  }

  /** Confirms the deposits whose delay has passed by `nowMs`: pending → available. */
  settle(state: MockState, nowMs: number): void {
    if (this.open.size === 0) return;
    for (const record of this.open) {
      const at = record.createdAt + DEPOSIT_CONFIRM_AFTER_MS;
      if (nowMs < at) continue;
      const balance = state.balanceOf(record.target.vaultId, record.asset);
      if (balance) {
        balance.pending -= record.amount;
        balance.available += record.amount;
        balance.updatedAt = at;
      }
      record.confirmedAt = at;
      this.open.delete(record);
      this.onChange?.(this.render(record));
    }
  }

  /** Every deposit, newest first. */
  list(): SimulatedDeposit[] {
    return this.deposits.map((record) => this.render(record)).reverse();
  }

  private render(record: DepositRecord): SimulatedDeposit {
    return {
      id: record.id,
      vaultId: record.target.vaultId,
      depositAddressId: record.target.id,
      address: record.target.address,
      network: record.target.network,
      asset: record.assetId,
      amount: fromBaseUnits(record.amount, record.asset.decimals),
      txHash: record.txHash,
      status: record.confirmedAt === null ? 'pending' : 'confirmed',
      createdAt: timestamp(record.createdAt),
      confirmsAt: timestamp(record.createdAt + DEPOSIT_CONFIRM_AFTER_MS),
      confirmedAt: record.confirmedAt === null ? null : timestamp(record.confirmedAt),
    };
  }
}

/** EVM addresses compare without case (EIP-55 only changes the case); others exactly. */
function findDepositAddress(state: MockState, address: string): DepositAddressRecord | undefined {
  const lower = address.toLowerCase();
  for (const list of state.addresses.values()) {
    for (const record of list.values()) {
      const family = findNetwork(record.network)?.family;
      if (family === 'evm' ? record.address.toLowerCase() === lower : record.address === address) return record;
    }
  }
  return undefined;
}
