import { timestamp } from '../clock.js';
import { finisher, type Rendered } from '../shape.js';
import { SortedList, type SortKey } from '../pagination.js';

/** A deposit as the API serves it (times as epoch ms). */
export interface DepositView {
  id: string;
  vaultId: string;
  depositAddressId: string;
  /** The asset id as the sender named it. */
  asset: string;
  /** The decimal amount, in the asset's unit. */
  amount: string;
  txHash: string;
  status: 'pending' | 'confirmed';
  createdAt: number;
  updatedAt: number;
  confirmedAt: number | null;
}

const keyOf = (deposit: DepositView): SortKey => [deposit.createdAt, deposit.id];

/** The deposits of each vault, newest first, as `listDeposits` and `getDeposit` serve them. */
export class DepositBook {
  private readonly byId = new Map<string, DepositView>();
  private readonly byVault = new Map<string, SortedList<DepositView>>();

  /** Adds a deposit, or updates the one with its id in place. */
  upsert(deposit: DepositView): DepositView {
    const existing = this.byId.get(deposit.id);
    if (existing) return Object.assign(existing, deposit);
    this.byId.set(deposit.id, deposit);
    let list = this.byVault.get(deposit.vaultId);
    if (!list) {
      list = new SortedList<DepositView>(keyOf);
      this.byVault.set(deposit.vaultId, list);
    }
    list.insert(deposit);
    return deposit;
  }

  /** The deposit `id` of vault `vaultId` (a deposit of another vault is not found). */
  get(vaultId: string, id: string): DepositView | undefined {
    const deposit = this.byId.get(id);
    return deposit && deposit.vaultId === vaultId ? deposit : undefined;
  }

  newestFirst(vaultId: string, after: SortKey | null = null): Iterable<DepositView> {
    return this.byVault.get(vaultId)?.descending(after) ?? [];
  }

  clear(): void {
    this.byId.clear();
    this.byVault.clear();
  }
}

export const depositSortKey = keyOf;

/** A Deposit as the API serves it, laid out by the spec (src/shape.ts). */
export function renderDeposit(deposit: DepositView) {
  const rendered: Rendered<'Deposit'> = {
    id: deposit.id,
    vaultId: deposit.vaultId,
    depositAddressId: deposit.depositAddressId,
    asset: deposit.asset,
    amount: deposit.amount,
    txHash: deposit.txHash,
    status: deposit.status,
    createdAt: timestamp(deposit.createdAt),
    updatedAt: timestamp(deposit.updatedAt),
    confirmedAt: deposit.confirmedAt === null ? null : timestamp(deposit.confirmedAt),
  };
  return finisher.finish('Deposit', rendered, deposit);
}
