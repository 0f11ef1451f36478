import { expect } from 'chai';
import { reportDocument } from '../../bot/incidents/report/document';
import { incidentFacts } from '../../bot/incidents/report/facts';
import { readDocx } from '../support/docx';
import type { Hall } from '../support/hall';
import { deadlinesAt, HALL_NAME, hallWithGroups, incidentUnderWay, visitorCaseClosed } from '../support/incident-hall';

const TZ = 'Asia/Shanghai';

describe('the report upward (如实上报) as a Word document', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await hallWithGroups({});
    await incidentUnderWay(hall);
  });
  afterEach(() => hall.close());

  async function report() {
    const facts = await incidentFacts(hall.service.db, 1, hall.clock.now(), TZ);
    expect(facts).to.not.equal(undefined);
    return readDocx(await reportDocument(facts!, TZ));
  }

  it('is a valid OOXML package that a .docx reader opens without complaint', async () => {
    hall.clock.set('2026-11-23T10:30:00+08:00');
    const doc = await report();
    expect(doc.parts).to.include.members(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']);
    expect(doc.contentTypes).to.contain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
    expect(doc.messages).to.deep.equal([]);
    expect(doc.text).to.contain('疫情防控应急处置情况报告（#1）');
  });

  it('states the case: its source, who, which window, the reading as reported, time, alert number, who opened it and the status', async () => {
    hall.clock.set('2026-11-23T10:30:00+08:00');
    const { text } = await report();
    for (const fact of ['张三（1号窗口）', '体温上报（晨检）', '38.2℃ 咳嗽', '2026-11-23 08:05', '告警编号 #1', '体温上报触发，系统自动启动', '处置中']) {
      expect(text, fact).to.contain(fact);
    }
    expect(text, 'what was not reported is not mentioned').to.not.match(/未申报|未提及/);
    expect(text).to.contain('王五 2026-11-23 09:10：已送医，等待核酸结果');
  });

  it('lists every step with its owner group, due time, done time, who reported it and their note', async () => {
    hall.clock.set('2026-11-23T10:30:00+08:00');
    const { text } = await report();
    expect(text).to.match(/2\. 迅速隔离\s+应急处置组\s+11-23 08:20\s+11-23 08:12\s+7分钟\s+李四\s+已送隔离室/);
    expect(text).to.match(/3\. 定点送医\s+应急处置组\s+11-23 09:05\s+11-23 08:40\s+35分钟\s+周八\s+已联系120送市人民医院发热门诊/);
    expect(text).to.match(/5\. 如实上报\s+综合协调组\s+11-23 10:05\s+未完成（已超时 25分钟）/);
    expect(text).to.match(/6\. 消杀消毒\s+领导小组（消毒防疫组无成员）/);
    for (const step of ['1. 及时报告', '4. 准确排查', '7. 组织善后']) expect(text).to.contain(step);
    expect(text).to.contain('已完成 3 步，未完成 4 步，其中超时未完成：5. 如实上报、6. 消杀消毒');
  });

  it('lists the contacts, confirmed, to check and excluded, with their readings since the day of the incident', async () => {
    hall.clock.set('2026-11-23T10:30:00+08:00');
    const { text } = await report();
    expect(text).to.contain('排查登记 2 人：已确认密切接触者 1 人，待核实 0 人，已排除 1 人');
    expect(text).to.match(/赵六\s+1号窗口\s+同窗口\s+已确认\s*（周八 11-23 09:00）\s+11-23 09:05 晨检 36\.6℃ 绿码/);
    expect(text).to.match(/李四\s+1号窗口\s+窗口负责人\s+已排除\s*（王五 11-23 09:01）\s+无记录/);
  });

  it('says 全员测温 was not carried out, tells what was done in order, and has no closing yet', async () => {
    hall.clock.set('2026-11-23T10:30:00+08:00');
    const { text } = await report();
    expect(text).to.match(/四、全员测温\s+未开展。/);
    const order = ['08:05　体温上报发现 张三（1号窗口）', '08:12　2. 迅速隔离 完成（李四）：已送隔离室', '09:00　周八 已确认密切接触者 赵六', '09:10　王五 处置告警'];
    const at = order.map((line) => text.indexOf(line));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).to.equal(true);
    expect([...at].sort((a, b) => a - b)).to.deep.equal(at);
    expect(text).to.match(/六、结案总结\s+尚未结案。/);
  });

  it('states the 全员测温 that 排查 started: who was asked, who answered, what was abnormal, who is missing', async () => {
    hall.clock.set('2026-11-23T10:00:00+08:00');
    expect((await hall.send('lisi', '进展 1 排查 已排查同窗口人员')).reply).to.contain('已自动发起全员测温 #1');
    hall.clock.set('2026-11-23T10:02:00+08:00');
    await hall.send('zhaoliu', '36.5');
    await hall.send('sunqi', '37.4');
    expect((await report()).text).to.match(/四、全员测温\s+2026-11-23 10:00 开展全员测温（进行中），应测 5 人，已测 2 人。/);
    await deadlinesAt(hall, '2026-11-23T10:31:00+08:00');
    const { text } = await report();
    expect(text).to.match(/四、全员测温\s+2026-11-23 10:00 开展全员测温，应测 5 人，已测 2 人。\s+体温或健康码异常：孙七（37\.4℃，告警 #2）。\s+未测：李四、周八、王五。/);
  });

  it('carries the closing summary and the steps left undone once closed', async () => {
    hall.clock.set('2026-11-23T16:00:00+08:00');
    await hall.send('wangwu', '结案 1 核酸阴性 排除感染 解除隔离');
    const { text } = await report();
    expect(text).to.contain('2026-11-23 16:00 由 王五 结案。').and.contain('总结：核酸阴性 排除感染 解除隔离');
    expect(text).to.contain('未完成的步骤：4. 准确排查、5. 如实上报、6. 消杀消毒、7. 组织善后');
    expect(text).to.contain('已结案（2026-11-23 16:00，王五）');
  });

  it('sets an East Asian font on every run, so that Chinese renders in Word and WPS', async () => {
    const { documentXml } = await report();
    const runs = documentXml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).to.be.greaterThan(50);
    expect(runs.filter((r) => !/w:eastAsia="(SimSun|SimHei)"/.test(r))).to.deep.equal([]);
    expect(documentXml).to.contain('w:lang w:val="zh-CN" w:eastAsia="zh-CN"');
  });

  it('knows no incident of another number', async () => {
    expect(await incidentFacts(hall.service.db, 9, hall.clock.now(), TZ)).to.equal(undefined);
  });
});

