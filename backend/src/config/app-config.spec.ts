import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_PII_KEY, loadConfig } from './app-config';

/** Production refuses to start without a personal-data key. */
const PROD_KEY = Buffer.alloc(32, 7).toString('base64');
const PROD = { NODE_ENV: 'production', PII_KEY: PROD_KEY } as const;

describe('loadConfig', () => {
  it('defaults to an embedded SQLite file under the data folder on port 3000', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/zgd-data' });
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ type: 'sqlite', location: '/tmp/zgd-data/zgd.sqlite' });
    expect(c.seedDemoData).toBe(true);
  });

  it('uses MySQL when DATABASE_URL is a mysql URL', () => {
    const c = loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/zgd' });
    expect(c.database).toEqual({ type: 'mysql', location: 'mysql://root@127.0.0.1:3306/zgd' });
  });

  it('does not seed demo data in production unless asked', () => {
    expect(loadConfig({ ...PROD }).seedDemoData).toBe(false);
    expect(loadConfig({ ...PROD, SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
  });

  it('allows passwordless demo login by default, except in production unless asked', () => {
    expect(loadConfig({}).demoLogin).toBe(true);
    expect(loadConfig({ DEMO_LOGIN: 'false' }).demoLogin).toBe(false);
    expect(loadConfig({ ...PROD }).demoLogin).toBe(false);
    expect(loadConfig({ ...PROD, DEMO_LOGIN: 'true' }).demoLogin).toBe(true);
  });

  it('talks to api.weixin.qq.com unless told otherwise, with no WeChat credentials by default', () => {
    expect(loadConfig({}).wechat).toEqual({ apiBase: 'https://api.weixin.qq.com' });
    const c = loadConfig({
      WECHAT_API_BASE: 'http://127.0.0.1:4000/',
      WECHAT_APPID: 'wx123',
      WECHAT_SECRET: 's3cret',
    });
    expect(c.wechat).toEqual({
      apiBase: 'http://127.0.0.1:4000',
      appId: 'wx123',
      secret: 's3cret',
    });
  });

  it.each([
    [{ DEMO_LOGIN: 'yes' }, 'DEMO_LOGIN'],
    [{ WECHAT_API_BASE: 'api.weixin.qq.com' }, 'WECHAT_API_BASE'],
    [{ WECHAT_APPID: 'wx123' }, 'WECHAT_SECRET'],
    [{ WECHAT_SECRET: 's3cret' }, 'WECHAT_APPID'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).problems.join('\n')).toContain(name);
    }
  });
});

describe('data provider keys', () => {
  it('parses keyId:secret pairs', () => {
    const c = loadConfig({
      DATA_PROVIDER_KEYS: 'grid-sh:0123456789abcdef0123,other:fedcba9876543210fedc',
    });
    expect([...c.providerKeys.entries()]).toEqual([
      ['grid-sh', '0123456789abcdef0123'],
      ['other', 'fedcba9876543210fedc'],
    ]);
  });

  it('has a demo key outside production and none in production', () => {
    expect(loadConfig({}).providerKeys.size).toBe(1);
    expect(loadConfig({ ...PROD }).providerKeys.size).toBe(0);
  });

  it('refuses a short secret, naming the variable', () => {
    expect(() => loadConfig({ DATA_PROVIDER_KEYS: 'grid:short' })).toThrow(/DATA_PROVIDER_KEYS/);
  });
});

describe('notifications', () => {
  it('has no case-status template by default, and a 15 s delivery interval', () => {
    expect(loadConfig({}).notifications).toEqual({
      caseStatusPage: 'pages/index/index',
      intervalMs: 15_000,
    });
  });

  it('reads the template, page and interval', () => {
    const c = loadConfig({
      WECHAT_TEMPLATE_CASE_STATUS: 'tmpl-abc',
      WECHAT_PAGE_CASE_STATUS: 'packages/cases/detail',
      NOTIFY_INTERVAL_MS: '2000',
    });
    expect(c.notifications).toEqual({
      caseStatusTemplateId: 'tmpl-abc',
      caseStatusPage: 'packages/cases/detail',
      intervalMs: 2000,
    });
  });

  it('refuses an interval below 100 ms', () => {
    expect(() => loadConfig({ NOTIFY_INTERVAL_MS: '5' })).toThrow(/NOTIFY_INTERVAL_MS/);
  });
});

describe('personal-data keys', () => {
  it('uses the fixed development key, as k1, outside production', () => {
    const c = loadConfig({});
    expect(c.pii.currentKeyId).toBe('k1');
    expect(c.pii.keys.get('k1')).toEqual(Buffer.from(DEV_PII_KEY, 'base64'));
  });

  it('refuses to start in production without PII_KEY', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PII_KEY/);
    expect(loadConfig({ ...PROD }).pii.keys.get('k1')).toEqual(Buffer.alloc(32, 7));
  });

  it('keeps previous keys for reading, beside the current one', () => {
    const old = Buffer.alloc(32, 1).toString('base64');
    const c = loadConfig({
      PII_KEY: PROD_KEY,
      PII_KEY_ID: '2026-11',
      PII_PREVIOUS_KEYS: `k1:${old}`,
    });
    expect(c.pii.currentKeyId).toBe('2026-11');
    expect([...c.pii.keys.keys()].sort()).toEqual(['2026-11', 'k1']);
    expect(c.pii.keys.get('k1')).toEqual(Buffer.alloc(32, 1));
  });

  it.each([
    [{ PII_KEY: 'c2hvcnQ=' }, 'PII_KEY'],
    [{ PII_KEY_ID: 'has space' }, 'PII_KEY_ID'],
    [{ PII_PREVIOUS_KEYS: 'k0:short' }, 'PII_PREVIOUS_KEYS'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});
