import { importHalls } from '../halls/import';
import { maskSecret } from '../halls/mask';
import { listHalls } from '../halls/store';
import type { Database } from '../db/database';
import { CliError, type CliCommand } from './context';
import { readUtf8 } from './read-utf8';
import { formatTable } from './table';

/** `halls import <halls.csv>` and `halls list` (SPEC §15). */
export const hallsCommand: CliCommand = {
  name: 'halls',
  usage: 'halls import <halls.csv> | halls list',
  async run(argv, { db, out }) {
    const [action, ...rest] = argv;
    if (action === 'import') {
      if (rest.length !== 1) throw new CliError('usage: halls import <halls.csv>', 2);
      const result = await importHalls(db, await readUtf8(rest[0]), { now: new Date() });
      if (!result.ok) {
        const lines = result.errors.map((e) => `第 ${e.line} 行：${e.message}`);
        throw new CliError([...lines, `导入失败：${result.errors.length} 处错误，未写入任何数据。`].join('\n'));
      }
      out(`导入完成：新增 ${result.created} 个大厅，更新 ${result.updated} 个。`);
      return;
    }
    if (action === 'list' && rest.length === 0) {
      for (const line of await hallListing(db)) out(line);
      return;
    }
    throw new CliError(`usage: ${this.usage}`, 2);
  },
};

/** The declared halls as an aligned table with their people, secrets masked; a single-hall deployment says so. */
export async function hallListing(db: Database): Promise<string[]> {
  const halls = await listHalls(db);
  if (halls.length === 0) return ['未登记大厅：单一大厅部署（领导群为环境变量 WECOM_LEADER_* / DINGTALK_LEADER_* 所配）。'];
  const people = new Map((await db.all<{ hall: string; n: unknown }>('SELECT hall, count(*) AS n FROM staff WHERE active = ? GROUP BY hall', [true])).map((r) => [r.hall, Number(r.n)]));
  const header = ['hall', 'name', 'staff', 'wecom_leader_chat_id', 'wecom_leader_webhook_key', 'dingtalk_leader_conversation_id', 'dingtalk_leader_webhook', 'dingtalk_leader_secret'];
  const rows = halls.map((h) => [
    h.code,
    h.name,
    String(people.get(h.code) ?? 0),
    h.wecomLeaderChatId ?? '-',
    maskSecret(h.wecomLeaderWebhookKey),
    h.dingtalkLeaderConversationId ?? '-',
    maskSecret(h.dingtalkLeaderWebhook),
    maskSecret(h.dingtalkLeaderSecret),
  ]);
  const unassigned = people.get('') ?? 0;
  return [...formatTable(header, rows), `共 ${halls.length} 个大厅${unassigned ? `；另有 ${unassigned} 人属默认大厅（名单未填 hall）` : ''}`];
}