describe('the report upward of an incident about no staff member, and of a drill', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await hallWithGroups({});
  });
  afterEach(() => hall.close());

  const report = async () => (await readDocx(await reportDocument((await incidentFacts(hall.service.db, 1, hall.clock.now(), TZ))!, TZ))).text;

  it('states a case opened by hand (启动应急) by its situation and the leader who opened it', async () => {
    await hall.send('wangwu', '启动应急 门口一名群众体温 38.5℃ 已在门岗等候');
    hall.clock.set('2026-11-23T08:20:00+08:00');
    await hall.send('zhouba', '密接 1 确认 赵六');
    const text = await report();
    expect(text).to.contain('疫情防控应急处置情况报告（#1）').and.not.contain('【演练】');
    expect(text).to.match(/事件对象\s+门口一名群众体温/);
    expect(text).to.contain('2026-11-23 08:05 由 王五 启动应急').and.not.contain('当事人');
    expect(text).to.match(/赵六\s+1号窗口\s+排查添加\s+已确认\s*（周八 11-23 08:20）\s+无记录/);
  });

  it('lists the visitors proposed as contacts at the door with their masked phone only', async () => {
    await hall.send('wangwu', '启动应急 门口一名群众体温 38.5℃');
    await hall.service.db.run(
      'INSERT INTO incident_visitor (incident_id, visitor_id, name, phone_masked, reason, status, proposed_at) VALUES (?, NULL, ?, ?, ?, ?, ?)',
      [1, '钱九', '139****2222', '前后60分钟内到访', 'proposed', '2026-11-23T00:06:00.000Z'],
    );
    const text = await report();
    expect(text).to.contain('排查登记 1 人（其中到访人员 1 人）');
    expect(text).to.match(/到访人员（门岗登记）：\s+姓名\s+电话\s+来源\s+核实\s+钱九\s+139\*\*\*\*2222\s+前后60分钟内到访\s+待核实/);
  });

  it('marks a drill’s report 【演练】 and gives its contacts’ drill readings, never their reports', async () => {
    await hall.send('wangwu', '演练 开始 1号窗口');
    await hall.send('zhouba', '密接 1 确认 赵六');
    hall.clock.set('2026-11-23T08:30:00+08:00');
    await hall.send('zhaoliu', '演练 36.7 绿码');
    await hall.send('lisi', '晨检 36.4');
    const text = await report();
    expect(text.startsWith('【演练】疫情防控应急演练报告（#1）'), text.slice(0, 40)).to.equal(true);
    expect(text).to.match(/演练对象\s+演练人员（1号窗口）/).and.contain('由 王五 开始演练');
    expect(text).to.match(/赵六\s+1号窗口\s+同窗口\s+已确认\s*（周八 11-23 08:05）\s+11-23 08:30 演练 36\.7℃ 绿码/);
    expect(text).to.match(/李四\s+1号窗口\s+窗口负责人\s+待核实\s+无记录/);
    expect(text).to.contain('本次为应急演练').and.not.contain('告警处置');
  });
});

