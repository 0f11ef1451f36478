import { XMLParser, XMLValidator } from 'fast-xml-parser';

// Number parsing off: MsgId exceeds 2^53 and must stay a string (PROTOCOLS.md).
// Entities off: the envelope carries only base64 and numbers, and a DOCTYPE can do no harm.
const parser = new XMLParser({ parseTagValue: false, processEntities: false, ignoreAttributes: true, ignoreDeclaration: true });
const trustedParser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, ignoreDeclaration: true, htmlEntities: false });

/**
 * The fields of a flat WeCom `<xml>…</xml>` document as strings (CDATA or not,
 * any order), or null when it is not well-formed XML with an `<xml>` root.
 * `trusted` documents (decrypted, hence authenticated) have their entities decoded.
 */
export function parseWecomXml(text: string, trusted = false): Record<string, string> | null {
  if (!text.trim() || XMLValidator.validate(text) !== true) return null;
  const doc = (trusted ? trustedParser : parser).parse(text) as { xml?: unknown };
  if (!doc.xml || typeof doc.xml !== 'object') return null;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.xml)) if (typeof value === 'string') fields[key] = value;
  return fields;
}

/** `<![CDATA[…]]>` for any text, splitting a `]]>` inside it so the section stays closed where it should. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
