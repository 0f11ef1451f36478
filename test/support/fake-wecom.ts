import type { Server } from 'node:http';
import { listenJson, type RecordedCall } from './json-server';
import { md5, multipartFiles, pngSize } from './png';

/** One request the fake WeCom server received. */
export type WecomCall = RecordedCall;

/** A scripted answer: a WeCom errcode (HTTP 200), a bare HTTP status, or a redirect elsewhere. */
export type Scripted = { errcode: number } | { status: number } | { redirect: string; status: 301 | 302 | 303 | 307 | 308 };

/** The group robot's limit on an image, before base64 (PROTOCOLS.md). */
const ROBOT_IMAGE_BYTES = 2 * 1024 * 1024;

/** A picture the leadership group received: by the robot (base64 + md5) or by the app chat (uploaded media). */
export interface ReceivedImage {
  via: 'robot' | 'appchat';
  png: Buffer;
}

/**
 * A fake WeCom API on 127.0.0.1: gettoken, message/send, appchat/send,
 * media/upload and the group robot webhook. It records every call and answers
 * success unless the next answers for a path were scripted with `failNext`.
 * Images are checked as WeCom would: the robot's base64 must decode to a PNG
 * of at most 2 MB whose MD5 is the one given; an upload must carry a PNG in
 * its multipart `media` field; an app chat image must name an uploaded media_id.
 */
export class FakeWecom {
  readonly calls: WecomCall[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private tokenSerial = 0;
  private readonly media = new Map<string, Buffer>();
  private readonly images = new WeakMap<WecomCall, ReceivedImage>();
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
      .filter((c) => this.succeeded(c) && c.body?.msgtype !== 'image')
      .map((c) => String((c.body?.text as { content?: string })?.content ?? ''));
  }

  /** Images the leadership group received, in order, from call number `since`. */
  groupImages(since = 0): ReceivedImage[] {
    return this.calls.slice(since).flatMap((c) => (this.succeeded(c) && this.images.has(c) ? [this.images.get(c)!] : []));
  }

  /** Direct app messages delivered, one entry per recipient, from call number `since`. */
  directTexts(since = 0): { to: string; text: string }[] {
    return this.calls
      .slice(since)
      .filter((c) => c.path === '/cgi-bin/message/send')
      .filter((c) => this.succeeded(c))
      .flatMap((c) => String(c.body?.touser ?? '').split('|').map((to) => ({ to, text: c.body?.msgtype === 'template_card' ? cardText(c) : String((c.body?.text as { content?: string })?.content ?? '') })));
  }

  /** Template cards delivered by message/send, one entry per recipient, from call number `since`. */
  cards(since = 0): { to: string; taskId: string; card: SentCard; responseCode: string }[] {
    return this.calls
      .slice(since)
      .filter((c) => c.path === '/cgi-bin/message/send' && c.body?.msgtype === 'template_card' && this.succeeded(c))
      .flatMap((c) => {
        const card = c.body!.template_card as SentCard;
        return String(c.body?.touser ?? '').split('|').map((to) => ({ to, taskId: card.task_id, card, responseCode: this.responseCodes.get(c)! }));
      });
  }

  /** The message/update_template_card calls that succeeded: who, with which response code, the button's new name. */
  cardUpdates(since = 0): { userids: string[]; responseCode: string; replaceName: string }[] {
    return this.calls
      .slice(since)
      .filter((c) => c.path === '/cgi-bin/message/update_template_card' && this.succeeded(c))
      .map((c) => ({ userids: c.body!.userids as string[], responseCode: String(c.body!.response_code), replaceName: String((c.body!.button as { replace_name?: string })?.replace_name) }));
  }

