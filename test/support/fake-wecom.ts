import type { Server } from 'node:http';
import { listenJson, type RecordedCall } from './json-server';

/** One request the fake WeCom server received. */
export type WecomCall = RecordedCall;

/** A scripted answer: a WeCom errcode (HTTP 200), a bare HTTP status, or a redirect elsewhere. */
export type Scripted = { errcode: number } | { status: number } | { redirect: string; status: 301 | 302 | 303 | 307 | 308 };

/**
 * A fake WeCom API on 127.0.0.1: gettoken, message/send, appchat/send and the
 * group robot webhook. It records every call and answers success unless the
 * next answers for a path were scripted with `failNext`.
 */
export class FakeWecom {
  readonly calls: WecomCall[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private tokenSerial = 0;
  private server!: Server;
  url = '';

  static async start(): Promise<FakeWecom> {
    const fake = new FakeWecom();
    ({ server: fake.server, url: fake.url } = await listenJson((call) => {
      fake.calls.push(call);
      return fake.answer(call);
    }));
    return fake;
  }

  /** The next calls to `path` (e.g. `/cgi-bin/webhook/send`) answer these, in order. */
  failNext(path: string, ...answers: Scripted[]): void {
    this.scripts.set(path, [...(this.scripts.get(path) ?? []), ...answers]);
  }

  /** Calls to one path. */
  callsTo(path: string): WecomCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  /** Texts the leadership group received (app chat and robot), in order, from call number `since`. */
  groupTexts(since = 0): string[] {
    return this.calls
      .slice(since)
      .filter((c) => c.path === '/cgi-bin/webhook/send' || c.path === '/cgi-bin/appchat/send')
      .filter((c) => this.succeeded(c))
      .map((c) => String((c.body?.text as { content?: string })?.content ?? ''));
  }

  /** Direct app messages delivered, one entry per recipient, from call number `since`. */
  directTexts(since = 0): { to: string; text: string }[] {
    return this.calls
      .slice(since)
      .filter((c) => c.path === '/cgi-bin/message/send')
      .filter((c) => this.succeeded(c))
      .flatMap((c) => String(c.body?.touser ?? '').split('|').map((to) => ({ to, text: String((c.body?.text as { content?: string })?.content ?? '') })));
  }

  reset(): void {
    this.calls.length = 0;
    this.tokenSerial = 0;
    this.scripts.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private readonly outcomes = new WeakMap<WecomCall, boolean>();

  private succeeded(call: WecomCall): boolean {
    return this.outcomes.get(call) ?? false;
  }

  private answer(call: WecomCall): [number, Record<string, unknown>, Record<string, string>?] {
    const scripted = this.scripts.get(call.path)?.shift();
    this.outcomes.set(call, !scripted);
    if (scripted && 'redirect' in scripted) return [scripted.status, { errcode: 0, errmsg: 'ok', access_token: 'token-from-redirect' }, { location: scripted.redirect }];
    if (scripted && 'status' in scripted) return [scripted.status, { errcode: -1, errmsg: 'server error' }];
    if (scripted) return [200, { errcode: scripted.errcode, errmsg: 'scripted' }];
    if (call.path === '/cgi-bin/gettoken') {
      this.tokenSerial += 1;
      return [200, { errcode: 0, errmsg: 'ok', access_token: `token-${this.tokenSerial}`, expires_in: 7200 }];
    }
    return [200, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `m${this.calls.length}` }];
  }
}
