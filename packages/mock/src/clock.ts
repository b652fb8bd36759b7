/**
 * The mock's virtual clock. It runs with real time from its start (so rate limits refill and
 * transfers progress while a server sits idle), and tests move it at will: `advance()` ages
 * keys, idempotency records and transfers without waiting.
 */
export interface Clock {
  now(): Date;
  advance(ms: number): void;
  set(date: Date | string | number): void;
  /** Whether time passes only through advance() and set(). */
  readonly frozen: boolean;
  /** Stops (true) or restarts (false) real time passing, without a jump in the virtual time. */
  setFrozen(frozen: boolean): void;
}

export interface VirtualClockOptions {
  start?: Date | string | number;
  /** Stop time from passing on its own: only advance() and set() move it. */
  frozen?: boolean;
  /** The real time source, injectable for tests. */
  realNow?: () => number;
}

export class VirtualClock implements Clock {
  private offsetMs: number;
  private isFrozen: boolean;
  private readonly realNow: () => number;

  constructor(options: VirtualClockOptions = {}) {
    this.realNow = options.realNow ?? Date.now;
    this.isFrozen = options.frozen ?? false;
    const start = options.start === undefined ? this.realNow() : toMillis(options.start);
    this.offsetMs = start - (this.isFrozen ? 0 : this.realNow());
  }

  get frozen(): boolean {
    return this.isFrozen;
  }

  /** While frozen the offset is the virtual time itself; otherwise it is added to real time. */
  nowMs(): number {
    return this.isFrozen ? this.offsetMs : this.realNow() + this.offsetMs;
  }

  setFrozen(frozen: boolean): void {
    if (frozen === this.isFrozen) return;
    const now = this.nowMs();
    this.isFrozen = frozen;
    this.offsetMs = frozen ? now : now - this.realNow();
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`clock.advance() takes a non-negative number of milliseconds, got ${ms}`);
    this.offsetMs += ms;
  }

  set(date: Date | string | number): void {
    this.offsetMs += toMillis(date) - this.nowMs();
  }
}

export function toMillis(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`not a valid date: ${String(value)}`);
  return ms;
}

const formatted = new Map<number, string>();

/**
 * A Timestamp as the spec writes it: UTC with a `Z` suffix. Records keep their times, so the
 * same instants are formatted again and again when lists are read; a bounded cache saves the
 * Date allocation and formatting, the largest single cost of serving a list.
 */
export function timestamp(ms: number): string {
  let text = formatted.get(ms);
  if (text === undefined) {
    if (formatted.size >= 10_000) formatted.clear();
    text = new Date(ms).toISOString();
    formatted.set(ms, text);
  }
  return text;
}
