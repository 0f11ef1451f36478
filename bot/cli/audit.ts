import { parseArgs } from 'node:util';
import { AUDIT_ACTION_LABEL, auditLog } from '../privacy/audit';
import { localIso, zonedInstant } from '../time';
import { CliError, type CliCommand } from './context';
import { isDate } from './export';
import { formatTable } from './table';

/** `audit [--from YYYY-MM-DD]` (SPEC §12): every export of personal data and every view of an incident's contacts. */
export const auditCommand: CliCommand = {
  name: 'audit',
  usage: 'audit [--from 2026-11-01]',
  async run(argv, { db, config, out }) {
    const { values } = parseArgs({ args: argv, options: { from: { type: 'string' } } });
    if (values.from !== undefined && !isDate(values.from)) throw new CliError(`--from takes a real date written YYYY-MM-DD, not "${values.from}"`, 2);
    const from = values.from ? zonedInstant(values.from, 0, 0, config.timezone) : undefined;
    const lines = await auditLog(db, from);
    if (lines.length === 0) return out(values.from ? `${values.from} 以来没有审计记录` : '没有审计记录');
    const rows = lines.map((l) => [localIso(new Date(l.at), config.timezone).slice(0, 19).replace('T', ' '), l.actor, AUDIT_ACTION_LABEL[l.action] ?? l.action, l.detail]);
    for (const line of formatTable(['time', 'actor', 'action', 'detail'], rows)) out(line);
  },
};
