import { normaliseTracked, typedSpan } from '../../bot/normalise';
import type { ParsedVisitor } from './grammar';

/**
 * A registration's 住址 and 行程 as the guard typed them (`幸福小区3栋，2单元`),
 * not as the grammar read them (`幸福小区3栋 2单元`): only the command words are
 * parsed. `args` is the normalised text after the keyword, a tail of the
 * message's normalised text.
 */
export function withTypedFields(parsed: ParsedVisitor, typed: string, args: string): ParsedVisitor {
  const tracked = normaliseTracked(typed);
  // The fields come after the name, which is the first word.
  const from = tracked.text.length - args.length + parsed.name.length;
  const typedField = (field: string | null) => {
    if (field === null) return null;
    const start = tracked.text.indexOf(field, from);
    return start < 0 ? field : typedSpan(typed, tracked, start, field).slice(0, 255);
  };
  return { ...parsed, address: typedField(parsed.address), travel: typedField(parsed.travel) };
}
