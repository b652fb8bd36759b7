import { ApiError } from './errors.js';
import { rateLimitedError } from './rate-limit.js';
import { SeededRandom } from './random.js';

/**
 * Fault injection: random faults drawn from a seeded generator (so a failing run replays with
 * the same seed), and a queue of explicit faults that tests put in front of the next requests.
 */
export type FaultStatus = 429 | 500 | 503;

export type Fault =
  | { kind: 'status'; status: FaultStatus; retryAfterSeconds?: number; when?: 'before' | 'after' }
  | { kind: 'reset'; when?: 'before' | 'after' }
  /** The operation runs and its response is cut off half-way (the headers promise the full length). */
  | { kind: 'truncate' };

export interface RandomFaultOptions {
  /** The share of requests (0–1) answered with an error status instead. */
  rate: number;
  statuses?: FaultStatus[];
  /** A delay range in real milliseconds added to every request. */
  latencyMs?: [number, number];
  /** The share of requests (0–1) whose connection is dropped. */
  resetRate?: number;
  /** The share of requests (0–1) whose body is cut short (the headers promise more). */
  truncateRate?: number;
  seed?: string | number;
}

export class FaultInjector {
  private readonly queue: Fault[] = [];
  private random: SeededRandom;
  private readonly seed: string;

  constructor(private readonly options: RandomFaultOptions | undefined, fallbackSeed: string | number) {
    this.seed = `faults:${options?.seed ?? fallbackSeed}`;
    if (options) {
      for (const [name, value] of Object.entries({ rate: options.rate, resetRate: options.resetRate ?? 0, truncateRate: options.truncateRate ?? 0 })) {
        if (!(value >= 0 && value <= 1)) throw new RangeError(`faults.${name} must be between 0 and 1, got ${value}`);
      }
      if (options.latencyMs && !(options.latencyMs[0] >= 0 && options.latencyMs[1] >= options.latencyMs[0])) {
        throw new RangeError('faults.latencyMs must be [min, max] with 0 <= min <= max');
      }
    }
    this.random = new SeededRandom(this.seed);
  }

  inject(faults: Fault[]): void {
    this.queue.push(...faults);
  }

  /** The fault for the next request, if any: the queue first, then the random draw. */
  next(): Fault | null {
    const queued = this.queue.shift();
    if (queued) return queued;
    const options = this.options;
    if (!options) return null;
    const roll = this.random.next();
    const resetRate = options.resetRate ?? 0;
    const truncateRate = options.truncateRate ?? 0;
    const when = this.random.next() < 0.5 ? 'before' : 'after';
    if (roll < resetRate) return { kind: 'reset', when };
    if (roll < resetRate + truncateRate) return { kind: 'truncate' };
    if (roll < resetRate + truncateRate + options.rate) {
      return { kind: 'status', status: this.random.pick(options.statuses ?? [429, 500, 503]), when: 'before' };
    }
    return null;
  }

  latencyMs(): number {
    const range = this.options?.latencyMs;
    if (!range) return 0;
    return range[0] + this.random.next() * (range[1] - range[0]);
  }

  reset(): void {
    this.queue.length = 0;
    this.random = new SeededRandom(this.seed);
  }
}

/** The error a status fault answers with (a truncate or reset fault is played by the transport). */
export function faultError(fault: Extract<Fault, { kind: 'status' }>): ApiError {
  const retryAfter = fault.retryAfterSeconds ?? 1;
  if (fault.status === 429) return rateLimitedError(retryAfter);
  if (fault.status === 503) {
    return new ApiError('service_unavailable', `The service is temporarily unavailable. Retry after ${retryAfter} seconds.`, null, { 'retry-after': String(retryAfter) });
  }
  return new ApiError('internal_error', 'An internal error occurred. Retry with backoff.');
}
