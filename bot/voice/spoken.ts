const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A temperature as speech recognition writes it out: 三十六度五, 三十六点五度,
 * 三十七度二, 三十七度. Only a number that says 点 or 度 is taken, so 三十分钟
 * or 一切正常 stay words.
 */
const SPOKEN_TEMPERATURE = /([三四])十([一二三四五六七八九])?(?:([点度])([零〇一二三四五六七八九]))?(摄氏度|度)?/g;

/**
 * The transcription of a voice message with its spoken temperatures in
 * digits (晨检三十六度四 绿码 → 晨检 36.4 绿码): what the bot understood, shown
 * back to the speaker and read by the ordinary grammar.
 */
export function spokenNumbers(text: string): string {
  const digits = text.replace(SPOKEN_TEMPERATURE, (whole, tens: string, ones: string | undefined, mark: string | undefined, tenth: string | undefined, unit: string | undefined) => {
    if (!mark && !unit) return whole;
    const value = DIGIT[tens] * 10 + (ones ? DIGIT[ones] : 0);
    return ` ${tenth === undefined ? value : `${value}.${DIGIT[tenth]}`} `;
  });
  return digits.replace(/ {2,}/g, ' ').replace(/ ([，。,.!！?？])/g, '$1').trim();
}
