import type { SettingView } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsService } from '../src/modules/settings/settings.service';
import { loginAs, loginAsNewUser, type TestSession } from './support/auth';
import { startTestApp, type TestApp } from './support/test-app';

describe(`settings over HTTP on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: TestSession;
  let lead: TestSession;
  let officer: TestSession;
  let entity: TestSession;
  let tenant: TestSession;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    admin = await loginAs(t, 'admin');
    officer = await loginAs(t, 'minhang');
    entity = await loginAs(t, 'entity');
    tenant = await loginAs(t, 'tenant');
    lead = await loginAsNewUser(t, { role: 'district_lead', districtCode: '310112' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (s: TestSession | null, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.baseUrl}/api${path}`, {
      method,
      headers: { ...(s?.headers ?? {}), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, json: text ? JSON.parse(text) : null };
  };
  const audits = async () =>
    (await ds.query(
      "SELECT actor_user_id, subject_id, details FROM audit_log WHERE action = 'setting.changed' ORDER BY seq",
    )) as { actor_user_id: number; subject_id: string; details: string }[];

  it('lists every setting with a Chinese description, in the unit people read', async () => {
    const r = await call(officer, 'GET', '/settings');
    expect(r.status, r.text).toBe(200);
    const list = r.json as SettingView[];
    expect(list.map((s) => s.key)).toContain('warning.red_refund_fen');
    const red = list.find((s) => s.key === 'warning.red_refund_fen')!;
    expect(red).toMatchObject({
      kind: 'money',
      value: '500.00',
      defaultValue: '500.00',
      valid: true,
      updatedAt: null,
    });
    expect(red.description).toContain('红色');
    expect(list.find((s) => s.key === 'draw.ratio.C')).toMatchObject({
      kind: 'ratio',
      value: '60',
    });
  });

  it('lets only the city administrator write, and only staff read', async () => {
    for (const s of [lead, officer, entity, tenant]) {
      const r = await call(s, 'PUT', '/settings/warning.red_refund_fen', { value: '600' });
      expect(r.status, `${s.user.role} may not write`).toBe(403);
    }
    expect(
      (await call(null, 'PUT', '/settings/warning.red_refund_fen', { value: '600' })).status,
    ).toBe(401);
    for (const s of [entity, tenant]) expect((await call(s, 'GET', '/settings')).status).toBe(403);
    expect((await call(null, 'GET', '/settings')).status).toBe(401);
    expect(await audits()).toEqual([]);
    expect(await t.app.get(SettingsService).get('warning.red_refund_fen')).toBe('50000');
  });

  it('stores money exactly in fen and audits the old and the new value', async () => {
    const r = await call(admin, 'PUT', '/settings/warning.red_refund_fen', { value: '1234.56' });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ key: 'warning.red_refund_fen', value: '1234.56', valid: true });
    expect(r.json.updatedAt).not.toBeNull();
    expect(await t.app.get(SettingsService).get('warning.red_refund_fen')).toBe('123456');
    const [entry] = await audits();
    expect(entry.actor_user_id).toBe(admin.user.userId);
    expect(entry.subject_id).toBe('warning.red_refund_fen');
    expect(JSON.parse(entry.details)).toEqual({ old: '50000', new: '123456', wasDefault: true });
  });

  it('stores a ratio given in percent as the fraction the draw reads', async () => {
    const r = await call(admin, 'PUT', '/settings/draw.ratio.A', { value: '7.5' });
    expect(r.status, r.text).toBe(200);
    expect(r.json.value).toBe('7.5');
    expect(await t.app.get(SettingsService).get('draw.ratio.A')).toBe('0.075');
    const again = await call(admin, 'PUT', '/settings/draw.ratio.A', { value: '10' });
    expect(again.status).toBe(200);
    const last = (await audits()).at(-1)!;
    expect(JSON.parse(last.details)).toEqual({ old: '0.075', new: '0.10', wasDefault: false });
  });

  it('audits nothing when the value does not change', async () => {
    const before = (await audits()).length;
    const r = await call(admin, 'PUT', '/settings/draw.ratio.A', { value: '10.00' });
    expect(r.status).toBe(200);
    expect((await audits()).length).toBe(before);
  });

  it('refuses a bad value in Chinese naming the key, changing nothing', async () => {
    const before = (await audits()).length;
    for (const [key, value, why] of [
      ['draw.ratio.B', '120', '0% 至 100% 之间'],
      ['draw.ratio.B', '20%', '百分比'],
      ['warning.red_refund_fen', '12.345', '最多两位小数'],
      ['warning.red_tenant_count', '0', '1 至 10000 之间'],
      ['serious_list.period_months', '3.5', '应为整数'],
    ]) {
      const r = await call(admin, 'PUT', `/settings/${key}`, { value });
      expect(r.status, `${key}=${value}`).toBe(400);
      expect(r.json.code).toBe('SETTING.INVALID_VALUE');
      expect(r.json.message).toContain(`设置 ${key}`);
      expect(r.json.message).toContain(why);
      expect(r.json.details[0].path).toBe('body.value');
    }
    const empty = await call(admin, 'PUT', '/settings/draw.ratio.B', { value: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.json.details[0].path).toBe('body.value');
    const unknown = await call(admin, 'PUT', '/settings/draw.ratio.E', { value: '5' });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'SETTING.NOT_FOUND' });
    expect(unknown.json.message).toContain('draw.ratio.E');
    expect((await audits()).length).toBe(before);
    expect(await t.app.get(SettingsService).get('draw.ratio.B')).toBe('0.20');
  });

  it('refuses a credit-repair wait longer than the listing period, against the stored one', async () => {
    const before = (await audits()).length;
    const r = await call(admin, 'PUT', '/settings/serious_list.repair_after_months', {
      value: '37',
    });
    expect(r.status).toBe(400);
    expect(r.json.message).toContain('不能超过列入期限（36 个月）');
    expect(
      (await call(admin, 'PUT', '/settings/serious_list.period_months', { value: '12' })).status,
    ).toBe(200);
    const longer = await call(admin, 'PUT', '/settings/serious_list.repair_after_months', {
      value: '13',
    });
    expect(longer.json.message).toContain('不能超过列入期限（12 个月）');
    const shorter = await call(admin, 'PUT', '/settings/serious_list.period_months', {
      value: '5',
    });
    expect(shorter.status).toBe(400);
    expect(shorter.json.message).toContain('不能短于信用修复等待期（6 个月）');
    expect((await audits()).length).toBe(before + 1);
    expect(await t.app.get(SettingsService).get('serious_list.period_months')).toBe('12');
  });

  it('shows a value changed by hand that it cannot read, raw and marked', async () => {
    await ds.query(
      "INSERT INTO app_setting (`key`, value, updated_at) VALUES ('draw.ratio.C', '60%', '2026-06-01')",
    );
    const list = (await call(admin, 'GET', '/settings')).json as SettingView[];
    expect(list.find((s) => s.key === 'draw.ratio.C')).toMatchObject({
      value: '60%',
      valid: false,
    });
    const fixed = await call(admin, 'PUT', '/settings/draw.ratio.C', { value: '60' });
    expect(fixed.json).toMatchObject({ value: '60', valid: true });
    expect(await t.app.get(SettingsService).get('draw.ratio.C')).toBe('0.60');
  });
});
