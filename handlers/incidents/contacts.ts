import { EVERYONE, type Command } from '../../bot/command';
import { UserError } from '../../bot/errors';
import { contactMessages } from '../../bot/incidents/contact-messages';
import { decideContacts } from '../../bot/incidents/contacts';

const VERDICT: Record<string, 'confirmed' | 'excluded'> = { 确认: 'confirmed', 添加: 'confirmed', 排除: 'excluded' };

/** `密接 12 确认 张三 李四` / `密接 12 排除 王五` (SPEC §11): whether the sender may is the incident's business. */
export const contactsCommand: Command = {
  name: '密接',
  keywords: ['密接'],
  roles: EVERYONE,
  help: '密接：密接 12 确认 张三 李四 / 密接 12 排除 王五（应急排查：确认或排除密切接触者）',
  async run({ sql, services, sender, args, now }) {
    const m = /^#?(\S+)\s+(确认|添加|排除)\s+([\s\S]+)$/.exec(args);
    if (!m) throw new UserError(contactMessages.usage());
    const names = [...new Set(m[3].split(/[\s,，、;；]+/).filter(Boolean))];
    return decideContacts(sql, services, { idText: m[1], verdict: VERDICT[m[2]], names, by: sender, now });
  },
};
