import type { PublicSpotCheckView } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { currentSession } from '../../api/session';
import { callsTo, stubRoutes } from '../../test/fetch-routes';
import { renderApp } from '../../test/render-app';

const lists: PublicSpotCheckView[] = [
  {
    id: '0f6b3a57-3a43-4a38-9a0c-1f0a3a7e7a11',
    districtCode: '310112',
    plannedDate: '2026-06-15',
    publishedAt: '2026-06-01T02:00:00.000Z',
    seed: 20260601,
    algorithm: 'mulberry32/bernoulli-by-class/v1',
    items: [
      {
        entityId: '91310112YUYU122BX0',
        entityName: '闵行某工业园',
        inspectors: ['张检查', '李检查'],
        outcome: 'violation',
      },
      {
        entityId: '91310112MA1FL0Q25X',
        entityName: null,
        inspectors: ['王检查', '赵检查'],
        outcome: null,
      },
    ],
  },
];

describe('双随机一公开 (public spot-check lists)', () => {
  it('shows anyone, signed out, each list: entity, inspectors, date and result', async () => {
    stubRoutes({ 'GET /api/public/spot-checks': lists });
    renderApp('/admin/public/spot-checks', { as: null });
    expect(currentSession()).toBeNull();
    const table = await screen.findByRole('table', { name: '闵行区 2026-06-15 抽查名单' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      [
        '闵行某工业园统一社会信用代码 91310112YUYU122BX0',
        '张检查、李检查',
        '2026-06-15',
        '发现违法行为',
      ],
      ['统一社会信用代码 91310112MA1FL0Q25X', '王检查、赵检查', '2026-06-15', '待检查'],
    ]);
    expect(
      screen.getByText('随机种子 20260601 · 算法 mulberry32/bernoulli-by-class/v1'),
    ).toBeTruthy();
    // Never a credit class, and no way into the console's pages.
    expect(document.body.textContent).not.toMatch(/信用分类|风险|[ABCD] 类/);
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();
  });

  it('narrows the lists to one district', async () => {
    const fetchMock = stubRoutes({
      'GET /api/public/spot-checks': lists,
      'GET /api/public/spot-checks?district=310104': [],
    });
    renderApp('/admin/public/spot-checks', { as: null });
    await screen.findByRole('table', { name: '闵行区 2026-06-15 抽查名单' });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '区' }));
    fireEvent.click(await screen.findByTitle('徐汇区'));
    await waitFor(() =>
      expect(callsTo(fetchMock, 'GET /api/public/spot-checks?district=310104')).toHaveLength(1),
    );
    expect(await screen.findByText('暂无公示的抽查名单')).toBeTruthy();
  });
});
