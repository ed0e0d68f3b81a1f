import type { AppConfig } from '../../config/app-config';
import { classifyWechatError, type WechatRefusal } from './domain/wechat-errors';

/** What WeChat said about a `wx.login()` code: the user's openid, or why not. */
export type WechatCodeResult =
  | { ok: true; openid: string; unionid: string | null }
  | { ok: false; refusal: WechatRefusal; errcode: number | null };

/** The one WeChat call we make. Tests swap the base URL for a local fake server. */
export interface WechatClient {
  /** False when the server has no app id and secret. */
  readonly configured: boolean;
  codeToSession(code: string): Promise<WechatCodeResult>;
}

export const WECHAT_CLIENT = Symbol('WECHAT_CLIENT');

/** WeChat answers within a second or two; a login that waits longer is better failed. */
const TIMEOUT_MS = 5_000;

interface Jscode2SessionBody {
  openid?: unknown;
  unionid?: unknown;
  errcode?: unknown;
}

/**
 * GET {base}/sns/jscode2session over fetch. The URL carries the app secret, so neither it nor
 * WeChat's `session_key` is ever logged or kept.
 */
export class HttpWechatClient implements WechatClient {
  constructor(private readonly config: AppConfig['wechat']) {}

  get configured() {
    return Boolean(this.config.appId && this.config.secret);
  }

  async codeToSession(code: string): Promise<WechatCodeResult> {
    const url = new URL('sns/jscode2session', `${this.config.apiBase}/`);
    url.search = new URLSearchParams({
      appid: this.config.appId ?? '',
      secret: this.config.secret ?? '',
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    const unavailable = (errcode: number | null = null): WechatCodeResult => ({
      ok: false,
      refusal: 'unavailable',
      errcode,
    });
    let body: Jscode2SessionBody;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) return unavailable();
      // WeChat labels its JSON text/plain, so parse the text rather than trust the header.
      body = JSON.parse(await res.text()) as Jscode2SessionBody;
    } catch {
      return unavailable();
    }
    if (typeof body !== 'object' || body === null) return unavailable();
    if (typeof body.errcode === 'number' && body.errcode !== 0) {
      return { ok: false, refusal: classifyWechatError(body.errcode), errcode: body.errcode };
    }
    if (typeof body.openid !== 'string' || body.openid.length === 0 || body.openid.length > 64)
      return unavailable();
    return {
      ok: true,
      openid: body.openid,
      unionid: typeof body.unionid === 'string' ? body.unionid : null,
    };
  }
}
