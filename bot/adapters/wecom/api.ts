import type { AxiosInstance } from 'axios';
import type { WecomConfig } from '../../config';
import type { Logger } from '../../log';
import { AccessToken } from '../../http/access-token';
import { platformHttp } from '../../http/client';
import { SendError } from '../../outbox/channel';
import type { Clock } from '../../time';

interface WecomAnswer {
  errcode?: number;
  errmsg?: string;
  [key: string]: unknown;
}

/** errcodes worth another try (PROTOCOLS.md): busy, frequency and concurrency limits. */
const RETRYABLE = new Set([-1, 45009, 45033]);
/** The access token is invalid or expired: refresh once and retry. */
const STALE_TOKEN = new Set([40014, 42001]);

/**
 * WeCom's server API: the access token cached per app with a single-flight
 * refresh, and errors mapped by errcode (never errmsg) to {@link SendError}.
 * URLs with tokens or keys are never logged.
 */
export class WecomApi {
  private readonly accessToken: AccessToken;

  constructor(
    private readonly config: WecomConfig,
    clock: Clock,
    private readonly log: Logger,
    private readonly http: AxiosInstance = platformHttp(config.apiBase),
  ) {
    this.accessToken = new AccessToken(() => this.fetchToken(), clock);
  }

  /** A valid access token; concurrent callers share one refresh. */
  token(): Promise<string> {
    return this.accessToken.get();
  }

  /** Drops the cached token if it is still the one that failed (so many failures cause one refresh). */
  invalidate(token: string): void {
    this.accessToken.invalidate(token);
  }

  /** POSTs to an app API with the access token, refreshing it once on 40014/42001. */
  async post(path: string, body: unknown, params: Record<string, string> = {}): Promise<WecomAnswer> {
    const token = await this.token();
    const first = await this.request(path, { ...params, access_token: token }, body);
    if (!STALE_TOKEN.has(first.errcode ?? 0)) return check(path, first);
    this.log.info({ path, errcode: first.errcode }, 'access token rejected; refreshing once');
    this.invalidate(token);
    return check(path, await this.request(path, { ...params, access_token: await this.token() }, body));
  }

  /**
   * Uploads a PNG as temporary media (`media/upload?type=image`, multipart
   * field `media`, valid 3 days) and resolves with its media_id.
   */
  async uploadImage(png: Buffer, filename: string): Promise<string> {
    const form = new FormData();
    form.append('media', new Blob([new Uint8Array(png)], { type: 'image/png' }), filename);
    const answer = await this.post('/cgi-bin/media/upload', form, { type: 'image' });
    const mediaId = String(answer.media_id ?? '');
    if (!mediaId) throw new SendError('/cgi-bin/media/upload: answered without media_id', true);
    return mediaId;
  }

  /** POSTs to a group robot webhook (its key is its credential; no access token). */
  async robot(key: string, body: unknown): Promise<WecomAnswer> {
    return check('/cgi-bin/webhook/send', await this.request('/cgi-bin/webhook/send', { key }, body));
  }

  private async fetchToken(): Promise<{ token: string; expiresInSeconds: number }> {
    const answer = check(
      '/cgi-bin/gettoken',
      await this.request('/cgi-bin/gettoken', { corpid: this.config.corpId, corpsecret: this.config.secret }),
    );
    const token = String(answer.access_token ?? '');
    if (!token) throw new SendError('gettoken answered without access_token', true);
    const expiresInSeconds = Number(answer.expires_in ?? 7200);
    this.log.info({ expiresInSeconds }, 'WeCom access token obtained');
    return { token, expiresInSeconds };
  }

  private async request(path: string, params: Record<string, string>, body?: unknown): Promise<WecomAnswer & { httpStatus: number }> {
    try {
      const res = body === undefined ? await this.http.get(path, { params }) : await this.http.post(path, body, { params });
      const data = (typeof res.data === 'object' && res.data) || {};
      return { ...(data as WecomAnswer), httpStatus: res.status };
    } catch (err) {
      // Network errors and timeouts: the message of an axios error names no URL, its config does; only the code is kept.
      const code = (err as { code?: string }).code ?? 'network error';
      throw new SendError(`${path}: ${code}`, true);
    }
  }
}

/** Maps an answer to success or a SendError (retryable for 5xx, -1, 45009, 45033). */
function check(path: string, answer: WecomAnswer & { httpStatus: number }): WecomAnswer {
  if (answer.httpStatus >= 500) throw new SendError(`${path}: HTTP ${answer.httpStatus}`, true);
  if (answer.httpStatus !== 200) throw new SendError(`${path}: HTTP ${answer.httpStatus}`, false);
  const code = Number(answer.errcode ?? 0);
  if (code === 0) return answer;
  throw new SendError(`${path}: errcode ${code}${answer.errmsg ? ` ${String(answer.errmsg).slice(0, 120)}` : ''}`, RETRYABLE.has(code));
}
