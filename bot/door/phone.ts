/**
 * A mainland mobile number as guards type it (SPEC §12): 11 digits starting
 * 1[3-9], with spaces or dashes anywhere and an optional +86 / 86 / 0086
 * before it (full-width digits are already ASCII after normalise's NFKC).
 */
const MOBILE = /(?<![\d.])(?:(?:\+|00)?86[\s-]*)?1[\s-]*[3-9](?:[\s-]*\d){9}(?![\d.])/g;
/** A run of seven or more digits, at most one space or dash apart, that is not a decimal: meant as a phone number. */
const LONG_RUN = /(?<![\d.])\+?\d(?:[ -]?\d){6,}(?![.\d])/g;

/** A number in a text: how it was written and where. */
export interface Written {
  written: string;
  index: number;
}

/** The mobile as 11 digits, or null when it is not a mainland mobile number. */
export function normalisePhone(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(?:\+|00)?86(?=\d{11}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** The mainland mobile numbers written in a text. */
export function mobilesIn(text: string): Written[] {
  return [...text.matchAll(MOBILE)].map((m) => ({ written: m[0], index: m.index }));
}

/** The digit counts of runs of digits long enough to be meant as a phone number. */
export function longDigitRuns(text: string): number[] {
  return [...text.matchAll(LONG_RUN)].map((m) => m[0].replace(/\D/g, '').length);
}

/** `13812341111` → `138****1111`: the form every message, push and page shows (SPEC §12). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '*'.repeat(phone.length);
}

/** Every mainland mobile number inside a text, masked (for the stored copy of a registration message). */
export function maskPhonesIn(text: string): string {
  return text.replace(MOBILE, (written) => maskPhone(normalisePhone(written) ?? written));
}
