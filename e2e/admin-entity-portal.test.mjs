// A charging entity on its own page: it signs in, uploads its tenant charges with one bad row,
// reads that row's error (file, line, column, reason) and finds nothing stored. Then the city
// administrator opens the 工作台 statistics, a charging entity's profile and the audit log.
// Any page error, console error, failed request or HTTP error fails the test. Run after
// building the admin (`pnpm --filter @zgd/admin build`) and `node backend/scripts/ensure-built.mjs`.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, watchedPage } from './support/browser.mjs';
import { seeded, startProduct } from './support/product.mjs';

// The demo entity (闵行某工业园) is fixture 02's.
const ENTITY_FIXTURE = resolve(
  import.meta.dirname,
  '../backend/test/fixtures/reconciliation/02-fixed-price-and-basic-fee',
);

/** The entity's charges with the amount of line 4 made unreadable. */
function chargesWithOneBadRow(dir) {
  const lines = readFileSync(join(ENTITY_FIXTURE, 'tenant_charges.csv'), 'utf8').split(/\r?\n/);
  const amount = lines[0].split(',').indexOf('amount');
  const cells = lines[3].split(',');
  cells[amount] = '3650.4O'; // letter O for zero
  lines[3] = cells.join(',');
  const path = join(dir, 'tenant_charges.csv');
  writeFileSync(path, lines.join('\n'));
  return path;
}

async function apiAs(product, username) {
  const res = await fetch(`${product.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  assert.equal(res.status, 200);
  const { token } = await res.json();
  return async (path) => {
    const r = await fetch(`${product.baseUrl}/api${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(r.status, 200, `${path}: ${r.status}`);
    return r.json();
  };
}

async function signIn(page, product, username) {
  await page.goto(`${product.baseUrl}/admin/login`, { waitUntil: 'networkidle' });
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
}

describe('the charging entity portal, then the dashboard and audit log', () => {
  let product;
  let browser;
  let page;
  let problems;
  let dir;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zgd-entity-e2e-'));
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

  it('shows the entity its allowed prices and findings, without a tenant', async () => {
    await signIn(page, product, 'entity');
    await page.getByRole('heading', { name: '数据导入' }).waitFor();
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '本单位核查结果' })
      .click();
    await page.getByRole('heading', { name: '本单位核查结果' }).waitFor();
    const months = page.getByRole('table', { name: '允许价格与核查结论' });
    await months.getByText('2025-03').first().waitFor();
    await page.getByText(/本单位租户少于 5 户/).waitFor();
    const text = await page.locator('main').innerText();
    assert.doesNotMatch(text, /91310109PRMU98K65L|91310104JM5DLCRP3K|租户1号/);
    await screenshot(page, 'entity-portal-results');
    assert.deepEqual(problems, []);
  });

  it('uploads charges with one bad row, names the row, and stores nothing', async () => {
    const entityApi = await apiAs(product, 'entity');
    const before = await entityApi('/entity/overview');

    await page.getByRole('tab', { name: '上传收费数据' }).click();
    await page.locator('input[type="file"]').setInputFiles([chargesWithOneBadRow(dir)]);
    await page.getByRole('button', { name: '开始导入（1 个文件）' }).click();

    const result = page.getByRole('region', { name: '本次导入结果' });
    await result
      .getByText('未通过校验，本批次未导入任何数据')
      .waitFor({ timeout: 30_000 })
      .catch(async (e) => {
        await screenshot(page, 'entity-portal-upload-failed');
        throw new Error(`${e.message}\nproblems: ${problems.join('; ')}`);
      });
    const rows = result.getByRole('table', { name: '错误明细' }).locator('tbody tr.ant-table-row');
    assert.equal(await rows.count(), 1);
    const cells = (await rows.first().locator('td').allTextContents()).map((t) => t.trim());
    assert.deepEqual(cells.slice(0, 4), ['tenant_charges.csv', '4', 'amount', '3650.4O']);
    assert.match(cells[4], /金额/);
    await screenshot(page, 'entity-portal-upload-rejected');

    // Nothing stored: the batch is refused whole and the entity's months are as they were.
    const adminApi = await apiAs(product, 'admin');
    const [latest] = await adminApi('/imports?limit=1');
    assert.equal(latest.status, 'rejected');
    assert.equal(latest.summary, null);
    assert.deepEqual(await entityApi('/entity/overview'), before);
    assert.deepEqual(problems, []);
  });

  it('records a correction and hands in refund proof on its case', async () => {
    await page.getByRole('tab', { name: '案件与整改' }).click();
    // The demo entity's red months raise a warning clue: a case in its correction window.
    const card = page.locator('.ant-card').filter({ hasText: '沪转供-310112-' }).first();
    await card.getByRole('button', { name: '登记整改退费' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('已主动退还租户的金额（元）').fill('100.00');
    await dialog.getByRole('button', { name: '登记' }).click();
    await card.getByText(/100\.00 元（/).waitFor();

    const pdf = join(dir, 'refund-slip.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% refund slip\n');
    await card.locator('input[type="file"]').setInputFiles(pdf);
    await card.getByText(/^PDF · /).waitFor();
    await screenshot(page, 'entity-portal-cases');
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    assert.deepEqual(problems, []);
  });

  it('loads the 工作台 statistics for the city administrator', async () => {
    await signIn(page, product, 'admin');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.getByRole('table', { name: '各区案件' }).waitFor();
    const top = page.getByRole('table', { name: '问题最多的收费主体' });
    await top.getByText('闵行某工业园').waitFor();
    await page.getByRole('img', { name: '多收、退还与罚款（按月）' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出“问题最多的收费主体”' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^问题最多的收费主体-全市\.xlsx$/);
    await screenshot(page, 'admin-dashboard');
    assert.deepEqual(problems, []);
  });

  it("opens a charging entity's profile from the search", async () => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '收费主体' })
      .click();
    await page.getByLabel('查询收费主体').fill('工业园');
    await page.getByRole('button', { name: '查询' }).click();
    await page
      .getByRole('table', { name: '收费主体' })
      .getByRole('link', { name: '闵行某工业园' })
      .click();
    await page.getByRole('heading', { name: '闵行某工业园' }).waitFor();
    await page.getByRole('table', { name: '核查结果' }).waitFor();
    await screenshot(page, 'admin-charging-entity');
    assert.deepEqual(problems, []);
  });

  it('loads the audit log and says whether its chain verifies', async () => {
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '审计日志' })
      .click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    // A fresh product has logged no case work yet: an empty log verifies too.
    await page.getByText('审计日志链校验通过').waitFor();
    await page.getByRole('table', { name: '审计日志' }).waitFor();
    await screenshot(page, 'admin-audit-logs');
    assert.deepEqual(problems, []);
  });
});
