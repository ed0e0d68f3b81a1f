import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, watchedPage } from './support/browser.mjs';
import { startProduct } from './support/product.mjs';

describe('the product on its embedded default', () => {
  let product;
  let browser;
  before(async () => {
    product = await startProduct();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    assert.equal(await product?.stop(), 0, 'the product stops cleanly on Ctrl-C');
  });

  it('serves the mini-program H5 build at / without errors', async () => {
    const { page, problems, context } = await watchedPage(browser, {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${product.baseUrl}/`, { waitUntil: 'networkidle' });
    await page.locator('.home__title', { hasText: '转供电费用核查' }).waitFor();
    await page.getByText('服务正常').first().waitFor();
    await screenshot(page, 'miniapp-home');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('serves the regulators console at /admin/ without errors', async () => {
    const { page, problems, context } = await watchedPage(browser, {
      viewport: { width: 1440, height: 900 },
    });
    await page.goto(`${product.baseUrl}/admin/`, { waitUntil: 'networkidle' });
    // The console needs a session: it shows its login first.
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('服务正常').first().waitFor();
    await screenshot(page, 'admin-home');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('serves the OpenAPI docs at /api/docs', async () => {
    const { page, problems, context } = await watchedPage(browser);
    await page.goto(`${product.baseUrl}/api/docs`, { waitUntil: 'networkidle' });
    await page.getByText('转供电价格监管平台 API').first().waitFor();
    await screenshot(page, 'api-docs');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('answers unknown API paths with a coded JSON error, not the app page', async () => {
    const res = await fetch(`${product.baseUrl}/api/no-such-thing`);
    assert.equal(res.status, 404);
    assert.deepEqual(await res.json(), { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
});
