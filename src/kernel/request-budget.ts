import { DatabaseBusyError, OperationLimitError } from './errors.js';

/** Stands for "the time ran out" where a result was awaited. */
export const OUT_OF_TIME = Symbol('out of time');

/**
 * One request's time and answer-size budget. Created unarmed with the context;
 * the operation-limits plugin arms it with the viewer's limits. Every resolver
 * calls `check()` first (server/limits/budget.ts), so once the time is up no
 * new field starts, and the executor stops waiting for the ones under way.
 */
export class RequestBudget {
  expired = false;
  /** Whether requests are queued for a database connection now (set by the context): then running out of time is the server's state, not the request's size. */
  waitingForDatabase: () => boolean = () => false;
  timeMs = Infinity;
  maxResponseBytes = Infinity;
  private started = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly waiting = new Set<() => void>();

  arm(timeMs: number, maxResponseBytes: number): void {
    this.disarm();
    this.timeMs = timeMs;
    this.maxResponseBytes = maxResponseBytes;
    this.started = performance.now();
    this.timer = setTimeout(() => {
      this.expired = true;
      for (const wake of this.waiting) wake();
    }, timeMs);
    this.timer.unref();
  }

  disarm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Throws the time refusal once the budget is spent. */
  check(): void {
    if (this.expired) throw this.outOfTime();
  }

  outOfTime(): OperationLimitError | DatabaseBusyError {
    const ms = Math.round(performance.now() - this.started);
    if (this.waitingForDatabase()) return new DatabaseBusyError(ms);
    return new OperationLimitError('timeMs', this.timeMs, ms, `the request ran out of time: ${ms} ms, the limit is ${this.timeMs} ms`);
  }

  /** `work`'s value, or OUT_OF_TIME as soon as the budget is spent, whichever comes first. */
  async race<T>(work: T | Promise<T>): Promise<T | typeof OUT_OF_TIME> {
    if (this.expired) return OUT_OF_TIME;
    if (!(work instanceof Promise)) return work;
    let wake!: () => void;
    const timeUp = new Promise<typeof OUT_OF_TIME>((resolve) => (wake = () => resolve(OUT_OF_TIME)));
    this.waiting.add(wake);
    try {
      return await Promise.race([work, timeUp]);
    } finally {
      this.waiting.delete(wake);
    }
  }
}
