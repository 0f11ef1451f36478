import { expect } from 'chai';
import type { Database } from '../../bot/db/database';
import { PERSON_COLUMNS, toPerson } from '../../bot/directory/directory';
import { importStaff } from '../../bot/directory/staff-import';
import { importHalls } from '../../bot/halls/import';
import { listHalls } from '../../bot/halls/store';
import { openTestDatabase } from '../support/db';

const now = new Date('2026-12-07T10:00:00Z');
const HALLS = 'hall,name,wecom_leader_chat_id,wecom_leader_webhook_key,dingtalk_leader_conversation_id,dingtalk_leader_webhook,dingtalk_leader_secret\n';
const STAFF6 = 'name,window,role,wecom_userid,dingtalk_userid,mobile\n';
const STAFF7 = 'name,window,role,wecom_userid,dingtalk_userid,mobile,hall\n';
const TWO_HALLS = `${HALLS}xc,西城大厅,wrLeadXc,key-xc-0123456789abcdef,,,\ndc,东城大厅,,,cidDc==,https://oapi.dingtalk.com/robot/send?access_token=tok-dc-0123456789,SECdc0123456789\n`;

describe('halls import (SPEC §15)', () => {
  let db: Database;
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.close());

  const people = async () => (await db.all(`SELECT ${PERSON_COLUMNS} FROM staff ORDER BY id`)).map(toPerson);
  const hallRows = async () => Number((await db.all<{ n: unknown }>('SELECT count(*) AS n FROM hall'))[0].n);

  it('declares every hall of a clean file with its leadership channels, empty ones as none', async () => {
    expect(await importHalls(db, TWO_HALLS, { now })).to.deep.equal({ ok: true, created: 2, updated: 0, errors: [] });
    const [dc, xc] = await listHalls(db);
    expect(xc).to.deep.equal({ code: 'xc', name: '西城大厅', wecomLeaderChatId: 'wrLeadXc', wecomLeaderWebhookKey: 'key-xc-0123456789abcdef', dingtalkLeaderConversationId: null, dingtalkLeaderWebhook: null, dingtalkLeaderSecret: null });
    expect(dc).to.include({ code: 'dc', name: '东城大厅', dingtalkLeaderConversationId: 'cidDc==', dingtalkLeaderSecret: 'SECdc0123456789' });
  });

  it('updates a hall named again by its code and keeps halls absent from the file', async () => {
    await importHalls(db, TWO_HALLS, { now });
    expect(await importHalls(db, `${HALLS}xc,西城区政务服务大厅,wrNew,,,,\n`, { now })).to.deep.include({ ok: true, created: 0, updated: 1 });
    const halls = await listHalls(db);
    expect(halls.map((h) => [h.code, h.name, h.wecomLeaderChatId, h.wecomLeaderWebhookKey])).to.deep.equal([
      ['dc', '东城大厅', null, null],
      ['xc', '西城区政务服务大厅', 'wrNew', null],
    ]);
  });

  it('refuses bad lines with their line numbers and writes nothing, not even the good lines', async () => {
    const csv = `${HALLS}xc,西城大厅,,,,,\n,无代码,,,,,\nxc,重复,,,,,\n西 城,空格,,,,,\nnb,,,,,,\nwh,武汉,,,,https://oapi.dingtalk.com/robot/send?access_token=t,\nshort,少列\n`;
    const result = await importHalls(db, csv, { now });
    expect(result.ok).to.equal(false);
    expect(result.errors.map((e) => e.line)).to.deep.equal([3, 4, 5, 6, 7, 8]);
    expect(result.errors.map((e) => e.message).join('\n'))
      .to.contain('大厅代码（hall）为空')
      .and.contain('与第 2 行重复')
      .and.contain('「西 城」无效')
      .and.contain('名称（name）为空')
      .and.contain('dingtalk_leader_secret')
      .and.contain('应有 7 列，实际 2 列');
    expect(await hallRows()).to.equal(0);
  });

  it('refuses a file whose header is not the one SPEC §15 names', async () => {
    const result = await importHalls(db, 'hall,name\nxc,西城大厅\n', { now });
    expect(result).to.deep.include({ ok: false });
    expect(result.errors[0]).to.include({ line: 1 });
    expect(result.errors[0].message).to.contain(HALLS.trim());
  });

  describe('the staff file’s last column hall', () => {
    it('puts each person in the hall their line names; an empty hall is the default hall', async () => {
      await importHalls(db, TWO_HALLS, { now });
      const csv = `${STAFF7}张三,1号窗口,,zhangsan,,,xc\n李四,1号窗口,lead,lisi,,,dc\n王五,,leader,wangwu,,,\n`;
      expect(await importStaff(db, csv, { now })).to.deep.include({ ok: true, created: 3 });
      expect((await people()).map((p) => [p.name, p.window, p.hall])).to.deep.equal([
        ['张三', '1号窗口', 'xc'],
        ['李四', '1号窗口', 'dc'],
        ['王五', '', ''],
      ]);
    });

    it('refuses a hall that was never declared, with its line number, and writes no one', async () => {
      await importHalls(db, TWO_HALLS, { now });
      const csv = `${STAFF7}张三,1号窗口,,zhangsan,,,xc\n李四,1号窗口,lead,lisi,,,bj\n王五,,leader,wangwu,,,\n`;
      const result = await importStaff(db, csv, { now });
      expect(result.ok).to.equal(false);
      expect(result.errors).to.have.length(1);
      expect(result.errors[0]).to.include({ line: 3 });
      expect(result.errors[0].message).to.contain('「bj」未登记');
      expect(await people()).to.deep.equal([]);
    });

    it('moves a person between halls when the file says so, counting them as updated', async () => {
      await importHalls(db, TWO_HALLS, { now });
      await importStaff(db, `${STAFF7}张三,1号窗口,,zhangsan,,,xc\n`, { now });
      expect(await importStaff(db, `${STAFF7}张三,1号窗口,,zhangsan,,,dc\n`, { now })).to.deep.include({ ok: true, updated: 1 });
      expect((await people())[0]).to.include({ hall: 'dc' });
    });

    it('still imports the six-column file, everyone in the default hall, with no hall declared', async () => {
      const result = await importStaff(db, `${STAFF6}张三,1号窗口,,zhangsan,,\n李四,1号窗口,lead,lisi,,\n`, { now });
      expect(result).to.deep.include({ ok: true, created: 2 });
      expect((await people()).map((p) => p.hall)).to.deep.equal(['', '']);
      expect(await hallRows()).to.equal(0);
    });

    it('counts a line with a seventh field under the six-column header as a wrong number of columns', async () => {
      const result = await importStaff(db, `${STAFF6}张三,1号窗口,,zhangsan,,,xc\n`, { now });
      expect(result.errors).to.deep.equal([{ line: 2, message: '应有 6 列，实际 7 列' }]);
    });
  });
});
