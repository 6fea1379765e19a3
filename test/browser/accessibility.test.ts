/**
 * axe-core on every page template in both languages, at 360 px and 1280 px, in the light and
 * the dark colour scheme, after the live charts have loaded: no violation of the WCAG 2.1
 * A/AA rules.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allTemplates, newPage, openSite, scrollThrough, VIEWPORTS, type Site } from './site.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let site: Site;
const rulesRun = new Set<string>();
let checks = 0;

beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
  console.log(`axe: ${checks} page checks, ${rulesRun.size} WCAG 2.1 A/AA rules run`);
});

const pages = allTemplates();
const cases = pages.flatMap((p) => (['phone', 'desktop'] as const).flatMap((vp) => (['light', 'dark'] as const).map((scheme) => [`${p.name} ${vp} ${scheme}`, p.path, vp, scheme] as const)));

describe('WCAG 2.1 A/AA (axe-core)', () => {
  it.each(cases)('%s', async (_name, path, vp, scheme) => {
    const page = await newPage(site, { viewport: VIEWPORTS[vp], colorScheme: scheme });
    try {
      await page.goto(site.origin + path);
      await scrollThrough(page);
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      checks++;
      for (const r of [...result.passes, ...result.violations, ...result.incomplete]) rulesRun.add(r.id);
      const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(violations).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
