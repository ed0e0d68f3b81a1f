import type { DeclarationView } from '@zgd/shared-types';

/** The demo tenant's April 2025, declared at 1.25 元 with a loss item, as the API answers it. */
export const JUDGED: DeclarationView = {
  id: '0b8f5c1e-2f0a-4a43-9d36-7f1b1a0c0001',
  accountNo: '3100000002',
  period: '2025-04',
  status: 'judged',
  statusMessage: '已按该户号当月的电网账单核对',
  entity: { id: '91310112YUYU122BX0', name: '闵行某工业园' },
  energy: [{ tou: 'none', kwh: '3944.000', unitPrice: '1.25000', amount: '4930.00' }],
  items: [
    { item: 'basic_fee', amount: '480.00' },
    { item: 'loss', amount: '50.00' },
  ],
  photos: [{ photoId: `${'c'.repeat(64)}.png`, kind: 'png', bytes: 72 }],
  note: '',
  createdAt: '2026-06-01T02:00:00.000Z',
  judgedAt: '2026-06-01T02:00:00.000Z',
  grid: { G: '7091.82', K: '9400.000', avg: '0.754449' },
  declared: {
    source: 'declared',
    verdict: {
      level: 'red',
      refund: '2484.45',
      reasons: ['应退还 2484.45 元', '加收了不得收取的费用'],
    },
    lines: [
      {
        item: 'energy',
        tou: 'none',
        kwh: '3944.000',
        unitPrice: '1.25000',
        amount: '4930.00',
        allowedPrice: '0.754449',
        allowedAmount: '2975.55',
        difference: '1954.45',
        fed: 'PRICE_ABOVE_GRID',
      },
    ],
    total: '5460.00',
    findings: [],
    refund: null,
  },
  reported: {
    source: 'entity',
    verdict: { level: 'red', refund: '2237.25', reasons: ['应退还 2237.25 元'] },
    lines: [
      {
        item: 'energy',
        tou: 'none',
        kwh: '3944.000',
        unitPrice: '1.20000',
        amount: '4732.80',
        allowedPrice: '0.754449',
        allowedAmount: '2975.55',
        difference: '1757.25',
        fed: 'PRICE_ABOVE_GRID',
      },
    ],
    total: '5212.80',
    findings: [],
    refund: null,
  },
  mismatch: {
    type: 'REPORT_MISMATCH',
    entityId: '91310112YUYU122BX0',
    accountNo: '3100000002',
    period: '2025-04',
    tenantId: '91310109PRMU98K65L',
    amount: '247.20',
    basis: {
      fields: [
        {
          field: 'energy.none.unitPrice',
          label: '单价（不分时）',
          declared: '1.25000',
          reported: '1.20000',
        },
        { field: 'item.loss', label: '线损分摊', declared: '50.00', reported: null },
      ],
    },
  },
  entityAnswers: [{ statement: '按抄表记录收取', at: '2026-06-02T02:00:00.000Z' }],
};

export const WAITING: DeclarationView = {
  ...JUDGED,
  id: '0b8f5c1e-2f0a-4a43-9d36-7f1b1a0c0002',
  accountNo: '3100009999',
  status: 'waiting',
  statusMessage: '户号 3100009999 2025-04 的电网账单尚未收到，收到后将自动核对并更新结果',
  entity: null,
  grid: null,
  declared: null,
  reported: null,
  mismatch: null,
  entityAnswers: [],
};
