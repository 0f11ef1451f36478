import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { CliCommand } from '../../bot/cli/context';
import { hallsCommand } from '../../bot/cli/halls';
import { staffCommand } from '../../bot/cli/staff';
import { loadConfig } from '../../bot/config';
import type { Database } from '../../bot/db/database';
import { openTestDatabase } from '../support/db';
import { runCli, runCommand } from '../support/cli';

const HALLS = 'hall,name,wecom_leader_chat_id,wecom_leader_webhook_key,dingtalk_leader_conversation_id,dingtalk_leader_webhook,dingtalk_leader_secret\n';
const WEBHOOK_TOKEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';
const DC_SECRET = 'SEC0123456789abcdef0123456789abcdef';
const WECOM_KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa';
const TWO_HALLS = `${HALLS}xc,西城大厅,wrLeadXc,${WECOM_KEY},,,\ndc,东城大厅,,,cidDc==,https://oapi.dingtalk.com/robot/send?access_token=${WEBHOOK_TOKEN},${DC_SECRET}\n`;

describe('npm run cli -- halls (SPEC §15)', () => {
  let db: Database;
  const dir = mkdtempSync(join(tmpdir(), 'hg-halls-'));
  const file = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  beforeEach(async () => (db = await openTestDatabase()));
  afterEach(() => db.close());

  const run = (command: CliCommand, argv: string[]) => runCommand({ db, config: loadConfig({}) }, command, argv);

  it('imports the halls, then lists them with their people and every secret masked', async () => {
    expect(await run(hallsCommand, ['import', file('halls.csv', TWO_HALLS)])).to.deep.equal({ code: 0, text: '导入完成：新增 2 个大厅，更新 0 个。' });
    const staff = 'name,window,role,wecom_userid,dingtalk_userid,mobile,hall\n张三,1号窗口,,zhangsan,,,xc\n李四,1号窗口,lead,lisi,,,xc\n王五,,leader,wangwu,,,\n';
    expect(await run(staffCommand, ['import', file('staff.csv', staff)])).to.include({ code: 0 });
    const { code, text } = await run(hallsCommand, ['list']);
    expect(code).to.equal(0);
    const lines = text.split('\n');
    expect(lines[0]).to.match(/^hall\s+name\s+staff\s+wecom_leader_chat_id\s+wecom_leader_webhook_key\s+dingtalk_leader_conversation_id\s+dingtalk_leader_webhook\s+dingtalk_leader_secret$/);
    expect(lines[1]).to.match(/^dc\s+东城大厅\s+0\s+-\s+-\s+cidDc==\s+https:\/\/oapi\.dingtalk\.com\/\*+…c5d6\s+\*+…cdef$/);
    expect(lines[2]).to.match(/^xc\s+西城大厅\s+2\s+wrLeadXc\s+\*+…5aaa\s+-\s+-\s+-$/);
    expect(lines.at(-1)).to.equal('共 2 个大厅；另有 1 人属默认大厅（名单未填 hall）');
    for (const secret of [WEBHOOK_TOKEN, DC_SECRET, WECOM_KEY, 'access_token']) expect(text).to.not.contain(secret);
  });

  it('says a deployment without halls is a single hall', async () => {
    expect(await run(hallsCommand, ['list'])).to.deep.include({ code: 0 }).and.property('text').contain('单一大厅部署');
  });

  it('refuses a bad file with line numbers and exit 1, writing nothing', async () => {
    const bad = await run(hallsCommand, ['import', file('bad.csv', `${HALLS}xc,西城大厅,,,,,\n,无代码,,,,,\n`)]);
    expect(bad.code).to.equal(1);
    expect(bad.text).to.contain('第 3 行：大厅代码（hall）为空').and.contain('未写入任何数据');
    expect((await run(hallsCommand, ['list'])).text).to.contain('单一大厅部署');
  });

  it('answers an unknown action or a missing file name with the usage, exit 2', async () => {
    for (const argv of [['remove'], ['import'], ['list', 'extra']]) expect(await run(hallsCommand, argv)).to.deep.include({ code: 2 });
  });

  it('refuses a staff line naming an undeclared hall with its line number (a real child process)', async function () {
    this.timeout(60_000);
    const env = { DATABASE_URL: `sqlite:${join(dir, 'cli.sqlite')}`, LOG_LEVEL: 'error' };
    const imported = await runCli(['halls', 'import', file('halls-cli.csv', TWO_HALLS)], env);
    expect(imported.code, imported.stderr).to.equal(0);
    const refused = await runCli(['staff', 'import', file('staff-cli.csv', 'name,window,role,wecom_userid,dingtalk_userid,mobile,hall\n张三,1号窗口,,zhangsan,,,xc\n李四,1号窗口,,lisi,,,bj\n')], env);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.contain('第 3 行：大厅「bj」未登记').and.contain('未写入任何数据');
    const listed = await runCli(['halls', 'list'], env);
    expect(listed.stdout).to.contain('西城大厅').and.not.contain(WECOM_KEY);
  });
});
