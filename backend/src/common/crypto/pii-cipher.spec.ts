import { describe, expect, it } from 'vitest';
import { encryptedColumn, PiiCipher, PiiDecryptError } from './pii-cipher';

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);
const cipherWith = (currentKeyId: string, keys: Record<string, Buffer>) =>
  new PiiCipher({ currentKeyId, keys: new Map(Object.entries(keys)) });

describe('PiiCipher', () => {
  const cipher = cipherWith('a', { a: KEY_A });

  it.each(['张三', '13812345678', '', '欧阳 小明 (Ōuyáng) 😀'])('round-trips %j', (plain) => {
    const envelope = cipher.encrypt(plain);
    expect(envelope).toMatch(/^v1:a:[\w-]{16}:[\w-]{22}:[\w-]*$/);
    expect(envelope).not.toContain(plain || '\u0000');
    expect(cipher.decrypt(envelope)).toBe(plain);
    expect(PiiCipher.looksEncrypted(envelope)).toBe(true);
  });

  it('uses a fresh IV per value, so equal names do not look equal', () => {
    expect(cipher.encrypt('张三')).not.toBe(cipher.encrypt('张三'));
  });

  it('rejects a tampered ciphertext, IV, tag or key id', () => {
    const [v, id, iv, tag, ct] = cipher.encrypt('13812345678').split(':');
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] ^= 1;
      return b.toString('base64url');
    };
    const twoKeys = cipherWith('a', { a: KEY_A, b: KEY_A });
    for (const bad of [
      [v, id, iv, tag, flip(ct)],
      [v, id, flip(iv), tag, ct],
      [v, id, iv, flip(tag), ct],
    ]) {
      expect(() => cipher.decrypt(bad.join(':'))).toThrow(PiiDecryptError);
    }
    // Same key bytes under another id: the id is authenticated, so this fails too.
    expect(() => twoKeys.decrypt([v, 'b', iv, tag, ct].join(':'))).toThrow(PiiDecryptError);
    expect(() => cipher.decrypt('13812345678')).toThrow(PiiDecryptError);
  });

  it('rejects a value encrypted under another key of the same id', () => {
    const other = cipherWith('a', { a: KEY_B });
    expect(() => other.decrypt(cipher.encrypt('张三'))).toThrow(/authentication failed/);
  });

  it('reads values of a retired key after rotation and writes with the new one', () => {
    const old = cipher.encrypt('李四');
    const rotated = cipherWith('b', { a: KEY_A, b: KEY_B });
    expect(rotated.decrypt(old)).toBe('李四');
    expect(rotated.encrypt('李四').split(':')[1]).toBe('b');
    expect(() => cipherWith('b', { b: KEY_B }).decrypt(old)).toThrow(/unknown key id "a"/);
  });

  it('never puts the value in its error message', () => {
    const bad = cipher.encrypt('13812345678').slice(0, -2) + 'AA';
    expect(() => cipher.decrypt(bad)).toThrow(PiiDecryptError);
    try {
      cipher.decrypt(bad);
    } catch (e) {
      expect(String(e)).not.toMatch(/1381|5678/);
    }
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => cipherWith('a', { a: Buffer.alloc(16) })).toThrow(/32 bytes/);
  });
});

describe('encryptedColumn', () => {
  const cipher = cipherWith('a', { a: KEY_A });
  const t = encryptedColumn(cipher);

  it('stores envelopes and reads plain text, leaving null as null', () => {
    const stored = t.to('王小明') as string;
    expect(stored.startsWith('v1:a:')).toBe(true);
    expect(t.from(stored)).toBe('王小明');
    expect(t.to(null)).toBeNull();
    expect(t.from(null)).toBeNull();
  });

  it('takes the cipher lazily, for entity decorators that run before the config loads', () => {
    const holder: { cipher?: PiiCipher } = {};
    const lazy = encryptedColumn(() => holder.cipher!);
    holder.cipher = cipher;
    expect(cipher.decrypt(lazy.to('赵六') as string)).toBe('赵六');
  });
});
