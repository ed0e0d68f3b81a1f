import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PremisesView } from '@zgd/shared-types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn } from '../../../../../test/session';
import taro, { request, resetTaro, route } from '../../../../../test/taro-fake';
import BindPage from './index';

const PARK: PremisesView = {
  entityId: '91310112YUYU122BX0',
  entityName: '闵行某工业园',
  premisesAddress: '上海市闵行某工业园园区856号',
  districtCode: '310112',
  accountNo: '3100000002',
  latestPeriod: '2025-06',
};

const input = (placeholder: RegExp) => screen.getByPlaceholderText(placeholder) as HTMLInputElement;
const type = (placeholder: RegExp, value: string) =>
  fireEvent.change(input(placeholder), { target: { value } });

beforeEach(() => {
  resetTaro();
  signIn();
});
afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
});

function fillForm() {
  type(/^18 位/, '91310104jm5dlcrp3k');
  type(/营业执照/, '租户2号商行');
  type(/统一社会信用代码或电网户号/, '91310112YUYU122BX0');
  fireEvent.click(screen.getByText('查找'));
}

describe('bind page', () => {
  it('checks the firm code as typed, check digit included', () => {
    render(<BindPage />);
    type(/^18 位/, '91310104JM5D');
    expect(screen.getByText('还差 6 位')).toBeTruthy();
    type(/^18 位/, '91310104JM5DLCRP3L');
    expect(screen.getByText('统一社会信用代码校验位错误')).toBeTruthy();
    type(/^18 位/, '91310104JM5DLCRPIK');
    expect(screen.getByText(/含有不允许的字符/)).toBeTruthy();
    type(/^18 位/, '91310104jm5dlcrp3k');
    expect(input(/^18 位/).value).toBe('91310104JM5DLCRP3K');
    expect(screen.getByText('校验通过')).toBeTruthy();
  });

  it('finds the premises by code, proves the tenancy and opens my bindings', async () => {
    route('GET', `/premises?code=${PARK.entityId}`, [PARK]);
    route('POST', '/me/bindings', { statusCode: 201, data: { id: 7 } });
    render(<BindPage />);
    fillForm();
    expect(await screen.findByText('已选择')).toBeTruthy();
    expect(screen.getByText(/请按收费主体给您的2025年6月电费单填写/)).toBeTruthy();
    const submit = screen.getByText('确认绑定') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    type(/电表上的编号/, 'M-0202');
    type(/如 3028/, '3028.5x');
    expect(screen.getByText('用电量应为数字，最多 3 位小数')).toBeTruthy();
    type(/如 3028/, '3028');
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    await waitFor(() =>
      expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/binding/pages/list/index' }),
    );
    const post = request.mock.calls.map(([r]) => r).find((r) => r.method === 'POST');
    expect(post?.data).toEqual({
      tenantId: '91310104JM5DLCRP3K',
      tenantName: '租户2号商行',
      entityId: PARK.entityId,
      accountNo: '3100000002',
      subMeterNo: 'M-0202',
      latestKwh: '3028',
    });
  });

  it('shows the server refusal of a wrong kWh and stays on the page', async () => {
    route('GET', `/premises?code=${PARK.entityId}`, [PARK]);
    const refusal =
      '用电量与收费主体上报的2025年6月用电量不符，或该企业不在此户号下。请核对电费单后重试，今天还可尝试 4 次';
    route('POST', '/me/bindings', {
      statusCode: 400,
      data: { code: 'BINDING.INVALID_PROOF', message: refusal },
    });
    render(<BindPage />);
    fillForm();
    await screen.findByText('已选择');
    type(/电表上的编号/, 'M-0202');
    type(/如 3028/, '3027');
    fireEvent.click(screen.getByText('确认绑定'));
    expect(await screen.findByText(refusal)).toBeTruthy();
    expect(taro.redirectTo).not.toHaveBeenCalled();
  });

  it('searches by name and lets the user pick one of several premises', async () => {
    const other = { ...PARK, accountNo: '3100000009', latestPeriod: null };
    route('GET', `/premises?name=${encodeURIComponent('工业园')}`, [PARK, other]);
    render(<BindPage />);
    type(/房东、物业或园区名称/, '工业园');
    fireEvent.click(screen.getByText('搜索'));
    const option = await screen.findByText(/户号 3100000009/);
    expect(screen.queryByText('已选择')).toBeNull();
    fireEvent.click(option);
    expect(screen.getByText('已选择')).toBeTruthy();
  });

  it('scans the charging entity’s code in WeChat', async () => {
    vi.stubEnv('TARO_ENV', 'weapp');
    taro.scanCode.mockResolvedValueOnce({ result: '3100000002', errMsg: 'scanCode:ok' });
    route('GET', '/premises?code=3100000002', [PARK]);
    render(<BindPage />);
    expect(screen.queryByPlaceholderText(/统一社会信用代码或电网户号/)).toBeNull();
    fireEvent.click(screen.getByText('扫描收费主体的二维码'));
    expect(await screen.findByText('已选择')).toBeTruthy();
    expect(taro.scanCode).toHaveBeenCalledTimes(1);
  });
});
