// A report worked to the end in the console: a tenant reports through the API, the 闵行
// officer finds it in the work queue, takes it and starts verification; the city bureau (which
// holds the head's approval) opens the case (立案) and records the decision; the officer
// supervises and records the refund, the tenant confirms it through the API, and the officer
// closes the case. Both documents are opened and printed to screenshots. Any page error,
// console error, failed request or HTTP error fails the test. Run after building the backend,
// the admin and the H5 mini-program.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, screenshot, watchedPage } from './support/browser.mjs';
import { seeded, startProduct } from './support/product.mjs';

// Fixture 02: a 闵行 industrial park (310112) and its tenant, the demo accounts' own.
const TENANT = '91310109PRMU98K65L';
const ACCOUNT = '3100000002';

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

/** Signs a console user in through the login page. */
async function signIn(page, baseUrl, username) {
  await page.goto(`${baseUrl}/admin/cases`, { waitUntil: 'networkidle' });
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '线索与案件' }).waitFor();
}

/** Clicks a step's button and confirms its dialog, after filling it with `fill`. */
async function act(page, label, fill = async () => {}) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`${label}：已办理`).waitFor();
}

describe('the regulators console: a report worked to a closed case', () => {
  let product;
  let browser;
  let officer;
  let city;
  let report;
  let caseId;
  let claimed;

  before(async () => {
    product = await startProduct();
    await seeded(product);
    browser = await launchBrowser();
    officer = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
    city = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    assert.equal(await product?.stop(), 0, 'the product stops cleanly on Ctrl-C');
  });

  it('takes a real-name report from the tenant through the API', async () => {
    const login = await api(product, null, 'POST', '/auth/demo', { username: 'tenant' });
    assert.equal(login.status, 200, login.text);
    product.tenantToken = login.json.token;
    // The demo months are reconciled in the background after the seed: retry until they are.
    const deadline = Date.now() + 120_000;
    for (;;) {
      report = await api(product, product.tenantToken, 'POST', '/reports', {
        idempotencyKey: 'e2e-admin-case-0001',
        accountNo: ACCOUNT,
        periods: ['2025-04'],
        description: '按每度 1.2 元收费，另收基础电费',
        realName: true,
        reporterName: '张三',
        reporterPhone: '13812345678',
      });
      if (report.status === 201 || report.status === 200) break;
      if (Date.now() > deadline) throw new Error(`report refused: ${report.text}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    assert.match(report.json.caseNumber, /^沪转供-310112-\d{4}-\d{5}$/);
  });

  it('shows the report in the 闵行 officer’s queue, sorted by deadline', async () => {
    const { page, problems } = officer;
    await signIn(page, product.baseUrl, 'minhang');
    const queue = page.getByRole('table', { name: '工作队列' });
    const row = queue.locator('tbody tr.ant-table-row').filter({ hasText: report.json.caseNumber });
    await row.waitFor();
    await row.getByText('立案决定').waitFor();
    claimed = (await row.locator('td').nth(5).textContent()).trim();
    assert.match(claimed, /^¥[\d,]+\.\d{2}$/);
    await screenshot(page, 'admin-case-queue');

    // Filtered to the registered cases of this entity, the report is still there.
    await page.getByRole('combobox', { name: '状态' }).click();
    await page.locator('.ant-select-dropdown').getByTitle('已登记').click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: '收费主体' }).fill('91310112YUYU122BX0');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/status=registered/);
    await row.waitFor();
    await screenshot(page, 'admin-case-queue-filtered');

    // The officer takes it with bulk assignment.
    await row.getByRole('checkbox').check();
    await page.getByRole('combobox', { name: '承办人' }).click();
    await page
      .locator('.ant-select-dropdown')
      .getByTitle('闵行区局办案人员', { exact: true })
      .click();
    await page.getByRole('button', { name: '批量分派' }).click();
    await page.getByText('已将 1 件案件分派给承办人').waitFor();
    assert.deepEqual(problems, []);
  });

  it('opens the case page with the reporter, the verified evidence and the deadlines', async () => {
    const { page, problems } = officer;
    await page.getByRole('button', { name: '重置' }).click();
    await page.getByRole('link', { name: report.json.caseNumber }).click();
    await page.getByRole('heading', { name: report.json.caseNumber }).waitFor();
    caseId = new URL(page.url()).pathname.split('/').pop();
    const first = page.getByRole('region', { name: '举报 1' });
    await first.getByText('（实名）').waitFor();
    await first.getByRole('button', { name: '校验并查看核算表' }).click();
    await first.getByText('校验一致：证据未被改动').waitFor();
    await first.getByRole('table', { name: '核算表 2025-04' }).waitFor();
    await page.getByLabel('立案决定').waitFor();
    await screenshot(page, 'admin-case-page');

    await act(page, '开始核查');
    await page.getByText('核查中', { exact: true }).first().waitFor();
    // 立案 is the head's approval: not offered to the officer.
    assert.equal(await page.getByRole('button', { name: '立案', exact: true }).count(), 0);
    assert.deepEqual(problems, []);
  });

  it('lets the city bureau open the case and record the decision with exact amounts', async () => {
    const { page, problems } = city;
    await signIn(page, product.baseUrl, 'admin');
    await page.goto(`${product.baseUrl}/admin/cases/${caseId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: report.json.caseNumber }).waitFor();
    await act(page, '立案');
    await page.getByText('已立案调查', { exact: true }).first().waitFor();
    await page.getByLabel('作出处理决定').waitFor();

    // The order: refund what the tenant was overcharged, a warning, a fine of half of it.
    const owed = claimed.replace(/[¥,]/g, '');
    const fen = BigInt(owed.replace('.', ''));
    const half = fen / 2n;
    const fine = `${half / 100n}.${String(half % 100n).padStart(2, '0')}`;
    await act(page, '作出处理决定', async (dialog) => {
      assert.equal(await dialog.getByLabel('违法所得（元）').inputValue(), owed);
      assert.equal(await dialog.getByLabel('退还对象 1').inputValue(), TENANT);
      await dialog.getByLabel('应退金额 1').fill(owed);
      await dialog.getByLabel('罚款（元）').fill(fine);
    });
    const decision = page.getByRole('table', { name: '退款情况' });
    await decision.getByText('待退还').waitFor();
    await page
      .getByText(
        `¥${Number(half / 100n).toLocaleString('en-US')}.${String(half % 100n).padStart(2, '0')}`,
      )
      .first()
      .waitFor();
    await screenshot(page, 'admin-case-decided');
    assert.deepEqual(problems, []);
  });

  it('prints the 立案审批表 and the refund order, without the reporter on the order', async () => {
    const { page, problems, context } = city;
    for (const [button, title, shot] of [
      ['打印立案审批表', '立案审批表', 'admin-case-filing-approval'],
      ['打印责令退还多收价款通知书', '责令退还多收价款通知书', 'admin-case-refund-order'],
    ]) {
      const opened = context.waitForEvent('page');
      await page.getByRole('button', { name: button }).click();
      const doc = await opened;
      await doc.waitForLoadState();
      await doc.getByRole('heading', { name: title }).waitFor();
      const text = await doc.locator('body').innerText();
      assert.ok(text.includes(report.json.caseNumber));
      if (title === '责令退还多收价款通知书') {
        assert.ok(text.includes(claimed), `the order names the amount ${claimed}`);
        assert.ok(!text.includes('张三') && !text.includes('举报') && !text.includes(TENANT));
      }
      await screenshot(doc, shot);
      await doc.close();
    }
    assert.deepEqual(problems, []);
  });

  it('records the refund, takes the tenant’s confirmation and closes the case', async () => {
    const { page, problems } = officer;
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: report.json.caseNumber }).waitFor();
    await act(page, '开始退款监督');
    const owed = claimed.replace(/[¥,]/g, '');
    await act(page, '登记退款', async (dialog) => {
      assert.equal(await dialog.getByLabel('本次退还金额（元）').inputValue(), owed);
    });
    await page.getByRole('table', { name: '退款情况' }).getByText('已退还待确认').waitFor();
    await screenshot(page, 'admin-case-refund-recorded');

    const confirmed = await api(product, product.tenantToken, 'POST', `/cases/${caseId}/actions`, {
      action: 'confirm_refund',
      tenantId: TENANT,
    });
    assert.equal(confirmed.status, 200, confirmed.text);

    await page.reload({ waitUntil: 'networkidle' });
    await page.getByRole('table', { name: '退款情况' }).getByText('承租户已确认').waitFor();
    await act(page, '办结');
    await page.getByText('已办结', { exact: true }).first().waitFor();
    // Closed, but the real-name reporter was never told the decision on 立案: still offered.
    await page.getByRole('button', { name: '登记告知举报人', exact: true }).waitFor();
    await screenshot(page, 'admin-case-closed');
    await act(page, '登记告知举报人', async (dialog) => {
      await dialog.getByRole('combobox', { name: '告知方式' }).click();
      await page.locator('.ant-select-dropdown').getByTitle('电话告知').click();
    });
    await page.getByText('当前状态下您没有可办理的步骤。').waitFor();
    assert.deepEqual(problems, []);
  });

  it('offers 告知 on a refused case until its real-name reporter is told', async () => {
    // The same month again: the earlier case is closed, so this one is a new case.
    const again = await api(product, product.tenantToken, 'POST', '/reports', {
      idempotencyKey: 'e2e-admin-case-0002',
      accountNo: ACCOUNT,
      periods: ['2025-04'],
      description: '办结后仍按每度 1.2 元收费',
      realName: true,
      reporterName: '张三',
      reporterPhone: '13812345678',
    });
    assert.equal(again.status, 201, again.text);
    assert.equal(again.json.merged, false);
    const login = await api(product, null, 'POST', '/auth/demo', { username: 'minhang' });
    assert.equal(login.status, 200, login.text);
    const queue = await api(product, login.json.token, 'GET', '/cases?status=registered&limit=100');
    const refusedId = queue.json.items.find((i) => i.number === again.json.caseNumber).id;
    for (const body of [
      { action: 'assign', assigneeUserId: login.json.user.userId },
      { action: 'start_verification' },
    ]) {
      const r = await api(product, login.json.token, 'POST', `/cases/${refusedId}/actions`, body);
      assert.equal(r.status, 200, r.text);
    }

    // The city bureau (the head's approval) refuses with a legal reason.
    const { page: cityPage, problems: cityProblems } = city;
    await cityPage.goto(`${product.baseUrl}/admin/cases/${refusedId}`, {
      waitUntil: 'networkidle',
    });
    await cityPage.getByRole('heading', { name: again.json.caseNumber }).waitFor();
    await act(cityPage, '不予立案', async (dialog) => {
      await dialog.getByRole('combobox', { name: '不予立案的法定理由' }).click();
      await cityPage
        .locator('.ant-select-dropdown')
        .getByTitle('经核查，没有证据初步证明存在违法行为')
        .click();
    });
    await cityPage.getByText('不予立案', { exact: true }).first().waitFor();
    assert.deepEqual(cityProblems, []);

    // The officer sees it due in the queue on the notice deadline, and is offered 告知 only.
    const { page, problems } = officer;
    await page.goto(`${product.baseUrl}/admin/cases?status=not_opened`, {
      waitUntil: 'networkidle',
    });
    const row = page
      .getByRole('table', { name: '工作队列' })
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: again.json.caseNumber });
    await row.getByText('告知实名举报人').waitFor();
    await page.goto(`${product.baseUrl}/admin/cases/${refusedId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: again.json.caseNumber }).waitFor();
    await page.getByLabel('告知实名举报人').waitFor();
    const offered = page.getByRole('button', { name: '登记告知举报人', exact: true });
    await offered.waitFor();
    await screenshot(page, 'admin-case-refused-notice');
    await act(page, '登记告知举报人', async (dialog) => {
      await dialog.getByRole('combobox', { name: '告知方式' }).click();
      await page.locator('.ant-select-dropdown').getByTitle('短信告知').click();
    });
    await page.getByText('当前状态下您没有可办理的步骤。').waitFor();
    await page.getByLabel('告知实名举报人').getByText('已完成').waitFor();
    assert.deepEqual(problems, []);
  });
});
