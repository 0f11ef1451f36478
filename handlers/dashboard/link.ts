import { LEADS, type Command } from '../../bot/command';
import { LINK_HOURS, sign, signingKey } from '../../bot/dashboard/tokens';
import { messages } from '../../bot/messages';
import { chatScope, scopeLabel } from '../../bot/scope/scope';
import { localIso } from '../../bot/time';

/**
 * `看板` (SPEC §3.4): a lead or leader gets a personal dashboard link, signed
 * and valid for 12 hours. Opening it starts a browser session; the link itself
 * grants nothing once expired.
 */
export const dashboardLinkCommand: Command = {
  name: '看板',
  keywords: ['看板', '防疫看板', '数据看板', '大屏', 'dashboard'],
  roles: LEADS,
  help: '看板：发送「看板」获取个人防疫看板链接（12 小时内有效；窗口负责人看本窗口）',
  async run({ sql, sender, services, now }) {
    const scope = scopeLabel(chatScope(sender));
    const key = await signingKey(sql, services.db);
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + LINK_HOURS * 3600;
    const url = `${services.config.publicUrl}/dashboard?t=${sign(key, { kind: 'link', sid: sender.id, iat, exp })}`;
    const until = localIso(new Date(exp * 1000), services.config.timezone).slice(5, 16).replace('T', ' ');
    return messages.dashboardLink({ name: sender.name, scope, url, until });
  },
};
