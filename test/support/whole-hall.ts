import { recordDelivery } from '../../bot/adapters/local/deliveries';
import { importHalls, HALL_HEADER } from '../../bot/halls/import';
import { findJob } from '../../jobs';
import type { Database, Row } from '../../bot/db/database';
import { Hall, PEOPLE, type HallOptions } from './hall';

/** The hall's people and a door guard. */
export const PEOPLE_WITH_GUARD = [...PEOPLE, { name: '门卫甲', window: '', role: 'guard', wecomUserId: 'menwei', dingtalkUserId: 'menwei', mobile: '13800000009' }];

/**
 * A hall with rows in every table: a morning of its life told as a
 * conversation (a visitor, a fever that opens an emergency, a contact, a
 * roster, disinfection, supplies, an all-staff check, the daily brief), and
 * what operators do from the command line (groups, step owners, the
 * calendar, an audited export, a drill reading, a revoked dashboard link,
 * the simulator's feed, a declared hall) written as those commands write it.
 */
export async function wholeHall(options: HallOptions = {}): Promise<Hall> {
  const hall = await Hall.open({ shareable: true, people: PEOPLE_WITH_GUARD, ...options });
  await hall.send('menwei', '登记 刘一 13812345678 住址 幸福小区 窗口 1号窗口 36.6 绿码');
  await hall.send('zhangsan', '晨检 38.6 绿码');
  await hall.send('wangwu', '密接 1 确认 赵六');
  await hall.send('lisi', '明日排班 张三 赵六');
  await hall.send('wangwu', '消杀 网办区 完成');
  await hall.send('wangwu', '入库 口罩 500');
  await hall.send('wangwu', '全员测温');
  await hall.service.jobs.runner.fire(findJob('daily-brief')!, new Date('2026-11-23T17:30:00+08:00'), { trigger: 'cli', force: true });
  await hall.deliver();
  const db = hall.service.db;
  const [zhangsan] = await db.all<{ id: number }>('SELECT id FROM staff WHERE name = ?', ['张三']);
  const [incident] = await db.all<{ id: number }>('SELECT id FROM incident ORDER BY id LIMIT 1');
  const at = '2026-11-23T00:30:00.000Z';
  await db.run('INSERT INTO group_member (group_name, staff_id, added_at) VALUES (?, ?, ?)', ['消毒防疫组', zhangsan.id, at]);
  await db.run('INSERT INTO procedure_owner (step, group_name, updated_at) VALUES (?, ?, ?)', ['消杀', '消毒防疫组', at]);
  await db.run('INSERT INTO calendar_override (date, kind, updated_at) VALUES (?, ?, ?)', ['2027-01-01', 'holiday', at]);
  await db.run('INSERT INTO calendar_notice (year, format, file, imported_at) VALUES (?, ?, ?, ?)', [2027, 'text', '通知.txt', at]);
  await db.run('INSERT INTO calendar_notice_day (year, date, kind, name) VALUES (?, ?, ?, ?)', [2027, '2027-01-01', 'holiday', '元旦']);
  await db.run('INSERT INTO audit_entry (at, actor, action, detail) VALUES (?, ?, ?, ?)', [at, 'cli', 'export-visitors', '2026-11-01..2026-11-23']);
  await db.run('INSERT INTO dashboard_revocation (nonce, expires_at) VALUES (?, ?)', ['n-1', '2026-11-23T12:00:00.000Z']);
  // The WeCom intelligent bot's connection, as an instance holds it (issue 26).
  await db.run('INSERT INTO link_lease (name, holder, expires_at) VALUES (?, ?, ?)', ['wecom-bot:demo', 'host-1:123:abcd', '2026-11-23T00:30:20.000Z']);
  // A hall tried on the local simulator first keeps what its channels delivered.
  await recordDelivery(db, { to: 'leaders', body: '【晨检汇总】模拟器中的一条推送', at });
  await importHalls(db, `${HALL_HEADER.join(',')}\nxc,西城大厅,wrLeadXc,key-xc-0123456789abcdef,,,\n`, { now: new Date(at) });
  await db.run('INSERT INTO drill_reading (incident_id, staff_id, temperature, health_code, symptoms, received_at) VALUES (?, ?, ?, ?, ?, ?)', [incident.id, zhangsan.id, 36.5, 'green', '', at]);
  return hall;
}

/** Every table of the schema (the migrations' own included) with all its rows, each table's rows in a stable order. */
export async function everyRow(db: Database): Promise<Record<string, string[]>> {
  const tables = [...db.dataSource.entityMetadatas.map((m) => m.tableName), 'migrations'].sort();
  const all: Record<string, string[]> = {};
  for (const table of tables) all[table] = (await db.all<Row>(`SELECT * FROM "${table}"`)).map((row) => JSON.stringify(row)).sort();
  return all;
}
