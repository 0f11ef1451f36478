import { EVERYONE, type Command } from '../../bot/command';
import { ROLE_LABEL } from '../../bot/labels';

/** `帮助`: the commands the sender's role may use, each with an example. */
export function helpCommand(commands: () => Command[]): Command {
  const self: Command = {
    name: '帮助',
    keywords: ['帮助', 'help', '?', '菜单', '用法', '使用说明', '说明', '怎么用', '如何使用', '指令', '命令', '功能'],
    roles: EVERYONE,
    help: '帮助：查看本说明',
    groupSafe: true,
    async run({ sender }) {
      const usable = [...commands(), self].filter((c) => (c.listedFor ?? c.roles).includes(sender.role));
      return [`${sender.name}（${ROLE_LABEL[sender.role]}）可用的命令：`, ...usable.map((c) => `· ${c.help}`)].join('\n');
    },
  };
  return self;
}
