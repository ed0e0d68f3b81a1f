import type { TariffView } from '@zgd/shared-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, folderUploads, importUploads } from './support/batches';
import { startTestApp, type TestApp } from './support/test-app';

describe(`tariffs over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await importUploads(t.app, folderUploads(fixture('01-clean-two-part')));
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (query: string) => fetch(`${t.baseUrl}/api/tariffs${query}`);

  it('answers the prices in force in a month, for anyone, without a session', async () => {
    const res = await get(
      '?userClass=general_commercial&voltage=kv_1_10&pricing=two_part&month=2025-07',
    );
    expect(res.status).toBe(200);
    const rows = (await res.json()) as TariffView[];
    expect(rows.map((r) => [r.tou, r.unitPrice, r.effectiveFrom])).toEqual([
      ['sharp', '1.43520', '2025-07-01'],
      ['peak', '1.16370', '2025-07-01'],
      ['flat', '0.68110', '2025-07-01'],
      ['valley', '0.31910', '2025-07-01'],
    ]);
  });

  it('lists every version of a class without a month', async () => {
    const rows = (await (
      await get('?userClass=general_commercial&voltage=lt_1kv&pricing=single')
    ).json()) as TariffView[];
    expect(rows).toHaveLength(36); // 12 months × peak, valley, none
    expect(new Set(rows.map((r) => r.effectiveFrom)).size).toBe(12);
  });

  it('refuses a malformed month, saying where', async () => {
    const res = await get('?month=2025-7');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: 'query.month' })],
    });
  });

  it("answers Shanghai's time-of-use hours", async () => {
    const res = await fetch(`${t.baseUrl}/api/tariffs/tou-hours?pricing=two_part&month=8`);
    expect(await res.json()).toContainEqual({ tou: 'sharp', hours: [[12, 14]] });
  });
});
