import { EVERYONE, type Command } from '../../bot/command';
import { messages, type SmallTalk } from '../../bot/messages';

const WORDS: Record<SmallTalk, string[]> = {
  greeting: ['你好', '您好', '你们好', '大家好', '早上好', '早安', '上午好', '中午好', '下午好', '晚上好', '早', '在吗', '在么', '在不在', '嗨', '哈喽', '喂', 'hi', 'hello', 'hey'],
  thanks: ['谢谢', '谢谢你', '谢谢您', '谢了', '感谢', '多谢', '辛苦了', '辛苦', 'thanks', 'thankyou', 'thx'],
  ack: ['收到', '好的', '好', '好滴', '嗯', '嗯嗯', '哦', '明白', '明白了', '知道了', '了解', '行', '可以', '没问题', 'ok', 'okay', '再见', '拜拜', 'bye', '晚安'],
};
/** Words that may surround small talk: `好的呀`, `谢谢领导`. */
const AROUND = ['啊', '呀', '哈', '哈哈', '了', '的', '啦', '呢', '吧', '嘛', '哦', '大家', '领导', '老师', '助手', '小助手', '机器人', '你', '您', '我', '们'];
/** Spaces go too: the words are matched glued (`thank you` as `thankyou`). */
const PUNCT_AND_EMOJI = /[\s\p{P}\p{S}\p{Extended_Pictographic}\p{M}\u200d]+/gu;

const LEXICON = new Map<string, SmallTalk | null>([...AROUND.map((w) => [w, null] as const), ...Object.entries(WORDS).flatMap(([kind, words]) => words.map((w) => [w, kind as SmallTalk] as const))]);
const LONGEST = Math.max(...[...LEXICON.keys()].map((w) => w.length));

/** What a message made only of greetings, thanks or acknowledgements says (thanks first, then greeting); null for anything else. */
export function smallTalk(text: string): SmallTalk | null {
  const rest = text.toLowerCase().replace(PUNCT_AND_EMOJI, '');
  if (rest === '') return text.trim() ? 'ack' : null;
  const kinds = new Set<SmallTalk>();
  for (let i = 0; i < rest.length; ) {
    let length = Math.min(LONGEST, rest.length - i);
    while (length > 0 && !LEXICON.has(rest.slice(i, i + length))) length -= 1;
    if (length === 0) return null;
    const kind = LEXICON.get(rest.slice(i, i + length));
    if (kind) kinds.add(kind);
    i += length;
  }
  return kinds.has('thanks') ? 'thanks' : kinds.has('greeting') ? 'greeting' : 'ack';
}

/** 你好, 谢谢, 收到, 👍: a short friendly answer instead of "没看懂". */
export const smallTalkCommand: Command = {
  name: '问候',
  keywords: [],
  roles: EVERYONE,
  accepts: (text) => smallTalk(text) !== null,
  help: '问候：你好、谢谢、收到',
  async run({ text, sender }) {
    return messages.smallTalk(smallTalk(text) ?? 'ack', sender.name);
  },
};
