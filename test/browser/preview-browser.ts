import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The little of the DOM these checks read (the tests compile without the DOM library). */
export type Shown = { readonly offsetParent: unknown };
type Sized = { readonly scrollWidth: number; readonly clientWidth: number };
declare const document: { body: { dataset: Record<string, string | undefined> } };

/** Debian's chromium (`.ci/run` installs it); CHROMIUM_PATH overrides. Nothing downloads a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // root in a container has no user namespace sandbox; the page is our own, on loopback
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  });
}

/** A page that records console errors and page errors, at `width` px. */
export async function openPage(browser: Browser, width: number): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.setViewport({ width, height: 900 });
  return { page, errors };
}

/** Height of the rendered Teams card, in CSS px. */
export const cardHeight = (page: Page) =>
  page.$eval('#teams .ac-adaptiveCard', (el) => Math.round(el.getBoundingClientRect().height));

/** Buttons (and drop-downs) whose text does not fit their box, on the Teams and Slack panes. */
export const truncatedLabels = (page: Page) =>
  page.$$eval('#teams button, #slack button, #slack select', (els) =>
    els
      .filter((el) => (el as unknown as Shown).offsetParent !== null)
      .filter((el) => {
        // an Adaptive Card button cuts its label in an inner div (text-overflow: ellipsis)
        const inner = el.querySelector('div') as unknown as Sized | null;
        return el.scrollWidth > el.clientWidth + 1 || (inner !== null && inner.scrollWidth > inner.clientWidth + 1);
      })
      .map((el) => el.textContent ?? ''),
  );

/** Waits until the page has drawn an answer (the body names its verdict). */
export async function answered(page: Page, verdict?: string) {
  await page.waitForFunction(
    (v) => document.body.dataset.verdict !== undefined && (v === undefined || document.body.dataset.verdict === v),
    { timeout: 15_000 },
    verdict,
  );
}

/** Screenshots go to PREVIEW_SCREENSHOTS when it is set (to look at them), nowhere otherwise. */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.PREVIEW_SCREENSHOTS;
  if (!dir) return;
  const card = await page.$('#teams');
  await card?.screenshot({ path: join(dir, `${name}-teams.png`) });
  const slack = await page.$('#slack');
  await slack?.screenshot({ path: join(dir, `${name}-slack.png`) });
}

/** Clicks the Teams card's button whose label matches. */
export async function clickTeamsButton(page: Page, label: RegExp) {
  const buttons = await page.$$('#teams button');
  for (const b of buttons) {
    if (label.test((await b.evaluate((el) => el.textContent)) ?? '')) return void (await b.click());
  }
  throw new Error(`no Teams button labelled ${label}`);
}
