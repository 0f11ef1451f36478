import { createHash } from 'node:crypto';
import type { Sql } from '../db/database';

/** A picture as the senders need it: its bytes and the MD5 the WeCom group robot asks for. */
export interface StoredImage {
  id: number;
  png: Buffer;
  md5: string;
}

/** The WeCom group robot takes images up to 2 MB before base64 (PROTOCOLS.md); the others take less than that too. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

/** Keeps a PNG for the outbox rows that will carry it (in the caller's transaction); resolves with its id. */
export async function saveImage(sql: Sql, png: Buffer, kind: string, now: Date): Promise<number> {
  if (png.length > MAX_IMAGE_BYTES) throw new Error(`image of ${png.length} bytes is over the ${MAX_IMAGE_BYTES}-byte limit`);
  const md5 = createHash('md5').update(png).digest('hex');
  const [row] = await sql.all<{ id: unknown }>('INSERT INTO outbound_image (kind, png_base64, md5, bytes, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id', [
    kind,
    png.toString('base64'),
    md5,
    png.length,
    now.toISOString(),
  ]);
  return Number(row.id);
}

/** A kept image, or undefined. */
export async function loadImage(sql: Sql, id: number): Promise<StoredImage | undefined> {
  const [row] = await sql.all<{ png: string; md5: string }>('SELECT png_base64 AS png, md5 FROM outbound_image WHERE id = ?', [id]);
  return row ? { id, png: Buffer.from(row.png, 'base64'), md5: row.md5 } : undefined;
}

/** How long a sent picture is kept: well past the life of its signed link, so a chat's picture still opens while anyone looks at it. */
export const IMAGE_KEEP_DAYS = 30;

/**
 * Deletes the pictures made more than {@link IMAGE_KEEP_DAYS} days before
 * `now` that no message still waiting to go out carries. Resolves with how
 * many went.
 */
export async function purgeImages(sql: Sql, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IMAGE_KEEP_DAYS * 86_400_000).toISOString();
  const { changes } = await sql.run(
    `DELETE FROM outbound_image WHERE created_at < ?
       AND id NOT IN (SELECT image_id FROM outbox WHERE image_id IS NOT NULL AND status IN ('pending', 'sending'))`,
    [before],
  );
  return changes;
}
