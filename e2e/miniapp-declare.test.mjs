// A tenant declares what it paid on the H5 build: the demo tenant opens its March 2025, declares
// the month with a photo of the bill and a line-loss item the entity did not report, and sees the
// declared and reported verdicts side by side with the differing fields. Any page error, console
// error, failed request or HTTP error fails the test. Run after `pnpm build:h5` (miniapp) and
// `node backend/scripts/ensure-built.mjs`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, watchedPage } from './support/browser.mjs';
import { startProduct } from './support/product.mjs';

const VIEWPORT = { width: 390, height: 844 };
/** Taro H5 keeps earlier pages in the DOM, hidden; the last visible one is on screen. */
const VISIBLE_PAGE =
  "[...document.querySelectorAll('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none').pop()";

/** The visible page at rest, grown to its height for a whole-page picture. */
async function shoot(page, name) {
  await page.waitForFunction(`${VISIBLE_PAGE}?.classList.contains('taro_page_stationed')`);
  await page.waitForFunction(`${VISIBLE_PAGE}.getBoundingClientRect().left === 0`);
  const height = await page.evaluate(`${VISIBLE_PAGE}.scrollHeight`);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(height, VIEWPORT.height) });
  await screenshot(page, name);
  await page.setViewportSize(VIEWPORT);
}

describe('declaring a month on the H5 mini-program', () => {
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

  it('declares March 2025 with a photo and shows both verdicts side by side', async () => {
    const { page, problems, context } = await watchedPage(browser, {
      viewport: VIEWPORT,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    await page.goto(`${product.baseUrl}/`, { waitUntil: 'networkidle' });
    await page.locator('.empty__action', { hasText: '登录' }).click();
    await page.locator('.account', { hasText: '租户1号商行' }).click();
    await page.locator('.month-card', { hasText: '2025年3月' }).click();
    await page.locator('.verdict--red').waitFor();
    // A real PNG to upload: a picture of the month's verdict, as a tenant's photo would be.
    const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 390, height: 240 } });

    await page.getByText('申报我实际支付的电费 ›').click();
    const form = page.locator('.declare');
    await form.getByText('申报我实际支付的电费', { exact: true }).waitFor();
    await form.getByText('2025年3月 ›').waitFor();
    const inputs = form.locator('.field__input input');
    assert.equal(await inputs.nth(0).inputValue(), '3100000002', 'the premises come filled in');
    await inputs.nth(1).fill('3761');
    await inputs.nth(2).fill('1.2');
    await inputs.nth(3).fill('4513.20');
    await form.getByText('＋ 增加一项费用').click();
    await inputs.nth(4).fill('60');

    const chooser = page.waitForEvent('filechooser');
    await form.getByText('＋ 拍照/相册').click();
    await (await chooser).setFiles({ name: 'bill.png', mimeType: 'image/png', buffer: photo });
    await form.locator('.declare__photo').first().locator('img').waitFor();
    assert.equal(await form.locator('.declare__photo img').count(), 1);
    await page.waitForLoadState('networkidle');
    await shoot(page, 'miniapp-declare-form');

    await form.getByText('提交申报').click();
    const result = page.locator('.declare', { hasText: '按您的申报' });
    await result.waitFor();
    await result.getByText('与收费主体上报不一致').waitFor();
    const sides = result.locator('.source');
    assert.equal(await sides.count(), 2);
    assert.match(await sides.nth(0).innerText(), /按您的申报[\s\S]*多收电费/);
    assert.match(await sides.nth(1).innerText(), /按收费主体上报[\s\S]*应退 ¥2012\.58/);
    const rows = await result.locator('.mismatch__row').allInnerTexts();
    const cells = rows.map((r) => r.split(/\s*\n\s*/).filter(Boolean));
    assert.deepEqual(cells, [
      ['项目', '您申报', '主体上报'],
      ['线损分摊', '60.00', '未列'],
      ['基础电费', '未列', '480.00'],
      ['合计金额', '4573.20', '4993.20'],
    ]);
    await result.getByText('已附照片 1 张').waitFor();
    await page.waitForLoadState('networkidle');
    await shoot(page, 'miniapp-declare-result');

    assert.deepEqual(problems, []);
    await context.close();
  });
});
