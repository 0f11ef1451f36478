import { groupMembers } from '../groups/members';
import { setStepOwner, stepOwners } from '../incidents/owners';
import { STEPS, stepNamed } from '../incidents/steps';
import { CliError, type CliCommand } from './context';
import { formatTable } from './table';

/** `procedure owner <步骤> <组名>` and `procedure list` (SPEC §11): who owns each step of the emergency procedure, and by when. */
export const procedureCommand: CliCommand = {
  name: 'procedure',
  usage: 'procedure owner <步骤> <组名> | procedure list',
  async run(argv, { db, config, out }) {
    const [action, stepWord, group, ...extra] = argv;
    if (action === 'owner') {
      const step = stepWord ? stepNamed(stepWord) : undefined;
      if (!step) throw new CliError(`give a step: ${STEPS.map((s) => `${s.no} ${s.name}`).join('、')}`, 2);
      if (!group || extra.length || group.length > 32) throw new CliError('usage: procedure owner <步骤> <组名> (a group name of at most 32 characters)', 2);
      await setStepOwner(db, step.name, group, new Date());
      const members = (await groupMembers(db)).get(group) ?? [];
      out(`${step.no}. ${step.title}：由 ${group} 负责${members.length ? `（${members.length} 人）` : '；该组还没有成员，在导入成员之前由领导小组负责'}`);
      return;
    }
    if (action === 'list') {
      const owners = await stepOwners(db);
      const groups = await groupMembers(db);
      const rows = STEPS.map((s) => {
        const owner = owners.get(s.name)!;
        const members = groups.get(owner)?.length ?? 0;
        const due = s.name === '报告' ? '开启时' : `${config.procedureDueMinutes[s.name]} 分钟`;
        return [`${s.no} ${s.name}（${s.title}）`, members ? `${owner}（${members} 人）` : `${owner}（无成员 → 领导小组）`, due];
      });
      for (const line of formatTable(['step', 'owner', 'due'], rows)) out(line);
      return;
    }
    throw new CliError(`usage: ${this.usage}`, 2);
  },
};
