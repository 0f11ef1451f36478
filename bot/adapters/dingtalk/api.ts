import type { AxiosInstance } from 'axios';
import type { DingtalkConfig } from '../../config';
import type { Logger } from '../../log';
import { AccessToken } from '../../http/access-token';
import { platformHttp } from '../../http/client';
import { SendError } from '../../outbox/channel';
import type { Clock } from '../../time';

type Answer = Record<string, unknown> & { httpStatus: number };

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
  private readonly accessToken: AccessToken;

  constructor(
    private readonly config: DingtalkConfig,
    clock: Clock,
    private readonly log: Logger,
    readonly http: AxiosInstance = platformHttp(),
  ) {
    this.accessToken = new AccessToken(() => this.fetchToken(), clock);
  }

  token(): Promise<string> {
    return this.accessToken.get();
  }

  invalidate(token: string): void {
    this.accessToken.invalidate(token);
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

  private async fetchToken(): Promise<{ token: string; expiresInSeconds: number }> {
    const answer = check('/v1.0/oauth2/accessToken', await this.request(`${this.config.apiBase}/v1.0/oauth2/accessToken`, { appKey: this.config.appKey, appSecret: this.config.appSecret }));
    const token = String(answer.accessToken ?? '');
    if (!token) throw new SendError('accessToken missing from the answer', true);
    const expiresInSeconds = Number(answer.expireIn ?? 7200);
    this.log.info({ expiresInSeconds }, 'DingTalk access token obtained');
    return { token, expiresInSeconds };
  }
}
