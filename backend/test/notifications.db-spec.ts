import { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PII_CIPHER } from '../src/common/crypto/crypto.module';
import { appPiiCipher, type PiiCipher } from '../src/common/crypto/pii-cipher';
import { JsonLogger } from '../src/common/logging/json-logger';
import { NotificationOutbox } from '../src/modules/notifications/notification-outbox.entity';
import { NotificationWorker } from '../src/modules/notifications/notification-worker';
import { NotificationsRepository } from '../src/modules/notifications/notifications.repository';
import {
  NotificationsService,
  type NotificationRequest,
} from '../src/modules/notifications/notifications.service';
import { HttpWechatSubscribeClient } from '../src/modules/notifications/wechat-subscribe-client';
import {
  FAKE_WECHAT_APPID as APPID,
  FAKE_WECHAT_SECRET as SECRET,
  startFakeWechat,
  type FakeWechat,
} from './support/fake-wechat';
import { freshDatabase } from './support/test-database';
import { startTestApp } from './support/test-app';

const MINUTE = 60_000;
const TEMPLATE = 'tmpl-case-status-001';
const PAGE = 'packages/cases/detail';

// ---- set-up -------------------------------------------------------------------------------

let ds: DataSource;
let wechat: FakeWechat;
let nowMs = Date.UTC(2026, 10, 30, 2, 0, 0);
const clock = { now: () => new Date(nowMs) };
const logLines: string[] = [];
const logger = new JsonLogger('debug', (l) => logLines.push(l));
let service: NotificationsService;

beforeAll(async () => {
  ds = await freshDatabase();
  wechat = await startFakeWechat();
  service = new NotificationsService(new NotificationsRepository(ds), clock);
});

afterAll(async () => {
  await wechat?.close();
  await ds?.destroy();
});

beforeEach(async () => {
  await ds.getRepository(NotificationOutbox).clear();
  wechat.reset();
  logLines.length = 0;
  nowMs = Date.UTC(2026, 10, 30, 2, 0, 0);
});

function worker(opts: { configured?: boolean; template?: string; id?: string } = {}) {
  const configured = opts.configured ?? true;
  const client = new HttpWechatSubscribeClient(
    {
      apiBase: wechat.url,
      appId: configured ? APPID : undefined,
      secret: configured ? SECRET : undefined,
    },
    () => nowMs,
  );
  const config = {
    notifications: {
      caseStatusTemplateId: 'template' in opts ? opts.template : TEMPLATE,
      caseStatusPage: PAGE,
      intervalMs: 1000,
    },
  };
  return new NotificationWorker(new NotificationsRepository(ds), client, config, clock, logger, {
    workerId: opts.id,
  });
}

const request = (caseId: number, seq = 1, openid: string | null = `o-user-${caseId}`) =>
  ({
    recipientUserId: 1000 + caseId,
    wechatOpenid: openid,
    template: 'case_status',
    data: { caseNumber: `沪市监价举〔2026〕${caseId}号`, stateLabel: '已立案', date: '2026-11-30' },
    dedupeKey: `case:${caseId}:event:${seq}`,
  }) satisfies NotificationRequest;

async function enqueue(...requests: NotificationRequest[]) {
  await ds.transaction(async (m) => {
    for (const r of requests) await service.enqueue(m, r);
  });
}

const all = () => ds.getRepository(NotificationOutbox).find({ order: { id: 'ASC' } });

async function only(): Promise<NotificationOutbox> {
  const rows = await all();
  expect(rows).toHaveLength(1);
  return rows[0];
}

// ---- tests ----------------------------------------------------------------------------------

