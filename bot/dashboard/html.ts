/** Markup that is already safe: produced by {@link html} or by {@link raw}. */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Trusted markup, unescaped. Only for strings the code itself built. */
export const raw = (markup: string): Safe => new Safe(markup);

type Value = Safe | string | number | null | undefined | false | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof Safe) return value.value;
  return escapeHtml(String(value));
}

/**
 * A template tag that escapes every interpolated value (arrays are joined,
 * nested `html` fragments pass through): a staff name holding `<script>`
 * renders as text, wherever it lands.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Safe {
  return new Safe(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

/** JSON for a `<script type="application/json">` island: `<` is escaped so no text can close the element. */
export function jsonIsland(value: unknown): Safe {
  return new Safe(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}
