import type { Clock } from '../time';

/** Refresh this long before the platform's expiry, so a token never dies mid-call. */
const EARLY_MS = 5 * 60_000;

/**
 * A platform access token, cached until shortly before it expires, with a
 * single-flight refresh: concurrent callers share one fetch, and many calls
 * failing with the same stale token cause one refresh (PROTOCOLS.md pitfalls).
 */
export class AccessToken {
  private cached: { token: string; expiresAt: number } | undefined;
  private refreshing: Promise<string> | undefined;

  /** `fetch` obtains a new token and its lifetime in seconds. */
  constructor(
    private readonly fetch: () => Promise<{ token: string; expiresInSeconds: number }>,
    private readonly clock: Clock,
  ) {}

  /** A valid token. */
  get(): Promise<string> {
    if (this.cached && this.clock.now().getTime() < this.cached.expiresAt) return Promise.resolve(this.cached.token);
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** Drops the cached token if it is still the one that failed. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async refresh(): Promise<string> {
    const { token, expiresInSeconds } = await this.fetch();
    const lifetime = expiresInSeconds * 1000;
    this.cached = { token, expiresAt: this.clock.now().getTime() + Math.max(lifetime - EARLY_MS, lifetime / 2) };
    return token;
  }
}