describe('the outbox', () => {
  it('queues nothing when the transaction that enqueued rolls back', async () => {
    await expect(
      ds.transaction(async (m) => {
        await service.enqueue(m, request(1));
        throw new Error('the status change failed');
      }),
    ).rejects.toThrow('the status change failed');
    expect(await all()).toEqual([]);
    await worker().runOnce();
    expect(wechat.sends).toEqual([]);
  });

  it('queues an event once, however often it is enqueued, without breaking the transaction', async () => {
    await enqueue(request(2), request(2));
    await ds.transaction(async (m) => {
      await service.enqueue(m, request(2));
      await service.enqueue(m, request(2, 2));
    });
    const rows = await all();
    expect(rows.map((r) => [r.dedupeKey, r.status])).toEqual([
      ['case:2:event:1', 'pending'],
      ['case:2:event:2', 'pending'],
    ]);
    expect(JSON.parse(rows[0].data)).toEqual(request(2).data);
  });

  it('stores only the fields the message shows', async () => {
    const r = request(3);
    await enqueue({ ...r, data: { ...r.data, reporterName: '王小明' } as typeof r.data });
    expect((await only()).data).not.toContain('王小明');
  });
});

describe('the delivery worker', () => {
  it('delivers a committed notification once, with the template, page, data and token', async () => {
    await enqueue(request(10));
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    expect(await w.runOnce()).toMatchObject({ sent: 0 });
    expect(wechat.tokenRequests).toBe(1);
    expect(wechat.sends).toEqual([
      {
        token: 'token-1',
        body: {
          touser: 'o-user-10',
          template_id: TEMPLATE,
          page: PAGE,
          data: {
            character_string1: { value: '沪市监价举〔2026〕10号' },
            phrase2: { value: '已立案' },
            date3: { value: '2026-11-30' },
          },
        },
      },
    ]);
    const row = await only();
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, claimedBy: null });
    expect(row.sentAt).toBe(new Date(nowMs).toISOString());
    expect(logLines.join('\n')).not.toContain('o-user-10');
  });

  it('reuses the token, and fetches a new one once when WeChat says it expired (40001)', async () => {
    await enqueue(request(11));
    const w = worker();
    await w.runOnce();
    wechat.expireTokens();
    await enqueue(request(12));
    expect(await w.runOnce()).toMatchObject({ sent: 1, retrying: 0 });
    expect(wechat.tokenRequests).toBe(2);
    expect(wechat.sends.map((s) => [s.body.touser, s.token])).toEqual([
      ['o-user-11', 'token-1'],
      ['o-user-12', 'token-1'],
      ['o-user-12', 'token-2'],
    ]);
    expect((await all()).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('skips, without retrying, a user who refused the subscription (43101)', async () => {
    wechat.script.set('o-user-13', [{ errcode: 43101, errmsg: 'user refuse to accept the msg' }]);
    await enqueue(request(13));
    const w = worker();
    expect(await w.runOnce()).toMatchObject({ skipped: 1 });
    nowMs += 24 * 60 * MINUTE;
    await w.runOnce();
    expect(wechat.sends).toHaveLength(1);
    expect(await only()).toMatchObject({
      status: 'skipped',
      lastError: expect.stringContaining('43101'),
    });
  });

  it('retries server errors with growing delays, then delivers', async () => {
    wechat.script.set('o-user-14', [{ status: 500 }, { errcode: -1, errmsg: 'system error' }]);
    await enqueue(request(14));
    const w = worker();
    const t0 = nowMs;

    expect(await w.runOnce()).toMatchObject({ retrying: 1 });
    expect(await only()).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 500',
      nextAttemptAt: new Date(t0 + MINUTE).toISOString(),
    });
    nowMs = t0 + MINUTE - 1;
    await w.runOnce();
    expect(wechat.sends).toHaveLength(1);

    nowMs = t0 + MINUTE;
    expect(await w.runOnce()).toMatchObject({ retrying: 1 });
    expect(await only()).toMatchObject({
      attempts: 2,
      nextAttemptAt: new Date(nowMs + 2 * MINUTE).toISOString(),
    });
    nowMs += 2 * MINUTE - 1;
    await w.runOnce();
    expect(wechat.sends).toHaveLength(2);

    nowMs += 1;
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    expect(wechat.sends).toHaveLength(3);
    expect(await only()).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
  });

  it('gives up after 8 attempts and keeps the row, failed, for an officer to see', async () => {
    wechat.script.set(
      'o-user-15',
      Array.from({ length: 20 }, () => ({ status: 503 })),
    );
    await enqueue(request(15));
    const w = worker();
    for (let i = 0; i < 12; i++) {
      await w.runOnce();
      nowMs += 2 * 60 * MINUTE;
    }
    expect(wechat.sends).toHaveLength(8);
    expect(await only()).toMatchObject({
      status: 'failed',
      attempts: 8,
      lastError: 'gave up after 8 attempts: HTTP 503',
    });
  });

  it('sends each message exactly once when two workers race over the same rows', async () => {
    wechat.delayMs = 15;
    const ids = Array.from({ length: 12 }, (_, i) => 100 + i);
    await enqueue(...ids.map((id) => request(id)));
    const [a, b] = [worker({ id: 'worker-a' }), worker({ id: 'worker-b' })];
    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(ra.sent + rb.sent).toBe(ids.length);
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    const perUser = new Map<string, number>();
    for (const s of wechat.sends) perUser.set(s.body.touser, (perUser.get(s.body.touser) ?? 0) + 1);
    expect([...perUser.values()]).toEqual(ids.map(() => 1));
    expect(perUser.size).toBe(ids.length);
    expect((await all()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('skips every row, sending nothing, when WeChat is not configured', async () => {
    await enqueue(request(20), request(21));
    expect(await worker({ configured: false }).runOnce()).toMatchObject({ skipped: 2 });
    await enqueue(request(22));
    expect(await worker({ template: undefined }).runOnce()).toMatchObject({ skipped: 1 });
    expect(wechat.sends).toEqual([]);
    expect(wechat.tokenRequests).toBe(0);
    expect((await all()).map((r) => [r.status, r.lastError])).toEqual([
      ['skipped', 'wechat_not_configured'],
      ['skipped', 'wechat_not_configured'],
      ['skipped', 'wechat_not_configured'],
    ]);
  });

  it('never leaves a row "sending" when building the message throws', async () => {
    await enqueue(request(25));
    await ds
      .getRepository(NotificationOutbox)
      .update({ dedupeKey: 'case:25:event:1' }, { data: '{}' });
    expect(await worker().runOnce()).toMatchObject({ retrying: 1 });
    expect(await only()).toMatchObject({ status: 'pending', lastError: 'internal error' });
    expect(wechat.sends).toEqual([]);
  });

  it('skips a user without an openid (H5), saying why', async () => {
    await enqueue(request(23, 1, null));
    expect(await worker().runOnce()).toMatchObject({ skipped: 1 });
    expect(wechat.sends).toEqual([]);
    expect(await only()).toMatchObject({ status: 'skipped', lastError: 'no_openid (H5 user)' });
  });

  it('tries a row left "sending" by a vanished worker again, but only after its lease', async () => {
    await enqueue(request(24));
    const repo = new NotificationsRepository(ds);
    const [row] = await all();
    const leaseEnd = new Date(nowMs + 10 * MINUTE).toISOString();
    expect(
      await repo.claim(row.id, 'crashed', new Date(nowMs).toISOString(), leaseEnd),
    ).not.toBeNull();

    const w = worker();
    nowMs += 10 * MINUTE - 1;
    expect(await w.runOnce()).toMatchObject({ released: 0, sent: 0 });
    nowMs += 2;
    expect(await w.runOnce()).toMatchObject({ released: 1, sent: 1 });
    expect(wechat.sends).toHaveLength(1);
    expect(await only()).toMatchObject({ status: 'sent', attempts: 2 });
    // The crashed worker comes back: its claim is gone, so it cannot overwrite the outcome.
    expect(await repo.settle(row.id, 'crashed', { status: 'failed', lastError: 'late' })).toBe(
      false,
    );
    expect(await only()).toMatchObject({ status: 'sent' });
  });
});

describe('the WeChat client', () => {
  const message = {
    touser: 'o-user-50',
    templateId: TEMPLATE,
    page: PAGE,
    data: { phrase2: { value: '已立案' } },
  };
  const client = (secret = SECRET, apiBase = wechat.url) =>
    new HttpWechatSubscribeClient({ apiBase, appId: APPID, secret }, () => nowMs);

  it('fetches one token for concurrent sends, and a new one when it nears expiry', async () => {
    const c = client();
    expect(await Promise.all([c.send(message), c.send(message)])).toEqual([
      { kind: 'sent' },
      { kind: 'sent' },
    ]);
    expect(wechat.tokenRequests).toBe(1);
    nowMs += 7200_000 - 300_000 - 1;
    await c.send(message);
    expect(wechat.tokenRequests).toBe(1);
    nowMs += 1;
    await c.send(message);
    expect(wechat.tokenRequests).toBe(2);
  });

  it('reports a refused token, a refused connection and an unknown errcode as transient', async () => {
    expect(await client('wrong-secret').send(message)).toEqual({
      kind: 'transient',
      message: 'access token: errcode 40125: invalid secret',
    });
    expect(await client(SECRET, 'http://127.0.0.1:1').send(message)).toEqual({
      kind: 'transient',
      message: 'network error or timeout',
    });
    wechat.script.set('o-user-50', [{ errcode: 45009, errmsg: 'reach max api daily quota limit' }]);
    expect(await client().send(message)).toEqual({
      kind: 'transient',
      message: 'errcode 45009: reach max api daily quota limit',
    });
    expect(wechat.sends).toHaveLength(1);
  });

  it('reports a request WeChat will never accept as rejected', async () => {
    wechat.script.set('o-user-50', [
      { errcode: 47003, errmsg: 'argument invalid! data.phrase2.value invalid' },
    ]);
    expect(await client().send(message)).toMatchObject({ kind: 'rejected', errcode: 47003 });
  });
});

describe('beside other transactions', () => {
  // On SQLite TypeORM runs everything on one connection, so a statement issued while another
  // code path has a transaction open lands inside it and shares its fate.
  it('keeps its claims and marks out of a transaction that later rolls back', async () => {
    await enqueue(request(40));
    const w = worker();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tx = ds
      .transaction(async (m) => {
        await m.query('SELECT 1');
        await held;
        throw new Error('rolled back');
      })
      .catch((e: Error) => e.message);
    const pass = w.runOnce();
    await pause(150);
    release();
    expect(await tx).toBe('rolled back');
    await pass;
    await w.runOnce();
    expect(wechat.sends).toHaveLength(1);
    expect(await only()).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('in the application', () => {
  it('starts the worker on bootstrap, delivers on its timer and stops it on shutdown', async () => {
    const t = await startTestApp({
      WECHAT_API_BASE: wechat.url,
      WECHAT_APPID: APPID,
      WECHAT_SECRET: SECRET,
      WECHAT_TEMPLATE_CASE_STATUS: TEMPLATE,
      WECHAT_PAGE_CASE_STATUS: PAGE,
      NOTIFY_INTERVAL_MS: '100',
    });
    try {
      const appService = t.app.get(NotificationsService);
      await t.app.get(DataSource).transaction((m) => appService.enqueue(m, request(30)));
      for (let i = 0; i < 100 && wechat.sends.length === 0; i++) await pause(50);
      expect(wechat.sends.map((s) => s.body.touser)).toEqual(['o-user-30']);
    } finally {
      await t.close();
    }
    const errors = t.logs.filter((l) => l.includes('"level":"error"'));
    expect(errors).toEqual([]);
  });
});

describe('the personal-data cipher in the application', () => {
  it('is provided from PII_KEY, and warns when it falls back to the development key', async () => {
    for (const [env, warns] of [
      [{}, true],
      [{ PII_KEY: Buffer.alloc(32, 9).toString('base64') }, false],
    ] as const) {
      const t = await startTestApp(env);
      try {
        const cipher = t.app.get<PiiCipher>(PII_CIPHER);
        expect(cipher.decrypt(cipher.encrypt('王小明'))).toBe('王小明');
        expect(appPiiCipher()).toBe(cipher);
        expect(t.logs.some((l) => l.includes('PII_KEY is not set'))).toBe(warns);
      } finally {
        await t.close();
      }
    }
  });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
