import { loadConfig } from '../bot/config';
import { openDatabase } from '../bot/db/open';
import { createLogger } from '../bot/log';
import type { IncomingMessage } from '../bot/message';
import { createService } from '../bot/service';
import { ManualClock } from '../bot/time';
import { startPlatformCounter } from './platform-counter';

/**
 * The worst roster message a platform can deliver, at the size of the seeded
 * directory (`npm run cli -- seed`): a lead's `明日排班` filling WeCom's 2,048
 * bytes or DingTalk's 20,000 bytes with names — known people, unknown ones, or
 * as many as one message may name. Each case runs a few times through the
 * real dispatcher (claim, handler, roster, reply); prints JSON: per case the
 * slowest run and the longest event-loop stall, in milliseconds.
 */
const [url] = process.argv.slice(2);
const RUNS = 5;
const at = new Date('2026-11-23T10:00:00+08:00');
const counter = await startPlatformCounter();
const config = loadConfig({
  DATABASE_URL: url,
  LOG_LEVEL: 'silent',
  ...{ WECOM_CORP_ID: 'wwbench', WECOM_AGENT_ID: '1', WECOM_SECRET: 's', WECOM_TOKEN: 't', WECOM_AES_KEY: 'a'.repeat(43), WECOM_API_BASE: counter.url },
  ...{ DINGTALK_APP_KEY: 'k', DINGTALK_APP_SECRET: 's', DINGTALK_ROBOT_CODE: 'k', DINGTALK_API_BASE: counter.url, DINGTALK_OAPI_BASE: counter.url },
});
const service = await createService({ config, log: createLogger('silent'), db: await openDatabase(url), clock: new ManualClock(at) });
const staff = await service.services.directory.active();
// The seeded lead of 1号窗口 sends; everyone named belongs to the hall.
const lead = staff.find((p) => p.role === 'lead' && p.window === '1号窗口')!;
const others = staff.filter((p) => p.id !== lead.id).map((p) => p.name);

/** Names from `pool` after `明日排班 ` until the text is `bytes` long in UTF-8, or `count` names are written. */
function rosterText(pool: string[], bytes: number, count = Infinity): string {
  let text = '明日排班';
  for (const name of pool) {
    if (Buffer.byteLength(`${text} ${name}`) > bytes || count-- <= 0) break;
    text += ` ${name}`;
  }
  return text;
}

const unknown = Array.from({ length: 5000 }, (_, i) => `路人${i}`);
const cases: { name: string; platform: 'wecom' | 'dingtalk'; text: string }[] = [
  { name: 'WeCom 2,048 bytes of known names', platform: 'wecom', text: rosterText(others, 2048) },
  { name: 'WeCom 2,048 bytes of unknown names', platform: 'wecom', text: rosterText(unknown, 2048) },
  { name: 'WeCom 200 known names (the most one message may name)', platform: 'wecom', text: rosterText(others, 2048, 200) },
  { name: 'DingTalk 200 known names (the most one message may name)', platform: 'dingtalk', text: rosterText(others, 20_000, 200) },
  { name: 'DingTalk 20,000 bytes of known names', platform: 'dingtalk', text: rosterText(others, 20_000) },
  { name: 'DingTalk 20,000 bytes of unknown names', platform: 'dingtalk', text: rosterText(unknown, 20_000) },
  { name: 'DingTalk 20,000 bytes of one name repeated', platform: 'dingtalk', text: rosterText(Array(5000).fill(others[0]), 20_000) },
];

let serial = 0;
const message = (platform: 'wecom' | 'dingtalk', text: string): IncomingMessage => ({
  platform,
  userId: platform === 'wecom' ? lead.wecomUserId! : lead.dingtalkUserId!,
  isGroup: false,
  kind: 'text',
  text,
  messageId: `bench-${process.pid}-${++serial}`,
  receivedAt: at,
});

/** The longest time the event loop went without running a timer, while `work` ran: how long other requests would have waited. */
async function longestStall(work: () => Promise<void>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 5));
  last = performance.now();
  await work();
  await new Promise((resolve) => setTimeout(resolve, 5));
  clearInterval(ticker);
  return longest;
}

const results = [];
for (const c of cases) {
  await service.dispatch(message(c.platform, c.text));
  let slowest = 0;
  const stallMs = await longestStall(async () => {
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      await service.dispatch(message(c.platform, c.text));
      slowest = Math.max(slowest, performance.now() - started);
      // Lets timers (and the outbox) run between messages, as between real requests.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  });
  results.push({ case: c.name, bytes: Buffer.byteLength(c.text), names: c.text.split(' ').length - 1, ms: slowest, stallMs });
}
process.stdout.write(`${JSON.stringify({ staff: staff.length, results })}\n`);
await service.close();
await counter.close();
