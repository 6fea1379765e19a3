/**
 * Site search in Chromium over the built site (dist/, its Pagefind index and its _headers):
 * real queries in both languages — Chinese terms and substrings a word segmenter would split
 * (基金|监管 → 金监), English words with their other forms — return pages that hold them, each
 * result with its page, region, year and kind and the passage with the query marked, linking to
 * an anchor that exists; a query without hits says so; the header's search box leads to the
 * results; each language finds only its own pages; no console error, no CSP violation, no
 * other host; axe finds nothing on the results; without JavaScript the page says what to do.
 * Last, a site built for a sub-path (SITE_BASE) searches and links under it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { ROOT } from '../site/helpers.ts';
import { newPage, openSite, VIEWPORTS, type Site } from './site.ts';

type Lang = 'zh' | 'en';
type Shown = {
  state: string;
  status: string;
  groups: Array<{ title: string; href: string; meta: string; more: string; passages: Array<{ href: string; text: string; marks: string[] }> }>;
};

const messages = (lang: Lang) => JSON.parse(readFileSync(join(ROOT, `src/i18n/${lang}.json`), 'utf8')) as Record<string, string>;
let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** Opens the search page for `q` and reads what it shows once the search is done. */
async function search(page: Page, origin: string, path: string, q: string): Promise<Shown> {
  await page.goto(`${origin}${path}?q=${encodeURIComponent(q)}`);
  return shown(page);
}

async function shown(page: Page): Promise<Shown> {
  await page.waitForFunction(() => ['done', 'failed'].includes(document.getElementById('search-status')?.dataset.state ?? ''), undefined, { timeout: 15_000 });
  return page.evaluate(() => ({
    state: document.getElementById('search-status')!.dataset.state!,
    status: document.getElementById('search-status')!.textContent!,
    groups: [...document.querySelectorAll('.search-result')].map((g) => ({
      title: g.querySelector('h2')!.textContent!,
      href: g.querySelector('h2 a')!.getAttribute('href')!,
      meta: g.querySelector('.search-result__meta')!.textContent!,
      more: g.querySelector('.search-result__more')?.textContent ?? '',
      passages: [...g.querySelectorAll('.search-result__passages a')].map((a) => ({
        href: a.getAttribute('href')!,
        text: a.textContent!,
        marks: [...a.querySelectorAll('mark')].map((m) => m.textContent!),
      })),
    })),
  }));
}

