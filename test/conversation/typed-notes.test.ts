import { expect } from 'chai';
import { reportDocument } from '../../bot/incidents/report/document';
import { incidentFacts } from '../../bot/incidents/report/facts';
import { signedIn } from '../support/dashboard';
import { DOOR_PEOPLE } from '../support/door';
import { readDocx } from '../support/docx';
import type { Hall } from '../support/hall';
import { hallWithGroups } from '../support/incident-hall';

/** Issue 22 item 2: only the command words are parsed; what follows them is kept as typed, everywhere it shows. */
for (const platform of ['wecom', 'dingtalk'] as const) {
  describe(`free text kept as typed (${platform})`, () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await hallWithGroups({ platform, people: DOOR_PEOPLE, now: '2026-11-23T08:05:00+08:00' });
    });
    afterEach(() => hall.close());

    const stepNote = async (step: string) => {
      const [row] = await hall.service.db.all<{ note: string }>('SELECT note FROM incident_step WHERE incident_id = 1 AND step = ?', [step]);
      return row?.note;
    };

    it('keeps the punctuation of every step note, the 处置 note and the 结案 summary: stored, pushed, in 应急, on the dashboard and in the report', async () => {
      await hall.send('zhangsan', '体温 38.6 咳嗽');
      const typed: [string, string, string, string][] = [
        // who, message, step, the note as typed
        ['lisi', '进展 1 隔离：已送隔离室（2号观察间），体温复测38.7℃。', '隔离', '已送隔离室（2号观察间），体温复测38.7℃。'],
        ['zhouba', '送医１，已联系120；送市人民医院发热门诊', '送医', '已联系120；送市人民医院发热门诊'],
        ['wangwu', '消杀 1 隔离室、走廊已终末消毒!', '消杀', '隔离室、走廊已终末消毒!'],
        ['wangwu', '善后 1 已通知家属，窗口由2号窗口支援', '善后', '已通知家属，窗口由2号窗口支援'],
        ['wangwu', '进展：1，上报，已电话报告区疾控（王科长）', '上报', '已电话报告区疾控（王科长）'],
      ];
      for (const [who, text, step, note] of typed) {
        const { reply, group } = await hall.send(who, text);
        expect(reply, text).to.contain('已记录 #1');
        expect(await stepNote(step), text).to.equal(note);
        expect(group.join('\n'), text).to.contain(note);
      }
      const ack = await hall.send('wangwu', '处置 1：已送医，等待核酸结果！');
      expect(ack.group.join('\n')).to.contain('已送医，等待核酸结果！');
      const [alert] = await hall.service.db.all<{ note: string }>('SELECT ack_note AS note FROM alert WHERE id = 1');
      expect(alert.note).to.equal('已送医，等待核酸结果！');

      const checklist = (await hall.send('wangwu', '应急 1')).reply!;
      for (const [, , , note] of typed) expect(checklist).to.contain(note);

      const { page } = await signedIn(hall, 'wangwu');
      expect(page).to.contain('已通知家属，窗口由2号窗口支援').and.contain('已送隔离室（2号观察间），体温复测38.7℃。');

      const facts = await incidentFacts(hall.service.db, 1, hall.clock.now(), hall.service.config.timezone);
      const { text } = await readDocx(await reportDocument(facts!, hall.service.config.timezone));
      for (const note of ['已通知家属，窗口由2号窗口支援', '已联系120；送市人民医院发热门诊', '已送医，等待核酸结果！']) expect(text).to.contain(note);

      const closed = await hall.send('wangwu', '结案 1 核酸阴性，排除感染，解除隔离');
      expect(closed.reply).to.contain('核酸阴性，排除感染，解除隔离');
      expect(closed.group.join('\n')).to.contain('王五：核酸阴性，排除感染，解除隔离');
      const [incident] = await hall.service.db.all<{ summary: string }>('SELECT summary FROM incident WHERE id = 1');
      expect(incident.summary).to.equal('核酸阴性，排除感染，解除隔离');
      const after = await incidentFacts(hall.service.db, 1, hall.clock.now(), hall.service.config.timezone);
      expect((await readDocx(await reportDocument(after!, hall.service.config.timezone))).text).to.contain('核酸阴性，排除感染，解除隔离');
    });

    it('keeps a step note typed on the dashboard and one typed in chat alike', async () => {
      await hall.send('zhangsan', '体温 38.6 咳嗽');
      await hall.send('lisi', '隔离 1 已送隔离室，测温38.7℃');
      const { visitor, page } = await signedIn(hall, 'wangwu');
      const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1];
      expect((await visitor.post('/dashboard/incidents/1/progress', { csrf, step: '上报', note: '已电话报告区疾控，编号：2026-118' })).status).to.equal(303);
      expect(await stepNote('隔离')).to.equal('已送隔离室，测温38.7℃');
      expect(await stepNote('上报')).to.equal('已电话报告区疾控，编号：2026-118');
      const checklist = (await hall.send('wangwu', '应急 1')).reply!;
      expect(checklist).to.contain('已送隔离室，测温38.7℃').and.contain('已电话报告区疾控，编号：2026-118');
    });

    it('refuses a dashboard note over 500 characters with the same sentence, recording nothing', async () => {
      await hall.send('zhangsan', '体温 38.6 咳嗽');
      const { visitor, page } = await signedIn(hall, 'wangwu');
      const csrf = /name="csrf" value="([^"]+)"/.exec(page)![1];
      for (const [path, fields] of [
        ['/dashboard/incidents/1/progress', { csrf, step: '上报', note: '报'.repeat(501) }],
        ['/dashboard/alerts/1/ack', { csrf, note: '处'.repeat(501) }],
      ] as const) {
        const res = await visitor.post(path, fields);
        expect(res.status, path).to.equal(409);
        expect(res.body, path).to.contain('最多 500 字').and.contain('本次 501 字');
      }
      expect(await stepNote('上报')).to.equal(null);
      expect(await hall.count('alert', "status = 'open'")).to.equal(1);
    });

    it('keeps the situation of 启动应急 as typed, brackets and ℃ included', async () => {
      const { group } = await hall.send('wangwu', '启动应急：门口一名群众体温38.5℃，已在门岗等候（未戴口罩）');
      expect(group.join('\n')).to.contain('门口一名群众体温38.5℃，已在门岗等候（未戴口罩）');
      const [incident] = await hall.service.db.all<{ situation: string }>('SELECT situation FROM incident WHERE id = 1');
      expect(incident.situation).to.equal('门口一名群众体温38.5℃，已在门岗等候（未戴口罩）');
    });

    it('keeps an ad-hoc disinfection note and a visitor’s address and travel as typed', async () => {
      const adHoc = await hall.send('wangwu', '消杀 会议室 第三会议室会后消毒，桌椅、门把手已擦拭');
      expect(adHoc.reply).to.contain('会议室 — 第三会议室会后消毒，桌椅、门把手已擦拭');
      const [log] = await hall.service.db.all<{ note: string }>("SELECT note FROM disinfection_log WHERE area = '会议室'");
      expect(log.note).to.equal('第三会议室会后消毒，桌椅、门把手已擦拭');
      expect((await hall.send('wangwu', '会议室（3楼）已消毒，开窗通风')).reply).to.contain('会议室（3楼） — 已消毒，开窗通风');
      expect(await hall.count('disinfection_log', 'area = ? AND note = ?', ['会议室（3楼）', '已消毒，开窗通风'])).to.equal(1);

      const registered = await hall.send('qianmw', '登记 刘奶奶 13812345662 住址 幸福小区3栋，2单元 行程 杭州西湖区、上城区 36.5 绿码');
      expect(registered.reply).to.contain('刘奶奶');
      const [visitor] = await hall.service.db.all<{ address: string; travel: string }>('SELECT address, travel FROM visitor');
      expect(visitor).to.deep.equal({ address: '幸福小区3栋，2单元', travel: '杭州西湖区、上城区' });
    });

    it('refuses a note over 500 characters, saying so, and records nothing', async () => {
      await hall.send('zhangsan', '体温 38.6 咳嗽');
      const long = '已'.repeat(501);
      for (const [who, text] of [
        ['lisi', `进展 1 隔离 ${long}`],
        ['wangwu', `处置 1 ${long}`],
        ['wangwu', `结案 1 ${long}`],
        ['wangwu', `启动应急 ${long}`],
        ['wangwu', `消杀 会议室 ${long}`],
        ['wangwu', `消杀 网办区 ${long}`],
      ]) {
        expect((await hall.send(who, text)).reply, text.slice(0, 12)).to.contain('最多 500 字').and.contain('本次 501 字').and.contain('未记录');
      }
      expect(await hall.count('incident_step', 'done_at IS NOT NULL AND step <> ?', ['报告'])).to.equal(0);
      expect(await hall.count('alert', "status = 'open'")).to.equal(1);
      expect(await hall.count('incident', "status = 'open'")).to.equal(1);
      expect(await hall.count('disinfection_log')).to.equal(0);
      expect((await hall.send('lisi', `进展 1 隔离 ${'已'.repeat(500)}`)).reply).to.contain('已记录 #1');
    });
  });
}
