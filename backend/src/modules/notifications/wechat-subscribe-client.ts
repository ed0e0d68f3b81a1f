import type { AppConfig } from '../../config/app-config';
import type { SendOutcome } from './domain/delivery-policy';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** Sends WeChat subscribe messages. Tests point the real one at a local fake server. */
export interface WechatSubscribeClient {
  /** False without an app id and secret: the worker then skips rows instead of failing them. */
  readonly configured: boolean;
  send(message: SubscribeMessage): Promise<SendOutcome>;
}

export const WECHAT_SUBSCRIBE_CLIENT = Symbol('WECHAT_SUBSCRIBE_CLIENT');

const TIMEOUT_MS = 5_000;
/** Refresh this long before WeChat says the token expires (it gives 7200 s). */
const TOKEN_MARGIN_MS = 300_000;
/** The access token is invalid or expired: fetch a new one and try once more. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** The user refused, or used up, the subscription: 43101. */
const REFUSED = 43101;
/** Bad template id, page, data or openid: sending again changes nothing. */
const REJECTED = new Set([40003, 40037, 41030, 47003]);

interface WechatBody {
  errcode?: unknown;
  errmsg?: unknown;
  access_token?: unknown;
  expires_in?: unknown;
}

class TransientError extends Error {}

/**
 * Over fetch. The access token comes from `GET /cgi-bin/token` (client_credential) and is
 * cached until five minutes before `expires_in`; concurrent sends share one fetch. Each
 * instance fetches its own token; WeChat keeps the previous token valid for five minutes after
 * a new one is issued, and a send answered 40001/42001 fetches a fresh token and retries once.
 * (`/cgi-bin/stable_token` would share one token between instances, but its forced refresh is
 * rate-limited; the plain endpoint keeps the recovery path simple.) The token and the secret
 * are in URLs, so no URL is ever logged; errmsg is kept, cut short, as it holds no user data.
 */
export class HttpWechatSubscribeClient implements WechatSubscribeClient {
  private token: { value: string; expiresAt: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(
    private readonly config: AppConfig['wechat'],
    private readonly now: () => number = Date.now,
  ) {}

  get configured() {
    return Boolean(this.config.appId && this.config.secret);
  }

  async send(message: SubscribeMessage): Promise<SendOutcome> {
    try {
      let body = await this.post(message, await this.accessToken());
      if (TOKEN_ERRORS.has(errcodeOf(body))) {
        this.token = null;
        body = await this.post(message, await this.accessToken());
      }
      const errcode = errcodeOf(body);
      if (errcode === 0) return { kind: 'sent' };
      if (TOKEN_ERRORS.has(errcode)) this.token = null;
      if (errcode === REFUSED) return { kind: 'refused', errcode };
      const message_ = `errcode ${errcode}: ${errmsgOf(body)}`;
      if (REJECTED.has(errcode)) return { kind: 'rejected', errcode, message: message_ };
      return { kind: 'transient', message: message_ };
    } catch (e) {
      return {
        kind: 'transient',
        message: e instanceof TransientError ? e.message : 'network error',
      };
    }
  }

  private async post(message: SubscribeMessage, token: string): Promise<WechatBody> {
    const url = this.url('cgi-bin/message/subscribe/send', { access_token: token });
    return this.call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        touser: message.touser,
        template_id: message.templateId,
        page: message.page,
        data: message.data,
      }),
    });
  }

  private accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.expiresAt) return Promise.resolve(this.token.value);
    this.fetching ??= this.fetchToken().finally(() => (this.fetching = null));
    return this.fetching;
  }

  private async fetchToken(): Promise<string> {
    const body = await this.call(
      this.url('cgi-bin/token', {
        grant_type: 'client_credential',
        appid: this.config.appId ?? '',
        secret: this.config.secret ?? '',
      }),
      {},
    );
    if (typeof body.access_token !== 'string' || body.access_token.length === 0) {
      throw new TransientError(`access token: errcode ${errcodeOf(body)}: ${errmsgOf(body)}`);
    }
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 7200;
    this.token = {
      value: body.access_token,
      expiresAt: this.now() + Math.max(0, seconds * 1000 - TOKEN_MARGIN_MS),
    };
    return body.access_token;
  }

  private url(path: string, query: Record<string, string>): URL {
    const url = new URL(path, `${this.config.apiBase}/`);
    url.search = new URLSearchParams(query).toString();
    return url;
  }

  private async call(url: URL, init: RequestInit): Promise<WechatBody> {
    let res: Response;
    try {
      res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw new TransientError('network error or timeout');
    }
    if (!res.ok) throw new TransientError(`HTTP ${res.status}`);
    try {
      // WeChat labels its JSON text/plain, so parse the text rather than trust the header.
      const body = JSON.parse(await res.text()) as unknown;
      if (typeof body !== 'object' || body === null) throw new Error();
      return body as WechatBody;
    } catch {
      throw new TransientError('unreadable answer');
    }
  }
}

function errcodeOf(body: WechatBody): number {
  return typeof body.errcode === 'number' ? body.errcode : -1;
}

function errmsgOf(body: WechatBody): string {
  return typeof body.errmsg === 'string' ? body.errmsg.slice(0, 200) : '';
}
