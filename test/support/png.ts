import { createHash } from 'node:crypto';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG's size from its IHDR chunk, or null when the bytes are not a PNG (signature, then IHDR first). */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(SIGNATURE)) return null;
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');

/** The file parts of a multipart/form-data body, by field name. */
export function multipartFiles(contentType: string | undefined, raw: Buffer): Map<string, { filename: string; type: string; bytes: Buffer }> {
  const files = new Map<string, { filename: string; type: string; bytes: Buffer }>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (!contentType?.startsWith('multipart/form-data') || !boundary) return files;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name && filename !== undefined) files.set(name, { filename, type: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '', bytes: part.subarray(split + 4) });
    start = next;
  }
  return files;
}
