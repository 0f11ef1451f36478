import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** WeCom documents are flat: `<xml>` and one level of fields; anything deeper is not WeCom's. */
const MAX_DEPTH = 4;
// Number parsing off: MsgId exceeds 2^53 and must stay a string (PROTOCOLS.md).
// Entities off for the envelope: it carries only base64 and numbers.
const limits = { parseTagValue: false, ignoreAttributes: true, ignoreDeclaration: true, maxNestedTags: MAX_DEPTH } as const;
const parser = new XMLParser({ ...limits, processEntities: false });
const trustedParser = new XMLParser({ ...limits, htmlEntities: false });

/**
 * The fields of a flat WeCom `<xml>…</xml>` document as strings (CDATA or not,
 * any order), or null when it is not one: not well-formed, no `<xml>` root,
 * nesting deeper than a WeCom document has, a name the parser refuses
 * (`__proto__`), or — in the envelope, which WeCom never sends with one — a
 * DOCTYPE or entity declaration. Never throws:
 * whatever an unauthenticated sender posts is a 400, not a 500.
 * `trusted` documents (decrypted, hence authenticated) have their entities decoded.
 */
export function parseWecomXml(text: string, trusted = false): Record<string, string> | null {
  if (!text.trim()) return null;
  // The envelope comes from anyone and is checked for well-formedness first; a decrypted message was sealed by WeCom.
  if (!trusted && (/<!(DOCTYPE|ENTITY)/i.test(text) || XMLValidator.validate(text) !== true)) return null;
  let doc: { xml?: unknown };
  try {
    doc = (trusted ? trustedParser : parser).parse(text) as { xml?: unknown };
  } catch {
    return null;
  }
  if (!doc.xml || typeof doc.xml !== 'object') return null;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.xml)) if (typeof value === 'string') fields[key] = value;
  return fields;
}

/** `<![CDATA[…]]>` for any text, splitting a `]]>` inside it so the section stays closed where it should. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
