import { parseArgs } from 'node:util';
import type { Database } from '../db/database';
import { PERSON_COLUMNS, toPerson } from '../directory/directory';
import { ranks } from '../export/chinese';
import { importStaff } from '../directory/staff-import';
import { CliError, type CliCommand } from './context';
import { readUtf8 } from './read-utf8';
import { formatTable } from './table';

/** `staff import <file.csv> [--prune]` and `staff list [--all]` (SPEC §4). */
export const staffCommand: CliCommand = {
  name: 'staff',
  usage: 'staff import <file.csv> [--prune] | staff list [--all]',
  async run(argv, { db, out }) {
    const [action, ...rest] = argv;
    if (action === 'import') {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { prune: { type: 'boolean' } } });
      if (positionals.length !== 1) throw new CliError('usage: staff import <file.csv> [--prune]', 2);
      const result = await importStaff(db, await readUtf8(positionals[0]), { prune: values.prune, now: new Date() });
      if (!result.ok) {
        const lines = result.errors.map((e) => `第 ${e.line} 行：${e.message}`);
        throw new CliError([...lines, `导入失败：${result.errors.length} 处错误，未写入任何数据。`].join('\n'));
      }
      out(`导入完成：新增 ${result.created} 人，更新 ${result.updated} 人，未变 ${result.unchanged} 人${values.prune ? `，停用 ${result.deactivated} 人` : ''}。`);
      return;
    }
    if (action === 'list') {
      const { values } = parseArgs({ args: rest, options: { all: { type: 'boolean' } } });
      for (const line of await staffListing(db, { all: values.all })) out(line);
      return;
    }
    throw new CliError(`usage: ${this.usage}`, 2);
  },
};

/**
 * The directory as an aligned table, by window then name (people without a
 * window last), and a count line; `all` adds inactive people and a status column.
 */
export async function staffListing(db: Database, opts: { all?: boolean } = {}): Promise<string[]> {
  const people = (await db.all(`SELECT ${PERSON_COLUMNS} FROM staff${opts.all ? '' : ' WHERE active = ?'}`, opts.all ? [] : [true])).map(toPerson);
  const windowRank = ranks(people.map((p) => p.window));
  const nameRank = ranks(people.map((p) => p.name));
  people.sort((a, b) => windowRank(a.window) - windowRank(b.window) || nameRank(a.name) - nameRank(b.name) || a.id - b.id);
  const header = ['name', 'window', 'role', 'wecom_userid', 'dingtalk_userid', 'mobile', ...(opts.all ? ['status'] : [])];
  const rows = people.map((p) => [p.name, p.window || '-', p.role, p.wecomUserId ?? '-', p.dingtalkUserId ?? '-', p.mobile ?? '-', ...(opts.all ? [p.active ? 'active' : 'inactive'] : [])]);
  const inactive = people.filter((p) => !p.active).length;
  return [...formatTable(header, rows), opts.all ? `共 ${people.length} 人（在用 ${people.length - inactive}，停用 ${inactive}）` : `共 ${people.length} 人`];
}
