import { html, type Safe } from './html';

/** Names shown in one line of the home page (a phone's screenful); the rest are counted, the full list a click away (issue 24). */
export const SCREENFUL = 12;

/**
 * A list of names as the home page shows it: the first {@link SCREENFUL},
 * then how many more, with a link to the page that lists them all.
 */
export function someNames(names: string[], fullList: string): Safe {
  if (names.length <= SCREENFUL) return html`${names.join('、')}`;
  return html`${names.slice(0, SCREENFUL).join('、')} 等 ${names.length} 人 <a href="${fullList}" data-testid="full-list">全部名单</a>`;
}
