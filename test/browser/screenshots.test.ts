/**
 * Screenshots of the main templates in both languages, on a phone and a desktop, into
 * test-results/screenshots/ (not kept in the repository) for people to look at. Each must
 * show the page: a non-trivial image whose top is the page's own header.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, ROOT } from '../site/helpers.ts';
import { newPage, openSite, templates, VIEWPORTS, type Site } from './site.ts';

const OUT = join(ROOT, 'test-results/screenshots');
let site: Site;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

const MAIN = ['home', 'chapter', 'region', 'indicator'];
const cases = LANGS.flatMap((lang) => templates(lang).filter((t) => MAIN.includes(t.name)).flatMap((t) => (['phone', 'desktop'] as const).map((vp) => [`${lang}-${t.name}-${vp}`, t.path, vp] as const)));

describe('screenshots', () => {
  it.each(cases)('%s', async (name, path, vp) => {
    // Reduced motion: charts drawn at once, not caught halfway through their animation.
    const page = await newPage(site, { viewport: VIEWPORTS[vp], reducedMotion: 'reduce' });
    try {
      await page.goto(site.origin + path);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.waitForFunction(() => [...document.querySelectorAll('.chart-box')].filter((b) => b.getBoundingClientRect().top < innerHeight).every((b) => b.classList.contains('is-live')), undefined, { timeout: 10_000 });
      const file = join(OUT, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      expect(await page.locator('.site-header').isVisible()).toBe(true);
      expect(statSync(file).size).toBeGreaterThan(10_000);
    } finally {
      await page.context().close();
    }
  });
});
