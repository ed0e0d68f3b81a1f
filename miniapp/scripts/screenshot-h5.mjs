// Screenshots of the built H5 home page on a phone viewport, as a user would see it, with
// the API up (health answered by a stub) and down (no API: /api/health is a 404).
// Serves dist/h5 like the backend does: static files, index.html for unknown paths.
// Usage: node scripts/screenshot-h5.mjs   (after `pnpm build:h5`; needs /usr/bin/chromium)
// Exits non-zero on a page error, a console error or an unexpected failed request.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
// The same Debian chromium, with the same flags, as the browser tests.
import { launchBrowser } from '../../e2e/support/browser.mjs';

const root = fileURLToPath(new URL('../dist/h5', import.meta.url));
const outDir = fileURLToPath(new URL('../../.artifacts/screenshots', import.meta.url));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (path.startsWith('/api/')) {
    res.writeHead(404, { 'content-type': 'application/json' });
    return res.end('{"code":"NOT_FOUND","message":"未找到"}');
  }
  let file = join(root, path);
  if (!file.startsWith(root) || !isFile(file)) {
    if (extname(path)) return res.writeHead(404).end();
    file = join(root, 'index.html');
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
mkdirSync(outDir, { recursive: true });

const browser = await launchBrowser();

const problems = [];
const shots = [
  { name: 'home-service-up', path: '/', apiUp: true, expect: '服务正常' },
  { name: 'home-service-down', path: '/', apiUp: false, expect: '服务暂不可用' },
  { name: 'home-deep-link', path: '/pages/index/index', apiUp: true, expect: '服务正常' },
];
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    if (shot.apiUp) {
      await page.route('**/api/health', (route) =>
        route.fulfill({
          json: { status: 'ok', database: { type: 'sqlite', ok: true }, version: '0.1.0' },
        }),
      );
    }
    const tag = (text) => problems.push(`${shot.name}: ${text}`);
    page.on('pageerror', (error) => tag(`page error: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Chromium logs the (handled) health 404 as a console error; anything else counts.
      const expected = !shot.apiUp && msg.location().url.endsWith('/api/health');
      if (!expected) tag(`console error: ${msg.text()}`);
    });
    page.on('requestfailed', (req) => tag(`request failed: ${req.url()}`));
    page.on('response', (res) => {
      const expected = !shot.apiUp && res.url().endsWith('/api/health');
      if (res.status() >= 400 && !expected) tag(`HTTP ${res.status()}: ${res.url()}`);
    });

    await page.goto(base + shot.path, { waitUntil: 'networkidle' });
    await page.getByText(shot.expect, { exact: true }).waitFor({ timeout: 10_000 });
    const file = join(outDir, `miniapp-${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`saved ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
