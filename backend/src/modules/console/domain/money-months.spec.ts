import { describe, expect, it } from 'vitest';
import { findingsByPeriod, moneyByMonth, shanghaiMonth, topEntities } from './money-months';

describe('shanghaiMonth', () => {
  it.each([
    ['2026-01-31T15:59:59Z', '2026-01'],
    ['2026-01-31T16:00:00Z', '2026-02'], // midnight in Shanghai
    ['2025-12-31T16:00:00Z', '2026-01'],
  ])('%s is in %s', (at, month) => {
    expect(shanghaiMonth(new Date(at))).toBe(month);
  });
});

describe('moneyByMonth', () => {
  const at = (iso: string) => new Date(iso);
  it('adds found by supply month, refunds and fines by the month they were recorded', () => {
    expect(
      moneyByMonth(
        [
          { period: '2025-03', fen: 167403n },
          { period: '2025-03', fen: 1n },
          { period: '2025-04', fen: 0n },
        ],
        [
          {
            action: 'record_correction',
            at: at('2026-02-13T08:00:00Z'),
            details: { refunded: '100.00' },
          },
          {
            action: 'record_refund',
            at: at('2026-02-20T08:00:00Z'),
            details: { amount: '4249.83' },
          },
          {
            action: 'record_decision',
            at: at('2026-01-31T16:30:00Z'),
            details: { fine: '3000.00' },
          },
          { action: 'assign', at: at('2026-02-01T00:00:00Z'), details: { amount: '99.99' } },
        ],
      ),
    ).toEqual([
      { month: '2025-03', found: '1674.04', refunded: '0.00', fined: '0.00' },
      { month: '2026-02', found: '0.00', refunded: '4349.83', fined: '3000.00' },
    ]);
  });

  it('keeps amounts exact far beyond a float', () => {
    const rows = moneyByMonth(
      [],
      Array.from({ length: 10 }, () => ({
        action: 'record_refund',
        at: at('2026-03-01T00:00:00Z'),
        details: { amount: '90071992547409.91' },
      })),
    );
    expect(rows).toEqual([
      { month: '2026-03', found: '0.00', refunded: '900719925474099.10', fined: '0.00' },
    ]);
  });

  it('keeps only the months in range, both ends included', () => {
    const found = ['2025-12', '2026-01', '2026-02', '2026-03'].map((period) => ({
      period,
      fen: 1n,
    }));
    expect(moneyByMonth(found, [], { from: '2026-01', to: '2026-02' }).map((r) => r.month)).toEqual(
      ['2026-01', '2026-02'],
    );
    expect(moneyByMonth(found, [], { from: '2026-03' }).map((r) => r.month)).toEqual(['2026-03']);
  });
});

describe('topEntities', () => {
  const m = (entityId: string, findings: number, fen: bigint, period = '2025-01') => ({
    entityId,
    period,
    findings,
    fen,
  });
  it('ranks by findings, then amount, then id; entities without findings are left out', () => {
    const top = topEntities(
      [
        m('B', 2, 500n),
        m('A', 2, 500n),
        m('C', 1, 9999n),
        m('D', 3, 1n, '2025-01'),
        m('D', 0, 1n, '2025-02'),
        m('E', 0, 0n),
        m('F', 2, 600n),
      ],
      10,
    );
    expect(top.map((e) => [e.entityId, e.findings, e.fen])).toEqual([
      ['D', 3, 2n],
      ['F', 2, 600n],
      ['A', 2, 500n],
      ['B', 2, 500n],
      ['C', 1, 9999n],
    ]);
    expect(topEntities([m('A', 1, 1n), m('B', 2, 1n)], 1).map((e) => e.entityId)).toEqual(['B']);
  });
});

describe('findingsByPeriod', () => {
  it('sums an entity’s accounts per supply month, in month order', () => {
    expect(
      findingsByPeriod([
        { entityId: 'X', period: '2025-04', findings: 2, fen: 150n },
        { entityId: 'X', period: '2025-03', findings: 1, fen: 5n },
        { entityId: 'X', period: '2025-04', findings: 0, fen: 0n },
      ]),
    ).toEqual([
      { period: '2025-03', findings: 1, overcharge: '0.05' },
      { period: '2025-04', findings: 2, overcharge: '1.50' },
    ]);
  });
});
