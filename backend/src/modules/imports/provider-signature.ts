import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a data provider (the grid company) signs a delivery:
 *
 *   X-Provider-Key: <key id>
 *   X-Timestamp:    <unix seconds>
 *   X-Signature:    hex(HMAC-SHA256(secret, "<timestamp>\n" + hex(SHA-256(body))))
 *
 * The body is the exact bytes sent (here a multipart upload). A timestamp more than
 * `maxSkewSeconds` away from the server's clock is refused, and a signature is accepted once.
 */
export function signDelivery(secret: string, timestamp: string, body: Buffer): string {
  const digest = createHash('sha256').update(body).digest('hex');
  return createHmac('sha256', secret).update(`${timestamp}\n${digest}`).digest('hex');
}

export interface SignedRequest {
  keyId: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: Buffer;
}

export type SignatureCheck =
  | { ok: true; providerId: string }
  | {
      ok: false;
      code: 'PROVIDER.UNAUTHENTICATED' | 'PROVIDER.BAD_SIGNATURE' | 'PROVIDER.STALE_TIMESTAMP';
      message: string;
    };

export function checkSignature(
  req: SignedRequest,
  secrets: ReadonlyMap<string, string>,
  nowMs: number,
  maxSkewSeconds = 300,
): SignatureCheck {
  if (!req.keyId || !req.timestamp || !req.signature) {
    return {
      ok: false,
      code: 'PROVIDER.UNAUTHENTICATED',
      message: '缺少 X-Provider-Key、X-Timestamp 或 X-Signature 请求头',
    };
  }
  const secret = secrets.get(req.keyId);
  if (!secret)
    return { ok: false, code: 'PROVIDER.UNAUTHENTICATED', message: '未知的数据提供方密钥' };
  if (
    !/^\d{1,12}$/.test(req.timestamp) ||
    Math.abs(nowMs / 1000 - Number(req.timestamp)) > maxSkewSeconds
  ) {
    return {
      ok: false,
      code: 'PROVIDER.STALE_TIMESTAMP',
      message: `时间戳无效或与服务器时间相差超过 ${maxSkewSeconds} 秒`,
    };
  }
  const expected = Buffer.from(signDelivery(secret, req.timestamp, req.body), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(req.signature)
    ? Buffer.from(req.signature, 'hex')
    : Buffer.alloc(0);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'PROVIDER.BAD_SIGNATURE', message: '签名校验失败' };
  }
  return { ok: true, providerId: req.keyId };
}
