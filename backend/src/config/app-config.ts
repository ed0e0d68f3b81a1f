import * as path from 'node:path';
import { z } from 'zod';

/** The repository root, seen from src/config or dist/config. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const base64Key = z
  .string()
  .refine((v) => /^[A-Za-z0-9+/_-]{43}=?$/.test(v), 'must be 32 bytes in base64');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, 'data')),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|mysql:\/\/.+)$/, 'must be sqlite:<file> or mysql://user:pass@host:port/db')
    .optional(),
  /** Data providers' HMAC keys: `keyId:secret,keyId2:secret2`. */
  DATA_PROVIDER_KEYS: z
    .string()
    .regex(
      /^[\w.-]+:[^,\s]{16,}(,[\w.-]+:[^,\s]{16,})*$/,
      'must be keyId:secret pairs (secrets of 16+ characters) separated by commas',
    )
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be redis://host:port')
    .optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SEED_DEMO_DATA: booleanFlag.optional(),
  ADMIN_DIST: z.string().default(path.join(REPO_ROOT, 'admin', 'dist')),
  MINIAPP_H5_DIST: z.string().default(path.join(REPO_ROOT, 'miniapp', 'dist', 'h5')),
  DEMO_LOGIN: booleanFlag.optional(),
  WECHAT_API_BASE: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must be an http(s) URL such as https://api.weixin.qq.com')
    .default('https://api.weixin.qq.com'),
  WECHAT_APPID: z.string().min(1).optional(),
  WECHAT_SECRET: z.string().min(1).optional(),
  /** Subscribe-message template for case status changes; no notifications are sent without it. */
  WECHAT_TEMPLATE_CASE_STATUS: z.string().min(1).optional(),
  /** The mini-program page a notification opens. */
  WECHAT_PAGE_CASE_STATUS: z.string().min(1).default('pages/index/index'),
  NOTIFY_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  /** AES-256 key for personal data at rest: 32 bytes, base64. Required in production. */
  PII_KEY: base64Key.optional(),
  PII_KEY_ID: z
    .string()
    .regex(/^[\w.-]{1,32}$/, 'must be 1-32 letters, digits, dots or dashes')
    .default('k1'),
  /** Retired keys, kept to read old values: `keyId:base64,keyId2:base64`. */
  PII_PREVIOUS_KEYS: z
    .string()
    .regex(
      /^[\w.-]{1,32}:[A-Za-z0-9+/_-]{43}=?(,[\w.-]{1,32}:[A-Za-z0-9+/_-]{43}=?)*$/,
      'must be keyId:base64key pairs separated by commas',
    )
    .optional(),
});

export interface DatabaseConfig {
  type: 'sqlite' | 'mysql';
  /** A file path for sqlite, a connection URL for mysql. */
  location: string;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  redisUrl?: string;
  /** keyId → secret of each data provider allowed to deliver batches. */
  providerKeys: ReadonlyMap<string, string>;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Seed demo data into an empty database: on by default except in production. */
  seedDemoData: boolean;
  adminDist: string;
  miniappH5Dist: string;
  /** Passwordless login to the demo accounts (H5 demos): on by default except in production. */
  demoLogin: boolean;
  /** The mini-program's credentials for jscode2session; WeChat login is off without them. */
  wechat: { apiBase: string; appId?: string; secret?: string };
  /** Subscribe messages: off (rows marked skipped) without appId, secret and the template. */
  notifications: { caseStatusTemplateId?: string; caseStatusPage: string; intervalMs: number };
  /** Keys for personal data at rest; the current one encrypts, every one decrypts its own. */
  pii: { currentKeyId: string; keys: ReadonlyMap<string, Buffer> };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates the environment once, at start. A bad value stops the process with its name. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`,
      ),
    );
  }
  const e = parsed.data;
  if (!e.WECHAT_APPID !== !e.WECHAT_SECRET) {
    throw new ConfigError(['WECHAT_APPID and WECHAT_SECRET: set both or neither']);
  }
  if (e.NODE_ENV === 'production' && !e.PII_KEY) {
    throw new ConfigError(['PII_KEY: required in production (32 random bytes, base64)']);
  }
  const url = e.DATABASE_URL ?? `sqlite:${path.join(e.DATA_DIR, 'zgd.sqlite')}`;
  const database: DatabaseConfig = url.startsWith('mysql://')
    ? { type: 'mysql', location: url }
    : { type: 'sqlite', location: path.resolve(url.slice('sqlite:'.length)) };
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    database,
    redisUrl: e.REDIS_URL,
    providerKeys: new Map(
      (e.DATA_PROVIDER_KEYS ?? (e.NODE_ENV === 'production' ? '' : DEMO_PROVIDER_KEYS))
        .split(',')
        .filter(Boolean)
        .map(
          (pair) =>
            [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)] as [
              string,
              string,
            ],
        ),
    ),
    logLevel: e.LOG_LEVEL,
    seedDemoData: e.SEED_DEMO_DATA ?? e.NODE_ENV !== 'production',
    adminDist: e.ADMIN_DIST,
    miniappH5Dist: e.MINIAPP_H5_DIST,
    demoLogin: e.DEMO_LOGIN ?? e.NODE_ENV !== 'production',
    wechat: {
      apiBase: e.WECHAT_API_BASE.replace(/\/+$/, ''),
      appId: e.WECHAT_APPID,
      secret: e.WECHAT_SECRET,
    },
    notifications: {
      caseStatusTemplateId: e.WECHAT_TEMPLATE_CASE_STATUS,
      caseStatusPage: e.WECHAT_PAGE_CASE_STATUS,
      intervalMs: e.NOTIFY_INTERVAL_MS,
    },
    pii: piiKeys(e.PII_KEY ?? DEV_PII_KEY, e.PII_KEY_ID, e.PII_PREVIOUS_KEYS),
  };
}

function piiKeys(current: string, currentKeyId: string, previous = ''): AppConfig['pii'] {
  const keys = new Map<string, Buffer>();
  for (const pair of previous.split(',').filter(Boolean)) {
    const at = pair.indexOf(':');
    keys.set(pair.slice(0, at), Buffer.from(pair.slice(at + 1), 'base64'));
  }
  keys.set(currentKeyId, Buffer.from(current, 'base64'));
  return { currentKeyId, keys };
}

/**
 * WARNING: a fixed, published key, so that development and tests run without setup. Anything
 * it encrypted is as good as plain text. Production refuses to start without PII_KEY.
 */
export const DEV_PII_KEY = 'ZGV2LW9ubHktcGlpLWtleS1ub3QtZm9yLXByb2QhISE=';

/** A demo provider key outside production, so the signed API can be tried from a fresh clone. */
export const DEMO_PROVIDER_KEYS = 'demo-grid:demo-grid-secret-not-for-production';

export const APP_CONFIG = Symbol('APP_CONFIG');
