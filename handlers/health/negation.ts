import type { Token } from './tokenize';

/** Tokens a list of symptoms may run through: `发热、咳嗽和乏力`; a word it does not know may be a symptom it does not know. */
const IN_LIST = new Set(['symptom', 'gap', 'connector', 'punct', 'unknown']);
/** Tokens a glued chain of symptoms may run through: `发热咳嗽：否`. */
const IN_CHAIN = new Set(['symptom', 'connector', 'punct']);

/**
 * Which symptoms the text says are absent, by token index. A negation covers:
 * - its own symptom (`无咳嗽`, `不发烧`);
 * - symptoms glued after it (`没有发烧咳嗽`, `无发热和咳嗽`);
 * - a whole list closed by 等 / 等症状 (`无发热、咳嗽、乏力等症状`);
 * - a symptom or a glued chain of them answered with a none word (`咳嗽：无`,
 *   `发热(否)`, `是否发热咳嗽：否`), or a list
 *   closed by 等 and then answered (`发热、咳嗽等症状均无`).
 * A symptom merely near a none word (`无 咳嗽`, `无症状 咳嗽`) stays present:
 * the safer reading, and 更正 fixes it.
 */
export function negatedSymptoms(tokens: Token[]): Set<number> {
  const negated = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.type === 'symptom' && t.negated) coverForward(tokens, i, negated);
    if (t.type === 'none') coverBackward(tokens, i, negated);
  });
  return negated;
}

function coverForward(tokens: Token[], from: number, negated: Set<number>) {
  negated.add(from);
  const glued: number[] = [];
  const listed: number[] = [];
  let spaced = false;
  let j = from + 1;
  for (; j < tokens.length && IN_LIST.has(tokens[j].type); j += 1) {
    if (tokens[j].type === 'gap') spaced = true;
    if (tokens[j].type !== 'symptom') continue;
    listed.push(j);
    if (!spaced) glued.push(j);
  }
  for (const k of tokens[j]?.type === 'list-end' ? listed : glued) negated.add(k);
}

function coverBackward(tokens: Token[], noneAt: number, negated: Set<number>) {
  let j = noneAt - 1;
  let spaced = false;
  let punctuated = false;
  for (; j >= 0 && (tokens[j].type === 'gap' || tokens[j].type === 'punct'); j -= 1) {
    if (tokens[j].type === 'gap') spaced = true;
    else punctuated = true;
  }
  const before = tokens[j];
  if (before?.type === 'symptom' && (!spaced || punctuated)) {
    for (let k = j; k >= 0 && IN_CHAIN.has(tokens[k].type); k -= 1) if (tokens[k].type === 'symptom') negated.add(k);
  }
  if (before?.type !== 'list-end') return;
  for (let k = j - 1; k >= 0 && IN_LIST.has(tokens[k].type); k -= 1) if (tokens[k].type === 'symptom') negated.add(k);
}
