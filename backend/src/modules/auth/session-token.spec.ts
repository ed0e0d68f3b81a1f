import { describe, expect, it } from 'vitest';
import {
  bearerToken,
  hashSessionToken,
  looksLikeSessionToken,
  newSessionToken,
} from './session-token';

describe('session tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const a = newSessionToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(looksLikeSessionToken(a)).toBe(true);
    expect(newSessionToken()).not.toBe(a);
  });

  it('are stored as their SHA-256, never as themselves', () => {
    const token = newSessionToken();
    const hash = hashSessionToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(hashSessionToken(token)).toBe(hash);
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Bearer   abc  ', 'abc'],
    ['Basic abc', null],
    ['Bearer', null],
    ['Bearer a b', null],
    ['', null],
    [undefined, null],
  ])('reads %j from the Authorization header as %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
