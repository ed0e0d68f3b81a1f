// The tenant binds a firm, opens a red month and files a one-click report with a photo; My
// reports then shows its number and due date. The H5 build against the running product, with
// a screenshot of every page. Any page error, console error, failed request or HTTP error
// fails the test. Run after `pnpm build:h5` (miniapp) and `node backend/scripts/ensure-built.mjs`.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { phonePage, shoot, VISIBLE_PAGE } from './support/h5.mjs';
import { startProduct } from './support/product.mjs';

const PHOTO = resolve(import.meta.dirname, 'fixtures/receipt.png');

// Fixture 03: 松江某产业园 (account 3100000003) billed its time-of-use tenant 租户1号商行
// 3000 + 2500 + 400 kWh in August 2025, its newest month.
const FIRM = '91310105K0XTF8H71G';
const ENTITY = '913101177JH4BXKF5F';

/** The input with this placeholder on the page on screen. */
const field = (page, placeholder) =>
  page
    .locator('.taro_page:visible')
    .last()
    .getByPlaceholder(placeholder)
    .locator('input, textarea')
    .first();

describe('binding and reporting in the tenant mini-program on H5', () => {
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

  it('binds a firm, reports a red month with a photo and finds the report with its due date', async () => {
    const { page, problems, context } = await phonePage(browser);
    const sizes = {};

    await page.goto(`${product.baseUrl}/pages/login/index`, { waitUntil: 'networkidle' });
    await page.locator('.account', { hasText: '租户1号商行' }).click();
    await page.locator('.month-card').first().waitFor();
    assert.equal(await page.locator('.month-card').count(), 4, 'the demo firm’s four months');

    // My firms: the demo binding, then bind another firm.
    await page.getByText('我的企业', { exact: true }).click();
    await page.locator('.bound').first().waitFor();
    sizes.bindings = await shoot(page, 'miniapp-report-bindings');
    await page.getByText('绑定新企业').click();
    await page.getByText('1 您的企业').waitFor();
    await field(page, '18 位，如 91310104JM5DLCRP3K').fill(FIRM.slice(0, 17) + 'X');
    await page.getByText('统一社会信用代码校验位错误').waitFor();
    await field(page, '18 位，如 91310104JM5DLCRP3K').fill(FIRM.toLowerCase());
    await page.getByText('校验通过').waitFor();
    await field(page, '与营业执照一致').fill('租户1号商行');
    await field(page, '收费主体的统一社会信用代码或电网户号').fill(ENTITY);
    await page.getByText('查找', { exact: true }).click();
    await page.getByText('已选择').waitFor();
    await page.getByText(/请按收费主体给您的2025年8月电费单填写/).waitFor();
    await field(page, '电表上的编号').fill('SJ-0301');
    await field(page, '如 3028 或 3028.5').fill('5900.001');
    await page.getByText('确认绑定').click();
    await page.getByText(/用电量与收费主体上报的2025年8月用电量不符/).waitFor();
    await field(page, '如 3028 或 3028.5').fill('5900');
    sizes.bind = await shoot(page, 'miniapp-report-bind');
    // The refused attempt answered 400 on purpose (the browser logs it too); nothing else failed.
    const expected = [
      /^HTTP 400: .*\/api\/me\/bindings$/,
      /^console error: Failed to load resource: .* 400 \(Bad Request\)$/,
    ];
    const others = problems.splice(0).filter((p) => !expected.some((re) => re.test(p)));
    assert.deepEqual(others, []);
    await page.getByText('确认绑定').click();
    await page.locator('.bound', { hasText: '松江某产业园' }).waitFor();
    assert.equal(await page.locator('.taro_page:visible .bound').count(), 2);
    sizes.bound = await shoot(page, 'miniapp-report-bound');

    // Home again: the new firm's red month, then its report.
    await page.goto(`${product.baseUrl}/`, { waitUntil: 'networkidle' });
    await page.locator('.month-card').nth(4).waitFor();
    assert.equal(await page.locator('.month-card').count(), 5, 'and the bound firm’s month');
    sizes.home = await shoot(page, 'miniapp-report-home');
    await page.locator('.premises', { hasText: '3100000003' }).locator('.month-card--red').click();
    await page.locator('.verdict--red').waitFor();
    await page.getByText('一键举报', { exact: true }).click();
    await page.getByText('举报事项').waitFor();
    await page.getByText(/2025年8月：多收电费/).waitFor();
    const chooser = page.waitForEvent('filechooser');
    await page.getByText('拍照或选图').click();
    await (await chooser).setFiles(PHOTO);
    await page.locator('.taro_page:visible .photos__image').waitFor();
    await field(page, '例如：房东按每度 1.2 元收取，另收基本费 480 元/月……').fill(
      '物业按固定单价收电费，另收线损。',
    );
    await page.getByText('○ 匿名举报').click();
    await page.getByText('● 匿名举报').waitFor();
    // The draft survives a reload of the page, its photo included (kept as data on H5).
    await page.waitForFunction(() =>
      Object.entries(localStorage).some(
        ([k, v]) => k.startsWith('zgd.report-draft.') && v.includes('data:image/png;base64,'),
      ),
    );
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByText(/2025年8月：多收电费/).waitFor();
    await page.getByText('● 匿名举报').waitFor();
    assert.equal(
      await field(page, '例如：房东按每度 1.2 元收取，另收基本费 480 元/月……').inputValue(),
      '物业按固定单价收电费，另收线损。',
    );
    const kept = page.locator('.taro_page:visible .photos__image img');
    await kept.waitFor();
    assert.match(await kept.getAttribute('src'), /^data:image\/png;base64,/);
    assert.equal(await page.getByText(/未能/).count(), 0);
    sizes.report = await shoot(page, 'miniapp-report-new');
    await page.getByText('提交举报').click();
    const number = page.locator('.report-done__number');
    await number.waitFor();
    // The photo uploads after the report is taken.
    await page.waitForFunction(
      `${VISIBLE_PAGE}.querySelector('.report-done__uploading, .report-done__photos') === null`,
    );
    const caseNumber = await number.innerText();
    assert.match(caseNumber, /^沪转供-310117-\d{4}-\d{5}$/);
    const doneText = await page.locator('.report-done').innerText();
    const due = /应在 (\d{4}-\d{2}-\d{2}) 前决定是否立案/.exec(doneText)?.[1];
    assert.ok(due, `a filing due date is shown: ${doneText}`);
    assert.doesNotMatch(doneText, /未上传成功/, `the photo was uploaded: ${problems.join('; ')}`);
    sizes.done = await shoot(page, 'miniapp-report-done');

    // The photo reached the report, and the draft is gone.
    const drafts = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('zgd.report-draft.')),
    );
    assert.deepEqual(drafts, []);

    await page.getByText('查看我的举报').click();
    const card = page.locator('.case-card', { hasText: caseNumber });
    await card.waitFor();
    const cardText = await card.innerText();
    assert.match(cardText, new RegExp(`立案决定：${due} 前`));
    assert.match(cardText, /举报已登记受理/);
    assert.match(cardText, /匿名/);
    sizes.mine = await shoot(page, 'miniapp-report-mine');

    for (const [name, count] of Object.entries(sizes)) {
      assert.ok(count < 1000, `${name} page has ${count} elements, over 1000`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});
