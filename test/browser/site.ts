/**
 * The built site in Chromium for the browser tests: dist/ served on 127.0.0.1 with its
 * `_headers` (so pages run under the real Content-Security-Policy), Debian Chromium through
 * playwright-core, and the page templates the tests visit.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { hasChromium, launchChromium, chromiumPath } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { DIST, LANGS, requireDist, type Lang } from '../site/helpers.ts';

export type Site = { origin: string; browser: Browser; close: () => Promise<void> };

export async function openSite(dist = DIST): Promise<Site> {
  if (dist === DIST) requireDist();
  if (!hasChromium()) throw new Error(`no Chromium at ${chromiumPath()}: apt-get install -y chromium fonts-noto-cjk fonts-wqy-microhei poppler-utils`);
  const server: StaticServer = await serveStatic(dist);
  const browser = await launchChromium();
  return {
    origin: server.origin,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** One page of each kind, in a language: what the accessibility, keyboard and screenshot tests visit. */
export function templates(lang: Lang): Array<{ name: string; path: string }> {
  return [
    { name: 'home', path: `/${lang}/` },
    { name: 'chapter', path: `/${lang}/regions/anyang/2022/` },
    { name: 'chapter-long', path: `/${lang}/regions/zhuzhou/2022/` },
    { name: 'region', path: `/${lang}/regions/zhuzhou/` },
    { name: 'indicators', path: `/${lang}/indicators/` },
    { name: 'indicator', path: `/${lang}/indicators/insured.total/` },
    { name: 'glossary', path: `/${lang}/glossary/` },
    { name: 'about', path: `/${lang}/about/` },
    { name: 'print', path: `/${lang}/print/` },
    { name: 'search', path: `/${lang}/search/` },
  ];
}

/** Pages in no language: the root chooser and the 404 page. */
export const SHARED_TEMPLATES = [
  { name: 'root', path: '/' },
  { name: '404', path: '/no-such-page/' },
];

/** Every template of both languages and the shared ones, named "zh chapter", "root"… */
export function allTemplates(): Array<{ name: string; path: string }> {
  return [...LANGS.flatMap((lang) => templates(lang).map((t) => ({ ...t, name: `${lang} ${t.name}` }))), ...SHARED_TEMPLATES];
}

export const VIEWPORTS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } } as const;

/** A new page in a fresh context (own cache and colour scheme). */
export async function newPage(site: Site, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext(options);
  return context.newPage();
}

/**
 * Scrolls to the end and back, so that everything loaded on approach is: waits until every
 * chart on the page has gone live (only with JavaScript on).
 */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    scrollTo(0, 0);
  });
  if ((await page.evaluate(() => document.querySelectorAll('script[type="module"]').length > 0))) {
    await page.waitForFunction(() => [...document.querySelectorAll('.chart-box')].every((b) => b.classList.contains('is-live')), undefined, { timeout: 10_000 });
  }
}
