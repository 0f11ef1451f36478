import type { Person } from './directory';
import { UserError } from '../errors';
import { messages } from '../messages';

/**
 * The window a person's view and actions are limited to: a lead's own, or
 * undefined for leaders and administrators (the whole hall). A lead without a
 * window is refused rather than given a scope of `''`, which would match
 * everyone without a window — the leadership group among them.
 */
export function ownWindow(person: Person): string | undefined {
  if (person.role !== 'lead') return undefined;
  if (!person.window) throw new UserError(messages.leadWithoutWindow());
  return person.window;
}
