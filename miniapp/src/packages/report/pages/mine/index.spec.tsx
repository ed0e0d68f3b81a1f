import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BindingView, TenantReportWithRating } from '@zgd/shared-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../../../test/session';
import taro, { request, resetTaro, route } from '../../../../../test/taro-fake';
import MyReportsPage from './index';

const FIRM = '91310109PRMU98K65L';
const BINDING = { id: 1, tenantId: FIRM, accountNo: '3100000002' } as BindingView;

// Cast: the view may carry more fields (a real-name reporter's masked contact) than used here.
const REPORT = {
  reportId: '5b0a2a4e-3d6a-4bb4-9d7e-1c1b9f0e0a11',
  createdAt: '2026-06-01T02:00:00.000Z',
  accountNo: '3100000002',
  periods: ['2025-03', '2025-04'],
  realName: true,
  caseId: '0b7f7a3e-8a43-4a63-9c2e-4a7c1b2d3e4f',
  caseNumber: '沪转供-310112-2026-00001',
  state: 'refund_supervision',
  stateLabel: '退款监督中',
  filingDecision: {
    kind: 'filing_decision',
    dueDate: '2026-06-22',
    basis: '受理之日起15个工作日',
    daysLeft: 0,
    workingDaysLeft: 0,
    state: 'met',
    completedAt: '2026-06-10',
    late: false,
  },
  reporterNotice: null,
  caseDecision: {
    kind: 'case_decision',
    dueDate: '2026-09-08',
    basis: '立案之日起90日',
    daysLeft: 60,
    workingDaysLeft: 41,
    state: 'ok',
    completedAt: null,
    late: false,
  },
  calendarGap: null,
  refund: { ordered: '4249.83', recorded: '4249.83', status: 'recorded' },
  timeline: [
    {
      seq: 1,
      action: 'register',
      fromState: null,
      toState: 'registered',
      actorRole: 'system',
      at: '2026-06-01T02:00:00.000Z',
      details: {},
    },
    {
      seq: 5,
      action: 'open_case',
      fromState: 'verifying',
      toState: 'investigating',
      actorRole: 'district_lead',
      at: '2026-06-10T02:00:00.000Z',
      details: {},
    },
    {
      seq: 6,
      action: 'record_decision',
      fromState: 'investigating',
      toState: 'decided',
      actorRole: 'district_lead',
      at: '2026-07-01T02:00:00.000Z',
      details: {},
    },
  ],
  rating: null,
} as TenantReportWithRating;

beforeEach(() => {
  resetTaro();
  signIn();
  route('GET', '/me/bindings', [BINDING]);
});
afterEach(cleanup);

describe('my reports page', () => {
  it('shows the number, the legal due dates, the decision steps and the refund owed', async () => {
    route('GET', '/me/reports', [REPORT]);
    render(<MyReportsPage />);
    expect(await screen.findByText('沪转供-310112-2026-00001')).toBeTruthy();
    expect(screen.getByText('退款监督中')).toBeTruthy();
    expect(screen.getByText('立案决定：2026-06-22 前（已按期完成）')).toBeTruthy();
    expect(screen.getByText('作出处理决定：2026-09-08 前（还剩 41 个工作日）')).toBeTruthy();
    expect(screen.getByText('作出处理决定')).toBeTruthy();
    expect(screen.getByText('责令退还您 ¥4249.83，已登记退款 ¥4249.83')).toBeTruthy();
    expect(screen.getByText('举报月份：2025年3月、2025年4月')).toBeTruthy();
    expect(screen.queryByText('评价处理情况')).toBeNull();
  });

  it('confirms the refund as the firm bound at the report’s premises', async () => {
    route('GET', '/me/reports', [REPORT]);
    route('POST', `/cases/${REPORT.caseId}/actions`, {
      id: REPORT.caseId,
      state: 'refund_supervision',
      version: 9,
    });
    render(<MyReportsPage />);
    fireEvent.click(await screen.findByText('确认已收到退款'));
    await waitFor(() =>
      expect(taro.showToast).toHaveBeenCalledWith({ title: '已确认收到退款', icon: 'none' }),
    );
    const action = request.mock.calls.map(([r]) => r).find((r) => r.method === 'POST');
    expect(action?.data).toEqual({ action: 'confirm_refund', tenantId: FIRM });
  });

  it('rates the handling of a closed case, once', async () => {
    const closed = { ...REPORT, state: 'closed', stateLabel: '已办结', refund: null };
    route('GET', '/me/reports', [closed]);
    route('POST', `/me/reports/${REPORT.reportId}/rating`, {
      stars: 4,
      comment: '',
      at: '2026-08-01T00:00:00.000Z',
    });
    render(<MyReportsPage />);
    const submit = (await screen.findByText('提交评价')) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(document.querySelectorAll('.stars__star')[3]);
    route('GET', '/me/reports', [
      { ...closed, rating: { stars: 4, comment: '', at: '2026-08-01T00:00:00.000Z' } },
    ]);
    fireEvent.click(submit);
    expect(await screen.findByText('您的评价：★★★★')).toBeTruthy();
    const rating = request.mock.calls.map(([r]) => r).find((r) => r.method === 'POST');
    expect(rating?.data).toEqual({ stars: 4, comment: '' });
  });

  it('shows ten reports at a time', async () => {
    const many = Array.from({ length: 23 }, (_, i) => ({
      ...REPORT,
      reportId: `r-${i}`,
      caseNumber: `沪转供-310112-2026-${String(i + 1).padStart(5, '0')}`,
    }));
    route('GET', '/me/reports', many);
    const { container } = render(<MyReportsPage />);
    await screen.findByText('沪转供-310112-2026-00001');
    expect(container.querySelectorAll('.case-card')).toHaveLength(10);
    fireEvent.click(screen.getByText('查看更多（还有 13 件）'));
    fireEvent.click(screen.getByText('查看更多（还有 3 件）'));
    expect(container.querySelectorAll('.case-card')).toHaveLength(23);
  });

  it('says so when there are no reports', async () => {
    route('GET', '/me/reports', []);
    render(<MyReportsPage />);
    expect(await screen.findByText(/还没有举报/)).toBeTruthy();
  });
});
