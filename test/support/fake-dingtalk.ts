import type { Server } from 'node:http';
import { dingtalkSign } from '../../bot/adapters/dingtalk/sign';
import { listenJson, type RecordedCall } from './json-server';

/** One request the fake DingTalk server received. */
export type DingtalkCall = RecordedCall;

/** A scripted answer: an HTTP status (with a code), an errcode (webhooks), throttled users (batchSend), or a redirect elsewhere. */
export type Scripted = { status: number; code?: string } | { errcode: number } | { flowControlled: string[] } | { redirect: string; status: 301 | 302 | 303 | 307 | 308 };

export const SESSION_PATH = '/robot/sendBySession';
export const BATCH_SEND = '/v1.0/robot/oToMessages/batchSend';
export const GROUP_SEND = '/v1.0/robot/groupMessages/send';
export const ROBOT_SEND = '/robot/send';

/**
 * A fake DingTalk on 127.0.0.1, serving both the new API (access token,
 * batchSend, groupMessages/send) and the oapi origin (session webhooks, the
 * custom robot, whose signature it checks). Records every call; scripted
 * answers per path come first.
 */
export class FakeDingtalk {
  readonly calls: DingtalkCall[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private readonly outcomes = new WeakMap<DingtalkCall, boolean>();
  private tokenSerial = 0;
  private server!: Server;
  url = '';

  constructor(private readonly robotSecret = '') {}

  static async start(robotSecret = ''): Promise<FakeDingtalk> {
    const fake = new FakeDingtalk(robotSecret);
    ({ server: fake.server, url: fake.url } = await listenJson((call) => {
      fake.calls.push(call);
      return fake.answer(call);
    }));
    return fake;
  }

  /** A session webhook on this server, as DingTalk puts in a callback. */
  sessionWebhook(session = 'abc'): string {
    return `${this.url}${SESSION_PATH}?session=${session}`;
  }

  failNext(path: string, ...answers: Scripted[]): void {
    this.scripts.set(path, [...(this.scripts.get(path) ?? []), ...answers]);
  }

  callsTo(path: string, since = 0): DingtalkCall[] {
    return this.calls.slice(since).filter((c) => c.path === path);
  }

  /** Texts delivered to the leadership group (robot group send and custom robot), from call `since`. */
  groupTexts(since = 0): string[] {
    return this.calls
      .slice(since)
      .filter((c) => (c.path === GROUP_SEND || c.path === ROBOT_SEND) && this.outcomes.get(c))
      .map((c) => (c.path === GROUP_SEND ? content(c) : String((c.body?.text as { content?: string })?.content ?? '')));
  }

  /** One-to-one robot messages delivered, one entry per recipient (throttled ones excluded). */
  directTexts(since = 0): { to: string; text: string }[] {
    return this.callsTo(BATCH_SEND, since)
      .filter((c) => this.outcomes.get(c))
      .flatMap((c) => {
        const throttled = (c as DingtalkCall & { throttled?: string[] }).throttled ?? [];
        return ((c.body?.userIds as string[]) ?? []).filter((u) => !throttled.includes(u)).map((to) => ({ to, text: content(c) }));
      });
  }

  /** Replies posted to session webhooks, from call `since`. */
  sessionTexts(since = 0): string[] {
    return this.callsTo(SESSION_PATH, since)
      .filter((c) => this.outcomes.get(c))
      .map((c) => String((c.body?.text as { content?: string })?.content ?? ''));
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
    this.tokenSerial = 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(call: DingtalkCall): [number, Record<string, unknown>, Record<string, string>?] {
    const scripted = this.scripts.get(call.path)?.shift();
    this.outcomes.set(call, !scripted || 'flowControlled' in scripted);
    if (scripted && 'redirect' in scripted) return [scripted.status, { errcode: 0, errmsg: 'ok' }, { location: scripted.redirect }];
    if (scripted && 'status' in scripted) return [scripted.status, { code: scripted.code ?? 'error', message: 'scripted' }];
    if (scripted && 'errcode' in scripted) return [200, { errcode: scripted.errcode, errmsg: 'scripted' }];
    if (scripted && 'flowControlled' in scripted) (call as DingtalkCall & { throttled?: string[] }).throttled = scripted.flowControlled;
    switch (call.path) {
      case '/v1.0/oauth2/accessToken':
        return [200, { accessToken: `dt-token-${++this.tokenSerial}`, expireIn: 7200 }];
      case BATCH_SEND: {
        const ids = (call.body?.userIds as string[]) ?? [];
        if (ids.length > 20) {
          this.outcomes.set(call, false);
          return [400, { code: 'invalidParameter.userIds.overMax', message: 'too many' }];
        }
        return [200, { processQueryKey: 'q', invalidStaffIdList: [], flowControlledStaffIdList: scripted && 'flowControlled' in scripted ? scripted.flowControlled : [] }];
      }
      case ROBOT_SEND: {
        const ok = this.robotSecret !== '' && call.query.sign === dingtalkSign(call.query.timestamp ?? '', this.robotSecret);
        this.outcomes.set(call, ok);
        return [200, ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 310000, errmsg: 'sign not match' }];
      }
      default:
        return [200, { errcode: 0, errmsg: 'ok', processQueryKey: 'q' }];
    }
  }
}

function content(call: DingtalkCall): string {
  try {
    return String(JSON.parse(String(call.body?.msgParam ?? '{}')).content ?? '');
  } catch {
    return '';
  }
}