describe('the report upward of a visitor’s case, headed by HALL_NAME', () => {
  let hall: Hall;
  beforeEach(async () => {
    hall = await visitorCaseClosed();
  });
  afterEach(() => hall.close());

  it('names the unit, the source (门岗登记), the registering guard, 住址 and 行程, and where the full phone is, read back from the .docx', async () => {
    const config = hall.service.services.config;
    // Read the next day: a step left undone is as late as it was at the closing, not as now.
    hall.clock.set('2026-11-24T09:00:00+08:00');
    expect(config.hallName).to.equal(HALL_NAME);
    const facts = (await incidentFacts(hall.service.db, 1, hall.clock.now(), TZ))!;
    const { text, messages } = await readDocx(await reportDocument(facts, TZ, config.hallName));
    expect(messages).to.deep.equal([]);
    expect(text.startsWith(`${HALL_NAME}\n`), text.slice(0, 40)).to.equal(true);
    expect(text).to.match(/来源\s+门岗登记（门岗 钱门卫 登记）/);
    expect(text).to.match(/当事人\s+陈病（138\*\*\*\*1003）（到访群众）/);
    expect(text).to.match(/住址\s+幸福小区3栋2单元/).and.match(/行程\s+11月20日自武汉返回/).and.match(/办理窗口\s+2号窗口/);
    expect(text).to.match(/门岗检查\s+体温 38\.4℃，未出示健康码，症状：咳嗽/).and.match(/登记时间\s+2026-11-23 09:10（门岗 钱门卫）/);
    expect(text).to.match(/完整电话\s+仅存于门岗访客登记记录，由系统管理员通过访客导出获取（导出操作留痕审计）/);
    expect(text).to.match(/启动\s+2026-11-23 09:10 门岗登记发现异常，系统自动启动/).and.not.contain('体温上报');
    expect(text).to.match(/告警处置\s+随结案处置（王五 2026-11-23 16:00）/).and.match(/当前状态\s+已结案/);
    expect(text).to.contain('门岗登记发现 访客 陈病（138****1003）（门岗 钱门卫 登记）');
    expect(text).to.match(/处置要求：暂停进入，劝至隔离区，复测，拨打120，启动应急处置流程/);
    expect(text.match(/暂停进入/g), 'the door instruction once').to.have.length(1);
    // The guard on duty, proposed by the door's case and confirmed, with what they reported.
    expect(text).to.match(/钱门卫\s+门岗\s+当日门岗\s+已确认\s*（周八 11-23 10:00）\s+11-23 10:05 晨检 36\.6℃ 绿码 无症状/);
    expect(text).to.match(/孙七\s+2号窗口\s+2号窗口人员\s+待核实/);
    expect(text).to.match(/陈前\s+138\*\*\*\*1002\s+前后60分钟内到访\s+已确认\s*（周八 11-23 10:00）/);
    expect(text).to.contain('10:00　周八 已确认密切接触者 陈前（138****1002）（到访人员）');
    expect(text).to.contain('以上电话已脱敏；完整号码仅存于门岗访客登记记录，由系统管理员通过访客导出获取（导出操作留痕审计）。');
    expect(text).to.match(/4\. 准确排查\s+应急处置组\s+11-23 13:10\s+未完成（已超时 2小时50分钟）/);
    expect(text).to.contain(`报送单位：${HALL_NAME}`);
    expect(text).to.not.match(/未申报|未提及/).and.not.match(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  it('still states the case once privacy-purge deleted the visitor record, with only the name and masked phone', async () => {
    await hall.service.db.run('DELETE FROM visitor');
    const facts = (await incidentFacts(hall.service.db, 1, hall.clock.now(), TZ))!;
    const { text } = await readDocx(await reportDocument(facts, TZ, HALL_NAME));
    expect(text).to.match(/来源\s+门岗登记/).and.match(/当事人\s+陈病（138\*\*\*\*1003）（到访群众）/);
    expect(text).to.match(/门岗登记\s+登记记录已按保留期限删除，仅保留姓名与脱敏电话/).and.not.contain('住址');
  });
});
