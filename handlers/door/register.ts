import { DOOR, EVERYONE, type Command, type CommandContext } from '../../bot/command';
import { openVisitorAlert } from '../../bot/door/alert';
import { combinedInstruction } from '../../bot/alerts/instruction';
import { evaluateVisitor } from '../../bot/door/evaluate';
import { doorMessages } from '../../bot/door/messages';
import { longDigitRuns, mobilesIn, SAMPLE_MOBILE } from '../../bot/privacy/numbers';
import { insertVisitor, type NewVisitor, type VisitorRow } from '../../bot/door/store';
import { UserError } from '../../bot/errors';
import { parseReport } from '../health/grammar';
import { problemError } from '../health/problems';
import { reportCommand } from '../health/report';
import { parseVisitor, type VisitorProblem } from './grammar';
import { withTypedFields } from './typed-fields';

/**
 * `登记 <姓名> <手机号> [住址 …] [行程 …] [窗口 …] [体温] [码] [症状…]`, also
 * `访客 …` (SPEC §12): a guard or a leader registers a visitor and the door's
 * check. An anomaly (37.3 ℃ or more, a yellow or red code, a symptom) tells
 * the guard the plan's door instruction and alerts the leadership group.
 * `登记 36.5` with no phone and nothing else is still the sender's own
 * reading (登记 was always a harmless word of a report), for everyone.
 */
export const registerVisitorCommand: Command = {
  name: '访客登记',
  keywords: ['访客登记', '来访登记', '登记访客', '来访', '访客', '登记', 'visitor'],
  roles: EVERYONE,
  listedFor: DOOR,
  readsNumbers: true,
  help: `访客登记：登记 张三 ${SAMPLE_MOBILE} 住址 幸福小区 行程 无 窗口 2号窗口 36.5 绿码（住址、行程、窗口、体温、健康码、症状可省略；无码人员写「无码」）`,
  async run(ctx) {
    if (isOwnReading(ctx)) return reportCommand.run(ctx);
    if (!DOOR.includes(ctx.sender.role)) throw new UserError(doorMessages.notAtDoor());
    const read = parseVisitor(ctx.args);
    if (read.kind !== 'visitor') throw visitorProblem(read);
    const parsed = withTypedFields(read, ctx.message.text, ctx.args);
    const { services, sql, sender, now, local } = ctx;
    const { severity, findings } = evaluateVisitor(parsed, services.config.thresholds);
    const stored: NewVisitor & { guardName: string } = {
      name: parsed.name,
      phone: parsed.phone,
      address: parsed.address,
      travel: parsed.travel,
      window: parsed.window,
      temperature: parsed.temperature,
      healthCode: parsed.healthCode,
      symptoms: parsed.symptoms === null ? null : parsed.symptoms.join('、'),
      status: severity,
      reasons: findings.length ? findings.map((f) => f.what).join('、') : null,
      instruction: findings.length ? combinedInstruction(findings.map((f) => f.instruction)) : null,
      guardId: sender.id,
      guardName: sender.name,
      date: local.date,
      registeredAt: now.toISOString(),
    };
    const visitor: VisitorRow = { ...stored, id: await insertVisitor(sql, stored), alertId: null };
    const alertId = severity === 'normal' ? undefined : await openVisitorAlert(sql, services, { visitor, severity, findings, now });
    return doorMessages.registered(visitor, findings, parsed, alertId);
  },
};

/** `登记 36.5`: no phone number, and a clean reading of the sender's own. */
function isOwnReading(ctx: CommandContext): boolean {
  if (mobilesIn(ctx.args).length || longDigitRuns(ctx.args).length) return false;
  const own = parseReport(ctx.args, { today: ctx.local.date });
  return own.kind === 'report' && own.unused.length === 0;
}

function visitorProblem(p: VisitorProblem): UserError {
  switch (p.kind) {
    case 'missing-phone':
      return new UserError(doorMessages.missingPhone());
    case 'bad-phone':
      return new UserError(doorMessages.badPhone(p.digits));
    case 'several-phones':
      return new UserError(doorMessages.severalPhones());
    case 'missing-visitor-name':
      return new UserError(doorMessages.missingName());
    default:
      return problemError(p);
  }
}
