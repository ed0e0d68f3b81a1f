import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

describe(`application on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports the engine it runs on and that the database answers', async () => {
    const res = await fetch(`${t.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      database: { type: process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite', ok: true },
    });
  });

  it('answers an unknown API path with a coded 404', async () => {
    const res = await fetch(`${t.baseUrl}/api/definitely-not-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在' });
  });

  it('publishes the OpenAPI document', async () => {
    const res = await fetch(`${t.baseUrl}/api/docs-json`);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });
});

describe('migrations', () => {
  it('apply once and are a no-op the second time', async () => {
    const ds = await freshDatabase();
    try {
      expect(await ds.showMigrations()).toBe(false);
      expect(await ds.runMigrations()).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
