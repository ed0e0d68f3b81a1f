// An officer's day in the console: sign in, upload a batch that is already on file, upload a
// charge sheet with one bad row and read that row's error, then look up July 2025's prices.
// Any page error, console error, failed request or HTTP error fails the test. Run after
// building the admin (`pnpm --filter @zgd/admin build`) and `node backend/scripts/ensure-built.mjs`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, watchedPage } from './support/browser.mjs';
import { seeded, startProduct } from './support/product.mjs';

const CLEAN = resolve(
  import.meta.dirname,
  '../backend/test/fixtures/reconciliation/01-clean-two-part',
);
const CLEAN_FILES = ['entities.csv', 'grid_bills.csv', 'tariffs.csv', 'tenant_charges.csv'].map(
  (name) => join(CLEAN, name),
);

/** The fixture's tenant charges with the kWh of line 3 (the second tenant) made unreadable. */
function chargesWithOneBadRow(dir) {
  const lines = readFileSync(join(CLEAN, 'tenant_charges.csv'), 'utf8').split('\n');
  const kwh = lines[0].split(',').indexOf('kwh');
  const cells = lines[2].split(',');
  cells[kwh] = '12O0'; // letter O for zero: a typing slip the reader must name
  lines[2] = cells.join(',');
  const path = join(dir, 'tenant_charges.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('the regulators console: imports and tariffs', () => {
  let product;
  let browser;
  let page;
  let problems;
  let dir;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zgd-admin-e2e-'));
    product = await startProduct();
    await seeded(product);
    browser = await launchBrowser();
    ({ page, problems } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } }));
  });
  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
    assert.equal(await product?.stop(), 0, 'the product stops cleanly on Ctrl-C');
  });

  it('sends a visitor to the login page and signs the officer in', async () => {
    await page.goto(`${product.baseUrl}/admin/imports`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '登录' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/login');
    await screenshot(page, 'admin-login');

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();

    // Back to the page first asked for, with the user in the header.
    await page.getByRole('heading', { name: '数据导入' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/imports');
    const user = page.getByLabel('当前用户');
    await user.getByText('市局管理员', { exact: true }).first().waitFor();
    await page.getByRole('table', { name: '导入记录' }).getByText('已导入').first().waitFor();
    await screenshot(page, 'admin-imports');
    assert.deepEqual(problems, []);
  });

  it('recognises a batch already imported and shows its first result', async () => {
    await page.locator('input[type="file"]').setInputFiles(CLEAN_FILES);
    await page.getByRole('button', { name: '开始导入（4 个文件）' }).click();

    const result = page.getByRole('region', { name: '本次导入结果' });
    await result.getByText('该批次此前已导入').waitFor();
    await result.getByText('已导入', { exact: true }).waitFor();
    await result.getByRole('table', { name: '账单版本' }).waitFor();
    await screenshot(page, 'admin-imports-known');
    assert.deepEqual(problems, []);
  });

  it('rejects a charge sheet with a bad row and names its file, line and column', async () => {
    const bad = chargesWithOneBadRow(dir);
    await page.getByRole('button', { name: '清空' }).click();
    await page.locator('input[type="file"]').setInputFiles([bad]);
    await page.getByRole('button', { name: '开始导入（1 个文件）' }).click();

    const result = page.getByRole('region', { name: '本次导入结果' });
    await result.getByText('未通过校验，本批次未导入任何数据').waitFor({ timeout: 30_000 });
    const rows = result.getByRole('table', { name: '错误明细' }).locator('tbody tr.ant-table-row');
    assert.equal(await rows.count(), 1);
    const cells = (await rows.first().locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual(cells.slice(0, 4), ['tenant_charges.csv', '3', 'kwh', '12O0']);
    assert.match(cells[4], /电量/);

    // The history now starts with this batch; it opens on its own page.
    const history = page.getByRole('table', { name: '导入记录' });
    await history.locator('tbody tr.ant-table-row').first().getByText('未通过校验').waitFor();
    await screenshot(page, 'admin-imports-rejected');
    await history
      .locator('tbody tr.ant-table-row')
      .first()
      .getByRole('link', { name: '查看' })
      .click();
    await page.getByRole('heading', { name: '导入批次详情' }).waitFor();
    await page.getByRole('table', { name: '错误明细' }).getByText('12O0').waitFor();
    await screenshot(page, 'admin-import-batch');
    assert.deepEqual(problems, []);
  });

  it('shows July 2025 prices of 一般工商业 1-10千伏 两部制 and compares them with August', async () => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '电价管理' })
      .click();
    await page.getByRole('table', { name: '当月电价' }).waitFor();
    for (const [label, value] of [
      ['用户类别', '一般工商业'],
      ['电压等级', '1-10千伏'],
      ['计价方式', '两部制'],
    ]) {
      const select = page.locator('.ant-form-item').filter({ hasText: label });
      assert.equal(
        (await select.locator('.ant-select-selection-item').textContent()).trim(),
        value,
      );
    }

    await pickMonth(page, '执行月份', '2025-07');
    await page.getByText('2025年7月执行电价').waitFor();
    const peak = page
      .getByRole('table', { name: '当月电价' })
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: '高峰' });
    assert.deepEqual(
      (await peak.locator('td').allTextContents()).map((t) => t.trim()),
      ['高峰', '1.16370', '2025-07-01 至 2025-07-31'],
    );
    await page.getByRole('listitem', { name: '12:00–13:00 尖峰' }).waitFor();

    await pickMonth(page, '对比月份', '2025-08');
    const compared = page
      .getByRole('table', { name: '电价对比' })
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: '高峰' });
    await compared.waitFor();
    assert.deepEqual(
      (await compared.locator('td').allTextContents()).map((t) => t.trim()),
      ['高峰', '1.16370', '1.20778', '+0.04408', '+3.79%'],
    );
    await screenshot(page, 'admin-tariffs');
    assert.deepEqual(problems, []);
  });

  it('keeps the start page working for a signed-in officer', async () => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '工作台' })
      .click();
    await page.getByText('服务正常').waitFor();
    await page.getByRole('link', { name: '线索与案件', exact: true }).first().waitFor();
    await screenshot(page, 'admin-dashboard-signed-in');
    assert.deepEqual(problems, []);
  });

  it('signs out with 退出', async () => {
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/login');
    assert.deepEqual(problems, []);
  });
});

/** Types a month into an antd month picker and confirms it with Enter. */
async function pickMonth(page, label, month) {
  const input = page.getByLabel(label);
  await input.click();
  await input.fill(month);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}
