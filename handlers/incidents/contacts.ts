import { EVERYONE, LEADERS, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { contactMessages } from '../../bot/incidents/contact-messages';
import { decideContacts } from '../../bot/incidents/contacts';
import { numberFirst } from './args';

const VERDICT: Record<string, 'confirmed' | 'excluded'> = { 确认: 'confirmed', 添加: 'confirmed', 新增: 'confirmed', 增加: 'confirmed', 排除: 'excluded', 移除: 'excluded' };
/** The verdict word and what may follow it before the names: `确认 张三`, `确认：周杰`, `确认,张三 李四`. */
const VERDICT_FIRST = new RegExp(`^(${Object.keys(VERDICT).join('|')})[\\s:=,~-]*([\\s\\S]*)$`);

/**
 * `密接 12 确认 张三 李四` / `密接 12 排除 王五` (SPEC §11), spaced or not, with
 * a colon or not (`密接13确认：周杰`, `密接 确认 13 周杰`, `确认密接 13 周杰`):
 * whether the sender may is the incident's business.
 */
export const contactsCommand: Command = {
  name: '密接',
  keywords: ['密接', '确认密接', '排除密接'],
  roles: EVERYONE,
  listedFor: LEADERS,
  groups: (owners) => [owners.get('排查')!],
  help: ({ open, sample }) => `密接：密接 ${open.incident} 确认 ${sample.names.join(' ')} / 密接 ${open.incident} 排除 ${sample.names[0]}（应急排查：确认或排除密切接触者）`,
  async run({ sql, services, sender, keyword, args, now }) {
    // `确认密接 12 张三`: the verdict came first, with the keyword.
    const parsed = keyword === '密接' ? (numberThenVerdict(args) ?? verdictThenNumber(args)) : verdictThenNumber(`${keyword.slice(0, 2)} ${args}`);
    if (!parsed) throw new UserError(contactMessages.usage());
    const names = [...new Set(parsed.names.split(/[\s,，、;；]+/).filter(Boolean))];
    if (names.length === 0) throw new UserError(contactMessages.usage());
    return decideContacts(sql, services, { idText: String(parsed.id), verdict: VERDICT[parsed.verdict], names, by: sender, now });
  },
};

function numberThenVerdict(args: string) {
  const numbered = numberFirst(args);
  const m = numbered && VERDICT_FIRST.exec(numbered.rest);
  return m ? { id: numbered.id, verdict: m[1], names: m[2] } : undefined;
}

function verdictThenNumber(args: string) {
  const m = VERDICT_FIRST.exec(args);
  const numbered = m ? numberFirst(m[2]) : undefined;
  return numbered ? { id: numbered.id, verdict: m![1], names: numbered.rest } : undefined;
}
