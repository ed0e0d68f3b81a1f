import type { ImportBatchView, JobView } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callsTo, inTurn, stubRoutes } from '../../test/fetch-routes';
import { jsonResponse, renderApp } from '../../test/render-app';

const HISTORY = 'GET /api/imports?limit=100';

function batch(overrides: Partial<ImportBatchView>): ImportBatchView {
  return {
    id: 'b-1',
    status: 'imported',
    source: 'upload',
    providerId: null,
    files: [{ name: 'grid_bills.csv', origin: 'grid_bills.csv', bytes: 619 }],
    summary: null,
    errors: [],
    createdAt: '2025-08-05T02:00:00.000Z',
    finishedAt: '2025-08-05T02:00:01.000Z',
    ...overrides,
  };
}

const imported = batch({
  summary: {
    entities: 3,
    tariffs: { added: 4, unchanged: 72 },
    gridBills: { added: 7, superseding: 2, unchanged: 1 },
    chargeSheets: { added: 5, superseding: 1, unchanged: 0 },
    ownUse: { added: 6, superseding: 0, unchanged: 0 },
    gridLines: 41,
    tenantLines: 233,
    changedAccounts: ['3100000001', '3100000002'],
    tariffPeriods: ['2025-07'],
  },
});

const rejected = batch({
  id: 'b-2',
  status: 'rejected',
  files: [
    { name: 'tenant_charges.csv', origin: 'tenant_charges.csv', bytes: 402 },
    { name: 'grid_bills.csv', origin: 'grid_bills.csv', bytes: 619 },
  ],
  errors: [
    {
      code: 'CSV.INVALID_DECIMAL',
      message: '电量（kwh）不是有效的数字（如 1234.5）',
      file: 'tenant_charges.csv',
      line: 3,
      column: 'kwh',
      value: 'abc',
    },
    {
      code: 'CSV.REQUIRED',
      message: '户号（account_no）不能为空',
      file: 'grid_bills.csv',
      line: 5,
      column: 'account_no',
      value: '',
    },
    {
      code: 'CSV.INVALID_PERIOD',
      message: '月份（period）应为 YYYY-MM',
      file: 'tenant_charges.csv',
      line: 2,
      column: 'period',
      value: '2025/07',
    },
  ],
});

function job(status: JobView['status'], done: number, result: JobView['result'] = null): JobView {
  return {
    id: 'job-1',
    kind: 'import-batch',
    status,
    progress: { done, total: 2 },
    result,
    error: null,
    attempts: 1,
    createdAt: '2025-08-05T02:00:00.000Z',
    startedAt: '2025-08-05T02:00:00.000Z',
    finishedAt: null,
  };
}

