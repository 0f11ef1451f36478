import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PERSON_COLUMNS, toPerson } from '../directory';
import { ROLE_LABEL } from '../labels';
import { importStaff } from '../staff-import';
import { CliError, type CliCommand } from './context';

/** Pads for a terminal where a Chinese character takes two columns. */
function pad(text: string, width: number): string {
  const used = [...text].reduce((n, ch) => n + (/[\u1100-\uFFFF]/.test(ch) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - used));
}

/** `staff import <file.csv> [--prune]` and `staff list [--all]` (SPEC §4). */
export const staffCommand: CliCommand = {
  name: 'staff',
  usage: 'staff import <file.csv> [--prune] | staff list [--all]',
  async run(argv, { db, out }) {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { prune: { type: 'boolean' }, all: { type: 'boolean' } } });
    const [action, file] = positionals;
    if (action === 'import') {
      if (!file) throw new CliError('usage: staff import <file.csv> [--prune]', 2);
      const csv = await readFile(file, 'utf8').catch(() => {
        throw new CliError(`cannot read ${file}`);
      });
      const result = await importStaff(db, csv, { prune: values.prune, now: new Date() });
      if (!result.ok) {
        for (const e of result.errors) out(`第 ${e.line} 行：${e.message}`);
        throw new CliError(`导入失败：${result.errors.length} 处错误，未写入任何数据。`);
      }
      out(`导入完成：新增 ${result.created} 人，更新 ${result.updated} 人${values.prune ? `，停用 ${result.deactivated} 人` : ''}。`);
      return;
    }
    if (action === 'list') {
      const people = (await db.all(`SELECT ${PERSON_COLUMNS} FROM staff ${values.all ? '' : 'WHERE active = ?'} ORDER BY window_name, name`, values.all ? [] : [true])).map(toPerson);
      const widths = [10, 14, 14, 16, 16, 12];
      const head = ['姓名', '窗口', '角色', '企业微信', '钉钉', '手机号', ...(values.all ? ['状态'] : [])];
      out(head.map((h, i) => pad(h, widths[i] ?? 6)).join(' '));
      for (const p of people) {
        const cells = [p.name, p.window || '-', ROLE_LABEL[p.role], p.wecomUserId ?? '-', p.dingtalkUserId ?? '-', p.mobile ?? '-', ...(values.all ? [p.active ? '在用' : '停用'] : [])];
        out(cells.map((c, i) => pad(c, widths[i] ?? 6)).join(' '));
      }
      out(`共 ${people.length} 人`);
      return;
    }
    throw new CliError(`usage: ${this.usage}`, 2);
  },
};
