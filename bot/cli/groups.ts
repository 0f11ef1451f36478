import { parseArgs } from 'node:util';
import { importGroups } from '../groups/import';
import { groupMembers } from '../groups/members';
import { stepOwners } from '../incidents/owners';
import { CliError, type CliCommand } from './context';
import { readUtf8 } from './read-utf8';
import { formatTable } from './table';

/** `groups import <groups.csv> [--prune]` and `groups list` (SPEC §11): the working groups of the emergency plan. */
export const groupsCommand: CliCommand = {
  name: 'groups',
  usage: 'groups import <groups.csv> [--prune] | groups list',
  async run(argv, { db, out }) {
    const [action, ...rest] = argv;
    if (action === 'import') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { prune: { type: 'boolean' } } });
      if (positionals.length !== 1) throw new CliError('usage: groups import <groups.csv> [--prune]', 2);
      const result = await importGroups(db, await readUtf8(positionals[0]), { prune: values.prune, now: new Date() });
      if (!result.ok) {
        const lines = result.errors.map((e) => `第 ${e.line} 行：${e.message}`);
        throw new CliError([...lines, `导入失败：${result.errors.length} 处错误，未写入任何数据。`].join('\n'));
      }
      const groups = [...result.groups].map(([g, n]) => `${g} ${n} 人`).join('，');
      out(`导入完成：${groups || '没有任何组'}${result.removed.length ? `；删除 ${result.removed.join('、')}` : ''}。`);
      return;
    }
    if (action === 'list') {
      const groups = await groupMembers(db);
      const owners = await stepOwners(db);
      const named = new Set([...groups.keys(), ...owners.values()]);
      const rows = [...named].sort().map((g) => {
        const steps = [...owners].filter(([, owner]) => owner === g).map(([step]) => step);
        const members = groups.get(g) ?? [];
        return [g, members.length ? members.map((p) => `${p.name}${p.window ? `（${p.window}）` : ''}`).join('、') : '（无成员：其步骤由领导小组负责）', steps.join(' ') || '-'];
      });
      for (const line of formatTable(['group', 'members', 'steps'], rows)) out(line);
      return;
    }
    throw new CliError(`usage: ${this.usage}`, 2);
  },
};
