import axios, { type AxiosInstance } from 'axios';
import type { DingtalkConfig } from '../../config';
import type { Logger } from '../../log';
import { SendError } from '../../outbox/channel';
import type { Clock } from '../../time';

type Answer = Record<string, unknown> & { httpStatus: number };

const EARLY_MS = 5 * 60_000;

/** Maps an HTTP status of the new API to success or a SendError: 429 and 5xx are worth retrying. */
function check(path: string, answer: Answer): Answer {
  const status = answer.httpStatus;
  if (status >= 200 && status < 300) return answer;
  const code = typeof answer.code === 'string' ? ` ${answer.code}` : '';
  throw new SendError(`${path}: HTTP ${status}${code}`, status === 429 || status >= 500);
}

/**
 * DingTalk's new server API (api.dingtalk.com): the app's access token cached
 * with a single-flight refresh, sent as `x-acs-dingtalk-access-token`. The
 * token and the AppSecret never reach a log.
 */
export class DingtalkApi {
  private cached: { token: string; expiresAt: number } | undefined;
  private refreshing: Promise<string> | undefined;

  constructor(
    private readonly config: DingtalkConfig,
    private readonly clock: Clock,
    private readonly log: Logger,
    readonly http: AxiosInstance = axios.create({ timeout: 10_000, validateStatus: () => true }),
  ) {}

  async token(): Promise<string> {
    if (this.cached && this.clock.now().getTime() < this.cached.expiresAt) return this.cached.token;
    this.refreshing ??= this.fetchToken().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  /** POSTs to the new API with the token; a 401 refreshes it once and retries. */
  async post(path: string, body: unknown): Promise<Answer> {
    const token = await this.token();
    const first = await this.request(`${this.config.apiBase}${path}`, body, { 'x-acs-dingtalk-access-token': token });
    if (first.httpStatus !== 401) return check(path, first);
    this.log.info({ path }, 'access token rejected; refreshing once');
    this.invalidate(token);
    return check(path, await this.request(`${this.config.apiBase}${path}`, body, { 'x-acs-dingtalk-access-token': await this.token() }));
  }

  /** POSTs JSON to any URL (a session or robot webhook); network errors become retryable SendErrors naming no URL. */
  async request(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    try {
      const res = await this.http.post(url, body, { headers });
      const data = (typeof res.data === 'object' && res.data) || {};
      return { ...(data as Record<string, unknown>), httpStatus: res.status };
    } catch (err) {
      throw new SendError(`${new URL(url).pathname}: ${(err as { code?: string }).code ?? 'network error'}`, true);
    }
  }

  private async fetchToken(): Promise<string> {
    const answer = check('/v1.0/oauth2/accessToken', await this.request(`${this.config.apiBase}/v1.0/oauth2/accessToken`, { appKey: this.config.appKey, appSecret: this.config.appSecret }));
    const token = String(answer.accessToken ?? '');
    if (!token) throw new SendError('accessToken missing from the answer', true);
    const lifetime = Number(answer.expireIn ?? 7200) * 1000;
    this.cached = { token, expiresAt: this.clock.now().getTime() + Math.max(lifetime - EARLY_MS, lifetime / 2) };
    this.log.info({ expiresInSeconds: lifetime / 1000 }, 'DingTalk access token obtained');
    return token;
  }
}
