import { expect } from 'chai';
import { commandStarts, examplesIn } from '../../handlers/conversation/examples';
import { allCommands } from '../../handlers';
import { CAST, ExampleBench } from '../support/example-bench';

/**
 * Issue 23 item 3: `帮助` lists only what the sender's role and working
 * groups may use, most used first, each with an example; every example it
 * shows is accepted when that person sends it.
 */
const starts = commandStarts(allCommands().commands);

describe('帮助 by role and working group', function () {
  this.timeout(120_000);
  const help = new Map<string, string[]>();
  /** Per person and example: accepted, or the refusals. */
  const outcome = new Map<string, { accepted: boolean; refusals: string[] }>();
  const key = (user: string, example: string) => `${user}\u0000${example}`;

  before(async () => {
    for (const state of ['plain', 'drill'] as const) {
      const bench = await ExampleBench.open(state);
      try {
        for (const { wecomUserId } of CAST) {
          if (state === 'plain') {
            const trial = await bench.try(wecomUserId, '帮助');
            expect(trial.refused).to.equal(false);
            help.set(wecomUserId, trial.reply.split('\n').slice(1));
          }
          for (const line of help.get(wecomUserId)!) {
            for (const example of examplesIn(line, starts)) {
              const result = outcome.get(key(wecomUserId, example)) ?? { accepted: false, refusals: [] };
              outcome.set(key(wecomUserId, example), result);
              if (result.accepted) continue;
              const trial = await bench.try(wecomUserId, example);
              if (trial.refused) result.refusals.push(`${state}：${trial.reply.split('\n')[0]}`);
              else result.accepted = true;
            }
          }
        }
      } finally {
        await bench.close();
      }
    }
  });

  const lines = (user: string) => help.get(user)!;
  const text = (user: string) => lines(user).join('\n');

  for (const { wecomUserId, name, role } of CAST) {
    it(`${name}（${role}）: every line has an example, and every example is accepted from ${name}`, () => {
      expect(lines(wecomUserId).length).to.be.at.least(3);
      for (const line of lines(wecomUserId)) {
        const examples = examplesIn(line, starts);
        expect(examples, `an example in: ${line}`).to.not.be.empty;
        for (const example of examples) {
          const result = outcome.get(key(wecomUserId, example))!;
          expect(result.accepted, `${name} sends ${JSON.stringify(example)} (${line}):\n${result.refusals.join('\n')}`).to.equal(true);
        }
      }
    });
  }

  it('puts what each role sends most first: a guard 登记, staff their reading, a leader 今日统计', () => {
    expect(lines('qianmw')[0]).to.match(/^· 访客登记：登记 /);
    expect(lines('qianmw')[1]).to.contain('今日访客');
    expect(lines('zhangsan')[0]).to.match(/^· 上报体温：/);
    expect(lines('lisi').slice(0, 3).join('\n')).to.contain('上报体温').and.contain('代报').and.contain('明日排班');
    expect(lines('wangwu')[0]).to.contain('今日统计');
    expect(lines('wangwu')[1]).to.contain('处置 12');
  });

  it('shows staff without a working group none of the commands of leads, leaders, the door or the groups', () => {
    const staff = text('zhangsan');
    for (const word of ['入库', '领用', '盘点', '库存', '消杀 ', '处置 12', '进展', '密接', '应急 12', '结案', '启动应急', '全员测温', '演练', '登记 ', '代报', '排班', '看板', '今日统计']) {
      expect(staff, word).to.not.contain(word);
    }
    expect(staff).to.contain('我的记录').and.contain('消杀状态').and.contain('帮助');
  });

  it('adds the working groups’ commands to their members, with the step each group owns', () => {
    expect(text('zhaoliu'), '消毒防疫组').to.contain('消杀 公共区域 完成').and.contain('进展 12 消杀').and.not.contain('入库');
    expect(text('sunqi'), '综合协调组').to.contain('入库 口罩 500').and.contain('领用').and.contain('盘点').and.contain('库存').and.contain('进展 12 上报').and.not.contain('消杀 公共区域');
    expect(text('zhouba'), '应急处置组').to.contain('进展 12 隔离').and.contain('密接 12 确认').and.contain('应急 12').and.not.contain('结案');
    expect(text('lisi'), 'a lead in no group').to.not.contain('进展').and.not.contain('密接');
  });

  it('shows a guard the door and no lead’s commands, a leader every command, and names people of the reader’s window', () => {
    expect(text('qianmw')).to.not.contain('代报').and.not.contain('排班').and.not.contain('处置 12');
    for (const word of ['处置 12', '应急 12', '进展 12 隔离', '密接 12', '启动应急', '结案 12', '全员测温', '演练 开始', '登记 张三', '入库', '消杀 公共区域', '代报', '明日排班 1号窗口 李四 张三', '看板', '今日统计']) {
      expect(text('wangwu'), word).to.contain(word);
    }
    expect(text('lisi'), 'a lead’s own window and colleagues').to.contain('明日排班 张三 赵六').and.contain('代报 张三 36.5').and.not.contain('明日排班 1号窗口');
    expect(text('zhouba')).to.contain('明日排班 孙七（').and.contain('代报 孙七 36.5');
  });
});
