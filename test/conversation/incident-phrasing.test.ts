import { expect } from 'chai';
import type { Hall } from '../support/hall';
import { hallWithGroups } from '../support/incident-hall';

/**
 * Issue 22 item 9 and issue 21 item 6: the incident commands as a hall types
 * them — glued, spaced, with colons and commas, `#1`, `1号` — and numbers that
 * are only plain digits: `0x1`, `1e0`, `0b1`, `1.0` name no incident and get
 * the usage line, recording nothing.
 */
describe('incident commands as people type them', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await hallWithGroups({ now: '2026-11-23T08:05:00+08:00' });
    await hall.send('zhangsan', '体温 38.6 咳嗽');
  });
  afterEach(() => hall.close());

  const doneSteps = async () =>
    (await hall.service.db.all<{ step: string; note: string }>("SELECT step, note FROM incident_step WHERE incident_id = 1 AND done_at IS NOT NULL AND step <> '报告' ORDER BY step")).map((r) => `${r.step}:${r.note}`);

  for (const [text, step, note] of [
    ['进展1隔离已送隔离室', '隔离', '已送隔离室'],
    ['进展：1，隔离，已送隔离室', '隔离', '已送隔离室'],
    ['进展 #1 隔离：已送隔离室', '隔离', '已送隔离室'],
    ['进展 1号 隔离 已送隔离室', '隔离', '已送隔离室'],
    ['进展 1 第二步 已送隔离室', '隔离', '已送隔离室'],
    ['进展 1 迅速隔离 已送隔离室', '隔离', '已送隔离室'],
    ['进展 1 2 已送隔离室', '隔离', '已送隔离室'],
    ['进展 隔离 1 已送隔离室', '隔离', '已送隔离室'],
    ['隔离1：已送隔离室', '隔离', '已送隔离室'],
    ['隔离 #1，已送隔离室', '隔离', '已送隔离室'],
    ['送医 1号 已联系120', '送医', '已联系120'],
  ] as const) {
    it(`${JSON.stringify(text)} records ${step} of incident 1`, async () => {
      const who = step === '送医' || step === '隔离' ? 'lisi' : 'wangwu';
      expect((await hall.send(who, text)).reply).to.contain('已记录 #1');
      expect(await doneSteps()).to.deep.equal([`${step}:${note}`]);
    });
  }

  for (const text of ['密接1确认：赵六', '密接 1 确认:赵六,孙七', '密接#1 确认 赵六、孙七', '密接 确认 1 赵六', '密接：1，确认，赵六', '确认密接 1 赵六', '密接 1号 确认 赵六']) {
    it(`${JSON.stringify(text)} confirms the named contacts of incident 1`, async () => {
      expect((await hall.send('lisi', text)).reply).to.contain('已确认 #1 密接：赵六');
      expect(await hall.count('incident_contact', "incident_id = 1 AND status = 'confirmed'")).to.be.at.least(1);
    });
  }

  it('reads 应急 1, 应急1, 应急 #1 and 应急 1号 alike, and 处置1：…, 结案1：… with their notes', async () => {
    for (const text of ['应急 1', '应急1', '应急 #1', '应急 1号', '应急 1 号', '应急 1号事件', '应急 1 清单']) expect((await hall.send('wangwu', text)).reply, text).to.contain('【应急处置 #1】');
    expect((await hall.send('wangwu', '处置 1号告警：已送医')).reply).to.contain('已记录告警 #1');
    expect((await hall.send('wangwu', '处置 1 再说一次')).reply).to.contain('已由 王五');
    expect((await hall.send('wangwu', '结案1：排除感染')).reply).to.contain('【应急 #1 结案】王五：排除感染');
  });

  for (const [who, text, usage] of [
    ['wangwu', '结案 0x1 测试', '用法：结案'],
    ['wangwu', '结案 1e0 测试', '用法：结案'],
    ['lisi', '进展 1e0 隔离 x', '用法：进展'],
    ['lisi', '进展 0b1 送医 x', '用法：进展'],
    ['lisi', '进展 1.0 隔离 x', '用法：进展'],
    ['lisi', '进展 1234567890 隔离 x', '用法：进展'],
    ['lisi', '隔离 0x1 已送隔离室', '用法：进展'],
    ['wangwu', '处置 1.0 已处理', '请写明告警编号'],
    ['wangwu', '处置 0x1 已处理', '请写明告警编号'],
    ['wangwu', '应急 0x1', '用法：应急'],
    ['wangwu', '应急 1e0', '用法：应急'],
    ['wangwu', '消杀 1e0 已消毒', '用法：消杀'],
    ['wangwu', '全员测温 0x1', '用法：全员测温'],
    ['lisi', '密接 0x1 确认 赵六', '用法：密接'],
  ] as const) {
    it(`refuses ${JSON.stringify(text)} with the usage line, recording nothing`, async () => {
      expect((await hall.send(who, text)).reply).to.contain(usage);
      expect(await doneSteps()).to.deep.equal([]);
      expect(await hall.count('incident', "status = 'open'")).to.equal(1);
      expect(await hall.count('alert', "status = 'open'")).to.equal(1);
      expect(await hall.count('incident_contact', "status = 'confirmed'")).to.equal(0);
      expect(await hall.count('sweep')).to.equal(0);
    });
  }

  it('still reads 上报 37.5 and 隔离 36.6 as readings when no incident has that number', async () => {
    expect((await hall.send('zhaoliu', '上报 36.6')).reply).to.contain('已记录').and.contain('36.6℃');
    expect((await hall.send('sunqi', '隔离 36.7')).reply).to.contain('已记录').and.contain('36.7℃');
  });
});
