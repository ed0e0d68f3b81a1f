import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_MONTHS, SHEET_2025_03 } from '../../../../../test/fixtures';
import { signIn } from '../../../../../test/session';
import taro, {
  request,
  resetTaro,
  route,
  setRouterParams,
  storageValue,
} from '../../../../../test/taro-fake';
import type { ReportDraft } from '../../../../services/report-draft';
import { JUDGED } from '../../../declare/testing/views';
import { DRAFT_PHOTOS_CHARS, keepForDraft, PHOTO_KEEP_CHARS } from '../../draft-photos';
import { retryClock } from '../../../../services/reports-api';
import NewReportPage from './index';

const DRAFT_KEY = 'zgd.report-draft.3100000002.2025-03';
const ANSWER = {
  reportId: '5b0a2a4e-3d6a-4bb4-9d7e-1c1b9f0e0a11',
  caseNumber: '沪转供-310112-2026-00001',
  merged: false,
  filingDue: '2026-06-22',
};
/** What the page's blob URLs read as (H5): a reload forgets them all. */
const blobs = new Map<string, Uint8Array>();
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(60).fill(7)]);
const PNG_DATA_URL = `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`;
const fakeFetch = vi.fn(async (url: string) => {
  const bytes = blobs.get(url);
  if (!bytes) throw new TypeError('Failed to fetch');
  return {
    ok: true,
    blob: async () => ({ type: 'image/png', arrayBuffer: async () => bytes.buffer }),
  };
});

const posts = () =>
  request.mock.calls.map(([r]) => r).filter((r) => r.method === 'POST' && r.url === '/api/reports');

function open() {
  setRouterParams({ accountNo: '3100000002', period: '2025-03' });
  return render(<NewReportPage />);
}

