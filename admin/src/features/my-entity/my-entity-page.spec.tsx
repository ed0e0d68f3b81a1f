import type { EntityCaseView, EntityPortalView } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callsTo, inTurn, stubRoutes } from '../../test/fetch-routes';
import { renderApp } from '../../test/render-app';

const overview: EntityPortalView = {
  id: '91310112YUYU122BX0',
  name: '闵行某工业园',
  districtCode: '310112',
  perTenantFigures: false,
  months: [
    {
      accountNo: '3100000002',
      period: '2025-03',
      averagePrice: '0.793479',
      gridPrices: [
        { tou: 'peak', unitPrice: '0.88844' },
        { tou: 'valley', unitPrice: '0.45903' },
      ],
      verdict: 'red',
      overcharge: '4993.20',
    },
  ],
  findings: [
    {
      accountNo: '3100000002',
      period: '2025-03',
      type: 'OVER_COLLECTION',
      tenantId: null,
      amount: '1674.03',
    },
    {
      accountNo: '3100000002',
      period: '2025-03',
      type: 'PROHIBITED_FEE',
      tenantId: null,
      amount: null,
    },
  ],
};

const openCase: EntityCaseView = {
  id: 'c-1',
  number: '沪转供-310112-2026-00001',
  state: 'verifying',
  stateLabel: '核查中',
  periods: ['2025-03'],
  receivedAt: '2026-02-13T08:00:00.000Z',
  correctionWindowEndsAt: '2099-03-12T15:59:59.000Z',
  corrections: [],
  decision: null,
  refundsOutstanding: null,
  filingDecision: null,
  caseDecision: null,
  calendarGap: null,
  timeline: [
    {
      seq: 1,
      action: 'register',
      fromState: null,
      toState: 'registered',
      actorRole: 'system',
      at: '2026-02-13T08:00:00.000Z',
      details: {},
    },
  ],
};

const cells = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

const proof = {
  id: 'abc',
  caseId: 'c-1',
  sha256: 'ab'.repeat(32),
  kind: 'pdf',
  bytes: 2048,
  at: '2026-02-14T02:00:00.000Z',
};

describe('本单位核查结果', () => {
  it('shows the allowed prices and findings, without per-tenant figures for few tenants', async () => {
    stubRoutes({ 'GET /api/entity/overview': overview, 'GET /api/entity/cases': [] });
    renderApp('/admin/my-entity', { as: 'entity_user' });
    const months = await screen.findByRole('table', { name: '允许价格与核查结论' });
    expect(cells(months)).toEqual([
      ['2025-03', '3100000002', '0.793479', '高峰 0.88844低谷 0.45903', '多收电费', '4,993.20'],
    ]);
    expect(screen.getByText(/本单位租户少于 5 户/)).toBeTruthy();
    const findings = cells(screen.getByRole('table', { name: '核查发现的问题' }));
    expect(findings.map((r) => [r[3], r[4]])).toEqual([
      ['—', '1,674.03'],
      ['—', '—'],
    ]);
  });

  it('records a correction through the case action, then hands in refund proof', async () => {
    const fetchMock = stubRoutes({
      'GET /api/entity/overview': overview,
      'GET /api/entity/cases': [openCase],
      'POST /api/cases/c-1/actions': { id: 'c-1', state: 'verifying', version: 3 },
      'GET /api/refund-proofs/c-1': inTurn([], [proof]),
      'POST /api/entity/refund-proofs/c-1': [proof],
    });
    renderApp('/admin/my-entity', { as: 'entity_user' });
    fireEvent.click(await screen.findByRole('tab', { name: '案件与整改' }));
    fireEvent.click(await screen.findByRole('button', { name: '登记整改退费' }));
    const dialog = await screen.findByRole('dialog');
    const amount = within(dialog).getByLabelText('已主动退还租户的金额（元）');
    fireEvent.change(amount, { target: { value: '12.345' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '登记' }));
    expect(await within(dialog).findByText('金额应为最多两位小数的元，如 1234.50')).toBeTruthy();
    fireEvent.change(amount, { target: { value: '1234.50' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '登记' }));
    await waitFor(() => expect(callsTo(fetchMock, 'POST /api/cases/c-1/actions')).toHaveLength(1));
    const [, init] = callsTo(fetchMock, 'POST /api/cases/c-1/actions')[0]!;
    expect(JSON.parse(String((init as RequestInit).body))).toEqual({
      action: 'record_correction',
      refunded: '1234.50',
    });

    // Proof of the refund, sent as multipart; the list then shows it.
    const input = document.querySelector<HTMLInputElement>('input[type="file"][accept*="pdf"]')!;
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.4'], 'slip.pdf')] } });
    expect(await screen.findByText(/PDF · 2\.0 KB/)).toBeTruthy();
    const [, sent] = callsTo(fetchMock, 'POST /api/entity/refund-proofs/c-1')[0]!;
    expect((sent as RequestInit).body).toBeInstanceOf(FormData);
  });
});
