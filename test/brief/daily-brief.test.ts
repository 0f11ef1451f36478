import { expect } from 'chai';
import { importGroups } from '../../bot/groups/import';
import { setThreshold } from '../../bot/supplies/stock';
import { dailyBrief } from '../../jobs/daily-brief';
import { FakeDingtalk, ROBOT_SEND } from '../support/fake-dingtalk';
import { Hall, PLATFORMS, type TestPlatform } from '../support/hall';
import { FakeWecom } from '../support/fake-wecom';
import { md5, pngSize } from '../support/png';
import { freePort } from '../support/ports';

const GROUPS = 'group,name\n应急处置组,李四\n应急处置组,周八\n综合协调组,王五\n';
const MAX_PNG = 2 * 1024 * 1024;

/** A hall whose PUBLIC_URL names its own port, so that links the bot sends can be fetched. */
async function openHall(platform: TestPlatform, now: string, env: Record<string, string> = {}): Promise<Hall> {
  const port = await freePort();
  const hall = await Hall.open({ platform, now, port, env: { PUBLIC_URL: `http://127.0.0.1:${port}`, ...env } });
  await importGroups(hall.service.db, GROUPS, { now: hall.clock.now() });
  return hall;
}

/** Fires the brief at a local time; returns the firing and what the leadership group got. */
async function briefAt(hall: Hall, local: string) {
  hall.clock.set(local);
  const mark = hall.mark();
  const firing = await hall.service.jobs.runner.fire(dailyBrief, hall.clock.now(), { trigger: 'scheduler' });
  await hall.deliver();
  return { firing, ...hall.deliveredSince(mark), mark };
}

/** A day of the hall: a fever that opens an incident, a handled warning, a warning left open, some normal readings. */
async function aDayOfReadings(hall: Hall): Promise<void> {
  hall.clock.set('2026-11-23T08:05:00+08:00');
  await hall.send('zhangsan', '晨检 38.2 咳嗽');
  await hall.send('lisi', '晨检 36.5');
  await hall.send('sunqi', '晨检 36.4');
  await hall.send('lisi', '进展 1 隔离 已送隔离室');
  await hall.send('wangwu', '消杀 全部');
  hall.clock.set('2026-11-23T12:10:00+08:00');
  await hall.send('zhaoliu', '午检 37.4');
  await hall.send('wangwu', '处置 2 已复测正常');
  await hall.send('zhouba', '午检 37.4 黄码');
  await hall.send('wangwu', '消杀 网办区 完成');
  hall.clock.set('2026-11-23T14:30:00+08:00');
  await hall.send('wangwu', '登记 钱九 13812345678 36.6 黄码');
  await hall.service.db.tx((sql) => setThreshold(sql, '口罩', 200, '个', hall.clock.now()));
  await hall.send('wangwu', '入库 口罩 120');
}

const signedLink = (text: string) => /(http:\/\/127\.0\.0\.1:\d+\/images\/\d+\.png\?exp=\d+&sig=[\w-]+)/.exec(text)?.[1];