/** The text of a page of the site (tags dropped) and its ids, as fetched. */
const pages = new Map<string, Promise<{ text: string; ids: Set<string> }>>();
function fetchPage(origin: string, path: string): Promise<{ text: string; ids: Set<string> }> {
  let p = pages.get(origin + path);
  if (!p) {
    p = fetch(origin + path).then(async (res) => {
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
      return { text: main.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'), ids: new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)) };
    });
    pages.set(origin + path, p);
  }
  return p;
}

/** Every result page holds the term, and every passage link leads to an id on its page. */
async function expectFoundOnPages(result: Shown, origin: string, term: string | RegExp): Promise<void> {
  for (const g of result.groups) {
    const { text, ids } = await fetchPage(origin, g.href);
    if (typeof term === 'string') expect(text, g.href).toContain(term);
    else expect(text, g.href).toMatch(term);
    for (const p of g.passages) {
      expect(p.href.startsWith(g.href), p.href).toBe(true);
      const anchor = p.href.split('#')[1];
      if (anchor) expect(ids.has(decodeURIComponent(anchor)), `${p.href}: no such id`).toBe(true);
    }
  }
}

const passageCount = (r: Shown) => r.groups.reduce((n, g) => n + g.passages.length + (Number(/\d+/.exec(g.more)?.[0] ?? 0) || 0), 0);
const counts: string[] = [];
afterAll(() => console.log(`search: ${counts.join('; ')}`));

describe('Chinese queries', () => {
  it.each(['参保', '基金监管', '异地就医', '门诊', '医保基金'])('%s: pages that hold it, with region, year and the passage marked', async (term) => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    try {
      const result = await search(page, site.origin, '/zh/search/', term);
      counts.push(`zh ${term}: ${passageCount(result)} passages on ${result.groups.length} pages`);
      expect(result.state).toBe('done');
      expect(result.groups.length).toBeGreaterThan(0);
      expect(result.status).toContain(`${result.groups.length}个页面`);
      expect(result.status).toContain(`${passageCount(result)}处`);
      for (const g of result.groups) {
        expect(g.href).toMatch(/^\/zh\//);
        expect(g.passages.length).toBeGreaterThan(0);
        for (const p of g.passages) {
          expect(p.text).toContain(term);
          expect(p.marks).toContain(term);
        }
        // A chapter names its region and year; every page says what kind of page it is.
        if (/\/regions\/[^/]+\/\d{4}\/$/.test(g.href)) expect(g.meta).toMatch(/^\S+ · \d{4} · 地区年度章节$/);
        expect(g.meta.length).toBeGreaterThan(0);
      }
      expect(result.groups.some((g) => /\/regions\/[^/]+\/\d{4}\/$/.test(g.href))).toBe(true);
      await expectFoundOnPages(result, site.origin, term);
    } finally {
      await page.context().close();
    }
  });

  it.each(['金监', '保基'])('finds %s, a substring across the words a segmenter would cut (基金|监管, 医保|基金)', async (term) => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    try {
      const result = await search(page, site.origin, '/zh/search/', term);
      counts.push(`zh ${term}: ${passageCount(result)} passages on ${result.groups.length} pages`);
      expect(result.groups.length).toBeGreaterThan(0);
      for (const g of result.groups) for (const p of g.passages) expect(p.marks).toContain(term);
      await expectFoundOnPages(result, site.origin, term);
    } finally {
      await page.context().close();
    }
  });

  it('requires the Chinese as written: 基金监管 never matches 基金 and 监管 apart', async () => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    try {
      const result = await search(page, site.origin, '/zh/search/', '基金监管');
      const texts = result.groups.flatMap((g) => g.passages.map((p) => p.text));
      expect(texts.every((t) => t.includes('基金监管'))).toBe(true);
      // Two words: a passage must hold both (each shows the sentence with the most of them).
      const both = await search(page, site.origin, '/zh/search/', '参保 滑县');
      expect(both.groups.length).toBeGreaterThan(0);
      const passages = both.groups.flatMap((g) => g.passages);
      for (const p of passages) expect(p.marks.some((m) => m === '参保' || m === '滑县'), p.text).toBe(true);
      expect(passages.some((p) => p.marks.includes('参保') && p.marks.includes('滑县'))).toBe(true);
      for (const g of both.groups) {
        const { text } = await fetchPage(site.origin, g.href);
        expect(text.includes('参保') && text.includes('滑县'), g.href).toBe(true);
      }
    } finally {
      await page.context().close();
    }
  });
});

describe('English queries', () => {
  it.each([
    ['pooled fund', [/^pool/i, /^fund/i]],
    ['hospital', [/^hospital/i]],
    ['Anyang', [/^anyang/i]],
  ] as const)('%s: pages that hold it, the words marked in their other forms too', async (q, words) => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    try {
      const result = await search(page, site.origin, '/en/search/', q);
      counts.push(`en ${q}: ${passageCount(result)} passages on ${result.groups.length} pages`);
      expect(result.groups.length).toBeGreaterThan(0);
      expect(result.status).toMatch(/^\d+ passages? on \d+ pages? for “/);
      for (const g of result.groups) {
        expect(g.href).toMatch(/^\/en\//);
        for (const p of g.passages) expect(p.marks.some((m) => words.some((w) => w.test(m))), `${p.text}: nothing marked`).toBe(true);
      }
      const passages = result.groups.flatMap((g) => g.passages);
      expect(passages.some((p) => words.every((w) => p.marks.some((m) => w.test(m))))).toBe(true);
      await expectFoundOnPages(result, site.origin, new RegExp(words.map((w) => w.source.slice(1)).join('|'), 'i'));
    } finally {
      await page.context().close();
    }
  });

  it('finds a word by another form of it (funds → fund)', async () => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    try {
      const result = await search(page, site.origin, '/en/search/', 'funds');
      const marks = result.groups.flatMap((g) => g.passages.flatMap((p) => p.marks.map((m) => m.toLowerCase())));
      expect(marks).toContain('fund');
    } finally {
      await page.context().close();
    }
  });
});

