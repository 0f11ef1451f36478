import type { Database } from '../db/database';
import { signingKey } from '../dashboard/tokens';
import { imageLink } from './links';
import { loadImage } from './store';

/** An image message as a channel sends it: the PNG, its MD5, a signed link to it, and what it shows. */
export interface ImageMessage {
  /** The kept picture (outbound_image.id). */
  id: number;
  png: Buffer;
  md5: string;
  url: string;
  caption: string;
}

/** Reads the image of an outbox row and signs a fresh link to it (at send time, so a retried delivery never carries a stale link). */
export type ImageSource = (imageId: number, caption: string, now: Date) => Promise<ImageMessage | undefined>;

/** The images kept in the database, linked under PUBLIC_URL (read at send time: the service may learn its port only when it listens). */
export function databaseImages(db: Database, publicUrl: () => string): ImageSource {
  return async (imageId, caption, now) => {
    const image = await loadImage(db, imageId);
    if (!image) return undefined;
    return { id: imageId, png: image.png, md5: image.md5, caption, url: imageLink(await signingKey(db, db), publicUrl(), imageId, now) };
  };
}
