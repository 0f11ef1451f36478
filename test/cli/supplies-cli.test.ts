import { expect } from 'chai';
import { runCli } from '../support/cli';
import { useCliHall } from '../support/cli-hall';

describe('npm run cli -- supplies', function () {
  this.timeout(60_000);
  const hall = useCliHall();

  it('sets a threshold, lists every item, removes a threshold, and refuses bad input', async () => {
    expect((await runCli(['supplies', 'list'], hall.env)).stdout).to.contain('no supplies yet');
    const set = await runCli(['supplies', 'threshold', '口罩', '200'], hall.env);
    expect(set.code, set.stderr).to.equal(0);
    expect(set.stdout).to.contain('口罩：阈值 200 个；现有 0 个，已低于阈值');
    expect((await runCli(['supplies', 'threshold', '消毒液', '5瓶'], hall.env)).stdout).to.contain('消毒液：阈值 5 瓶');
    const list = await runCli(['supplies', 'list'], hall.env);
    expect(list.stdout).to.match(/^item\s+unit\s+quantity\s+threshold\s+per_day\s+days_left\s+state\n/);
    expect(list.stdout).to.match(/口罩\s+个\s+0\s+200\s+0\s+-\s+below/);
    expect((await runCli(['supplies', 'threshold', '口罩', '0'], hall.env)).stdout).to.contain('口罩：已取消阈值');
    expect((await runCli(['supplies', 'list'], hall.env)).stdout).to.match(/口罩\s+个\s+0\s+-\s+0\s+-\n/);

    const bad = await runCli(['supplies', 'threshold', '口罩', '很多'], hall.env);
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain('usage: supplies threshold <物品> <数量>');
    const unit = await runCli(['supplies', 'threshold', '口罩', '2箱'], hall.env);
    expect(unit.code).to.equal(1);
    expect(unit.stderr).to.contain('口罩 is kept in 个, not 箱');
    expect((await runCli(['supplies', 'nonsense'], hall.env)).code).to.equal(2);
  });
});
