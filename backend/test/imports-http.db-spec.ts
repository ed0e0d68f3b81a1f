import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeliveryReceipt, ImportBatchView, JobView } from '@zgd/shared-types';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_KEYS } from '../src/config/app-config';
import { signDelivery } from '../src/modules/imports/provider-signature';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { count, fixture, folderUploads } from './support/batches';
import { multipartBody } from './support/multipart';
import { startTestApp, type TestApp } from './support/test-app';

const [PROVIDER, SECRET] = DEMO_PROVIDER_KEYS.split(/:(.*)/s);

describe(`batch delivery over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: TestSession;
  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    officer = await loginAs(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  async function upload(
    session: TestSession,
    uploads = folderUploads(fixture('02-fixed-price-and-basic-fee')),
  ) {
    const { body, contentType } = await multipartBody(uploads);
    return fetch(`${t.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { ...session.headers, 'content-type': contentType },
      body,
    });
  }

  async function settled(receipt: DeliveryReceipt): Promise<ImportBatchView> {
    if (receipt.state === 'known') return receipt.batch;
    for (let i = 0; i < 200; i++) {
      const job = (await (
        await fetch(`${t.baseUrl}/api/jobs/${receipt.jobId}`, { headers: officer.headers })
      ).json()) as JobView;
      if (job.status === 'done' || job.status === 'failed') {
        expect(job.status).toBe('done');
        const { batchId } = job.result as { batchId: string };
        return (await (
          await fetch(`${t.baseUrl}/api/imports/${batchId}`, { headers: officer.headers })
        ).json()) as ImportBatchView;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import job did not finish');
  }

  it('imports an uploaded batch in the background, and answers a redelivery with the first result', async () => {
    const res = await upload(officer);
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as DeliveryReceipt;
    expect(receipt.state).toBe('queued');
    const batch = await settled(receipt);
    expect(batch).toMatchObject({ status: 'imported', source: 'upload' });
    expect(batch.summary?.gridBills).toEqual({ added: 4, superseding: 0, unchanged: 0 });

    const again = (await (await upload(officer)).json()) as DeliveryReceipt;
    expect(again).toEqual({ state: 'known', batch });
  });

  it('reads Excel sheets exactly as the same CSV files', async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ['grid_bills', 'tenant_charges']) {
      const ws = wb.addWorksheet(name);
      const rows = readFileSync(
        join(fixture('02-fixed-price-and-basic-fee'), `${name}.csv`),
        'utf8',
      )
        .trim()
        .split(/\r?\n/);
      // Numbers typed as numbers, as Excel users do: 6485.61 must come back as 6485.61.
      for (const line of rows)
        ws.addRow(
          line
            .split(',')
            .map((v, i) =>
              i > 0 && /^\d+(\.\d+)?$/.test(v) && !/^\d{10,}$/.test(v) ? Number(v) : v,
            ),
        );
    }
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const batch = await settled(
      (await (
        await upload(officer, [{ name: '2025年3-6月.xlsx', data }])
      ).json()) as DeliveryReceipt,
    );
    expect(batch.errors).toEqual([]);
    expect(batch.status).toBe('imported');
    // Same lines as the CSV delivery stored above: nothing new, nothing superseded.
    expect(batch.summary?.gridBills).toEqual({ added: 0, superseding: 0, unchanged: 4 });
    expect(batch.summary?.chargeSheets).toEqual({ added: 0, superseding: 0, unchanged: 4 });
  });

  it('reports a bad Excel row by its sheet and row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('grid_bills');
    ws.addRow([
      'account_no',
      'entity_id',
      'period',
      'user_class',
      'voltage',
      'pricing',
      'line',
      'tou',
      'kwh',
      'unit_price',
      'amount',
    ]);
    ws.addRow([]);
    ws.addRow([
      '3100000009',
      '91310112YUYU122BX0',
      '2025-03',
      'general_commercial',
      'lt_1kv',
      'single',
      'energy',
      'peak',
      100,
      0.88844,
      -5,
    ]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const batch = await settled(
      (await (await upload(officer, [{ name: 'bills.xlsx', data }])).json()) as DeliveryReceipt,
    );
    expect(batch.status).toBe('rejected');
    expect(batch.errors).toContainEqual(
      expect.objectContaining({
        file: 'bills.xlsx（工作表 grid_bills）',
        line: 3,
        column: 'amount',
        value: '-5',
      }),
    );
  });

  it('refuses files it cannot read at once, with the file named', async () => {
    const res = await upload(officer, [{ name: 'bills.txt', data: Buffer.from('hello') }]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'IMPORT.VALIDATION_FAILED',
      details: [expect.objectContaining({ code: 'IMPORT.UNSUPPORTED_FILE', file: 'bills.txt' })],
    });
  });

  it("lets an entity user publish only its own entity's charges", async () => {
    const entity = await loginAs(t, 'entity');
    const own = folderUploads(fixture('02-fixed-price-and-basic-fee')).filter(
      (u) => u.name === 'tenant_charges.csv',
    );
    const before = await count(ds, 'tenant_charge_line');
    const theirs = folderUploads(fixture('03-loss-own-use-and-tou')).filter(
      (u) => u.name === 'tenant_charges.csv',
    );
    const refused = await settled((await (await upload(entity, theirs)).json()) as DeliveryReceipt);
    expect(refused.status).toBe('rejected');
    expect(refused.errors[0]).toMatchObject({
      code: 'IMPORT.OUT_OF_SCOPE',
      file: 'tenant_charges.csv',
      column: 'entity_id',
    });
    expect(await count(ds, 'tenant_charge_line')).toBe(before);
    const grid = folderUploads(fixture('02-fixed-price-and-basic-fee')).filter(
      (u) => u.name === 'grid_bills.csv',
    );
    const refusedGrid = await settled(
      (await (await upload(entity, [...grid, ...own])).json()) as DeliveryReceipt,
    );
    expect(refusedGrid.errors[0]).toMatchObject({
      code: 'IMPORT.OUT_OF_SCOPE',
      file: 'grid_bills.csv',
    });
  });

  it('shows an entity user its own upload and its errors, and no other entity its jobs', async () => {
    const entity = await loginAs(t, 'entity');
    // Content of its own (a trailing blank line), so that it is a new delivery, not a known one.
    const theirs = folderUploads(fixture('03-loss-own-use-and-tou'))
      .filter((u) => u.name === 'tenant_charges.csv')
      .map((u) => ({ ...u, data: Buffer.concat([u.data, Buffer.from('\n')]) }));
    const receipt = (await (await upload(entity, theirs)).json()) as DeliveryReceipt;
    const jobId = receipt.state === 'queued' ? receipt.jobId : null;
    expect(jobId).not.toBeNull();
    await settled(receipt);
    const own = await fetch(`${t.baseUrl}/api/imports/deliveries/${jobId}`, {
      headers: entity.headers,
    });
    expect(own.status).toBe(200);
    const view = (await own.json()) as { status: string; batch: ImportBatchView };
    expect(view).toMatchObject({ status: 'done', batch: { status: 'rejected' } });
    // One error per row of the other entity's charges (8 rows), each naming its line.
    expect(view.batch.errors.map((e) => [e.code, e.line])).toEqual(
      [2, 3, 4, 5, 6, 7, 8, 9].map((l) => ['IMPORT.OUT_OF_SCOPE', l]),
    );

    const other = await loginAsNewUser(t, { role: 'entity_user', entityId: '913101177JH4BXKF5F' });
    expect(
      (await fetch(`${t.baseUrl}/api/imports/deliveries/${jobId}`, { headers: other.headers }))
        .status,
    ).toBe(404);
    expect((await fetch(`${t.baseUrl}/api/jobs/${jobId}`, { headers: other.headers })).status).toBe(
      404,
    );
    expect(
      (await fetch(`${t.baseUrl}/api/jobs/${jobId}`, { headers: entity.headers })).status,
    ).toBe(200);
    // Staff's import history stays closed to entities.
    expect((await fetch(`${t.baseUrl}/api/imports`, { headers: entity.headers })).status).toBe(403);
  });

  it('refuses uploads from tenants and from callers without a session', async () => {
    expect((await upload(await loginAs(t, 'tenant'))).status).toBe(403);
    const { body, contentType } = await multipartBody(folderUploads(fixture('01-clean-two-part')));
    const anonymous = await fetch(`${t.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    expect(anonymous.status).toBe(401);
  });

  describe('signed provider deliveries', () => {
    async function deliver(
      opts: {
        secret?: string;
        timestamp?: string;
        replay?: { body: Buffer; headers: Record<string, string> };
      } = {},
    ) {
      const { body, contentType } = opts.replay
        ? { body: opts.replay.body, contentType: opts.replay.headers['content-type'] }
        : await multipartBody(folderUploads(fixture('03-loss-own-use-and-tou')));
      const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
      const headers = opts.replay?.headers ?? {
        'content-type': contentType,
        'x-provider-key': PROVIDER,
        'x-timestamp': timestamp,
        'x-signature': signDelivery(opts.secret ?? SECRET, timestamp, body),
      };
      const res = await fetch(`${t.baseUrl}/api/provider/batches`, {
        method: 'POST',
        headers,
        body,
      });
      return { res, body, headers };
    }

    it('accepts a signed batch once and refuses the same request replayed', async () => {
      const first = await deliver();
      expect(first.res.status).toBe(201);
      const batch = await settled((await first.res.json()) as DeliveryReceipt);
      expect(batch).toMatchObject({ status: 'imported', source: 'provider', providerId: PROVIDER });
      const replay = await deliver({ replay: first });
      expect(replay.res.status).toBe(409);
      expect(await replay.res.json()).toMatchObject({ code: 'PROVIDER.REPLAYED' });
      // A fresh signature for the same content answers with the first result.
      const again = await deliver();
      expect(await again.res.json()).toEqual({ state: 'known', batch });
    });

    it('lets the provider follow its delivery, and no one else', async () => {
      const dir = folderUploads(fixture('01-clean-two-part'));
      const { body, contentType } = await multipartBody(dir);
      const ts = String(Math.floor(Date.now() / 1000));
      const res = await fetch(`${t.baseUrl}/api/provider/batches`, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-provider-key': PROVIDER,
          'x-timestamp': ts,
          'x-signature': signDelivery(SECRET, ts, body),
        },
        body,
      });
      const receipt = (await res.json()) as DeliveryReceipt;
      expect(receipt.state).toBe('queued');
      const jobId = (receipt as { jobId: string }).jobId;
      const path = `/api/provider/deliveries/${jobId}`;
      const poll = (secret: string, key = PROVIDER) => {
        const now = String(Math.floor(Date.now() / 1000));
        return fetch(`${t.baseUrl}${path}`, {
          headers: {
            'x-provider-key': key,
            'x-timestamp': now,
            'x-signature': signDelivery(secret, now, Buffer.from(path)),
          },
        });
      };
      let view: { status: string; batch: ImportBatchView | null } = {
        status: 'queued',
        batch: null,
      };
      for (let i = 0; i < 200 && view.status !== 'done'; i++) {
        const r = await poll(SECRET);
        expect(r.status).toBe(200);
        view = (await r.json()) as typeof view;
        if (view.status !== 'done') await new Promise((ok) => setTimeout(ok, 50));
      }
      expect(view.batch).toMatchObject({
        status: 'imported',
        source: 'provider',
        providerId: PROVIDER,
      });
      expect((await poll('wrong-secret-wrong-secret')).status).toBe(401);
      // A job that is not this provider's delivery is not found, whoever asks.
      const otherJob = (await (
        await upload(officer, folderUploads(fixture('02-fixed-price-and-basic-fee')).slice(0, 1))
      ).json()) as { jobId?: string };
      if (otherJob.jobId) {
        const p2 = `/api/provider/deliveries/${otherJob.jobId}`;
        const now = String(Math.floor(Date.now() / 1000));
        const r = await fetch(`${t.baseUrl}${p2}`, {
          headers: {
            'x-provider-key': PROVIDER,
            'x-timestamp': now,
            'x-signature': signDelivery(SECRET, now, Buffer.from(p2)),
          },
        });
        expect(r.status).toBe(404);
      }
    });

    it.each([
      ['a wrong secret', { secret: 'not-the-secret-at-all' }, 401, 'PROVIDER.BAD_SIGNATURE'],
      [
        'an old timestamp',
        { timestamp: String(Math.floor(Date.now() / 1000) - 3600) },
        401,
        'PROVIDER.STALE_TIMESTAMP',
      ],
    ])('refuses %s and stores nothing', async (_, opts, status, code) => {
      const before = await count(ds, 'import_batch');
      const { res } = await deliver(opts);
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({ code });
      expect(await count(ds, 'import_batch')).toBe(before);
    });
  });
});
