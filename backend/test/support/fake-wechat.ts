import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local stand-in for api.weixin.qq.com: token and subscribe-message endpoints. */

export const FAKE_WECHAT_APPID = 'wx0123456789abcdef';
export const FAKE_WECHAT_SECRET = 'fake-wechat-secret-9f8e7d6c';
export type Reply = { status: number } | { errcode: number; errmsg: string };

export interface Send {
  token: string;
  body: { touser: string; template_id: string; page: string; data: Record<string, unknown> };
}

export interface FakeWechat {
  url: string;
  sends: Send[];
  tokenRequests: number;
  /** Replies queued per openid, used up one per send; then `{ errcode: 0 }`. */
  script: Map<string, Reply[]>;
  /** Milliseconds each send waits before answering (to make racing workers overlap). */
  delayMs: number;
  /** Invalidates every token issued so far, as a refresh elsewhere or expiry would. */
  expireTokens(): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  let issued = 0;
  const valid = new Set<string>();
  const fake = {
    sends: [] as Send[],
    tokenRequests: 0,
    script: new Map<string, Reply[]>(),
    delayMs: 0,
    expireTokens: () => valid.clear(),
    reset() {
      fake.sends.length = 0;
      fake.tokenRequests = 0;
      fake.script.clear();
      fake.delayMs = 0;
      valid.clear();
      issued = 0;
    },
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const answer = (body: object) => {
      // WeChat labels its JSON text/plain.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      fake.tokenRequests++;
      const q = url.searchParams;
      if (q.get('grant_type') !== 'client_credential' || q.get('appid') !== FAKE_WECHAT_APPID)
        return answer({ errcode: 40013, errmsg: 'invalid appid' });
      if (q.get('secret') !== FAKE_WECHAT_SECRET)
        return answer({ errcode: 40125, errmsg: 'invalid secret' });
      const token = `token-${++issued}`;
      valid.add(token);
      return answer({ access_token: token, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      req.on('end', () => {
        setTimeout(() => {
          const token = url.searchParams.get('access_token') ?? '';
          const body = JSON.parse(raw) as Send['body'];
          fake.sends.push({ token, body });
          if (!valid.has(token))
            return answer({
              errcode: 40001,
              errmsg: 'invalid credential, access_token is invalid',
            });
          const reply = fake.script.get(body.touser)?.shift();
          if (reply && 'status' in reply) return res.writeHead(reply.status).end('busy');
          answer(reply ?? { errcode: 0, errmsg: 'ok' });
        }, fake.delayMs);
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
