// The city administrator changes a threshold on 系统设置 in the browser: a value out of range is
// refused with the server's reason naming the key, a good one is stored exactly (percent → the
// fraction the draw reads) and audited with its old and new value. Then anyone, signed out,
// opens the 双随机一公开 page. Any page error, console error, failed request or HTTP error
// other than the one refused value fails the test. Run after building the admin and backend.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, watchedPage } from './support/browser.mjs';
import { startProduct } from './support/product.mjs';

async function api(product, token, method, path, body) {
  const res = await fetch(`${product.baseUrl}/api${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, text };
}

describe('supervision settings and the public spot-check page in the browser', () => {
  let product;
  let browser;

  before(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('lets the city administrator change a sampling ratio, refused first when out of range', async () => {
    const { page, problems } = await watchedPage(browser, {
      viewport: { width: 1280, height: 900 },
    });
    await page.goto(`${product.baseUrl}/admin/settings`, { waitUntil: 'networkidle' });
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '系统设置' }).waitFor();

    await page.getByRole('button', { name: '修改 C 类抽查比例' }).click();
    await page.getByLabel('C 类抽查比例 新值').fill('101');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('设置 draw.ratio.C（C 类抽查比例）应在 0% 至 100% 之间').waitFor();
    await page.getByLabel('C 类抽查比例 新值').fill('55.5');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已将“C 类抽查比例”设为 55.5 %').waitFor();
    await screenshot(page, 'admin-settings');

    // The refused value is the only error: its 400 and the browser's line about it.
    assert.deepEqual(problems.toSorted(), [
      `HTTP 400: ${product.baseUrl}/api/settings/draw.ratio.C`,
      'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
    ]);

    const login = await api(product, null, 'POST', '/auth/demo', { username: 'admin' });
    const list = await api(product, login.json.token, 'GET', '/settings');
    const c = list.json.find((s) => s.key === 'draw.ratio.C');
    assert.deepEqual([c.value, c.valid], ['55.5', true]);
    const log = await api(product, login.json.token, 'GET', '/audit-logs?action=setting.changed');
    assert.equal(log.status, 200, log.text);
    const entries = log.json.items;
    assert.equal(entries.length, 1);
    assert.ok(
      JSON.stringify(entries).includes('"old":"0.60"') &&
        JSON.stringify(entries).includes('"new":"0.555"'),
      JSON.stringify(entries),
    );
  });

  it('shows the published spot-check lists to anyone without signing in', async () => {
    const { page, problems } = await watchedPage(browser, {
      viewport: { width: 1280, height: 800 },
    });
    await page.goto(`${product.baseUrl}/admin/public/spot-checks`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: '转供电收费“双随机、一公开”抽查公示' }).waitFor();
    await page.getByText('暂无公示的抽查名单').waitFor();
    assert.equal(await page.getByRole('navigation', { name: '主导航' }).count(), 0);
    await screenshot(page, 'public-spot-checks-empty');
    assert.deepEqual(problems, []);
  });
});
