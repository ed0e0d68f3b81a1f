// The mini-program's H5 build on a phone-sized page: what every H5 browser test shares.
import { screenshot, watchedPage } from './browser.mjs';

export const VIEWPORT = { width: 390, height: 844 };

// Browser-side expressions (strings, so that they run in the page, not in Node).
/** Elements on the page: Taro renders one custom element per View/Text. */
export const NODE_COUNT = "document.querySelectorAll('*').length";
/** Taro H5 keeps earlier pages in the DOM, hidden; the last visible one is on screen. */
export const VISIBLE_PAGE =
  "[...document.querySelectorAll('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none').pop()";

export const nodeCount = (page) => page.evaluate(NODE_COUNT);

/** A watched page (see browser.mjs) the size of a phone, in Chinese. */
export function phonePage(browser) {
  return watchedPage(browser, {
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
}

/**
 * Taro H5 slides a new page in and scrolls inside the page element, not the document: wait
 * for the visible page to come to rest, then grow the viewport to its height for a
 * whole-page picture. Answers the page's element count.
 */
export async function shoot(page, name) {
  await page.waitForFunction(`${VISIBLE_PAGE}?.classList.contains('taro_page_stationed')`);
  await page.waitForFunction(`${VISIBLE_PAGE}.getBoundingClientRect().left === 0`);
  const height = await page.evaluate(`${VISIBLE_PAGE}.scrollHeight`);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(height, VIEWPORT.height) });
  await screenshot(page, name);
  await page.setViewportSize(VIEWPORT);
  return nodeCount(page);
}
