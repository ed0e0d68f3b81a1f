import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

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
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemoData).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'true' }).seedDemoData).toBe(true);
  });

  it('allows passwordless demo login by default, except in production unless asked', () => {
    expect(loadConfig({}).demoLogin).toBe(true);
    expect(loadConfig({ DEMO_LOGIN: 'false' }).demoLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).demoLogin).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEMO_LOGIN: 'true' }).demoLogin).toBe(true);
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
    expect(loadConfig({ NODE_ENV: 'production' }).providerKeys.size).toBe(0);
  });

  it('refuses a short secret, naming the variable', () => {
    expect(() => loadConfig({ DATA_PROVIDER_KEYS: 'grid:short' })).toThrow(/DATA_PROVIDER_KEYS/);
  });
});
