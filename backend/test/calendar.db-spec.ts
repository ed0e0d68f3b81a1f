import type { CalendarYearView, ErrorBody } from '@zgd/shared-types';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CalendarService } from '../src/modules/calendar/calendar.service';
import { HolidayCalendarYear } from '../src/modules/calendar/holiday-calendar-year.entity';
import { loginAs, type TestSession } from './support/auth';
import { startTestApp, type TestApp } from './support/test-app';

/** Test data shaped like a notice, not the official 2027 arrangement (not published here). */
const YEAR_2027 = {
  holidays: ['2027-01-01', '2027-02-08', '2027-02-09'],
  makeupWorkdays: ['2027-02-06'],
  source: '测试数据（非官方安排）',
};

describe(`holiday calendar on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let t: TestApp;
  let admin: TestSession;
  let officer: TestSession;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAs(t, 'admin');
    officer = await loginAs(t, 'pudong');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string, s?: TestSession) =>
    fetch(`${t.baseUrl}/api/calendar${path}`, { headers: s?.headers ?? {} });
  const put = (year: string | number, body: unknown, s: TestSession) =>
    fetch(`${t.baseUrl}/api/calendar/years/${year}`, {
      method: 'PUT',
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const years = async (s: TestSession) =>
    (await (await get('/years', s)).json()) as CalendarYearView[];

  it('stores the shipped years at start, each with its notice', async () => {
    const res = await get('/years', officer);
    expect(res.status).toBe(200);
    const list = (await res.json()) as CalendarYearView[];
    expect(list.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    expect(list.map((y) => y.loadedBy)).toEqual([null, null, null]);
    expect(list[2].source).toContain('国办发明电〔2025〕7号');
    expect(list[1].makeupWorkdays).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  it('counts working days across Spring Festival with its make-up days', async () => {
    const res = await get('/working-days?from=2025-01-24&days=15', officer);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ from: '2025-01-24', days: 15, date: '2025-02-20' });
  });

  it('answers a year that is not loaded with its coded error, never with weekdays', async () => {
    expect(await (await get('/working-days?from=2026-12-24&days=5', officer)).json()).toMatchObject(
      {
        date: '2026-12-31',
      },
    );
    for (const q of ['from=2026-12-24&days=6', 'from=2028-03-01&days=0']) {
      const res = await get(`/working-days?${q}`, officer);
      expect(res.status).toBe(404);
      const body = (await res.json()) as ErrorBody;
      expect(body.code).toBe('CALENDAR_YEAR.NOT_FOUND');
      expect(body.message).toMatch(
        /^20(27|28) 年的法定节假日安排尚未载入，请管理员载入国务院办公厅公布的当年安排$/,
      );
    }
  });

  it('refuses bad queries with where they were wrong', async () => {
    const res = await get('/working-days?from=2025-02-30&days=-1', officer);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.details?.map((d) => d.path).sort()).toEqual(['query.days', 'query.from']);
    expect(body.message).toContain('2025-02-30');
  });

  it('lets only staff read the calendar, and only the city administrator load it', async () => {
    expect((await get('/years')).status).toBe(401);
    expect((await get('/years', await loginAs(t, 'entity'))).status).toBe(403);
    expect((await get('/years', await loginAs(t, 'pudong-lead'))).status).toBe(200);
    expect((await put(2027, YEAR_2027, officer)).status).toBe(403);
    expect((await years(admin)).map((y) => y.year)).not.toContain(2027);
  });

  it.each([
    [
      'a make-up day on a weekday',
      { makeupWorkdays: ['2027-02-08'] },
      'makeupWorkdays.0',
      '2027-02-08',
    ],
    ['a date outside the year', { holidays: ['2026-12-31'] }, 'holidays.0', '2026-12-31'],
    ['a date that does not exist', { holidays: ['2027-02-29'] }, 'holidays.0', '2027-02-29'],
    [
      'a holiday listed twice',
      { holidays: ['2027-01-01', '2027-01-01'] },
      'holidays.1',
      '放假日 2027-01-01 重复',
    ],
    [
      'a day both off and worked',
      { holidays: ['2027-02-06'], makeupWorkdays: ['2027-02-06'] },
      'makeupWorkdays.0',
      '2027-02-06 同时列为放假日和调休上班日',
    ],
    ['no source', { source: '  ' }, 'source', '来源'],
  ])('refuses %s (400, naming the value)', async (_, change, path, text) => {
    const res = await put(2027, { ...YEAR_2027, ...change }, admin);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.code).toBe('VALIDATION_FAILED');
    const detail = body.details?.find((d) => d.path === `body.${path}`);
    expect(detail?.message).toContain(text);
    expect((await years(admin)).map((y) => y.year)).not.toContain(2027);
  });

  it('refuses a year that is not a year', async () => {
    const res = await put('20x7', YEAR_2027, admin);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).details?.[0].path).toBe('params.year');
  });

  it('makes a loaded year answerable at once, and replaces it on a second load', async () => {
    const res = await put(2027, YEAR_2027, admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ year: 2027, loadedBy: 'admin', ...YEAR_2027 });
    // 12-25, 12-28..12-31, then 2027-01-01 off: the sixth working day is 2027-01-04.
    expect(await (await get('/working-days?from=2026-12-24&days=6', officer)).json()).toMatchObject(
      {
        date: '2027-01-04',
      },
    );
    // Saturday 2027-02-06 is worked; 02-08 and 02-09 are off.
    expect(await (await get('/working-days?from=2027-02-05&days=2', officer)).json()).toMatchObject(
      {
        date: '2027-02-10',
      },
    );

    const replaced = { ...YEAR_2027, holidays: ['2027-01-01'], makeupWorkdays: [] };
    expect((await put(2027, replaced, admin)).status).toBe(200);
    expect(await (await get('/working-days?from=2027-02-05&days=2', officer)).json()).toMatchObject(
      {
        date: '2027-02-09',
      },
    );
  });

  it('never overwrites a loaded year with shipped data on start, and restores a missing one', async () => {
    const ds = t.app.get(DataSource);
    const changed = {
      ...YEAR_2027,
      holidays: ['2026-01-01'],
      makeupWorkdays: [],
      source: '管理员更正',
    };
    expect((await put(2026, changed, admin)).status).toBe(200);
    await ds.getRepository(HolidayCalendarYear).delete({ year: 2025 });

    await t.app.get(CalendarService).onModuleInit();

    const list = await years(admin);
    expect(list.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(list.find((y) => y.year === 2026)).toMatchObject({
      loadedBy: 'admin',
      source: '管理员更正',
    });
    expect(list.find((y) => y.year === 2025)).toMatchObject({ loadedBy: null });
    // 2026-01-02 is a working day by the administrator's version (only 01-01 is off).
    expect(await (await get('/working-days?from=2026-01-01&days=1', officer)).json()).toMatchObject(
      {
        date: '2026-01-02',
      },
    );
  });
});