beforeEach(() => {
  resetTaro();
  signIn();
  blobs.clear();
  blobs.set('blob:photo-1', PNG);
  vi.stubGlobal('fetch', fakeFetch);
  route('GET', '/me/months/3100000002/2025-03', SHEET_2025_03);
  route('GET', '/me/months', DEMO_MONTHS);
  route('POST', `/reports/${ANSWER.reportId}/attachments`, [
    { sha256: 'x', kind: 'png', bytes: 68, at: '2026-06-01T02:00:00.000Z' },
  ]);
});
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('one-click report page', () => {
  it('is prefilled with the month’s findings and offers the red months of the premises', async () => {
    open();
    expect(await screen.findByText('2025年3月：多收电费，应退还您 ¥2012.58')).toBeTruthy();
    expect(screen.getByText('· 单价高于允许价格 ¥1532.58')).toBeTruthy();
    const chips = [...document.querySelectorAll('.chip')];
    expect(chips.map((c) => [c.textContent, c.classList.contains('chip--on')])).toEqual([
      ['2025年6月', false],
      ['2025年5月', false],
      ['2025年4月', false],
      ['2025年3月', true],
    ]);
    expect(screen.getByText(/不会告知您处理结果/)).toBeTruthy();
  });

  it('files the report with a photo and shows its number and due date; the draft is gone', async () => {
    route('POST', '/reports', { statusCode: 201, data: ANSWER });
    open();
    fireEvent.click(await screen.findByText('拍照或选图'));
    await waitFor(() => expect(document.querySelectorAll('.photos__image')).toHaveLength(1));
    fireEvent.click(screen.getByText('2025年4月'));
    fireEvent.change(screen.getByPlaceholderText(/房东按每度/), {
      target: { value: '每度 1.2 元' },
    });
    fireEvent.click(screen.getByText('○ 匿名举报'));
    fireEvent.click(screen.getByText('提交举报'));

    expect(await screen.findByText(ANSWER.caseNumber)).toBeTruthy();
    expect(screen.getByText(/应在 2026-06-22 前决定是否立案/)).toBeTruthy();
    expect(screen.getByText(/匿名举报不会收到处理结果的告知/)).toBeTruthy();
    const [post] = posts();
    expect(post.data).toEqual({
      idempotencyKey: expect.stringMatching(/^r-[a-z0-9]+-[a-z0-9]{20}$/),
      accountNo: '3100000002',
      periods: ['2025-03', '2025-04'],
      description: '每度 1.2 元',
      realName: false,
    });
    expect(taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/api/reports/${ANSWER.reportId}/attachments`,
        // The photo as the draft keeps it on H5: its bytes, as data.
        filePath: PNG_DATA_URL,
        name: 'file',
        header: { Authorization: 'Bearer test-token' },
      }),
    );
    expect(storageValue(DRAFT_KEY)).toBeUndefined();
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('starts from a judged declaration of a month the entity never reported, and files it', async () => {
    const declared = { ...JUDGED, period: '2025-07', reported: null, mismatch: null };
    route('GET', `/me/declarations/${declared.id}`, declared);
    route('POST', '/reports', { statusCode: 201, data: ANSWER });
    setRouterParams({ accountNo: '3100000002', period: '2025-07', declaration: declared.id });
    render(<NewReportPage />);
    expect(
      await screen.findByText('2025年7月（按您的申报）：多收电费，应退还您 ¥2484.45'),
    ).toBeTruthy();
    expect(screen.getByText('收费主体：闵行某工业园（户号 3100000002）')).toBeTruthy();
    expect(screen.getByText(/收费主体未上报该月份。/)).toBeTruthy();
    expect(screen.getByText(/和 1 张照片/)).toBeTruthy();
    // No sheet is asked for: the entity has none for this month.
    expect(request.mock.calls.some(([r]) => r.url === '/api/me/months/3100000002/2025-07')).toBe(
      false,
    );
    const chips = [...document.querySelectorAll('.chip')];
    expect(chips.map((c) => [c.textContent, c.className])).toEqual([
      ['2025年7月', 'chip chip--red chip--on'],
      ['2025年6月', expect.stringContaining('chip--')],
      ['2025年5月', expect.stringContaining('chip--')],
      ['2025年4月', expect.stringContaining('chip--')],
      ['2025年3月', expect.stringContaining('chip--')],
    ]);
    fireEvent.click(screen.getByText('提交举报'));
    expect(await screen.findByText(ANSWER.caseNumber)).toBeTruthy();
    expect(posts()[0].data).toMatchObject({ accountNo: '3100000002', periods: ['2025-07'] });
  });

  it('shows the declaration beside the sheet of a month the entity also reported', async () => {
    route('GET', `/me/declarations/${JUDGED.id}`, { ...JUDGED, period: '2025-03' });
    setRouterParams({ accountNo: '3100000002', period: '2025-03', declaration: JUDGED.id });
    render(<NewReportPage />);
    expect(await screen.findByText('2025年3月：多收电费，应退还您 ¥2012.58')).toBeTruthy();
    expect(screen.getByText('您的申报')).toBeTruthy();
    expect(screen.getByText('· 与收费主体上报的数据不一致')).toBeTruthy();
  });

  it('keeps the draft when the app is closed: text, choices, photos and the same key', async () => {
    const first = open();
    fireEvent.click(await screen.findByText('拍照或选图'));
    await waitFor(() => expect(document.querySelectorAll('.photos__image')).toHaveLength(1));
    fireEvent.change(screen.getByPlaceholderText(/房东按每度/), { target: { value: '多收了' } });
    fireEvent.change(screen.getByPlaceholderText('您的姓名'), { target: { value: '张三' } });
    await waitFor(() =>
      expect((storageValue(DRAFT_KEY) as ReportDraft).photos).toEqual([PNG_DATA_URL]),
    );
    const stored = storageValue(DRAFT_KEY) as ReportDraft;
    first.unmount();
    blobs.clear(); // the page reloads: its blob URLs are gone

    open();
    await screen.findByText('2025年3月：多收电费，应退还您 ¥2012.58');
    expect((screen.getByPlaceholderText(/房东按每度/) as HTMLTextAreaElement).value).toBe('多收了');
    expect((screen.getByPlaceholderText('您的姓名') as HTMLInputElement).value).toBe('张三');
    const images = document.querySelectorAll('.photos__image');
    expect([...images].map((i) => i.getAttribute('src'))).toEqual([PNG_DATA_URL]);
    expect((storageValue(DRAFT_KEY) as ReportDraft).idempotencyKey).toBe(stored.idempotencyKey);
    expect(screen.queryByText(/未能/)).toBeNull();
  });

  it('keeps a photo too large for the draft only until a reload, and says so', async () => {
    // Over the cap as data; jsdom cannot draw it smaller, as a browser without canvas could not.
    blobs.set('blob:photo-1', new Uint8Array(PHOTO_KEEP_CHARS));
    const first = open();
    fireEvent.click(await screen.findByText('拍照或选图'));
    expect(await screen.findByText(/有 1 张照片过大，未能保存到草稿/)).toBeTruthy();
    expect((storageValue(DRAFT_KEY) as ReportDraft).photos).toEqual(['blob:photo-1']);
    first.unmount();
    blobs.clear();

    open();
    expect(await screen.findByText(/有 1 张照片未能随草稿保存/)).toBeTruthy();
    expect(document.querySelectorAll('.photos__image')).toHaveLength(0);
    expect((storageValue(DRAFT_KEY) as ReportDraft).photos).toEqual([]);
  });

  it('keeps photos as data within the draft’s total budget', async () => {
    const big = new Uint8Array(Math.floor((PHOTO_KEEP_CHARS * 3) / 4) - 100);
    const paths = ['blob:a', 'blob:b', 'blob:c', 'blob:d'];
    for (const p of paths) blobs.set(p, big);
    const kept = await keepForDraft(paths, []);
    // Three fit the 3 M-character budget; the fourth stays a blob URL.
    expect(kept.map((p) => p.slice(0, 5))).toEqual(['data:', 'data:', 'data:', 'blob:']);
    expect(kept.slice(0, 3).reduce((n, p) => n + p.length, 0)).toBeLessThanOrEqual(
      DRAFT_PHOTOS_CHARS,
    );
  });

  it('on a flaky network retries with the same key and files once; after a restart too', async () => {
    const waits: number[] = [];
    vi.spyOn(retryClock, 'wait').mockImplementation(async (ms) => void waits.push(ms));
    route('POST', '/reports', async () => {
      throw new Error('offline');
    });
    const first = open();
    fireEvent.click(await screen.findByText('提交举报'));
    expect(await screen.findByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
    expect(posts()).toHaveLength(4);
    expect(waits).toEqual([1000, 2000, 4000]);
    const key = (storageValue(DRAFT_KEY) as ReportDraft).idempotencyKey;
    expect(
      new Set(posts().map((p) => (p.data as { idempotencyKey: string }).idempotencyKey)),
    ).toEqual(new Set([key]));
    first.unmount();

    // Reopened later: the content is locked and sent again under the same key.
    route('POST', '/reports', { statusCode: 200, data: ANSWER });
    open();
    expect(await screen.findByText(/上次提交没有完成/)).toBeTruthy();
    fireEvent.click(screen.getByText('重新提交'));
    expect(await screen.findByText(ANSWER.caseNumber)).toBeTruthy();
    expect(posts()).toHaveLength(5);
    expect((posts()[4].data as { idempotencyKey: string }).idempotencyKey).toBe(key);
  });

  it('asks for subscribe-message consent before filing in WeChat', async () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    vi.stubEnv('TARO_APP_SUBSCRIBE_TEMPLATE_ID', 'tmpl-case-status');
    route('POST', '/reports', { statusCode: 201, data: ANSWER });
    open();
    // A photo from the camera is kept as a saved file (temp files may go when the app closes).
    fireEvent.click(await screen.findByText('拍照或选图'));
    await waitFor(() =>
      expect((storageValue(DRAFT_KEY) as ReportDraft).photos).toEqual(['wxfile://store/photo-1']),
    );
    fireEvent.click(await screen.findByText('提交举报'));
    await screen.findByText(ANSWER.caseNumber);
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith({
      tmplIds: ['tmpl-case-status'],
      entityIds: [],
    });
    const consentAt = taro.requestSubscribeMessage.mock.invocationCallOrder[0];
    const postAt =
      request.mock.invocationCallOrder[
        request.mock.calls.findIndex(([r]) => r.url === '/api/reports')
      ];
    expect(consentAt).toBeLessThan(postAt);
    await waitFor(() =>
      expect(taro.removeSavedFile).toHaveBeenCalledWith({ filePath: 'wxfile://store/photo-1' }),
    );
  });

  it('keeps the report and offers to retry a photo that did not upload', async () => {
    route('POST', '/reports', { statusCode: 201, data: ANSWER });
    route('POST', `/reports/${ANSWER.reportId}/attachments`, {
      statusCode: 415,
      data: {
        code: 'REPORT_ATTACHMENT.UNSUPPORTED_TYPE',
        message: '第 1 个文件不是 JPEG、PNG、WebP 图片或 PDF',
      },
    });
    open();
    fireEvent.click(await screen.findByText('拍照或选图'));
    await waitFor(() => expect(document.querySelectorAll('.photos__image')).toHaveLength(1));
    fireEvent.click(screen.getByText('提交举报'));
    expect(await screen.findByText('还有 1 张照片未上传成功')).toBeTruthy();
    expect(screen.getByText(/不是 JPEG、PNG、WebP 图片或 PDF/)).toBeTruthy();
    expect((storageValue(DRAFT_KEY) as ReportDraft).answer).toEqual(ANSWER);
  });
});
