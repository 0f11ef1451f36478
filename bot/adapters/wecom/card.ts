import { createHash, randomBytes } from 'node:crypto';
import type { Action } from '../../outbox/actions';

/** A button_interaction card holds at most 6 buttons (PROTOCOLS.md "Cards and buttons"); the rest stay typed. */
export const MAX_BUTTONS = 6;
/** A button key is returned as EventKey: at most 1024 bytes. */
const MAX_KEY_BYTES = 1024;
/** task_id: digits, letters and `_-@`, at most 128 bytes, unique per app. */
export const TASK_ID = /^[A-Za-z0-9_\-@]{1,128}$/;

/** A fresh task id for one card, unique per app, within the platform's charset. */
export function newTaskId(): string {
  return `hg_${randomBytes(12).toString('hex')}`;
}

/**
 * A button's key: the command it stands for and the word it becomes once
 * tapped, base64url so that any command fits the key's characters. WeCom
 * returns it as it was sent, in a signed and encrypted callback.
 */
export function buttonKey(action: Action): string {
  return Buffer.from(JSON.stringify([action.command, action.done ?? ''])).toString('base64url');
}

/** What a clicked button's key stands for; null when it is not one of ours. */
export function readButtonKey(key: string): { command: string; done?: string } | null {
  try {
    const [command, done] = JSON.parse(Buffer.from(key, 'base64url').toString('utf8')) as unknown[];
    if (typeof command !== 'string' || !command.trim()) return null;
    return { command, ...(typeof done === 'string' && done ? { done } : {}) };
  } catch {
    return null;
  }
}

/** The claim of a click: once per (user, task, key) — the user is the claim's sender — within the message id's 128 characters. */
export function clickId(taskId: string, key: string): string {
  return `card:${taskId.slice(0, 80)}:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}

/**
 * A `button_interaction` template card for a message that offers actions: its
 * first line the title, the rest below, a button per action (SPEC §16). The
 * text keeps the typed commands, so an action beyond the buttons is typed.
 */
export function templateCard(body: string, actions: Action[], taskId: string): Record<string, unknown> {
  const [title, ...rest] = body.split('\n');
  const buttons = actions.filter((a) => Buffer.byteLength(buttonKey(a)) <= MAX_KEY_BYTES).slice(0, MAX_BUTTONS);
  return {
    card_type: 'button_interaction',
    main_title: { title },
    ...(rest.length ? { sub_title_text: rest.join('\n') } : {}),
    task_id: taskId,
    // Style 1 the action asked for, 2 its alternative (排除, 查看).
    button_list: buttons.map((a) => ({ text: a.label, style: /^(排除|查看)/.test(a.label) ? 2 : 1, key: buttonKey(a) })),
  };
}
