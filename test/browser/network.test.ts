/**
 * Every page of the site, loaded in Chromium under the headers of `_headers` (the real
 * Content-Security-Policy) and scrolled through so that the live charts load: no console
 * error, no uncaught exception, no CSP violation, no failed request, no response >= 400, and
 * no request to any host but the local server (such requests are
 * blocked and counted). Also: the headers themselves, and a chapter page's key figures and
 * static chart without JavaScript, the interactive chart with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlFiles, urlOf } from '../site/helpers.ts';
import { newPage, openSite, scrollThrough, type Site } from './site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('every page', () => {
  it('loads and runs cleanly under the CSP, touching no other host', async () => {
    const paths = htmlFiles().map(urlOf);
    const problems: string[] = [];
    let requests = 0;
    let blocked = 0;
    const page = await newPage(site, { viewport: { width: 1280, height: 900 } });
    const context = page.context();
    await context.route('**/*', (route) => {
      requests++;
      if (new URL(route.request().url()).origin === site.origin) return route.continue();
      blocked++;
      problems.push(`request to another host: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    });
    let current = '';
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${current}: console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${current}: uncaught ${e.message}`));
    // (ERR_ABORTED: cancelled by the next navigation, such as the icon of a page already left.)
    page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`${current}: request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${current}: ${r.status()} ${r.url()}`);
    });
    for (const path of paths) {
      current = path;
      await page.goto(site.origin + path);
      await page.evaluate(() => {
        (window as unknown as { cspViolations: string[] }).cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await scrollThrough(page);
      for (const v of await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)) problems.push(`${path}: CSP violation ${v}`);
    }
    await context.close();
    console.log(`network: ${paths.length} pages, ${requests} requests, ${blocked} blocked`);
    expect(problems.slice(0, 50)).toEqual([]);
  }, 900_000);
});

describe('headers (public/_headers, as the CDN sends them)', () => {
  it('sends a strict CSP and the other security headers with every page, short caching for HTML', async () => {
    const res = await fetch(`${site.origin}/en/regions/anyang/2022/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
  });

  it('caches hashed assets for a year, immutably', async () => {
    const html = await (await fetch(`${site.origin}/en/regions/anyang/2022/`)).text();
    const asset = /(\/_astro\/[^"]+\.(?:js|css))"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const res = await fetch(site.origin + asset);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-security-policy')).toBeTruthy();
  });
});

describe('charts with and without JavaScript', () => {
  const path = '/en/regions/anyang/2022/';

  it('without JavaScript: the key figures and a chart image are there', async () => {
    const page = await newPage(site, { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(site.origin + path);
      const figures = page.locator('.key-figure .fact-value');
      expect(await figures.count()).toBeGreaterThan(3);
      expect(await figures.first().isVisible()).toBe(true);
      const svg = page.locator('.chart-box svg').first();
      await svg.scrollIntoViewIfNeeded();
      expect(await svg.isVisible()).toBe(true);
      expect((await svg.boundingBox())!.height).toBeGreaterThan(100);
      expect(await page.locator('canvas').count()).toBe(0);
    } finally {
      await page.context().close();
    }
  });

  it('with JavaScript: the interactive chart replaces the image as it comes into view', async () => {
    const page = await newPage(site, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(site.origin + path);
      const box = page.locator('.chart-box').first();
      await box.scrollIntoViewIfNeeded();
      await page.locator('.chart-box.is-live canvas').first().waitFor({ state: 'visible', timeout: 10_000 });
      expect(await box.locator('svg').isVisible()).toBe(false);
    } finally {
      await page.context().close();
    }
  });
});
