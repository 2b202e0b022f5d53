import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/index.js';
import type { BotServer } from '../../src/server.js';
import { startBotServer } from '../support/bot-server.js';
import {
  answered,
  cardHeight,
  clickTeamsButton,
  hasChromium,
  launchChromium,
  openPage,
  type Shown,
  screenshot,
  truncatedLabels,
} from './preview-browser.js';

const QUESTIONS = {
  spark: 'We have 40 TB of clickstream in HDFS and need nightly joins',
  pytorch: 'fine-tune a 7B model on our 8 A100s, data is 30 GB of text',
  both: 'score our 2B-row Hive table with a trained PyTorch model every night',
  neither: 'we have 2 GB of CSVs and need some aggregations',
  unclear: 'The data is in Hive. Which framework should we pick?',
} as const;
const WIDTHS = [600, 360] as const;
const CASES = [...Object.keys(QUESTIONS), 'compare'].flatMap((what) => WIDTHS.map((width) => [what, width] as const));

let browser: Browser;
let server: BotServer;
let base: string;
/** heights measured, printed once at the end (the note's before/after figures) */
const heights: string[] = [];

beforeAll(async () => {
  ({ server, base } = await startBotServer({ HOST: '127.0.0.1' }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (heights.length > 0) console.log(`card heights (collapsed → expanded):\n${heights.join('\n')}`);
});

const urlFor = (what: string) =>
  what === 'compare'
    ? `${base}/?compare`
    : `${base}/?q=${encodeURIComponent(QUESTIONS[what as keyof typeof QUESTIONS])}`;

describe.skipIf(!hasChromium)('the preview page in headless Chromium', () => {
  it.each(CASES)(
    '%s at %i px: short collapsed, bounded expanded, no label cut, no console error',
    async (what, width) => {
      const { page, errors } = await openPage(browser, width);
      await page.goto(urlFor(what));
      await answered(page, what);
      const collapsed = await cardHeight(page);
      expect(await truncatedLabels(page)).toEqual([]);
      await screenshot(page, `${what}-${width}-collapsed`);
      if (what === 'compare') {
        // a dimension's details open on a tap on its line
        const before = await page.$$eval(
          '#teams .ac-container[id^="dimension-"]',
          (els) => els.filter((e) => (e as unknown as Shown).offsetParent !== null).length,
        );
        expect(before).toBe(0);
        await page.click('#teams .ac-selectable');
        const after = await page.$$eval(
          '#teams [id^="dimension-"]',
          (els) => els.filter((e) => (e as unknown as Shown).offsetParent !== null).length,
        );
        expect(after).toBe(1);
      } else {
        // the reasons sit behind "Why": hidden until it is pressed
        const reasonsShown = () =>
          page.$eval(
            '#teams',
            (el) => (el.querySelector('[id="why"]') as unknown as Shown | null)?.offsetParent !== null,
          );
        expect(await reasonsShown()).toBe(false);
        await clickTeamsButton(page, /^Why/);
        expect(await reasonsShown()).toBe(true);
      }
      // and the Slack message's "Why", for the screenshot of both open
      if (what !== 'compare') await page.click('#slack button[data-action="why"]');
      const expanded = await cardHeight(page);
      expect(expanded).toBeGreaterThan(collapsed);
      expect(await truncatedLabels(page)).toEqual([]);
      await screenshot(page, `${what}-${width}-expanded`);
      heights.push(`${what} @${width}: ${collapsed} → ${expanded}`);
      if (width === 600) {
        expect(collapsed).toBeLessThanOrEqual(450);
        expect(expanded).toBeLessThanOrEqual(1400);
      }
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('answers a follow-up on the Teams card in place: the card becomes the refined answer', async () => {
    const { page, errors } = await openPage(browser, 360);
    await page.goto(urlFor('unclear'));
    await answered(page, 'unclear');
    const select = await page.$('#teams select[id*="data-size"], #teams select');
    expect(select).not.toBeNull();
    const values = await page.$$eval('#teams select', (els) =>
      els.map((el) => [...el.querySelectorAll('option')].map((o) => o.getAttribute('value'))),
    );
    expect(values[0]).toContain('terabytes');
    const refined = ask('', { context: ask(QUESTIONS.unclear).facts, answers: { 'data-size': 'terabytes' } });
    expect(refined.verdict).not.toBe('unclear');
    await page.select('#teams select', 'terabytes');
    await clickTeamsButton(page, /^Answer$/);
    await answered(page, refined.verdict);
    expect(await page.$eval('#teams', (el) => el.textContent)).toContain('you chose “Terabytes or more”');
    // no stale questions left on the card: only the refined answer's own, never the one just answered
    expect(await page.$$('#teams select')).toHaveLength(refined.followUps.length);
    const left = await page.$$eval('#teams select', (els) =>
      els.flatMap((el) => [...el.querySelectorAll('option')].map((o) => o.getAttribute('value'))),
    );
    expect(left).not.toContain('terabytes');
    // the refined card carries earlier facts, so it has "Start over" too: still no label cut at 360 px
    expect(await page.$eval('#teams', (el) => el.textContent)).toContain('Start over');
    expect(await truncatedLabels(page)).toEqual([]);
    await screenshot(page, 'followup-360-answered');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Why" on the Slack approximation shows the reasons and hides them again; a select answers a follow-up', async () => {
    const { page, errors } = await openPage(browser, 360);
    await page.goto(urlFor('unclear'));
    await answered(page, 'unclear');
    expect(await page.$eval('#slack', (el) => el.textContent)).not.toContain('Data already lives in Hadoop');
    await page.click('#slack button[data-action="why"]');
    expect(await page.$eval('#slack', (el) => el.textContent)).toContain('Data already lives in Hadoop');
    await page.click('#slack button[data-action="why:hide"]');
    expect(await page.$eval('#slack', (el) => el.textContent)).not.toContain('Data already lives in Hadoop');
    // an option of the first question that settles the answer (which one depends on the fitted model)
    const asked = ask(QUESTIONS.unclear);
    const question = asked.followUps[0] as (typeof asked.followUps)[number];
    const settling = (question.options ?? [])
      .map((o) => ({ option: o.id, refined: ask('', { context: asked.facts, answers: { [question.id]: o.id } }) }))
      .find((c) => c.refined.verdict !== 'unclear');
    if (!settling) throw new Error(`no single answer to "${question.question}" settles the preview's unclear example`);
    const { refined } = settling;
    await page.select(`#slack select[data-action="followup:${question.id}"]`, `preview|${settling.option}`);
    await answered(page, refined.verdict);
    expect(await page.$eval('#slack .header', (el) => el.textContent)).toContain(refined.headline);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the PR comment rendered from Markdown, not as source', async () => {
    const { page, errors } = await openPage(browser, 600);
    await page.goto(urlFor('pytorch'));
    await answered(page, 'pytorch');
    const html = await page.$eval('#github', (el) => el.innerHTML);
    expect(html).toMatch(/<(p|h\d|table|details)[\s>]/);
    expect(html).not.toContain('**');
    expect(errors).toEqual([]);
    await page.close();
  });
});
