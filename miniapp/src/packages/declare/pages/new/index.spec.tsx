import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn } from '../../../../../test/session';
import taro, { resetTaro, route, setRouterParams } from '../../../../../test/taro-fake';
import { JUDGED } from '../../testing/views';
import DeclarePage from './index';

const PHOTO_ID = `${'c'.repeat(64)}.png`;

const type = (placeholder: string, value: string, index = 0) =>
  fireEvent.change(screen.getAllByPlaceholderText(placeholder)[index], { target: { value } });

beforeEach(() => {
  resetTaro();
  signIn();
  setRouterParams({ accountNo: '3100000002', period: '2025-04' });
  route('POST', '/me/declaration-photos', {
    statusCode: 201,
    data: [{ photoId: PHOTO_ID, kind: 'png', bytes: 72 }],
  });
});
afterEach(cleanup);

describe('declare page', () => {
  it('sends the bill figures, other items and uploaded photo, then shows the result', async () => {
    let sent: unknown = null;
    route('POST', '/me/declarations', (req: { data?: unknown }) => {
      sent = req.data;
      return { statusCode: 201, data: JUDGED };
    });
    render(<DeclarePage />);
    expect((screen.getByPlaceholderText('收费主体的电网户号') as HTMLInputElement).value).toBe(
      '3100000002',
    );
    expect(screen.getByText('2025年4月 ›')).toBeTruthy();
    type('电量', '3944');
    type('单价', '1.25');
    type('金额', '4930.00');
    fireEvent.click(screen.getByText('＋ 增加一项费用'));
    type('金额', '50', 1);
    fireEvent.click(screen.getByText('＋ 拍照/相册'));
    await waitFor(() => expect(document.querySelectorAll('img.declare__photo')).toHaveLength(1));
    expect(taro.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/me/declaration-photos', filePath: 'blob:photo-1' }),
    );
    fireEvent.click(screen.getByText('提交申报'));
    await waitFor(() =>
      expect(taro.navigateTo).toHaveBeenCalledWith({
        url: `/packages/declare/pages/result/index?id=${JUDGED.id}`,
      }),
    );
    expect(sent).toMatchObject({
      accountNo: '3100000002',
      period: '2025-04',
      energy: [{ tou: 'none', kwh: '3944', unitPrice: '1.25', amount: '4930.00' }],
      items: [{ item: 'loss', amount: '50' }],
      photos: [PHOTO_ID],
    });
    expect((sent as { idempotencyKey: string }).idempotencyKey).toMatch(/^decl-/);
  });

  it('shows each refused field under its input and stays on the form', async () => {
    route('POST', '/me/declarations', {
      statusCode: 400,
      data: {
        code: 'DECLARATION.VALIDATION_FAILED',
        message: '申报内容有误：第 1 行电费金额 473.28 元与 电量 × 单价 = 4732.80 元相差…',
        details: [
          {
            code: 'DECLARATION.INVALID_AMOUNT',
            path: 'body.energy.0.amount',
            message: '第 1 行电费金额 473.28 元与 电量 × 单价 = 4732.80 元相差 4259.52 元',
          },
        ],
      },
    });
    render(<DeclarePage />);
    type('电量', '3944');
    type('单价', '1.2');
    type('金额', '473.28');
    fireEvent.click(screen.getByText('提交申报'));
    const error = await screen.findByText(
      '第 1 行电费金额 473.28 元与 电量 × 单价 = 4732.80 元相差 4259.52 元',
    );
    expect(error.className).toBe('field__error');
    expect(error.closest('.field')?.className).toBe('field field--error');
    expect(taro.navigateTo).not.toHaveBeenCalled();
  });

  it('says why a photo was refused and keeps it off the form', async () => {
    route('POST', '/me/declaration-photos', {
      statusCode: 415,
      data: {
        code: 'DECLARATION_PHOTO.UNSUPPORTED_TYPE',
        message:
          '文件 bill.pdf 不是 JPEG、PNG 或 WebP 图片（按文件内容判断），请拍摄或选择账单照片',
      },
    });
    render(<DeclarePage />);
    fireEvent.click(screen.getByText('＋ 拍照/相册'));
    await screen.findByText(/不是 JPEG、PNG 或 WebP 图片/);
    expect(document.querySelectorAll('img.declare__photo')).toHaveLength(0);
  });
});
