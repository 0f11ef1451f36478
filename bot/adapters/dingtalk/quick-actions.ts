import type { Action } from '../../outbox/actions';
import { markdownOf } from '../../outbox/markdown';

/** Links below one message: as many as a screen shows; the rest stay typed, as the text says. */
export const MAX_QUICK_ACTIONS = 10;

/** What encodeURIComponent leaves bare but a markdown link target must not hold: `(` and `)` would end it. */
const UNSAFE_IN_LINK = /[!'()*~]/g;

/**
 * The DingTalk quick-action link for a command: tapped, it makes the tapper's
 * client send the command as a text message into the conversation
 * (PROTOCOLS.md "Cards and buttons": `dtmd://dingtalkclient/sendMessage?content=`).
 */
export function quickActionLink(command: string): string {
  const encoded = encodeURIComponent(command).replace(UNSAFE_IN_LINK, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `dtmd://dingtalkclient/sendMessage?content=${encoded}`;
}

/**
 * A one-to-one robot message with its actions as quick-action links: the text
 * shows as written (each line kept by a hard break), the links below it.
 */
export function quickActionMarkdown(body: string, actions: Action[]): { title: string; text: string } {
  const shown = markdownOf(body).split('\n').join('  \n');
  const links = actions.slice(0, MAX_QUICK_ACTIONS).map((a) => `[${markdownOf(a.label)}](${quickActionLink(a.command)})`);
  const title = body.split('\n')[0].slice(0, 30);
  return { title, text: `${shown}\n\n${links.join('　')}` };
}
