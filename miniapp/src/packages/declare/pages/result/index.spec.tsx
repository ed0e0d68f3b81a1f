import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../../../test/session';
import taro, { resetTaro, route, setRouterParams } from '../../../../../test/taro-fake';
import { JUDGED, WAITING } from '../../testing/views';
import DeclarationResultPage from './index';

function show(view: typeof JUDGED) {
  signIn();
  setRouterParams({ id: view.id });
  route('GET', `/me/declarations/${view.id}`, view);
  return render(<DeclarationResultPage />);
}

beforeEach(resetTaro);
afterEach(cleanup);

describe('declaration result page', () => {
  it('shows the declared and the reported verdicts side by side', async () => {
    const { container } = show(JUDGED);
    await screen.findByText('按您的申报');
    const [declared, reported] = [...container.querySelectorAll('.source')] as HTMLElement[];
    expect(declared.className).toBe('source source--red');
    expect(within(declared).getByText('应退 ¥2484.45')).toBeTruthy();
    expect(within(declared).getByText('合计 ¥5460.00')).toBeTruthy();
    expect(within(declared).getByText('3944 千瓦时 × 1.25 = ¥4930.00')).toBeTruthy();
    expect(within(reported).getByText('按收费主体上报')).toBeTruthy();
    expect(within(reported).getByText('应退 ¥2237.25')).toBeTruthy();
    expect(within(reported).getByText('3944 千瓦时 × 1.2 = ¥4732.80')).toBeTruthy();
  });

  it('lists each differing field with both values, and the entity’s answer', async () => {
    const { container } = show(JUDGED);
    await screen.findByText('与收费主体上报不一致');
    const rows = [...container.querySelectorAll('.mismatch__row')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['项目', '您申报', '主体上报'],
      ['单价（不分时）', '1.25000', '1.20000'],
      ['线损分摊', '50.00', '未列'],
    ]);
    expect(screen.getByText('2026-06-02：按抄表记录收取')).toBeTruthy();
  });

  it('offers the one-click report of the month, which carries the declaration', async () => {
    show(JUDGED);
    fireEvent.click(await screen.findByText('一键举报（举报材料附本次申报）›'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/report/pages/new/index?accountNo=3100000002&period=2025-04&declaration=${JUDGED.id}`,
    });
  });

  it('tells the tenant a declaration waits for the grid bill', async () => {
    const { container } = show(WAITING);
    await screen.findByText('等待电网账单');
    expect(screen.getByText(WAITING.statusMessage)).toBeTruthy();
    expect(container.querySelector('.source')).toBeNull();
  });

  it('says when the entity reported nothing for the month', async () => {
    show({ ...JUDGED, reported: null, mismatch: null });
    await screen.findByText('收费主体未上报该月份');
    expect(screen.queryByText('与收费主体上报不一致')).toBeNull();
    // A red month the entity never reported is reported on the declaration alone.
    fireEvent.click(screen.getByText('一键举报（举报材料附本次申报）›'));
    expect(taro.navigateTo).toHaveBeenCalledWith({
      url: expect.stringMatching(/period=2025-04&declaration=/),
    });
  });

  it('offers no report of a month both sources find in order', async () => {
    const green = { level: 'green' as const, refund: '0.00', reasons: [] };
    show({
      ...JUDGED,
      declared: { ...JUDGED.declared!, verdict: green },
      reported: null,
      mismatch: null,
    });
    await screen.findByText('按您的申报');
    expect(screen.queryByText('一键举报（举报材料附本次申报）›')).toBeNull();
  });
});
