// The tenant's journey on the H5 build: demo login, the four red months of the demo tenant,
// one month's verdict and formula sheet, then the prices and rules. Any page error, console
// error, failed request or HTTP error fails the test. Run after `pnpm build:h5` (miniapp) and
// `node backend/scripts/ensure-built.mjs`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { nodeCount, phonePage, shoot } from './support/h5.mjs';
import { startProduct } from './support/product.mjs';

describe('the tenant mini-program on H5', () => {
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

  it('logs in as the demo tenant, finds four red months and the 2025-03 overcharge', async () => {
    const { page, problems, context } = await phonePage(browser);
    const sizes = {};

    // Without a session the home page offers the (demo) login.
    await page.goto(`${product.baseUrl}/`, { waitUntil: 'networkidle' });
    await page.getByText('登录后查看核查结果', { exact: true }).waitFor();
    await page.getByText('服务正常').waitFor();
    await shoot(page, 'miniapp-tenant-signed-out');
    sizes.signedOut = await nodeCount(page);
    await page.locator('.empty__action', { hasText: '登录' }).click();
    await page.getByText('演示登录', { exact: true }).waitFor();
    await shoot(page, 'miniapp-tenant-login');
    sizes.login = await nodeCount(page);

    await page.locator('.account', { hasText: '租户1号商行' }).click();
    await page.locator('.month-card').first().waitFor();
    await page.getByText('服务正常').waitFor();
    const cards = page.locator('.month-card');
    assert.equal(await cards.count(), 4);
    assert.equal(await page.locator('.month-card--red').count(), 4, 'all four months are red');
    assert.deepEqual(await page.locator('.month-card__amount').allInnerTexts(), [
      '多收 ¥1813.93',
      '多收 ¥1788.43',
      '多收 ¥2237.25',
      '多收 ¥2012.58',
    ]);
    await page.getByText('闵行某工业园', { exact: true }).waitFor();
    const token = await page.evaluate(() => localStorage.getItem('zgd.session'));
    assert.match(token ?? '', /"token"/, 'the session is kept in Taro storage');
    await shoot(page, 'miniapp-tenant-home');
    sizes.home = await nodeCount(page);

    await page.locator('.month-card', { hasText: '2025年3月' }).click();
    const banner = page.locator('.verdict--red');
    await banner.waitFor();
    assert.match(await banner.innerText(), /多收/);
    assert.match(await banner.innerText(), /¥2012\.58/);
    await page
      .getByText(
        '平均结算价 = 电网电费合计 G ÷ 电网总电量 K = 7449.57 ÷ 9400 = 0.792507 元/千瓦时',
        { exact: true },
      )
      .waitFor();
    await page
      .getByText(
        '允许收取 = 3761 千瓦时 × 0.792507 = 2980.62 元；您被收取 4513.20 元，多收 1532.58 元',
        { exact: true },
      )
      .waitFor();
    // The chart has loaded the premises' four months.
    await page.getByText('2025年3月：您的单价 1.20000 元，允许 0.792507 元').waitFor();
    assert.equal(await page.locator('.chart__month').count(), 4);
    await page.waitForLoadState('networkidle');
    await shoot(page, 'miniapp-tenant-month');
    sizes.month = await nodeCount(page);

    await page.getByText('查看电价与收费规则 ›').click();
    await page.getByText('当前政府定价', { exact: true }).waitFor();
    await page.locator('.tariff').first().waitFor();
    await page.locator('.tou__strip .tou__hour').nth(23).waitFor();
    assert.equal(await page.locator('.tou__strip .tou__hour').count(), 24);
    await page.getByText('《电力法》第四十四条').waitFor();
    await page.waitForLoadState('networkidle');
    await shoot(page, 'miniapp-tenant-rules');
    sizes.rules = await nodeCount(page);

    for (const [name, count] of Object.entries(sizes)) {
      assert.ok(count < 1000, `${name} page has ${count} elements, over 1000`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
