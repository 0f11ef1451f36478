import { expect } from 'chai';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { useCliHall } from '../support/cli-hall';

function csv(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'hg-groups-')), 'groups.csv');
  writeFileSync(file, text);
  return file;
}

describe('npm run cli -- groups / procedure', function () {
  this.timeout(60_000);
  const hall = useCliHall();

  it('imports the groups, lists them with their steps, and hands a step to another group', async () => {
    const imported = await runCli(['groups', 'import', csv('group,name\n综合协调组,王五\n应急处置组,李四\n应急处置组,周八\n')], hall.env);
    expect(imported.code, imported.stderr).to.equal(0);
    expect(imported.stdout).to.contain('综合协调组 1 人').and.contain('应急处置组 2 人');
    const list = await runCli(['groups', 'list'], hall.env);
    expect(list.stdout).to.match(/应急处置组 +李四（1号窗口）、周八（2号窗口） +隔离 送医 排查/);
    expect(list.stdout).to.match(/消毒防疫组 +（无成员：其步骤由领导小组负责） +消杀/);

    const owner = await runCli(['procedure', 'owner', '消杀', '应急处置组'], hall.env);
    expect(owner.stdout).to.contain('6. 消杀消毒：由 应急处置组 负责（2 人）');
    const procedure = await runCli(['procedure', 'list'], hall.env);
    expect(procedure.stdout).to.match(/6 消杀（消杀消毒） +应急处置组（2 人） +120 分钟/);
    expect(procedure.stdout).to.match(/1 报告（及时报告） +综合协调组（1 人） +开启时/);
  });

  it('refuses a bad file by line and an unknown step, changing nothing', async () => {
    const bad = await runCli(['groups', 'import', csv('group,name\n应急处置组,无名氏\n')], hall.env);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.contain('第 2 行').and.contain('无名氏').and.contain('未写入任何数据');
    const unknown = await runCli(['procedure', 'owner', '开会', '应急处置组'], hall.env);
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.contain('2 隔离');
    expect((await runCli(['groups', 'list'], hall.env)).stdout).to.contain('周八');
  });
});
