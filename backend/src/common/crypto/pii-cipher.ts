import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ValueTransformer } from 'typeorm';

/** The key that encrypts new values, and older keys kept only to read what they encrypted. */
export interface PiiKeyring {
  /** Names the current key inside every envelope it writes, so keys can rotate. */
  currentKeyId: string;
  /** keyId → 32-byte AES key. Must hold `currentKeyId`. */
  keys: ReadonlyMap<string, Buffer>;
}

export class PiiDecryptError extends Error {
  constructor(reason: string) {
    // Never the value itself: the message may end up in a log.
    super(`cannot decrypt a personal-data value: ${reason}`);
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[\w.-]{1,32}$/;

/**
 * AES-256-GCM for reporters' names and phone numbers at rest. Each value gets a random 12-byte
 * IV; the envelope is `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url parts). The version and
 * key id are authenticated too (GCM additional data), so neither can be swapped unnoticed.
 * Decryption uses the key the envelope names, which lets old rows be read after a rotation.
 */
export class PiiCipher {
  constructor(private readonly keyring: PiiKeyring) {
    if (!KEY_ID.test(keyring.currentKeyId))
      throw new Error('a PII key id must match [\\w.-]{1,32}');
    if (!keyring.keys.has(keyring.currentKeyId)) throw new Error('the current PII key is missing');
    for (const [id, key] of keyring.keys) {
      if (key.length !== 32) throw new Error(`PII key "${id}" must be 32 bytes`);
    }
  }

  encrypt(plain: string): string {
    const keyId = this.keyring.currentKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keyring.keys.get(keyId)!, iv);
    cipher.setAAD(Buffer.from(`${VERSION}:${keyId}`));
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, keyId, b64(iv), b64(tag), b64(ct)].join(':');
  }

  decrypt(envelope: string): string {
    const parts = envelope.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new PiiDecryptError('not a v1 envelope');
    const [version, keyId, iv, tag, ct] = parts;
    const key = this.keyring.keys.get(keyId);
    if (!key) throw new PiiDecryptError(`unknown key id "${keyId.slice(0, 32)}"`);
    const ivBuf = Buffer.from(iv, 'base64url');
    const tagBuf = Buffer.from(tag, 'base64url');
    if (ivBuf.length !== IV_BYTES || tagBuf.length !== TAG_BYTES)
      throw new PiiDecryptError('malformed envelope');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBuf);
      decipher.setAAD(Buffer.from(`${version}:${keyId}`));
      decipher.setAuthTag(tagBuf);
      return Buffer.concat([
        decipher.update(Buffer.from(ct, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new PiiDecryptError('authentication failed (tampered, or the wrong key)');
    }
  }

  /** True for a string this cipher's format could have produced (used by log redaction). */
  static looksEncrypted(value: string): boolean {
    return ENVELOPE.test(value);
  }
}

const ENVELOPE = /^v1:[\w.-]{1,32}:[\w-]{16}:[\w-]{22}:[\w-]*$/;

function b64(b: Buffer): string {
  return b.toString('base64url');
}

/**
 * A column transformer: entities hold plain text, the database holds envelopes. Null stays
 * null. Use a column wide enough: an envelope is about 4/3 of the UTF-8 bytes plus 60.
 */
export function encryptedColumn(cipher: PiiCipher | (() => PiiCipher)): ValueTransformer {
  // Entity decorators run at import, before the config is loaded: a function defers the look-up.
  const get = typeof cipher === 'function' ? cipher : () => cipher;
  return {
    to: (value: string | null | undefined) =>
      value === null || value === undefined ? value : get().encrypt(value),
    from: (value: string | null | undefined) =>
      value === null || value === undefined ? value : get().decrypt(value),
  };
}

let appCipher: PiiCipher | undefined;

/** Set once at start from the config (CryptoModule); entities read it through `appPiiCipher`. */
export function setAppPiiCipher(cipher: PiiCipher): void {
  appCipher = cipher;
}

export function appPiiCipher(): PiiCipher {
  if (!appCipher) throw new Error('the PII cipher is not configured yet (CryptoModule)');
  return appCipher;
}
