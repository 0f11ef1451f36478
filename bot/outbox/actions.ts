/**
 * An action the bot asks of a person, offered as a button (WeCom cards) or a
 * quick-action link (DingTalk) beside the text, which still shows the typed
 * command (SPEC §16). A tap acts exactly as typing `command` would.
 */
export interface Action {
  /** What the button says: 完成, 确认 张三 … */
  label: string;
  /** The typed command it stands for. */
  command: string;
  /** What the button becomes once tapped, before who and when: 已完成（张三 10:42）. None: it stays (查看). */
  done?: string;
}

/** What a tapped button says once it acted (SPEC §16). */
export const actionMessages = {
  tapped: (done: string, name: string, hhmm: string) => `${done}（${name} ${hhmm}）`,
};

/** The actions column as stored: null when there are none. */
export function storedActions(actions: Action[] | undefined): string | null {
  return actions?.length ? JSON.stringify(actions.map(({ label, command, done }) => ({ label, command, ...(done ? { done } : {}) }))) : null;
}

/** The actions column read back; [] when there are none or it does not read. */
export function readActions(stored: string | null | undefined): Action[] {
  if (!stored) return [];
  try {
    const parsed = JSON.parse(stored) as unknown;
    return Array.isArray(parsed) ? parsed.filter((a): a is Action => typeof a?.label === 'string' && typeof a?.command === 'string') : [];
  } catch {
    return [];
  }
}
