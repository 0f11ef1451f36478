import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import { saveImage } from '../../bot/images/store';
import { FakeDingtalk, ROBOT_SEND } from '../support/fake-dingtalk';
import { rawMarkdownOf, type BotCall } from '../support/fake-wecom-bot';
import { doorHall } from '../support/door';
import type { Hall } from '../support/hall';
import { freePort } from '../support/ports';

/** What a markdown client draws (CommonMark), and one that also turns bare addresses into links (GFM-style). */
const commonmark = new MarkdownIt();
const linkifying = new MarkdownIt({ linkify: true });
const MARKUP = /<(a|h[1-6]|em|strong|code|pre|blockquote|img|ul|ol|li|s|del|table|hr)\b/;

const LINK = '[请立即点此核验](http://evil.example/x)';
const NOTE = '# 已处理 **重要** _立即_ > 注意 `rm` ![图](http://evil.example/i.png) ~~删~~ <b>粗</b>';

const entities = (html: string) => html.replace(/<[^>]+>/g, '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

/** A markdown body shows each typed text exactly as typed: no markup drawn, and a bare address, if a client links it, links to what it shows. */
function expectShownAsTyped(markdown: string, typed: string[]): void {
  const html = commonmark.render(markdown);
  expect(html, markdown).to.not.match(MARKUP);
  for (const text of typed) expect(entities(html), markdown).to.contain(text);
  for (const [, href, label] of linkifying.render(markdown).matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) expect(entities(label)).to.equal(entities(href));
}

/** A hall whose PUBLIC_URL names its own port, so that the picture links it sends can be fetched. */
async function hallAt(platform: 'wecom-bot' | 'dingtalk', env: Record<string, string> = {}): Promise<Hall> {
  const port = await freePort();
  return doorHall({ platform, port, now: '2026-11-23T09:00:00+08:00', env: { PUBLIC_URL: `http://127.0.0.1:${port}`, ...env } });
}

/** A picture with a caption queued to the leadership group, as the daily brief queues its chart. */
async function pictureToLeaders(hall: Hall, caption: string): Promise<void> {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  await hall.service.db.tx(async (sql) => hall.service.services.notifier.imageToLeaders(sql, await saveImage(sql, png, 'test', hall.clock.now()), caption, 'summary'));
  await hall.deliver();
}

describe('markdown channels show what people typed as typed', () => {
  let hall: Hall;
  afterEach(() => hall.close());

  it('WeCom intelligent bot: the guard’s reply, the leadership push, a direct push and a picture’s caption', async () => {
    hall = await hallAt('wecom-bot');
    const registration = `登记 ${LINK} 13912345678 住址 **幸福**小区 行程 #杭州 38.6 红码`;
    // Sent in a group chat: the reply, naming the visitor, goes to the guard alone as a push.
    await hall.send('qianmw', registration, undefined, { group: true });
    await hall.send('wangwu', `处置 1 ${NOTE}`);
    await pictureToLeaders(hall, `走势 ${LINK}`);
    const bodies = (hall.received as BotCall[]).filter((c) => c.cmd === 'aibot_respond_msg' || c.cmd === 'aibot_send_msg').map(rawMarkdownOf);
    const [picture, ...others] = [bodies.find((b) => b.includes('查看图片'))!, ...bodies.filter((b) => !b.includes('查看图片'))];
    const about = (text: string) => others.filter((b) => entities(commonmark.render(b)).includes(text));
    // The guard's reply, the alert to the leaders, the incident's opening: each names the visitor.
    expect(about(LINK).length).to.be.at.least(3);
    for (const body of about(LINK)) expectShownAsTyped(body, [LINK]);
    for (const body of about('**幸福**小区')) expectShownAsTyped(body, ['**幸福**小区', '#杭州']);
    expect(about(NOTE)).to.have.length.at.least(1);
    for (const body of about(NOTE)) expectShownAsTyped(body, [NOTE]);
    const direct = (hall.received as BotCall[]).filter((c) => c.cmd === 'aibot_send_msg' && c.body.chatid === 'qianmw').map(rawMarkdownOf);
    expect(direct.join()).to.contain('已登记访客');
    for (const body of direct) expectShownAsTyped(body, [LINK]);
    // Masked phones keep their stars as stars, never emphasis.
    for (const body of about('139****5678')) expectShownAsTyped(body, ['139****5678']);
    expect(about('139****5678').length).to.be.at.least(2);
    expect(commonmark.render(picture)).to.match(/<strong>走势 \[请立即点此核验\]\(http:\/\/evil\.example\/x\)<\/strong>/).and.match(/<a href="http:\/\/127\.0\.0\.1:\d+\/images\/\d+\.png\?[^"]+">查看图片<\/a>/);
  });

  it('DingTalk markdown (a custom robot’s picture message): the caption shows as typed, the picture still shows', async () => {
    const secret = 'SECb90923e19e58b466481e9e7b7a5b4f108a4531abde590ad3967fb29f0eae5c68';
    const robot = await FakeDingtalk.start(secret);
    try {
      hall = await hallAt('dingtalk', { DINGTALK_LEADER_CONVERSATION_ID: '', DINGTALK_LEADER_WEBHOOK: `${robot.url}${ROBOT_SEND}?access_token=robot-token`, DINGTALK_LEADER_SECRET: secret });
      const caption = `# 走势 ${LINK} **重要**`;
      await pictureToLeaders(hall, caption);
      const [image] = robot.groupImages();
      expect(image?.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/images\/\d+\.png\?/);
      const { text } = robot.callsTo(ROBOT_SEND).at(-1)!.body!.markdown as { title: string; text: string };
      const html = commonmark.render(text);
      // The message's own heading and picture; the caption inside them is text.
      expect(html).to.match(/^<h4># 走势 \[请立即点此核验\]\(http:\/\/evil\.example\/x\) \*\*重要\*\*<\/h4>/);
      expect(html).to.contain(`alt="# 走势 [请立即点此核验](http://evil.example/x) **重要**"`);
      expect(html).to.not.match(/<(a|strong|em|h1)\b/);
    } finally {
      await robot.close();
    }
  });
});