for (const platform of PLATFORMS) {
  describe(`the daily brief to the leadership group (${platform})`, function () {
    // Each test draws a chart (ECharts, then resvg with a CJK font): about a second on a busy machine.
    this.timeout(30_000);
    let hall: Hall;
    afterEach(() => hall.close());

    it('sends the day at 17:30 on a workday: readings by slot, anomalies and what became of them, incidents and overdue steps, then the chart', async () => {
      hall = await openHall(platform, '2026-11-23T08:00:00+08:00');
      await aDayOfReadings(hall);

      const { firing, group, mark } = await briefAt(hall, '2026-11-23T17:30:00+08:00');
      expect(firing, firing.detail).to.include({ outcome: 'done' });
      const brief = group.find((t) => t.includes('【每日研判简报】'));
      expect(brief, group.join('\n---\n')).to.be.a('string');
      expect(brief).to.contain('11月23日（周一） 17:30');
      expect(brief).to.contain('全大厅：晨检 3/6，午检 2/6，离岗 0/6');
      expect(brief).to.contain('1号窗口：晨检 2/3，午检 1/3，离岗 0/3').and.contain('2号窗口：晨检 1/2，午检 1/2，离岗 0/2');
      expect(brief).to.contain('今日异常 4 次（其中访客 1 次）：已处置 1，待处置 3');
      expect(brief).to.match(/#1 张三（1号窗口）08:05 .*38\.2℃.*严重 — 待处置/);
      expect(brief).to.match(/#2 赵六（1号窗口）12:10 .*37\.4℃.*已处置（王五：已复测正常）/);
      expect(brief).to.match(/#3 周八（2号窗口）12:10 .*黄码.*待处置/);
      expect(brief).to.match(/#4 访客 钱九（138\*\*\*\*5678）14:30 .*黄码.*待处置/);
      expect(brief).to.contain('未处置告警共 3 条');
      expect(brief).to.contain('#1 张三').and.contain('已完成 2/7 步').and.contain('超时：送医');
      expect(brief).to.contain('四、门岗（访客）').and.contain('今日登记访客 1 人次，异常 1 人次').and.match(/钱九（138\*\*\*\*5678） 14:30 .*黄码/);
      expect(brief).to.not.contain('13812345678');
      expect(brief).to.contain('五、消杀').and.contain('08:00 轮：已完成 5/5').and.contain('12:00 轮：已完成 1/5，未完成：公共区域、税务区、休息区、自助服务区');
      expect(brief).to.contain('17:30 轮：已完成 0/5，进行中');
      expect(brief).to.contain('六、防疫物资').and.contain('口罩 120 个，低于预警数量 200 个');
      expect(brief).to.contain('附图：近 14 天');

      const png = await receivedChart(hall, mark);
      expect(pngSize(png)).to.deep.equal({ width: 1000, height: 560 });
      expect(png.length).to.be.below(MAX_PNG);
    });

    it('sends nothing on a holiday, and once only for the same minute', async () => {
      hall = await openHall(platform, '2026-10-01T08:00:00+08:00');
      const holiday = await briefAt(hall, '2026-10-01T17:30:00+08:00');
      expect(holiday.firing).to.include({ outcome: 'not-workday' });
      expect(holiday.group).to.deep.equal([]);
      expect(await hall.count('outbound_image')).to.equal(0);

      const workday = await briefAt(hall, '2026-10-09T17:30:00+08:00');
      expect(workday.group.join()).to.contain('今日无异常').and.contain('无进行中的应急处置').and.contain('今日登记访客 0 人次').and.contain('各项物资均不低于预警数量');
      expect((await briefAt(hall, '2026-10-09T17:30:00+08:00')).firing).to.include({ outcome: 'already-fired' });
      expect(await hall.count('outbound_image')).to.equal(1);
    });
  });
}

/** The chart the leadership group got, in the platform's image format (the fakes have checked it), as PNG bytes. */
async function receivedChart(hall: Hall, mark: number): Promise<Buffer> {
  if (hall.platform === 'wecom') {
    const images = hall.fake.groupImages(mark);
    expect(images.map((i) => i.via)).to.deep.equal(['robot']);
    return images[0].png;
  }
  if (hall.platform === 'wecom-bot') {
    const link = signedLink(hall.bot.groupTexts(mark).join('\n'));
    expect(link, 'a signed link to the chart').to.be.a('string');
    const res = await fetch(link!);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('image/png');
    return Buffer.from(await res.arrayBuffer());
  }
  const images = hall.dingtalk.groupImages(mark);
  expect(images).to.have.length(1);
  expect(images[0].url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/images\/\d+\.png\?exp=\d+&sig=/);
  return images[0].png;
}

describe('the daily brief’s chart on the other leadership channels', function () {
  this.timeout(30_000);
  let hall: Hall;
  afterEach(() => hall.close());

  it('uploads the PNG as temporary media and sends it by media_id to a WeCom app chat', async () => {
    hall = await openHall('wecom', '2026-11-23T08:00:00+08:00', { WECOM_LEADER_CHAT_ID: 'wr-leaders' });
    const { group, mark } = await briefAt(hall, '2026-11-23T17:30:00+08:00');
    expect(group.join()).to.contain('【每日研判简报】');
    const uploads = hall.fake.callsTo('/cgi-bin/media/upload');
    expect(uploads).to.have.length(1);
    expect(uploads[0].query).to.include({ type: 'image' });
    const images = hall.fake.groupImages(mark);
    expect(images.map((i) => i.via)).to.deep.equal(['appchat']);
    expect(pngSize(images[0].png)).to.deep.equal({ width: 1000, height: 560 });
    expect(hall.fake.callsTo('/cgi-bin/appchat/send').at(-1)?.body).to.deep.include({ chatid: 'wr-leaders', msgtype: 'image' });
  });

  it('shows the chart in a markdown message by a DingTalk custom robot, which fetches it from the signed link', async () => {
    const secret = 'SECb90923e19e58b466481e9e7b7a5b4f108a4531abde590ad3967fb29f0eae5c68';
    const robot = await FakeDingtalk.start(secret);
    try {
      hall = await openHall('dingtalk', '2026-11-23T08:00:00+08:00', {
        DINGTALK_LEADER_CONVERSATION_ID: '',
        DINGTALK_LEADER_WEBHOOK: `${robot.url}${ROBOT_SEND}?access_token=robot-token`,
        DINGTALK_LEADER_SECRET: secret,
      });
      await briefAt(hall, '2026-11-23T17:30:00+08:00');
      expect(robot.groupTexts().join()).to.contain('【每日研判简报】');
      const [image] = robot.groupImages();
      expect(pngSize(image.png)).to.deep.equal({ width: 1000, height: 560 });
      const markdown = robot.callsTo(ROBOT_SEND).at(-1)!.body!.markdown as { title: string; text: string };
      expect(markdown.title).to.contain('近 14 天防疫数据走势');
      expect(markdown.text).to.contain(`![${markdown.title}](${image.url})`);
    } finally {
      await robot.close();
    }
  });

  it('serves the DingTalk image link only with its signature and before it expires', async () => {
    hall = await openHall('dingtalk', '2026-11-23T08:00:00+08:00');
    const { mark } = await briefAt(hall, '2026-11-23T17:30:00+08:00');
    const [{ url }] = hall.dingtalk.groupImages(mark);
    expect((await fetch(url)).status).to.equal(200);

    const forged = url.replace(/sig=([\w-])/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect((await fetch(forged)).status).to.equal(403);
    expect((await fetch(url.replace(/sig=[\w-]+/, ''))).status).to.equal(403);
    const later = url.replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 3600}`);
    expect((await fetch(later)).status).to.equal(403);
    expect((await fetch(url.replace(/images\/\d+/, 'images/99'))).status).to.equal(403);

    hall.clock.set('2026-12-01T17:31:00+08:00');
    expect((await fetch(url)).status).to.equal(401);
  });
});

describe('the fake platforms check images as the real ones would', () => {
  const post = async (url: string, body: unknown) => (await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { errcode: number };
  const PNG_HEADER = Buffer.from('89504e470d0a1a0a0000000d49484452000003e80000023008060000001f15c489', 'hex');

  it('WeCom: the robot refuses base64 that is no PNG or whose md5 differs; an app chat refuses an unknown media_id', async () => {
    const wecom = await FakeWecom.start();
    try {
      const robot = `${wecom.url}/cgi-bin/webhook/send?key=k`;
      expect((await post(robot, { msgtype: 'image', image: { base64: PNG_HEADER.toString('base64'), md5: md5(PNG_HEADER) } })).errcode).to.equal(0);
      expect((await post(robot, { msgtype: 'image', image: { base64: PNG_HEADER.toString('base64'), md5: '0'.repeat(32) } })).errcode).to.not.equal(0);
      expect((await post(robot, { msgtype: 'image', image: { base64: Buffer.from('GIF89a').toString('base64'), md5: md5(Buffer.from('GIF89a')) } })).errcode).to.not.equal(0);
      expect((await post(`${wecom.url}/cgi-bin/appchat/send?access_token=t`, { chatid: 'c', msgtype: 'image', image: { media_id: 'never-uploaded' } })).errcode).to.not.equal(0);
      expect(wecom.groupImages()).to.have.length(1);
    } finally {
      await wecom.close();
    }
  });
});
