import { UserError } from './errors';
import { messages } from './messages';

/** The most characters a free note may have: a step's note, a 处置 or 结案 text, a situation, a disinfection note (issue 21). */
export const NOTE_MAX = 500;

/**
 * A free note as it will be kept, trimmed; a longer one is refused with the
 * limit and its length (nothing is cut silently), so the sender can shorten it.
 */
export function checkedNote(text: string): string {
  const note = text.trim();
  const length = [...note].length;
  if (length > NOTE_MAX) throw new UserError(messages.noteTooLong(NOTE_MAX, length));
  return note;
}
