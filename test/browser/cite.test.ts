/**
 * Citing in the browser: a key figure's "Link" copies the figure's full address (and says so
 * to screen readers) where the clipboard may be written, and is a plain link to the figure's
 * anchor without scripts; a chart's CSV link downloads the data of the page's charts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPage, openSite, type Site } from './site.ts';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

describe('copy link to a key figure', () => {
  it('copies the figure\'s address and announces it, under the site\'s CSP', async () => {
    const page = await newPage(site);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${site.origin}/en/regions/anyang/2022/`);
    const link = page.locator('#kf-insured-total a[data-copy-link]');
    await expect.poll(() => link.getAttribute('aria-label')).toMatch(/^Link to this figure: /);
    await link.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.origin}/en/regions/anyang/2022/#kf-insured-total`);
    expect(await page.locator('[data-copy-status]').textContent()).toBe('Link copied');
    expect(page.url()).toBe(`${site.origin}/en/regions/anyang/2022/#kf-insured-total`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is a plain link to the figure without JavaScript, and the figure is its target', async () => {
    const page = await newPage(site, { javaScriptEnabled: false });
    await page.goto(`${site.origin}/zh/regions/anyang/2022/`);
    await page.locator('#kf-insured-total a[data-copy-link]').click();
    expect(page.url()).toBe(`${site.origin}/zh/regions/anyang/2022/#kf-insured-total`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('kf-insured-total');
    await page.context().close();
  });
});

describe('chart data', () => {
  it('downloads the CSV of the page\'s charts from the link under a chart', async () => {
    const page = await newPage(site, { acceptDownloads: true });
    await page.goto(`${site.origin}/zh/regions/anyang/2022/`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('figure[data-chart] .chart-source a[download]').first().click()]);
    expect(download.suggestedFilename()).toBe('zh-regions-anyang-2022-charts.csv');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toMatch(/^\uFEFFchart_id,chart,category,series,value,unit,fact_id\r\nchart-[a-z0-9-]+,/);
    await page.context().close();
  });
});
