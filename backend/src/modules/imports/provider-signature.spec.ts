import { describe, expect, it } from 'vitest';
import { checkSignature, signDelivery } from './provider-signature';

const secrets = new Map([['grid-sh', 's3cret']]);
const body = Buffer.from(
  '--x\r\nContent-Disposition: form-data; name="f"; filename="grid_bills.csv"\r\n\r\na,b\r\n--x--',
);
const now = 1_780_000_000_000;
const ts = String(now / 1000);

describe('checkSignature', () => {
  const signed = {
    keyId: 'grid-sh',
    timestamp: ts,
    signature: signDelivery('s3cret', ts, body),
    body,
  };

  it('accepts a delivery signed with the provider secret', () => {
    expect(checkSignature(signed, secrets, now)).toEqual({ ok: true, providerId: 'grid-sh' });
  });

  it.each([
    ['no key header', { keyId: undefined }, 'PROVIDER.UNAUTHENTICATED'],
    ['an unknown key', { keyId: 'someone' }, 'PROVIDER.UNAUTHENTICATED'],
    [
      'a signature made with another secret',
      { signature: signDelivery('guess', ts, body) },
      'PROVIDER.BAD_SIGNATURE',
    ],
    [
      'a body changed after signing',
      { body: Buffer.concat([body, Buffer.from(' ')]) },
      'PROVIDER.BAD_SIGNATURE',
    ],
    [
      'a timestamp changed after signing',
      { timestamp: String(Number(ts) + 1) },
      'PROVIDER.BAD_SIGNATURE',
    ],
    ['a malformed signature', { signature: 'zz' }, 'PROVIDER.BAD_SIGNATURE'],
  ])('refuses %s', (_, change, code) => {
    const r = checkSignature({ ...signed, ...change }, secrets, now);
    expect(r).toMatchObject({ ok: false, code });
  });

  it.each([
    [301, false],
    [-301, false],
    [300, true],
    [-300, true],
  ])('a timestamp %i s away is accepted: %s', (skew, accepted) => {
    const t = String(Number(ts) + skew);
    const r = checkSignature(
      { ...signed, timestamp: t, signature: signDelivery('s3cret', t, body) },
      secrets,
      now,
    );
    expect(r.ok).toBe(accepted);
    if (!accepted) expect(r).toMatchObject({ code: 'PROVIDER.STALE_TIMESTAMP' });
  });
});
