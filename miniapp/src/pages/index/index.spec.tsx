import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import IndexPage from './index';

const request = vi.hoisted(() => vi.fn());
vi.mock('@tarojs/taro', () => ({ default: { request } }));

const healthy = {
  statusCode: 200,
  header: {},
  data: { status: 'ok', database: { type: 'sqlite', ok: true }, version: '0.1.0' },
};

afterEach(() => {
  cleanup();
  request.mockReset();
});

describe('IndexPage', () => {
  it('shows the title, the explanation and the upcoming features as disabled buttons', async () => {
    request.mockResolvedValue(healthy);
    render(<IndexPage />);

    expect(screen.getByText('转供电费用核查')).toBeTruthy();
    expect(screen.getByText(/判断是否多收，一键举报/)).toBeTruthy();
    for (const label of ['绑定企业', '我的举报', '电价与规则']) {
      const button = screen.getByText(label).closest('button');
      expect(button?.disabled).toBe(true);
    }
    expect(screen.getAllByText('即将上线')).toHaveLength(3);
    await screen.findByText('服务正常');
  });

  it('asks GET /api/health and shows 服务正常 when the service is up', async () => {
    request.mockResolvedValue(healthy);
    render(<IndexPage />);

    expect(await screen.findByText('服务正常')).toBeTruthy();
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0][0]).toMatchObject({ url: '/api/health', method: 'GET' });
    expect(screen.queryByText('服务暂不可用')).toBeNull();
  });

  it('shows 服务暂不可用 when the request fails', async () => {
    request.mockRejectedValue(new Error('request:fail'));
    render(<IndexPage />);

    expect(await screen.findByText('服务暂不可用')).toBeTruthy();
    expect(screen.getByText('转供电费用核查')).toBeTruthy();
  });

  it('shows 服务暂不可用 when the API answers with an error status', async () => {
    request.mockResolvedValue({ statusCode: 503, header: {}, data: null });
    render(<IndexPage />);

    expect(await screen.findByText('服务暂不可用')).toBeTruthy();
  });

  it('shows 服务暂不可用 when the database is down', async () => {
    request.mockResolvedValue({
      ...healthy,
      data: { status: 'degraded', database: { type: 'mysql', ok: false }, version: '0.1.0' },
    });
    render(<IndexPage />);

    expect(await screen.findByText('服务暂不可用')).toBeTruthy();
    expect(screen.queryByText('服务正常')).toBeNull();
  });
});