async function pickAndImport(...names: string[]) {
  await screen.findByRole('heading', { name: '数据导入' });
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  const files = names.map((name) => new File(['a,b\n1,2\n'], name, { type: 'text/csv' }));
  fireEvent.change(input, { target: { files } });
  const start = await screen.findByRole('button', { name: `开始导入（${names.length} 个文件）` });
  fireEvent.click(start);
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('数据导入 (imports page)', () => {
  it('uploads the files as one batch, shows the job’s progress, then the imported summary', async () => {
    const fetchMock = stubRoutes({
      [HISTORY]: inTurn([], [imported]),
      'POST /api/imports': { state: 'queued', jobId: 'job-1' },
      'GET /api/jobs/job-1': inTurn(
        job('running', 1),
        job('done', 2, { batchId: 'b-1', status: 'imported', runJobId: 'run-1' }),
      ),
      'GET /api/imports/b-1': imported,
    });
    renderApp('/admin/imports');
    await pickAndImport('grid_bills.csv', 'tenant_charges.csv');

    expect(await screen.findByText('第 1 / 2 步')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    expect(await screen.findByText('导入成功')).toBeTruthy();

    const body = callsTo(fetchMock, 'POST /api/imports')[0]![1]!.body as FormData;
    expect(body.getAll('files').map((f) => (f as File).name)).toEqual([
      'grid_bills.csv',
      'tenant_charges.csv',
    ]);
    const result = within(screen.getByRole('region', { name: '本次导入结果' }));
    expect(result.getByText('3 家')).toBeTruthy();
    expect(result.getByText('新增 4 条，未变 72 条')).toBeTruthy();
    expect(result.getByText('41 行')).toBeTruthy();
    expect(result.getByText('233 行')).toBeTruthy();
    expect(rowsOf(result.getByRole('table', { name: '账单版本' }))).toEqual([
      ['电网账单（户号·月份）', '7', '2', '1'],
      ['分户收费单（户号·月份）', '5', '1', '0'],
      ['自用电量（户号·月份）', '6', '0', '0'],
    ]);
    // The history is loaded again and now lists the new batch.
    await waitFor(() => expect(callsTo(fetchMock, HISTORY)).toHaveLength(2));
  });

  it('lists every error of a rejected batch by file, line, column and value, sorted by file', async () => {
    stubRoutes({
      [HISTORY]: [],
      'POST /api/imports': { state: 'queued', jobId: 'job-1' },
      'GET /api/jobs/job-1': job('done', 2, { batchId: 'b-2', status: 'rejected', runJobId: null }),
      'GET /api/imports/b-2': rejected,
    });
    renderApp('/admin/imports');
    await pickAndImport('tenant_charges.csv', 'grid_bills.csv');

    expect(await screen.findByText('未通过校验，本批次未导入任何数据')).toBeTruthy();
    expect(rowsOf(screen.getByRole('table', { name: '错误明细' }))).toEqual([
      ['grid_bills.csv', '5', 'account_no', '（空）', '户号（account_no）不能为空'],
      ['tenant_charges.csv', '2', 'period', '2025/07', '月份（period）应为 YYYY-MM'],
      ['tenant_charges.csv', '3', 'kwh', 'abc', '电量（kwh）不是有效的数字（如 1234.5）'],
    ]);
  });

  it('says a batch seen before was already imported and shows its first result', async () => {
    const fetchMock = stubRoutes({
      [HISTORY]: [imported],
      'POST /api/imports': { state: 'known', batch: imported },
    });
    renderApp('/admin/imports');
    await pickAndImport('grid_bills.csv');

    expect(await screen.findByText('该批次此前已导入')).toBeTruthy();
    const result = within(screen.getByRole('region', { name: '本次导入结果' }));
    expect(result.getByText('已导入')).toBeTruthy();
    expect(result.getByText('41 行')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/jobs/'))).toBe(false);
  });

  it('shows the files the API refused outright, in the same table', async () => {
    stubRoutes({
      [HISTORY]: [],
      'POST /api/imports': () =>
        jsonResponse(
          {
            code: 'IMPORT.VALIDATION_FAILED',
            message: '上传的文件无法作为批次导入',
            details: [
              { code: 'IMPORT.UNKNOWN_FILE', message: '不认识的文件名', file: 'bills.csv' },
            ],
          },
          400,
        ),
    });
    renderApp('/admin/imports');
    await pickAndImport('bills.csv');

    expect(await screen.findByText('上传的文件无法作为批次导入')).toBeTruthy();
    expect(rowsOf(screen.getByRole('table', { name: '错误明细' }))).toEqual([
      ['bills.csv', '—', '—', '—', '不认识的文件名'],
    ]);
  });

  it('shows a charging entity the errors of its own upload, followed as a delivery', async () => {
    const fetchMock = stubRoutes({
      'POST /api/imports': { state: 'queued', jobId: 'job-1' },
      'GET /api/imports/deliveries/job-1': inTurn(
        { status: 'running', progress: { done: 1, total: 2 }, error: null, batch: null },
        { status: 'done', progress: { done: 2, total: 2 }, error: null, batch: rejected },
      ),
    });
    renderApp('/admin/imports', { as: 'entity_user' });
    expect(await screen.findByText(/收费主体只能上传本单位的数据/)).toBeTruthy();
    expect(screen.queryByText('entities.csv')).toBeNull();
    await pickAndImport('tenant_charges.csv');

    expect(await screen.findByText('未通过校验，本批次未导入任何数据')).toBeTruthy();
    const errors = screen.getByRole('table', { name: '错误明细' });
    expect(within(errors).getByText('电量（kwh）不是有效的数字（如 1234.5）')).toBeTruthy();
    expect(screen.queryByRole('table', { name: '导入记录' })).toBeNull();
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls).toEqual([
      '/api/imports',
      '/api/imports/deliveries/job-1',
      '/api/imports/deliveries/job-1',
    ]);
  });

  it('lists past batches with status and opens one', async () => {
    stubRoutes({
      [HISTORY]: [rejected, imported],
      'GET /api/imports/b-2': rejected,
    });
    const { router } = renderApp('/admin/imports');
    const history = await screen.findByRole('table', { name: '导入记录' });
    await within(history).findByText('3 处错误');
    expect(within(history).getByText('未通过校验')).toBeTruthy();
    expect(within(history).getByText('已导入')).toBeTruthy();

    fireEvent.click(within(history).getByText('3 处错误'));
    expect(await screen.findByRole('heading', { name: '导入批次详情' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/imports/b-2');
    expect(await screen.findByRole('table', { name: '错误明细' })).toBeTruthy();
  });
});
