import type { Server } from 'node:http';
import MarkdownIt from 'markdown-it';
import { dingtalkSign } from '../../bot/adapters/dingtalk/sign';
import { listenJson, type RecordedCall } from './json-server';
import { pngSize } from './png';

const markdown = new MarkdownIt();

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
  private readonly images = new WeakMap<DingtalkCall, { url: string; png: Buffer }>();
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
      .filter((c) => (c.path === GROUP_SEND || c.path === ROBOT_SEND) && this.outcomes.get(c) && !this.images.has(c))
      .map((c) => (c.path === GROUP_SEND ? content(c) : String((c.body?.text as { content?: string })?.content ?? '')));
  }

  /** Images the leadership group received (fetched by URL, as DingTalk does), from call `since`. */
  groupImages(since = 0): { url: string; png: Buffer }[] {
    return this.calls.slice(since).flatMap((c) => (this.outcomes.get(c) && this.images.has(c) ? [this.images.get(c)!] : []));
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

  /** The quick-action links of one-to-one messages delivered, per recipient, from call `since`. */
  directLinks(since = 0): { to: string; label: string; command: string; href: string }[] {
    return this.callsTo(BATCH_SEND, since)
      .filter((c) => this.outcomes.get(c) && c.body?.msgKey === 'sampleMarkdown')
      .flatMap((c) => {
        const { links } = shownMarkdown(String(JSON.parse(String(c.body?.msgParam)).text ?? ''));
        return ((c.body?.userIds as string[]) ?? []).flatMap((to) => links.map((l) => ({ to, ...l })));
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

  private async answer(call: DingtalkCall): Promise<[number, Record<string, unknown>, Record<string, string>?]> {
    const url = imageUrl(call);
    if (url !== undefined && !this.scripts.get(call.path)?.length) {
      const png = await fetchPng(url);
      if (!png) {
        this.outcomes.set(call, false);
        return call.path === ROBOT_SEND ? [200, { errcode: 400304, errmsg: 'image fetch failed' }] : [400, { code: 'invalidParameter.photoURL', message: 'image could not be fetched' }];
      }
      this.images.set(call, { url, png });
    }
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

/** The picture a leadership message shows: the robot's image message (photoURL) or a custom robot's markdown image. */
function imageUrl(call: DingtalkCall): string | undefined {
  if (call.path === GROUP_SEND && call.body?.msgKey === 'sampleImageMsg') {
    try {
      return String(JSON.parse(String(call.body.msgParam)).photoURL ?? '');
    } catch {
      return '';
    }
  }
  // The picture a markdown message shows, found as a markdown client draws it (escaped brackets in its caption are text).
  if (call.path === ROBOT_SEND && call.body?.msgtype === 'markdown') return /<img src="([^"]+)"/.exec(markdown.render(String((call.body.markdown as { text?: string })?.text ?? '')))?.[1]?.replaceAll('&amp;', '&') ?? '';
  return undefined;
}

/** Fetches an image as DingTalk would: a PNG from a 200 answer, or null. */
async function fetchPng(url: string): Promise<Buffer | null> {
  try {
    const res = await fetch(url);
    const bytes = Buffer.from(await res.arrayBuffer());
    return res.status === 200 && pngSize(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

function content(call: DingtalkCall): string {
  try {
    const param = JSON.parse(String(call.body?.msgParam ?? '{}')) as { content?: unknown; text?: unknown };
    return call.body?.msgKey === 'sampleMarkdown' ? shownMarkdown(String(param.text ?? '')).text : String(param.content ?? '');
  } catch {
    return '';
  }
}

const QUICK_ACTION = /\[((?:\\.|[^\]\\])*)\]\((dtmd:\/\/dingtalkclient\/sendMessage\?content=[^)]*)\)/g;

/**
 * A one-to-one markdown message as the DingTalk client shows it: its text (escapes read,
 * hard breaks as lines) and its quick-action links, each the command a tap would send.
 */
export function shownMarkdown(markdown: string): { text: string; links: { label: string; command: string; href: string }[] } {
  const links = [...markdown.matchAll(QUICK_ACTION)].map((m) => ({ label: unescape(m[1]), command: new URL(m[2]).searchParams.get('content') ?? '', href: m[2] }));
  const text = links.length ? markdown.slice(0, markdown.lastIndexOf('\n\n')) : markdown;
  return { text: unescape(text.replace(/ {2}\n/g, '\n')).replace(/^\u00a0+/gm, (lead) => ' '.repeat(lead.length)), links };
}

const unescape = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
