const EXAMPLE = '晨检 36.5 绿码 无症状';
/** A transcription is quoted back whole unless it is long. */
const quoted = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** What the bot says about a voice message (SPEC §16). */
export const voiceMessages = {
  /** Opens the reply to a voice message: what was understood, so a misheard value can be corrected. */
  heard: (understood: string) => `（语音）听到的是：「${quoted(understood)}」。如有听错，请发「更正 36.6」这样的文字更正。`,
  noText: () => `（语音）没有识别出文字，请用文字发送，如：${EXAMPLE}。`,
};
