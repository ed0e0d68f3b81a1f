import type { AuditEntryView } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callsTo, stubRoutes } from '../../test/fetch-routes';
import { renderApp } from '../../test/render-app';

const entry = (seq: number, action: string): AuditEntryView => ({
  seq,
  at: '2026-02-13T08:00:00.000Z',
  actorUserId: 7,
  actorName: '闵行区局负责人',
  actorRole: 'district_lead',
  action,
  subjectType: 'case',
  subjectId: 'c-1',
  details: { fine: '3000.00' },
});

describe('审计日志', () => {
  it('shows entries newest first, loads older ones, and says the chain verifies', async () => {
    stubRoutes({
      'GET /api/audit-logs/verification': {
        ok: true,
        count: 3,
        problemCount: 0,
        firstProblem: null,
        checkedAt: '2026-06-01T02:00:00.000Z',
      },
      'GET /api/audit-logs?limit=50': {
        items: [entry(3, 'case.record_decision'), entry(2, 'case.open_case')],
        nextBefore: 2,
      },
      'GET /api/audit-logs?before=2&limit=50': {
        items: [entry(1, 'case.register')],
        nextBefore: null,
      },
    });
    renderApp('/admin/audit-logs');
    expect(await screen.findByText('审计日志链校验通过')).toBeTruthy();
    expect(screen.getByText(/共 3 条记录，哈希链完整/)).toBeTruthy();
    const table = await screen.findByRole('table', { name: '审计日志' });
    await within(table).findByText('case.record_decision');
    expect(within(table).getAllByText('闵行区局负责人')).toHaveLength(2);
    expect(within(table).getAllByText('区局负责人')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    expect(await within(table).findByText('case.register')).toBeTruthy();
  });

  it('names the first broken entry, and filters by action', async () => {
    const fetchMock = stubRoutes({
      'GET /api/audit-logs/verification': {
        ok: false,
        count: 9,
        problemCount: 2,
        firstProblem: { seq: 3, kind: 'altered', message: '第 3 条记录的内容与其哈希不符' },
        checkedAt: '2026-06-01T02:00:00.000Z',
      },
      'GET /api/audit-logs?limit=50': { items: [entry(9, 'case.close')], nextBefore: null },
      'GET /api/audit-logs?action=case.close&limit=50': {
        items: [entry(9, 'case.close')],
        nextBefore: null,
      },
    });
    renderApp('/admin/audit-logs');
    expect(await screen.findByText('审计日志链校验未通过')).toBeTruthy();
    expect(screen.getByText(/发现 2 处问题/)).toBeTruthy();
    expect(screen.getByText(/内容被篡改——第 3 条记录的内容与其哈希不符/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('操作'), { target: { value: 'case.close' } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() =>
      expect(callsTo(fetchMock, 'GET /api/audit-logs?action=case.close&limit=50')).toHaveLength(1),
    );
  });

  it('is not in the menu of district staff, nor open to them by address', async () => {
    stubRoutes({});
    renderApp('/admin/audit-logs', { as: 'district_officer' });
    expect(await screen.findByText('无权访问')).toBeTruthy();
  });
});
