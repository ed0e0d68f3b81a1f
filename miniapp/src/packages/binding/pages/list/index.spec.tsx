import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { BindingView } from '@zgd/shared-types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../../../test/session';
import taro, { request, resetTaro, route } from '../../../../../test/taro-fake';
import BindingsPage from './index';

const BOUND: BindingView = {
  id: 3,
  tenantId: '91310109PRMU98K65L',
  tenantName: '租户1号商行',
  entityId: '91310112YUYU122BX0',
  entityName: '闵行某工业园',
  premisesAddress: '上海市闵行某工业园园区856号',
  accountNo: '3100000002',
  subMeterNo: 'M-0201',
  provenPeriod: '2025-06',
  boundAt: '2026-11-30T04:00:00.000Z',
};

beforeEach(() => {
  resetTaro();
  signIn();
});
afterEach(cleanup);

describe('my bindings page', () => {
  it('lists the bound firms with their premises and proof', async () => {
    route('GET', '/me/bindings', [BOUND]);
    render(<BindingsPage />);
    expect(await screen.findByText('租户1号商行')).toBeTruthy();
    expect(screen.getByText('闵行某工业园 · 户号 3100000002 · 分表 M-0201')).toBeTruthy();
    expect(screen.getByText('2025年6月用电量验证 · 2026-11-30 绑定')).toBeTruthy();
  });

  it('unbinds after the user confirms, and lists again', async () => {
    route('GET', '/me/bindings', [BOUND]);
    route('DELETE', '/me/bindings/3', { statusCode: 204, data: '' });
    render(<BindingsPage />);
    route('GET', '/me/bindings', []);
    fireEvent.click(await screen.findByText('解绑'));
    expect(await screen.findByText(/还没有绑定企业/)).toBeTruthy();
    expect(taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('已提交的举报不受影响') }),
    );
    expect(request.mock.calls.some(([r]) => r.method === 'DELETE')).toBe(true);
  });

  it('keeps the binding when the user cancels', async () => {
    route('GET', '/me/bindings', [BOUND]);
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<BindingsPage />);
    fireEvent.click(await screen.findByText('解绑'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalled());
    expect(request.mock.calls.some(([r]) => r.method === 'DELETE')).toBe(false);
  });

  it('opens the bind page', async () => {
    route('GET', '/me/bindings', []);
    render(<BindingsPage />);
    fireEvent.click(await screen.findByText('绑定新企业'));
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/binding/pages/bind/index' });
  });
});
