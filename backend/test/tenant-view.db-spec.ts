import type { TenantMonthSheet, TenantMonthSummary } from '@zgd/shared-types';
import { TenantMonthSheetSchema, TenantMonthSummarySchema } from '@zgd/shared-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { fixture, folderUploads, importUploads } from './support/batches';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: two tenants billed a fixed 1.2 元/kWh plus a 480 元 basic fee, March–June 2025.
const TENANT = '91310109PRMU98K65L';
const OTHER = '91310104JM5DLCRP3K';

describe(`a tenant's view on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let tenant: TestSession;
  beforeAll(async () => {
    t = await startTestApp();
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    await importUploads(t.app, folderUploads(fixture('01-clean-two-part')));
    tenant = await loginAs(t, 'tenant');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (s: TestSession, path: string) =>
    fetch(`${t.baseUrl}/api${path}`, { headers: s.headers });

  it('lists its supply months, newest first, each red with the refund it is owed', async () => {
    const res = await get(tenant, '/me/months');
    expect(res.status).toBe(200);
    const months = TenantMonthSummarySchema.array().parse(await res.json()) as TenantMonthSummary[];
    expect(months.map((m) => [m.period, m.verdict.level, m.verdict.refund])).toEqual([
      ['2025-06', 'red', '1813.93'],
      ['2025-05', 'red', '1788.43'],
      ['2025-04', 'red', '2237.25'],
      ['2025-03', 'red', '2012.58'],
    ]);
    expect(months[3].findingTypes).toEqual([
      'FIXED_PRICE',
      'OVER_COLLECTION',
      'PRICE_ABOVE_GRID',
      'PROHIBITED_FEE',
    ]);
    expect(months[0]).toMatchObject({
      entityName: '闵行某工业园',
      districtCode: '310112',
      accountNo: '3100000002',
    });
  });

  it("shows one month's formula sheet with its own lines only", async () => {
    const res = await get(tenant, '/me/months/3100000002/2025-03');
    expect(res.status).toBe(200);
    const sheet = TenantMonthSheetSchema.parse(await res.json()) as TenantMonthSheet;
    expect(sheet.grid).toMatchObject({ G: '7449.57', K: '9400.000', T: '7449.57' });
    expect(sheet.grid.avg?.display).toBe('0.792507');
    expect(
      sheet.lines.map((l) => [
        l.item,
        l.kwh,
        l.unitPrice,
        l.amount,
        l.allowedPrice,
        l.allowedAmount,
        l.difference,
      ]),
    ).toEqual([
      [
        'energy',
        '3761.000',
        '1.20000',
        '4513.20',
        expect.stringMatching(/^0\.7925/),
        '2980.62',
        '1532.58',
      ],
      ['basic_fee', null, null, '480.00', null, null, null],
    ]);
    expect(sheet.lines.every((l) => l.tenantId === TENANT)).toBe(true);
    expect(JSON.stringify(sheet)).not.toContain(OTHER);
    expect(sheet.refund).toEqual({
      amount: '2012.58',
      fromFindings: '2012.58',
      lossShare: '0.00',
      residualShare: '0.00',
    });
    expect(sheet.findings.map((f) => f.type).sort()).toEqual([
      'FIXED_PRICE',
      'OVER_COLLECTION',
      'PRICE_ABOVE_GRID',
      'PROHIBITED_FEE',
    ]);
    expect(sheet.verdict.level).toBe('red');
    expect(sheet.sources.gridBillId).toEqual(expect.any(Number));
  });

  it('answers a month it has no lines in with a coded 404', async () => {
    const res = await get(tenant, '/me/months/3100000001/2025-07');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'TENANT_VIEW.NOT_FOUND' });
  });

  it("refuses another tenant's months, and bad parameters with where they are", async () => {
    expect((await get(tenant, `/tenants/${OTHER}/months`)).status).toBe(403);
    const bad = await get(tenant, '/me/months/3100000002/2025-13');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ path: 'params.period' })],
    });
  });

  it('lets the city see any tenant, and keeps charging entities out', async () => {
    const admin = await loginAs(t, 'admin');
    expect((await get(admin, `/tenants/${OTHER}/months`)).status).toBe(200);
    const entity = await loginAs(t, 'entity');
    expect((await get(entity, `/tenants/${TENANT}/months`)).status).toBe(403);
  });

  it('gives a tenant that has not bound a firm an empty list', async () => {
    const unbound = await loginAsNewUser(t, { role: 'tenant' });
    expect(await (await get(unbound, '/me/months')).json()).toEqual([]);
  });
});
