import type { OperationId } from '@fortary/types';
import type { Fault } from './faults.js';

export interface RequestLogEntry {
  requestId: string;
  method: string;
  path: string;
  operationId: OperationId | null;
  status: number;
  /** The operation ran (state may have changed), whatever the client received. */
  executed: boolean;
  replayed: boolean;
  fault: Fault['kind'] | null;
}

export interface MockStats {
  requests: number;
  /** Completed executions per operation (a replay is not an execution). */
  executions: Partial<Record<OperationId, number>>;
  byStatus: Record<number, number>;
  faults: number;
}

/** The request log keeps at least the last 1000 entries (and at most 2000). */
const REQUEST_LOG_LIMIT = 1000;

/** Recent requests and counters, for tests that check what a client did. */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  stats: MockStats = emptyStats();

  record(entry: RequestLogEntry): void {
    this.stats.requests += 1;
    this.stats.byStatus[entry.status] = (this.stats.byStatus[entry.status] ?? 0) + 1;
    if (entry.fault) this.stats.faults += 1;
    if (entry.executed && entry.operationId) this.stats.executions[entry.operationId] = (this.stats.executions[entry.operationId] ?? 0) + 1;
    this.entries.push(entry);
    // trimmed in batches: one splice per REQUEST_LOG_LIMIT requests rather than a shift per request
    if (this.entries.length >= 2 * REQUEST_LOG_LIMIT) this.entries.splice(0, this.entries.length - REQUEST_LOG_LIMIT);
  }

  reset(): void {
    this.entries.length = 0;
    this.stats = emptyStats();
  }
}

function emptyStats(): MockStats {
  return { requests: 0, executions: {}, byStatus: {}, faults: 0 };
}
