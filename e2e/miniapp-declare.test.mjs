// A tenant declares what it paid on the H5 build: the demo tenant opens its March 2025, declares
// the month with a photo of the bill and a line-loss item the entity did not report, and sees the
// declared and reported verdicts side by side with the differing fields. Any page error, console
// error, failed request or HTTP error fails the test. Run after `pnpm build:h5` (miniapp) and
// `node backend/scripts/ensure-built.mjs`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './support/browser.mjs';
import { phonePage, shoot } from './support/h5.mjs';
import { seeded, startProduct } from './support/product.mjs';

/**
 * The grid's bill of the demo premises for July 2025, a month the park never reported its
 * tenants' charges for, imported as the city administrator would.
 */
async function importJulyGridBill(product) {
  const login = await fetch(`${product.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'demo1234' }),
  });
  assert.equal(login.status, 200);
  const auth = { authorization: `Bearer ${(await login.json()).token}` };
  const form = new FormData();
  form.append(
    'files',
    new Blob([
      'account_no,entity_id,period,user_class,voltage,pricing,line,tou,kwh,unit_price,amount\n' +
        '3100000002,91310112YUYU122BX0,2025-07,general_commercial,lt_1kv,single,energy,none,9000,0.78,7020.00\n',
    ]),
    'grid_bills.csv',
  );
  const res = await fetch(`${product.baseUrl}/api/imports`, {
    method: 'POST',
    headers: auth,
    body: form,
  });
  assert.ok([201, 202].includes(res.status), await res.clone().text());
  const { jobId } = await res.json();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await fetch(`${product.baseUrl}/api/imports/deliveries/${jobId}`, { headers: auth });
    const d = await r.json();
    if (d.status === 'done') return d.batch;
    assert.notEqual(d.status, 'failed', JSON.stringify(d));
    if (Date.now() > deadline) throw new Error(`import not done: ${JSON.stringify(d)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
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
    const { page, problems, context } = await phonePage(browser);
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
    // The thumbnail fills its square, cropped rather than squeezed into a strip.
    const thumb = await form
      .locator('.declare__photo')
      .first()
      .evaluate((box) => {
        const img = box.querySelector('img');
        const [b, i] = [box.getBoundingClientRect(), img.getBoundingClientRect()];
        return {
          square: Math.abs(b.width - b.height) < 1 && b.width > 50,
          covered:
            i.left <= b.left + 0.5 &&
            i.top <= b.top + 0.5 &&
            i.right >= b.right - 0.5 &&
            i.bottom >= b.bottom - 0.5,
          fit: box.ownerDocument.defaultView.getComputedStyle(img).objectFit,
        };
      });
    assert.deepEqual(thumb, { square: true, covered: true, fit: 'cover' });
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

  it('reports a month the entity never reported, on the judged declaration alone', async () => {
    await seeded(product);
    await importJulyGridBill(product);
    const { page, problems, context } = await phonePage(browser);
    await page.goto(`${product.baseUrl}/`, { waitUntil: 'networkidle' });
    await page.locator('.empty__action', { hasText: '登录' }).click();
    await page.locator('.account', { hasText: '租户1号商行' }).click();
    await page.locator('.month-card').first().waitFor();
    assert.equal(
      await page.locator('.month-card', { hasText: '2025年7月' }).count(),
      0,
      'the park reported nothing for July',
    );

    // Home → 申报实际电费 → 申报一个月份, the form opened for July at the demo premises.
    await page.getByText('申报实际电费').click();
    await page.getByText('申报一个月份').waitFor();
    await page.goto(
      `${product.baseUrl}/packages/declare/pages/new/index?accountNo=3100000002&period=2025-07`,
      { waitUntil: 'networkidle' },
    );
    const form = page.locator('.declare');
    await form.getByText('2025年7月 ›').waitFor();
    const inputs = form.locator('.field__input input');
    await inputs.nth(1).fill('3000');
    await inputs.nth(2).fill('1.3');
    await inputs.nth(3).fill('3900.00');
    await form.getByText('提交申报').click();

    const result = page.locator('.declare', { hasText: '按您的申报' });
    await result.waitFor();
    await result.getByText('收费主体未上报该月份').waitFor();
    // 3000 kWh × (1.30 − 0.78) = 1560.00 to refund.
    assert.match(
      await result.locator('.source').first().innerText(),
      /多收电费[\s\S]*应退 ¥1560\.00/,
    );
    await shoot(page, 'miniapp-declare-unreported');
    await result.getByText('一键举报（举报材料附本次申报）›').click();

    const report = page.locator('.report');
    await report.getByText('2025年7月（按您的申报）：多收电费，应退还您 ¥1560.00').waitFor();
    await report.getByText(/收费主体未上报该月份。/).waitFor();
    assert.equal(await report.locator('.chip--on').innerText(), '2025年7月');
    await shoot(page, 'miniapp-declare-report');
    await report.getByText('提交举报').click();
    const number = page.locator('.report-done__number');
    await number.waitFor();
    const caseNumber = await number.innerText();
    assert.match(caseNumber, /^沪转供-310112-\d{4}-\d{5}$/);

    await page.getByText('查看我的举报').click();
    await page.locator('.case-card', { hasText: caseNumber }).waitFor();
    await shoot(page, 'miniapp-declare-report-mine');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