describe('the search page', () => {
  it.each(['zh', 'en'] as const)('%s: says so when nothing is found', async (lang) => {
    const page = await newPage(site, { viewport: VIEWPORTS.phone });
    try {
      const q = lang === 'zh' ? '鲸鱼' : 'zzyzx';
      const result = await search(page, site.origin, `/${lang}/search/`, q);
      expect(result.groups).toEqual([]);
      expect(result.status).toBe(messages(lang)['search.none']!.replace('{{q}}', q));
      expect(await page.inputValue('#search-q')).toBe(q);
    } finally {
      await page.context().close();
    }
  });

  it.each([['zh', '医疗'], ['en', 'insurance']] as const)('%s: lists the 50 most relevant pages of a word found nearly everywhere (%s), and says so', async (lang, q) => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    try {
      const result = await search(page, site.origin, `/${lang}/search/`, q);
      expect(result.groups).toHaveLength(50);
      const pages = lang === 'zh' ? '50个页面' : '50 pages';
      expect(result.status).toBe(messages(lang)['search.many']!.replace('{{q}}', q).replace('{{pages}}', pages));
      for (const g of result.groups) for (const p of g.passages) expect(p.marks.length).toBeGreaterThan(0);
    } finally {
      await page.context().close();
    }
  });

  it('finds only pages of its own language', async () => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    try {
      for (const lang of ['zh', 'en'] as const) {
        for (const q of ['DRG', '2022', '参保']) {
          const result = await search(page, site.origin, `/${lang}/search/`, q);
          expect(result.groups.length, `${lang} ${q}`).toBeGreaterThan(0);
          for (const g of result.groups) {
            expect(g.href.startsWith(`/${lang}/`), `${lang} ${q}: ${g.href}`).toBe(true);
            for (const p of g.passages) expect(p.href.startsWith(`/${lang}/`)).toBe(true);
          }
        }
      }
    } finally {
      await page.context().close();
    }
  });

  it('is reached from the search box in the header of a chapter, by keyboard', async () => {
    const page = await newPage(site, { viewport: VIEWPORTS.phone });
    try {
      await page.goto(`${site.origin}/zh/regions/anyang/2022/`);
      const box = page.getByRole('search').getByRole('searchbox', { name: messages('zh')['search.label'] });
      await box.focus();
      await page.keyboard.type('异地就医');
      await Promise.all([page.waitForURL(/\/zh\/search\/\?q=/), page.keyboard.press('Enter')]);
      expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=异地就医');
      const result = await shown(page);
      expect(result.groups.length).toBeGreaterThan(0);
      await expectFoundOnPages(result, site.origin, '异地就医');
      // The result leads to its passage.
      const first = result.groups.find((g) => g.href === '/zh/regions/anyang/2022/')!;
      await page.click(`a[href="${first.passages[0]!.href}"]`);
      await page.waitForURL(/\/zh\/regions\/anyang\/2022\/#/);
    } finally {
      await page.context().close();
    }
  });

  it('runs cleanly: no console error, no CSP violation, nothing from another host, no filter index, the looser CSP on search pages only', async () => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    const problems: string[] = [];
    try {
      await page.context().route('**/*', (route) => {
        // The filter index holds every page's passages (a page's record carries them as a
        // filter, scripts/lib/search-records.ts): the search page must never load it.
        if (route.request().url().includes('/pagefind/filter/')) problems.push(`filter index loaded: ${route.request().url()}`);
        if (new URL(route.request().url()).origin === site.origin) return route.continue();
        problems.push(`request to another host: ${route.request().url()}`);
        return route.abort('blockedbyclient');
      });
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`console ${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation ${e.violatedDirective} ${e.blockedURI}`));
      });
      for (const [lang, q] of [['zh', '基金监管'], ['en', 'pooled fund']] as const) {
        const result = await search(page, site.origin, `/${lang}/search/`, q);
        expect(result.state).toBe('done');
      }
      const csp = async (path: string) => (await fetch(site.origin + path)).headers.get('content-security-policy') ?? '';
      expect(await csp('/zh/search/?q=x')).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
      expect(await csp('/en/search/')).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
      expect(await csp('/zh/')).toMatch(/script-src 'self';/);
      expect(await csp('/pagefind/pagefind.js')).toMatch(/script-src 'self';/);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it.each(['zh', 'en'] as const)('%s: results pass axe (WCAG 2.1 A/AA) at 360 and 1280 px, light and dark', async (lang) => {
    for (const vp of ['phone', 'desktop'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const page = await newPage(site, { viewport: VIEWPORTS[vp], colorScheme: scheme });
        try {
          await search(page, site.origin, `/${lang}/search/`, lang === 'zh' ? '参保' : 'hospital fund');
          const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          expect(result.violations.map((v) => `${vp} ${scheme} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        } finally {
          await page.context().close();
        }
      }
    }
  });

  it.each(['zh', 'en'] as const)('%s: without JavaScript, says search needs it and where to browse instead', async (lang) => {
    const page = await newPage(site, { viewport: VIEWPORTS.phone, javaScriptEnabled: false });
    try {
      await page.goto(`${site.origin}/${lang}/search/?q=fund`);
      const note = page.locator('.search-nojs');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain(messages(lang)['search.noscript']!);
      const links = await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual([`/${lang}/indicators/`, `/${lang}/#regions-h`]);
      for (const href of links) expect((await fetch(site.origin + href!)).status).toBe(200);
    } finally {
      await page.context().close();
    }
  });
});

describe('under a sub-path (SITE_BASE=/yearbook/)', () => {
  let project: string;
  let served: { origin: string; close: () => Promise<void> };

  beforeAll(async () => {
    // A copy of the project (sharing node_modules and the ingested content) built for /yearbook/.
    project = mkdtempSync(join(tmpdir(), 'yearbook-base-'));
    for (const entry of ['src', 'scripts', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
    // Without what vitest puts in the environment for Vite (BASE_URL would override the base).
    const { BASE_URL: _b, MODE: _m, DEV: _d, PROD: _p, SSR: _s, ...inherited } = process.env;
    const env = { ...inherited, SITE_BASE: '/yearbook/', ASTRO_TELEMETRY_DISABLED: '1' };
    for (const args of [['exec', '--', 'astro', 'build'], ['run', '-s', 'search']]) {
      const run = spawnSync('npm', args, { cwd: project, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
      if (run.status !== 0) throw new Error(`npm ${args.join(' ')} for /yearbook/ failed:\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
    }
    // Served as a CDN would serve the folder at /yearbook/, with the site's _headers.
    const root = join(project, 'served');
    mkdirSync(root);
    symlinkSync(join(project, 'dist'), join(root, 'yearbook'), 'dir');
    cpSync(join(project, 'dist/_headers'), join(root, '_headers'));
    served = await serveStatic(root);
  }, 300_000);

  afterAll(async () => {
    await served?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('searches from the header box and links under /yearbook/', async () => {
    const page = await newPage(site, { viewport: VIEWPORTS.desktop });
    const problems: string[] = [];
    try {
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      await page.goto(`${served.origin}/yearbook/en/about/`);
      await page.fill('#site-q', 'hospital');
      await Promise.all([page.waitForURL(/\/yearbook\/en\/search\/\?q=hospital$/), page.press('#site-q', 'Enter')]);
      const result = await shown(page);
      expect(result.groups.length).toBeGreaterThan(0);
      for (const g of result.groups) {
        expect(g.href).toMatch(/^\/yearbook\/en\//);
        for (const p of g.passages) expect(p.href).toMatch(/^\/yearbook\/en\//);
      }
      await expectFoundOnPages(result, served.origin, /hospital/i);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
