import { randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { cdata } from './xml';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * Fresh random bytes, drawn from a block filled by one call to the system's
 * generator: each reply needs 20, and a system call per reply costs more than
 * the AES that uses them. Each byte is handed out once.
 */
function pooledRandom(size: number): Buffer {
  if (used + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  used += size;
  return pool.subarray(used - size, used);
}

/** A ciphertext the AES layer refused (bad base64, length or padding): answered with 400. */
export class DecryptError extends Error {}

/**
 * The WeCom callback cipher (PROTOCOLS.md): four-value SHA-1 signature,
 * AES-256-CBC with 32-byte PKCS#7 blocks via @wecom/crypto, which checks
 * neither the signature nor the receiveid — this class does.
 */
export class WecomCipher {
  constructor(
    private readonly token: string,
    private readonly aesKey: string,
    private readonly corpId: string,
  ) {}

  /** sha1(sort([token, timestamp, nonce, data]).join('')), lowercase hex. */
  signature(timestamp: string, nonce: string, data: string): string {
    return getSignature(this.token, timestamp, nonce, data);
  }

  /** Compares a received signature with the expected one in constant time. */
  verify(signature: string, timestamp: string, nonce: string, data: string): boolean {
    const expected = Buffer.from(this.signature(timestamp, nonce, data));
    const given = Buffer.from(signature.toLowerCase());
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** Decrypts a message; `fromCorp` says whether its receiveid is our CorpID. */
  open(encrypted: string): { message: string; fromCorp: boolean } {
    // A 32-byte-padded ciphertext is a whole number of 32-byte blocks, in strict base64.
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encrypted) || encrypted.length % 4 !== 0) throw new DecryptError('not base64');
    const bytes = (encrypted.length / 4) * 3 - (encrypted.endsWith('==') ? 2 : encrypted.endsWith('=') ? 1 : 0);
    if (bytes === 0 || bytes % 32 !== 0) throw new DecryptError('not a whole number of cipher blocks');
    let opened: { message: string; id: string };
    try {
      opened = decrypt(this.aesKey, encrypted);
    } catch {
      throw new DecryptError('decryption failed');
    }
    const expected = Buffer.from(this.corpId);
    const id = Buffer.from(opened.id);
    return { message: opened.message, fromCorp: id.length === expected.length && timingSafeEqual(id, expected) };
  }

  /**
   * The encrypted passive reply to a user (PROTOCOLS.md "Answer"): a text
   * message encrypted with receiveid = CorpID, signed over a fresh nonce.
   */
  passiveReply(toUser: string, content: string, now: Date, random: Buffer = pooledRandom(16)): string {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const nonce = String(pooledRandom(4).readUInt32BE(0));
    const plain =
      `<xml><ToUserName>${cdata(toUser)}</ToUserName><FromUserName>${cdata(this.corpId)}</FromUserName>` +
      `<CreateTime>${timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>${cdata(content)}</Content></xml>`;
    const sealed = encrypt(this.aesKey, plain, this.corpId, random);
    return (
      `<xml><Encrypt>${cdata(sealed)}</Encrypt><MsgSignature>${cdata(this.signature(timestamp, nonce, sealed))}</MsgSignature>` +
      `<TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`
    );
  }
}
