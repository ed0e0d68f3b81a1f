import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: what the client holds. */
export const newSessionToken = () => randomBytes(32).toString('base64url');

/** What the database holds instead of the token. */
export const hashSessionToken = (token: string) =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** Anything else is refused without a database query. */
export const looksLikeSessionToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value ?? '');
  return match ? match[1] : null;
}
