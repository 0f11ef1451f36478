/**
 * Normalises what people type on a phone before any command sees it (SPEC §3):
 * NFKC (full-width digits and punctuation become ASCII, ℃ becomes °C), a
 * Chinese full stop between digits read as a decimal point (`36。5`), any
 * leading @-mention of the bot removed, and the separators `，,、;；` and all
 * whitespace collapsed into single spaces.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(\d)\s*[。．]\s*(\d)/g, '$1.$2')
    .replace(/[,、;，；\s\u3000]+/g, ' ')
    .trim()
    .replace(/^(@\S+\s*)+/, '')
    .trim();
}
