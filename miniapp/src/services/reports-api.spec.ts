import { ReportBodySchema } from '@zgd/shared-types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../test/session';
import { request, resetTaro, route } from '../../test/taro-fake';
import { newIdempotencyKey } from './report-draft';
import { RETRY_DELAYS_MS, submitReport } from './reports-api';

const BODY = {
  idempotencyKey: 'r-abc-0123456789',
  accountNo: '3100000002',
  periods: ['2025-03'],
  description: '',
  realName: false,
};
const ANSWER = {
  reportId: 'r1',
  caseNumber: '沪转供-310112-2026-00001',
  merged: false,
  filingDue: null,
};
const noWait = vi.fn(async () => undefined);

beforeEach(() => {
  resetTaro();
  signIn();
  noWait.mockClear();
});
afterEach(() => vi.restoreAllMocks());

describe('submitReport', () => {
  it('retries a lost connection and a server failure with the same body and key', async () => {
    let calls = 0;
    route('POST', '/reports', async () => {
      calls += 1;
      if (calls === 1) throw new Error('net::ERR_CONNECTION_RESET');
      if (calls === 2) return { statusCode: 503, data: { code: 'UNAVAILABLE', message: '忙' } };
      return { statusCode: 200, data: ANSWER };
    });
    await expect(submitReport(BODY, noWait)).resolves.toEqual(ANSWER);
    const sent = request.mock.calls.map(([r]) => r.data);
    expect(sent).toEqual([BODY, BODY, BODY]);
    expect(noWait.mock.calls).toEqual([[RETRY_DELAYS_MS[0]], [RETRY_DELAYS_MS[1]]]);
  });

  it('does not retry a refusal, such as a key reused for other content', async () => {
    route('POST', '/reports', {
      statusCode: 409,
      data: {
        code: 'REPORT.IDEMPOTENCY_KEY_REUSED',
        message: '该幂等键已用于另一份内容不同的举报',
      },
    });
    await expect(submitReport(BODY, noWait)).rejects.toMatchObject({ status: 409 });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('gives up after the last wait, with the network message', async () => {
    route('POST', '/reports', async () => {
      throw new Error('offline');
    });
    await expect(submitReport(BODY, noWait)).rejects.toMatchObject({ code: 'CLIENT.NETWORK' });
    expect(request).toHaveBeenCalledTimes(RETRY_DELAYS_MS.length + 1);
  });
});

describe('newIdempotencyKey', () => {
  it('makes keys the server accepts, different each time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(200);
    for (const key of keys)
      expect(ReportBodySchema.safeParse({ ...BODY, idempotencyKey: key }).success).toBe(true);
  });
});
