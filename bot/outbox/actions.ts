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
}

/** The actions column as stored: null when there are none. */
export function storedActions(actions: Action[] | undefined): string | null {
  return actions?.length ? JSON.stringify(actions.map(({ label, command }) => ({ label, command }))) : null;
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
