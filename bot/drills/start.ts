import type { Services } from '../command';
import type { Sql } from '../db/database';
import type { Person } from '../directory/directory';
import { UserError } from '../errors';
import { openCaseAlert } from '../incidents/case-alert';
import { openIncident } from '../incidents/open';
import { openIncidents } from '../incidents/store';
import { localClock } from '../time';
import { marked } from './mark';
import { drillMessages } from './messages';

/** The open drill, if any (at most one: a unique index holds it). */
export async function openDrill(sql: Sql) {
  const [drill] = await openIncidents(sql, 'drill');
  return drill;
}

/**
 * `演练 开始 [窗口]` (SPEC §11): the whole procedure on a fictional person in
 * a window (its colleagues on that day's roster proposed as contacts) or in
 * the hall; every message marked 【演练】. One drill at a time.
 */
export async function startDrill(sql: Sql, services: Services, a: { window?: string; by: Person; date: string; now: Date }): Promise<string> {
  const open = await openDrill(sql);
  if (open) throw new UserError(drillMessages.alreadyOpen(open.id));
  if (a.window !== undefined) {
    const windows = [...new Set((await services.directory.active()).map((p) => p.window).filter(Boolean))].sort((x, y) => x.localeCompare(y, 'zh-CN', { numeric: true }));
    if (!windows.includes(a.window)) throw new UserError(drillMessages.unknownWindow(a.window, windows));
  }
  const subject = drillMessages.subject(a.window);
  const situation = drillMessages.situation;
  const id = await openCaseAlert(sql, { kind: 'drill', subject, reasons: situation, now: a.now });
  const contacts = a.window !== undefined ? { window: a.window, date: a.date } : undefined;
  const procedure = await openIncident(sql, services, { id, kind: 'drill', subject, situation, now: a.now, openedBy: a.by, contacts });
  const header = drillMessages.opened({ id, by: a.by.name, time: localClock(a.now, services.config.timezone), subject, situation });
  await services.notifier.toLeaders(sql, `${header}\n\n${marked({ kind: 'drill' }, procedure)}`, 'alert');
  return drillMessages.started(id);
}
