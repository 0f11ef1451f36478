/**
 * Transient database faults (issue 24): a blip — a connection lost, a session
 * terminated, a serialization failure, a deadlock, SQLite busy — is worth
 * running the transaction again; anything else is a defect.
 */

/** PostgreSQL SQLSTATEs worth a retry: serialization failure, deadlock, the session or the server going away, too many connections. */
const PG_TRANSIENT = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08007']);
const SQLITE_TRANSIENT = /^SQLITE_(BUSY|LOCKED)/;
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** node-postgres's own errors carry no code, only these words. */
const PG_CLIENT_WORDS = /Connection terminated|connection error and is not queryable|not queryable|timeout exceeded when trying to connect|Client was closed/i;

/** True for a fault that a later attempt can clear, whichever driver raised it (TypeORM wraps it in driverError). */
export function isTransient(err: unknown): boolean {
  for (let e = err as { code?: unknown; driverError?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    // By name, not instanceof: a module loaded twice (CommonJS and ESM under tsx) has two classes.
    // TypeORM hands a connection back when the server ends its session; the transaction's next statement then finds it gone.
    if ((e as Error).name === 'DatabaseUnavailable' || (e as Error).name === 'QueryRunnerAlreadyReleasedError') return true;
    const code = typeof e.code === 'string' ? e.code : '';
    if (PG_TRANSIENT.has(code) || SQLITE_TRANSIENT.test(code) || NETWORK.has(code)) return true;
    if (typeof e.message === 'string' && PG_CLIENT_WORDS.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * A transient fault that outlasted its retries: nothing was committed. The
 * HTTP boundary answers it 503 so the platform re-delivers (WeCom counts only
 * a 200; PROTOCOLS.md "Answer"); a long connection leaves the frame unacknowledged.
 */
export class DatabaseUnavailable extends Error {
  readonly status = 503;
  readonly expose = false;
  /** Only the fault's message is kept: a driver error carries its statement's parameters, which may be message bodies. */
  constructor(fault: unknown) {
    super(`database unavailable: ${fault instanceof Error ? fault.message : String(fault)}`);
    this.name = 'DatabaseUnavailable';
  }
}

/** How a transaction is tried again after a transient fault. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The pause before attempt `n + 1` (n ≥ 1). */
  delayMs(n: number): number;
  /** Waits; tests pass one that does not touch the real clock. */
  sleep(ms: number): Promise<void>;
}

/** Five attempts over about a second: 15, 60, 240, 600 ms with jitter, so instances retrying together spread out. */
export const defaultRetry: RetryPolicy = {
  attempts: 5,
  delayMs: (n) => Math.round(Math.min(600, 15 * 4 ** (n - 1)) * (0.8 + Math.random() * 0.4)),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()),
};

/**
 * Runs `work` again after a transient fault, up to the policy's attempts;
 * throws {@link DatabaseUnavailable} once they are spent, and any other error at once.
 */
export async function retryTransient<T>(work: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await work();
    } catch (err) {
      if (!isTransient(err)) throw err;
      if (n >= policy.attempts) throw err instanceof DatabaseUnavailable ? err : new DatabaseUnavailable(err);
      await policy.sleep(policy.delayMs(n));
    }
  }
}
