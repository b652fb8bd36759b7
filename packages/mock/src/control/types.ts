/**
 * The shapes of the control plane, as `control-plane.openapi.yaml` describes them. The test
 * suite validates every control-plane response against that document, so these types and the
 * document cannot drift apart unnoticed.
 */
import type { Fault } from '../faults.js';
import type { RequestLogEntry } from '../core.js';

export interface ClockState {
  /** The virtual time, UTC ISO 8601 with `Z`. */
  now: string;
  frozen: boolean;
}

/** One of the three ways to move the clock; exactly one field per request. */
export type ClockChange = { advanceSeconds: number } | { set: string } | { frozen: boolean };

export interface DepositRequest {
  /** The on-chain address of a deposit address the mock created or seeded. */
  address: string;
  /** An AssetId of the deposit address's network. */
  asset: string;
  /** A decimal string greater than zero with at most the asset's decimals. */
  amount: string;
}

export interface SimulatedDeposit {
  id: string;
  vaultId: string;
  depositAddressId: string;
  address: string;
  network: string;
  asset: string;
  amount: string;
  txHash: string;
  /** `pending` until the virtual clock passes `confirmsAt`, then `confirmed` (and available). */
  status: 'pending' | 'confirmed';
  createdAt: string;
  confirmsAt: string;
  confirmedAt: string | null;
}

export interface FaultsRequest {
  faults: Fault[];
}

export interface FaultsState {
  /** How many faults were queued, each for one of the next requests to the product API. */
  accepted: number;
}

export interface RequestLogPage {
  /** Newest first. */
  data: RequestLogEntry[];
}

export interface ResetResult {
  clock: ClockState;
}
