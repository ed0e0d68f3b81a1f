import type { DeclarationView, EntityDeclarationNotice } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { BLOB_STORE, type BlobStore } from '../src/common/storage/blob-store';
import { AuditService } from '../src/modules/audit';
import { TenantBinding } from '../src/modules/bindings/binding.entity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DECLARATIONS_CLOCK,
  type DeclarationsClock,
} from '../src/modules/declarations/declarations-clock';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { count, fixture, folderUploads, importUploads } from './support/batches';
import { multipartBody } from './support/multipart';
import { startTestApp, type TestApp } from './support/test-app';

// Fixture 02: a 闵行 park (entity) billing the demo tenant and one other on account 3100000002.
const ENTITY = '91310112YUYU122BX0';
const TENANT = '91310109PRMU98K65L';
const TENANT_NAME = '租户1号商行';
const ACCOUNT = '3100000002';
// A tenant of the park the entity never reported, and an account the grid has not billed yet.
const UNREPORTED = '91310105K0XTF8H71G';
const NEW_ACCOUNT = '3100009999';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

describe(`tenant declarations over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let tenant: TestSession;
  let unreported: TestSession;
  let entity: TestSession;
  let otherEntity: TestSession;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    await importUploads(t.app, folderUploads(fixture('02-fixed-price-and-basic-fee')));
    // A Monday in June 2026: the entity's answer window is counted on a loaded calendar year.
    // Each call a minute later, so declarations have distinct times.
    let minutes = 0;
    t.app.get<DeclarationsClock>(DECLARATIONS_CLOCK).now = () =>
      new Date(Date.parse('2026-06-01T10:00:00+08:00') + minutes++ * 60_000);
    tenant = await loginAs(t, 'tenant');
    entity = await loginAs(t, 'entity');
    unreported = await loginAsNewUser(t, { role: 'tenant', tenantId: UNREPORTED });
    otherEntity = await loginAsNewUser(t, { role: 'entity_user', entityId: '913101154JURQ2830U' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (s: TestSession, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : null };
  };
  const uploadPhoto = async (s: TestSession, name: string, data: Buffer) => {
    const { body, contentType } = await multipartBody([{ name, data }]);
    const res = await fetch(`${t.baseUrl}/api/me/declaration-photos`, {
      method: 'POST',
      headers: { ...s.headers, 'content-type': contentType },
      body: new Uint8Array(body),
    });
    return { status: res.status, json: JSON.parse(await res.text()) };
  };

  it('judges a declaration the entity never reported against the grid bill', async () => {
    const r = await call(unreported, 'POST', '/me/declarations', {
      idempotencyKey: 'decl-unreported-0001',
      accountNo: ACCOUNT,
      period: '2025-04',
      energy: [{ tou: 'none', kwh: '1000', unitPrice: '1.2', amount: '1200.00' }],
      items: [{ item: 'basic_fee', amount: '100' }],
    });
    expect(r.status, r.text).toBe(201);
    const v = r.json as DeclarationView;
    expect(v).toMatchObject({ status: 'judged', entity: { id: ENTITY }, reported: null });
    expect(v.mismatch).toBeNull();
    // avg 2025-04 = 7091.82 / 9400 kWh; 1000 kWh × avg = 754.449… → 754.45.
    expect(v.grid).toMatchObject({ G: '7091.82', K: '9400.000' });
    expect(v.declared!.source).toBe('declared');
    const own = v.declared!.findings.filter((f) => f.tenantId === UNREPORTED);
    expect(own.map((f) => [f.type, f.amount]).sort()).toEqual([
      ['PRICE_ABOVE_GRID', '445.55'],
      ['PROHIBITED_FEE', '100.00'],
    ]);
    expect(v.declared!.verdict.level).toBe('red');
    expect(v.declared!.lines[0]).toMatchObject({ allowedAmount: '754.45', difference: '445.55' });
    expect(v.declared!.total).toBe('1300.00');
  });

  let mismatchId = '';
  it('finds REPORT_MISMATCH with both values where the entity reported other figures', async () => {
    const photo = await uploadPhoto(tenant, 'bill.png', PNG);
    expect(photo.status).toBe(201);
    const r = await call(tenant, 'POST', '/me/declarations', {
      idempotencyKey: 'decl-tenant-2025-04',
      accountNo: ACCOUNT,
      period: '2025-04',
      energy: [{ tou: 'none', kwh: '3944', unitPrice: '1.25', amount: '4930.00' }],
      items: [
        { item: 'basic_fee', amount: '480' },
        { item: 'loss', amount: '50' },
      ],
      photos: [photo.json[0].photoId],
    });
    expect(r.status, r.text).toBe(201);
    const v = r.json as DeclarationView;
    mismatchId = v.id;
    expect(v.photos).toEqual([{ photoId: photo.json[0].photoId, kind: 'png', bytes: 72 }]);
    expect(v.mismatch).toMatchObject({
      type: 'REPORT_MISMATCH',
      entityId: ENTITY,
      tenantId: TENANT,
      period: '2025-04',
      amount: '247.20',
    });
    expect(v.mismatch!.basis.fields).toEqual([
      {
        field: 'energy.none.unitPrice',
        label: '单价（不分时）',
        declared: '1.25000',
        reported: '1.20000',
      },
      {
        field: 'energy.none.amount',
        label: '电费金额（不分时）',
        declared: '4930.00',
        reported: '4732.80',
      },
      { field: 'item.loss', label: '线损分摊', declared: '50.00', reported: null },
      { field: 'total', label: '合计金额', declared: '5460.00', reported: '5212.80' },
    ]);
    // Side by side: the same engine on both sources; 3944 kWh × avg = 2975.55.
    const above = (s: DeclarationView['declared']) =>
      s!.findings.find((f) => f.type === 'PRICE_ABOVE_GRID' && f.tenantId === TENANT)?.amount;
    expect(v.declared!.source).toBe('declared');
    expect(v.reported!.source).toBe('entity');
    expect(above(v.declared)).toBe('1954.45');
    expect(above(v.reported)).toBe('1757.25');
    expect(v.reported!.total).toBe('5212.80');
    // Stored apart: the entity's charge lines are untouched by the declaration.
    const [row] = await ds.query(
      `SELECT COUNT(*) AS n FROM tenant_charge_line WHERE tenant_id = ? AND amount_fen = 493000`,
      [TENANT],
    );
    expect(Number(row.n)).toBe(0);
  });

  it('puts the declaration beside the entity figures in a report’s frozen evidence', async () => {
    const r = await call(tenant, 'POST', '/reports', {
      idempotencyKey: 'report-with-declaration',
      accountNo: ACCOUNT,
      periods: ['2025-04'],
      description: '',
      realName: false,
    });
    expect(r.status, r.text).toBe(201);
    const [row] = await ds.query('SELECT evidence_key FROM case_report WHERE id = ?', [
      r.json.reportId,
    ]);
    const evidence = JSON.parse(
      (await t.app.get<BlobStore>(BLOB_STORE).get(row.evidence_key)).toString('utf8'),
    );
    expect(evidence.sheets).toHaveLength(1);
    expect(evidence.declarations).toHaveLength(1);
    const [d] = evidence.declarations;
    expect(d).toMatchObject({
      id: mismatchId,
      declared: { source: 'declared', total: '5460.00' },
      reported: { source: 'entity', total: '5212.80' },
      mismatch: { type: 'REPORT_MISMATCH', amount: '247.20' },
    });
    expect(d.photos[0].key).toMatch(/^declarations\/photos\/\d+\/[0-9a-f]{64}\.png$/);
    expect(await t.app.get<BlobStore>(BLOB_STORE).exists(d.photos[0].key)).toBe(true);
  });

  it('takes a report of a month only the tenant declared, with the declaration as evidence', async () => {
    const r = await call(unreported, 'POST', '/reports', {
      idempotencyKey: 'report-declared-only',
      accountNo: ACCOUNT,
      periods: ['2025-04'],
      description: '',
      realName: false,
    });
    expect(r.status, r.text).toBe(201);
    const [row] = await ds.query('SELECT evidence_key FROM case_report WHERE id = ?', [
      r.json.reportId,
    ]);
    const evidence = JSON.parse(
      (await t.app.get<BlobStore>(BLOB_STORE).get(row.evidence_key)).toString('utf8'),
    );
    expect(evidence.sheets).toEqual([]);
    expect(evidence.declarations).toHaveLength(1);
    expect(evidence.declarations[0]).toMatchObject({
      reported: null,
      declared: { total: '1300.00' },
    });
    // A month it neither declared nor was billed for is still refused.
    const none = await call(unreported, 'POST', '/reports', {
      idempotencyKey: 'report-nothing-0001',
      accountNo: ACCOUNT,
      periods: ['2025-05'],
      description: '',
      realName: false,
    });
    expect(none.status).toBe(400);
    expect(none.json.code).toBe('REPORT.INVALID_PERIOD');
  });

  it('answers a retry with the same declaration, and other content under the key with 409', async () => {
    const before = await count(ds, 'tenant_declaration');
    const body = {
      idempotencyKey: 'decl-unreported-0001',
      accountNo: ACCOUNT,
      period: '2025-04',
      energy: [{ tou: 'none', kwh: '1000', unitPrice: '1.2', amount: '1200.00' }],
      items: [{ item: 'basic_fee', amount: '100' }],
    };
    expect((await call(unreported, 'POST', '/me/declarations', body)).status).toBe(200);
    const changed = await call(unreported, 'POST', '/me/declarations', {
      ...body,
      period: '2025-05',
    });
    expect(changed.status).toBe(409);
    expect(changed.json.code).toBe('DECLARATION.IDEMPOTENCY_KEY_REUSED');
    expect(await count(ds, 'tenant_declaration')).toBe(before);
  });

  it('keeps a declaration of an account with no grid bill waiting, and judges it on import', async () => {
    const r = await call(unreported, 'POST', '/me/declarations', {
      idempotencyKey: 'decl-waiting-0001',
      accountNo: NEW_ACCOUNT,
      period: '2025-04',
      energy: [{ tou: 'none', kwh: '200', unitPrice: '1', amount: '200.00' }],
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json).toMatchObject({ status: 'waiting', declared: null, entity: null });
    expect(r.json.statusMessage).toContain('电网账单尚未收到');
    await importUploads(t.app, [
      {
        name: 'entities.csv',
        data: Buffer.from(
          `entity_id,name,premises_address,district_code\n${ENTITY},闵行某工业园,上海市闵行某工业园园区856号,310112\n`,
        ),
      },
      {
        name: 'grid_bills.csv',
        data: Buffer.from(
          'account_no,entity_id,period,user_class,voltage,pricing,line,tou,kwh,unit_price,amount\n' +
            `${NEW_ACCOUNT},${ENTITY},2025-04,general_commercial,lt_1kv,single,energy,none,1000,0.8,800.00\n`,
        ),
      },
    ]);
    const after = await call(unreported, 'GET', `/me/declarations/${r.json.id}`);
    expect(after.status).toBe(200);
    const v = after.json as DeclarationView;
    expect(v).toMatchObject({ status: 'judged', entity: { id: ENTITY }, grid: { G: '800.00' } });
    // 200 kWh at 1.00 against avg 0.80: 200.00 − 160.00.
    expect(
      v.declared!.findings.find((f) => f.type === 'PRICE_ABOVE_GRID' && f.tenantId === UNREPORTED)
        ?.amount,
    ).toBe('40.00');
  });

  it('tells the entity only that a month differs: no declarer, no figures below 5 tenants', async () => {
    const r = await call(entity, 'GET', '/entity/declaration-notices');
    expect(r.status).toBe(200);
    const notices = r.json as EntityDeclarationNotice[];
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      accountNo: ACCOUNT,
      period: '2025-04',
      differingFields: null,
      answers: [],
    });
    for (const secret of [TENANT, TENANT_NAME, UNREPORTED, '4930', '1.25', 'tenant'])
      expect(r.text).not.toContain(secret);
    expect((await call(otherEntity, 'GET', '/entity/declaration-notices')).json).toEqual([]);
    expect((await call(tenant, 'GET', '/entity/declaration-notices')).status).toBe(403);
  });

  it('lets the entity answer in its window, and the tenant reads the answer', async () => {
    const r = await call(entity, 'POST', `/entity/declaration-notices/${ACCOUNT}/2025-04/answers`, {
      statement: '本月电费按抄表记录收取，附抄表单',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.answers).toHaveLength(1);
    expect(new Date(r.json.correctionWindowEndsAt).getTime()).toBeGreaterThan(
      new Date('2026-06-01T10:00:00+08:00').getTime(),
    );
    const none = await call(
      entity,
      'POST',
      `/entity/declaration-notices/${ACCOUNT}/2025-05/answers`,
      {
        statement: '无',
      },
    );
    expect(none.status).toBe(404);
    // The answer is audited with its author, never its text; the refused one is not.
    const audit = await ds.query(
      `SELECT actor_user_id, actor_role, subject_type, subject_id, details FROM audit_log
       WHERE action = 'declaration_answer.create'`,
    );
    expect(audit).toHaveLength(1);
    const [answerRow] = await ds.query('SELECT id FROM declaration_answer');
    expect(audit[0]).toMatchObject({
      actor_role: 'entity_user',
      subject_type: 'declaration_answer',
      subject_id: String(answerRow.id),
    });
    expect(Number(audit[0].actor_user_id)).toBe(entity.user.userId);
    expect(JSON.parse(audit[0].details)).toEqual({
      entityId: ENTITY,
      accountNo: ACCOUNT,
      period: '2025-04',
      statementChars: '本月电费按抄表记录收取，附抄表单'.length,
    });
    expect((await t.app.get(AuditService).verify()).ok).toBe(true);
    const mine = await call(tenant, 'GET', `/me/declarations/${mismatchId}`);
    expect(mine.json.entityAnswers).toEqual([
      expect.objectContaining({ statement: '本月电费按抄表记录收取，附抄表单' }),
    ]);
    // Another tenant cannot read it.
    expect((await call(unreported, 'GET', `/me/declarations/${mismatchId}`)).status).toBe(404);
  });

  it('names the differing fields, never the values, once the entity has 5 tenants', async () => {
    const others = ['913101077L4UXGCP73', '91310110NFHTHFCL1H', '91310112JY3WA00013'];
    await importUploads(t.app, [
      {
        name: 'tenant_charges.csv',
        data: Buffer.from(
          'entity_id,account_no,tenant_id,tenant_name,period,item,tou,kwh,unit_price,amount\n' +
            others
              .map(
                (id, i) =>
                  `${ENTITY},${NEW_ACCOUNT},${id},租户${i + 3}号,2025-04,energy,none,100,0.8,80.00`,
              )
              .join('\n') +
            '\n',
        ),
      },
    ]);
    const r = await call(entity, 'GET', '/entity/declaration-notices');
    const notice = (r.json as EntityDeclarationNotice[]).find(
      (n) => n.accountNo === ACCOUNT && n.period === '2025-04',
    )!;
    expect(notice.differingFields).toEqual(
      expect.arrayContaining(['单价（不分时）', '电费金额（不分时）', '线损分摊', '合计金额']),
    );
    for (const secret of [TENANT, TENANT_NAME, UNREPORTED, '4930', '1.25', '5460'])
      expect(r.text).not.toContain(secret);
  });

  it('refuses a firm at premises the entity reported it at but it is not bound to', async () => {
    const firm = '91310104JM5DLCRP3K'; // the park's other tenant in fixture 02
    const bound = await loginAsNewUser(t, { role: 'tenant' });
    await ds.getRepository(TenantBinding).insert({
      userId: bound.user.userId,
      tenantId: firm,
      tenantName: '租户2号商行',
      entityId: ENTITY,
      accountNo: '3100000777',
      subMeterNo: 'M-1',
      provenPeriod: '2025-04',
      createdAt: new Date(),
    });
    const declare = (accountNo: string, key: string) =>
      call(bound, 'POST', '/me/declarations', {
        idempotencyKey: key,
        accountNo,
        period: '2025-04',
        energy: [{ tou: 'none', kwh: '100', unitPrice: '1', amount: '100.00' }],
      });
    const refused = await declare(ACCOUNT, 'decl-not-bound-01');
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('DECLARATION.FORBIDDEN_NOT_BOUND');
    const atBound = await declare('3100000777', 'decl-bound-0001');
    expect(atBound.status, atBound.text).toBe(201);
    expect(atBound.json.status).toBe('waiting');
    const [row] = await ds.query('SELECT tenant_id FROM tenant_declaration WHERE id = ?', [
      atBound.json.id,
    ]);
    expect(row.tenant_id).toBe(firm);
  });

  it('refuses bad input with every field named, and keeps nothing of it', async () => {
    const before = [
      await count(ds, 'tenant_declaration'),
      await count(ds, 'tenant_declaration_line'),
    ];
    const r = await call(tenant, 'POST', '/me/declarations', {
      idempotencyKey: 'decl-bad-0001',
      accountNo: ACCOUNT,
      period: '2026-07',
      // 3944 × 1.2 = 4732.80; 473.28 is a decimal point moved.
      energy: [{ tou: 'none', kwh: '3944', unitPrice: '1.2', amount: '473.28' }],
      items: [{ item: 'loss', amount: '10' }],
      photos: [`${'a'.repeat(64)}.png`],
    });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('DECLARATION.VALIDATION_FAILED');
    expect(r.json.details.map((d: { path: string }) => d.path)).toEqual([
      'body.period',
      'body.energy.0.amount',
      'body.photos.0',
    ]);
    expect(r.json.message).toContain('尚未到来');
    expect(r.json.message).toContain('4732.80');
    const shape = await call(tenant, 'POST', '/me/declarations', {
      idempotencyKey: 'decl-bad-0002',
      accountNo: ACCOUNT,
      period: '2025-04',
      energy: [{ tou: 'none', kwh: '-1', unitPrice: '1.2', amount: 'abc' }],
    });
    expect(shape.status).toBe(400);
    expect(shape.json.details.map((d: { path: string }) => d.path)).toEqual([
      'body.energy.0.kwh',
      'body.energy.0.amount',
    ]);
    const notImage = await uploadPhoto(tenant, 'bill.png', Buffer.from('%PDF-1.7 not a photo'));
    expect(notImage.status).toBe(415);
    expect(notImage.json).toMatchObject({
      code: 'DECLARATION_PHOTO.UNSUPPORTED_TYPE',
      details: [{ path: 'files.0', value: 'bill.png' }],
    });
    expect([
      await count(ds, 'tenant_declaration'),
      await count(ds, 'tenant_declaration_line'),
    ]).toEqual(before);
  });

  it('lists only the signed-in tenant’s declarations, newest first', async () => {
    const list = (await call(unreported, 'GET', '/me/declarations')).json as DeclarationView[];
    expect(list.map((d) => [d.accountNo, d.period])).toEqual([
      [NEW_ACCOUNT, '2025-04'],
      [ACCOUNT, '2025-04'],
    ]);
    const own = (await call(tenant, 'GET', '/me/declarations')).json as DeclarationView[];
    expect(own.map((d) => d.id)).toEqual([mismatchId]);
    expect((await call(entity, 'POST', '/me/declarations', {})).status).toBe(403);
  });

  it('keeps one current declaration of a tenant-month when several arrive at once', async () => {
    const firm = '91310110NFHTHFCL1H';
    const sessions = [
      await loginAsNewUser(t, { role: 'tenant', tenantId: firm }),
      await loginAsNewUser(t, { role: 'tenant', tenantId: firm }),
    ];
    const declare = (i: number) =>
      call(sessions[i % 2], 'POST', '/me/declarations', {
        idempotencyKey: `decl-race-${String(i).padStart(4, '0')}`,
        accountNo: ACCOUNT,
        period: '2025-05',
        energy: [{ tou: 'none', kwh: String(100 + i), unitPrice: '1', amount: `${100 + i}.00` }],
      });
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => declare(round * 6 + i)));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
      const rows = await ds.query(
        `SELECT is_current FROM tenant_declaration
         WHERE tenant_id = ? AND account_no = ? AND period = '2025-05'`,
        [firm, ACCOUNT],
      );
      expect(rows).toHaveLength((round + 1) * 6);
      expect(
        rows.filter((r: { is_current: unknown }) => Boolean(Number(r.is_current))),
      ).toHaveLength(1);
    }
    // The database itself refuses a second current declaration of the month.
    await expect(
      ds.query(
        `UPDATE tenant_declaration SET is_current = 1
         WHERE tenant_id = ? AND account_no = ? AND period = '2025-05' AND is_current = 0`,
        [firm, ACCOUNT],
      ),
    ).rejects.toThrow(/Duplicate entry|UNIQUE constraint failed/);
    // Every declaration is kept, and both users of the firm see them.
    const list = (await call(sessions[0], 'GET', '/me/declarations')).json as DeclarationView[];
    expect(list).toHaveLength(18);
  });
});