  reset(): void {
    this.calls.length = 0;
    this.tokenSerial = 0;
    this.scripts.clear();
    this.media.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private readonly outcomes = new WeakMap<WecomCall, boolean>();
  private readonly responseCodes = new WeakMap<WecomCall, string>();
  /** Response codes handed out with clicks, each good for one update. */
  private readonly unusedCodes = new Set<string>();

  /** A response code as WeCom puts in a click event: good for one update. */
  clickResponseCode(): string {
    const code = `rc-click-${this.calls.length}-${this.unusedCodes.size}`;
    this.unusedCodes.add(code);
    return code;
  }

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
    if (call.path === '/cgi-bin/media/upload') return this.upload(call);
    if (call.path === '/cgi-bin/message/send' && call.body?.msgtype === 'template_card') {
      const problem = cardProblem(call.body.template_card as SentCard);
      if (problem) {
        this.outcomes.set(call, false);
        return [200, { errcode: 40058, errmsg: problem }];
      }
      const code = `rc-send-${this.calls.length}`;
      this.responseCodes.set(call, code);
      return [200, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `m${this.calls.length}`, response_code: code }];
    }
    if (call.path === '/cgi-bin/message/update_template_card') {
      // A response code updates one card once (72 h); an unknown or spent one is refused.
      const code = String(call.body?.response_code ?? '');
      if (!this.unusedCodes.delete(code)) {
        this.outcomes.set(call, false);
        return [200, { errcode: 40153, errmsg: 'invalid response_code' }];
      }
    }
    if (call.body?.msgtype === 'image') {
      const png = call.path === '/cgi-bin/webhook/send' ? robotImage(call) : this.media.get(String((call.body.image as { media_id?: string })?.media_id));
      if (!png) {
        this.outcomes.set(call, false);
        return [200, call.path === '/cgi-bin/webhook/send' ? { errcode: 40009, errmsg: 'invalid image' } : { errcode: 40007, errmsg: 'invalid media_id' }];
      }
      this.images.set(call, { via: call.path === '/cgi-bin/webhook/send' ? 'robot' : 'appchat', png });
    }
    return [200, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `m${this.calls.length}` }];
  }

  /** media/upload?type=image: the multipart field `media` must hold a PNG; answers its media_id. */
  private upload(call: WecomCall): [number, Record<string, unknown>] {
    const file = multipartFiles(call.headers['content-type'], call.raw).get('media');
    if (call.query.type !== 'image' || !file?.filename || !pngSize(file.bytes)) {
      this.outcomes.set(call, false);
      return [200, { errcode: 40005, errmsg: 'invalid file type' }];
    }
    const mediaId = `media-${this.media.size + 1}`;
    this.media.set(mediaId, file.bytes);
    return [200, { errcode: 0, errmsg: 'ok', type: 'image', media_id: mediaId, created_at: '1700000000' }];
  }
}

/** The robot's image: base64 that decodes to a PNG of at most 2 MB, with the MD5 given; else undefined. */
function robotImage(call: WecomCall): Buffer | undefined {
  const image = call.body?.image as { base64?: unknown; md5?: unknown } | undefined;
  if (typeof image?.base64 !== 'string' || typeof image.md5 !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(image.base64)) return undefined;
  const png = Buffer.from(image.base64, 'base64');
  return png.length <= ROBOT_IMAGE_BYTES && pngSize(png) && md5(png) === image.md5 ? png : undefined;
}

/** A template card as the service sent it. */
export interface SentCard {
  card_type: string;
  main_title: { title: string; desc?: string };
  sub_title_text?: string;
  task_id: string;
  button_list: { text: string; style: number; key: string }[];
}

/** What WeCom would refuse in a button_interaction card (PROTOCOLS.md "Cards and buttons"), or null. */
function cardProblem(card: SentCard | undefined): string | null {
  if (!card || card.card_type !== 'button_interaction') return 'card_type must be button_interaction';
  if (!/^[A-Za-z0-9_\-@]{1,128}$/.test(card.task_id ?? '')) return 'invalid task_id';
  if (!card.main_title?.title) return 'main_title.title missing';
  const buttons = card.button_list ?? [];
  if (buttons.length < 1 || buttons.length > 6) return 'button_list must hold 1 to 6 buttons';
  if (buttons.some((b) => !b.text || !b.key || Buffer.byteLength(b.key) > 1024 || ![1, 2, 3, 4].includes(b.style))) return 'invalid button';
  return null;
}

/** The text a card shows: its title, then the text below it. */
function cardText(call: WecomCall): string {
  const card = call.body?.template_card as SentCard;
  return [card.main_title.title, card.sub_title_text].filter(Boolean).join('\n');
}
