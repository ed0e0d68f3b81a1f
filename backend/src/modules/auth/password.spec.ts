import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, parsePasswordHash, verifyPassword } from './password';

// A cheap cost for tests that are not about the cost; the default is checked once below.
const FAST = { N: 1024, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('encodes scrypt$N$r$p$salt$hash with the default cost of 2^15, 8, 1', async () => {
    const encoded = await hashPassword('demo1234');
    expect(encoded).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(parsePasswordHash(encoded)?.params).toEqual(DEFAULT_SCRYPT);
    expect(await verifyPassword('demo1234', encoded)).toBe(true);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const encoded = await hashPassword('正确的密码 correct', FAST);
    expect(await verifyPassword('正确的密码 correct', encoded)).toBe(true);
    expect(await verifyPassword('正确的密码 correcT', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts each hash, so the same password never hashes the same twice', async () => {
    const [a, b] = await Promise.all([hashPassword('same', FAST), hashPassword('same', FAST)]);
    expect(a).not.toBe(b);
    expect(parsePasswordHash(a)?.salt.equals(parsePasswordHash(b)!.salt)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, not the current default', async () => {
    const encoded = await hashPassword('old cost', { N: 2048, r: 4, p: 2 });
    expect(encoded.startsWith('scrypt$2048$4$2$')).toBe(true);
    expect(await verifyPassword('old cost', encoded)).toBe(true);
    // The same salt and key under another N is a different hash: the stored N is what counts.
    expect(await verifyPassword('old cost', encoded.replace('$2048$', '$1024$'))).toBe(false);
  });

  it('treats NFC and NFD spellings of the same characters as one password', async () => {
    const encoded = await hashPassword('caf\u00e9', FAST);
    expect(await verifyPassword('cafe\u0301', encoded)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$10$abc'],
    ['a missing part', 'scrypt$1024$8$1$c2FsdHNhbHQ'],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$' + 'A'.repeat(43)],
    ['N too large to afford', 'scrypt$4194304$8$1$c2FsdHNhbHRzYWx0$' + 'A'.repeat(43)],
    ['r of zero', 'scrypt$1024$0$1$c2FsdHNhbHRzYWx0$' + 'A'.repeat(43)],
    ['a short key', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0$QUFB'],
  ])('refuses, without throwing, a malformed hash: %s', async (_, encoded) => {
    expect(parsePasswordHash(encoded)).toBeNull();
    await expect(verifyPassword('anything', encoded)).resolves.toBe(false);
  });
});
