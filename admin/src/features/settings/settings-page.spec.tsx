import type { SettingView } from '@zgd/shared-types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callsTo, inTurn, stubRoutes } from '../../test/fetch-routes';
import { jsonResponse, renderApp } from '../../test/render-app';

const red: SettingView = {
  key: 'warning.red_refund_fen',
  kind: 'money',
  group: '预警模型',
  label: '红色预警退款金额',
  description: '收费主体某月全部租户应退合计达到该金额时，该月预警为红色并在所属区生成线索。',
  value: '500.00',
  defaultValue: '500.00',
  valid: true,
  updatedAt: null,
};
const ratioC: SettingView = {
  key: 'draw.ratio.C',
  kind: 'ratio',
  group: '双随机抽查',
  label: 'C 类抽查比例',
  description: 'C 类（较高风险）收费主体每次抽查被抽中的比例。',
  value: '60%',
  defaultValue: '60',
  valid: false,
  updatedAt: '2026-06-01T02:00:00.000Z',
};
const PUT_RED = 'PUT /api/settings/warning.red_refund_fen';
const bodyOf = (call: unknown[]) => JSON.parse(String((call[1] as RequestInit).body));

describe('系统设置 (settings page)', () => {
  it('lists each setting with its description, value, unit and default', async () => {
    stubRoutes({ 'GET /api/settings': [red, ratioC] });
    renderApp('/admin/settings');
    const table = await screen.findByRole('table', { name: '系统设置' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) =>
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(first)).toEqual([
      '预警模型',
      '红色预警退款金额warning.red_refund_fen',
      red.description,
      '500.00 元默认修改',
      '500.00 元',
    ]);
    // A value changed by hand that the server cannot read is shown raw, and marked.
    expect(cells(second).slice(3)).toEqual(['60%无法识别，请更正修改', '60 %']);
  });

  it('changes a value and shows the stored one', async () => {
    const fetchMock = stubRoutes({
      'GET /api/settings': inTurn([red], [{ ...red, value: '600.00', updatedAt: 'x' }]),
      [PUT_RED]: { ...red, value: '600.00', updatedAt: '2026-06-01T02:00:00.000Z' },
    });
    renderApp('/admin/settings');
    fireEvent.click(await screen.findByRole('button', { name: '修改 红色预警退款金额' }));
    const input = screen.getByLabelText('红色预警退款金额 新值');
    expect((input as HTMLInputElement).value).toBe('500.00');
    fireEvent.change(input, { target: { value: '600' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(callsTo(fetchMock, PUT_RED)).toHaveLength(1));
    expect(bodyOf(callsTo(fetchMock, PUT_RED)[0])).toEqual({ value: '600' });
    expect(await screen.findByText('已将“红色预警退款金额”设为 600.00 元')).toBeTruthy();
    expect(await screen.findByText('600.00 元')).toBeTruthy();
    expect(screen.queryByLabelText('红色预警退款金额 新值')).toBeNull();
  });

  it("keeps the edit open with the server's reason when a value is refused", async () => {
    const reason =
      '设置 warning.red_refund_fen（红色预警退款金额）应为金额（元），最多两位小数，如 500.00；收到“12.345”';
    stubRoutes({
      'GET /api/settings': [red],
      [PUT_RED]: () =>
        jsonResponse(
          {
            code: 'SETTING.INVALID_VALUE',
            message: reason,
            details: [{ code: 'SETTING.INVALID_VALUE', message: reason, path: 'body.value' }],
          },
          400,
        ),
    });
    renderApp('/admin/settings');
    fireEvent.click(await screen.findByRole('button', { name: '修改 红色预警退款金额' }));
    fireEvent.change(screen.getByLabelText('红色预警退款金额 新值'), {
      target: { value: '12.345' },
    });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(screen.getByLabelText('红色预警退款金额 新值')).toBeTruthy();
  });

  it.each(['district_lead', 'district_officer', 'entity_user'] as const)(
    'keeps %s out of the page and its menu',
    async (role) => {
      stubRoutes({});
      renderApp('/admin/settings', { as: role });
      expect(await screen.findByText('无权访问')).toBeTruthy();
      expect(screen.queryByRole('menuitem', { name: /系统设置/ })).toBeNull();
    },
  );
});
