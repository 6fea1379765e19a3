/**
 * A whole site built from the seeds plus a hostile bulletin (HTML, <script>, event handlers,
 * javascript: links, {expressions}, import/export lines, Markdown control characters) and the
 * bad-input corpus (empty, binary, truncated UTF-8, undeclared GB18030, 20 MB, no figures, the
 * same bulletin twice, two bulletins disagreeing). In Chromium: nothing from the hostile text
 * runs or becomes markup, its text is shown literally; the build completes with everything
 * else; the About page names every file left out, with its reason.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badCorpus, HUGE_NAME } from '../helpers/bad-corpus.ts';
import { ROOT } from '../site/helpers.ts';
import { newPage, openSite, scrollThrough, type Site } from './site.ts';

const HOSTILE = 'kaifeng-2022-bulletin.txt';
let project: string;
let site: Site;
let report: Array<{ file: string; status: string; problems: Array<{ message: string }> }>;

beforeAll(async () => {
  // A copy of the project (sharing node_modules) whose seeds hold the hostile and bad files.
  project = mkdtempSync(join(tmpdir(), 'yearbook-hostile-'));
  for (const entry of ['src', 'scripts', 'public', 'seeds', 'content/translations', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  mkdirSync(join(project, 'seeds'), { recursive: true });
  writeFileSync(join(project, 'seeds', HOSTILE), readFileSync(join(ROOT, 'test/fixtures/unseen/hostile-2022-bulletin.txt')));
  for (const f of badCorpus()) writeFileSync(join(project, 'seeds', f.name), f.bytes);
  // The build with PDFs left out (they are tested on the real site).
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: project, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: join(project, 'no-chromium') }, maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) throw new Error(`build with hostile and bad seeds failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`);
  report = (JSON.parse(readFileSync(join(project, 'content/data/ingest-report.json'), 'utf8')) as { files: typeof report }).files;
  site = await openSite(join(project, 'dist'));
}, 600_000);

afterAll(async () => {
  await site?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** Loads a page, failing on any dialog (alert), console error or uncaught exception. */
async function visit(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await newPage(site, { viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  await page.goto(site.origin + path);
  await scrollThrough(page);
  return { page, problems };
}

describe.each(['zh', 'en'])('the hostile bulletin\'s chapter in %s', (lang) => {
  it('runs nothing from the text and turns none of it into markup', async () => {
    const { page, problems } = await visit(`/${lang}/regions/kaifeng/2022/`);
    try {
      const found = await page.evaluate(() => {
        const main = document.querySelector('main')!;
        return {
          scripts: [...document.querySelectorAll('script')].filter((s) => !(s.type === 'application/json' || s.type === 'application/ld+json' || (s.type === 'module' && s.src))).map((s) => s.outerHTML.slice(0, 80)),
          // The page's schema.org description names the bulletin: it must stay one JSON block, with no markup in it.
          dataBlocks: [...document.querySelectorAll('script[type="application/ld+json"]')].filter((s) => {
            try {
              return s.textContent!.includes('<') || typeof JSON.parse(s.textContent!) !== 'object';
            } catch {
              return true;
            }
          }).length,
          handlers: [...main.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
          javascriptLinks: [...main.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href')!.trim().toLowerCase().startsWith('javascript:')).length,
          markup: [...main.querySelectorAll('img, b, i, iframe, object, embed, form, input')].map((el) => el.outerHTML.slice(0, 60)),
          // (the live chart's canvas is chart.js's own, sized by style)
          styled: [...main.querySelectorAll('[style]')].filter((el) => !el.closest('.chart-live')).map((el) => el.outerHTML.slice(0, 60)),
          written: document.body.innerHTML.includes('统计口径说明') && !main.textContent!.includes('document.write("统计口径说明")'),
        };
      });
      expect(found).toEqual({ scripts: [], dataBlocks: 0, handlers: [], javascriptLinks: 0, markup: [], styled: [], written: false });
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('shows the text literally', async () => {
    const { page } = await visit(`/${lang}/regions/kaifeng/2022/`);
    try {
      const text = await page.locator('main').innerText();
      // ("{a: 1}" reads "{a:1}": the clean stage closes spaces that PDF copying puts around figures.)
      for (const literal of ['<script>document.write("统计口径说明")</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(\'x\')">', 'import x from "y"', 'export const a = 1', '{value}', '{{count}}', '`a < b && c > d`', '{a:1}', '<b>453.68万人</b>', '# 数据来源']) {
        expect(text, literal).toContain(literal);
      }
    } finally {
      await page.context().close();
    }
  });
});

describe('the bad files', () => {
  const leftOut = () => report.filter((r) => r.status !== 'used');

  it('each has its reason in the ingest report, and the five seeds are still used', () => {
    const reasons = Object.fromEntries(report.map((r) => [r.file, `${r.status}: ${r.problems.map((p) => p.message).join('; ')}`]));
    expect(reasons['empty.txt']).toMatch(/^rejected: .*empty/);
    expect(reasons['scan.png']).toMatch(/^rejected: .*binary/);
    expect(reasons[HUGE_NAME]).toMatch(/^rejected: .*MB is more than a bulletin/);
    expect(reasons['pingdingshan-2022-plan.txt']).toMatch(/^(rejected|partly-used): .*no figures/i);
    expect(reasons['zz-downloaded-again.txt']).toMatch(/^rejected: same content as xuchang-2022-bulletin\.txt/);
    expect(reasons['xinxiang-2022-bulletin.txt']).toMatch(/truncated|incomplete/i);
    for (const seed of ['anyang-2022-bulletin.txt', 'anyang-2021-news.txt', 'zhumadian-2021-yearbook.txt', 'zhuzhou-2022-fund-report.txt', 'inner-mongolia-2022-yearbook.txt', HOSTILE]) expect(reasons[seed], seed).toMatch(/^(used|partly-used)/);
  });

  it.each(['zh', 'en'])('the %s About page names every file left out or partly used, with its reason', async (lang) => {
    const { page, problems } = await visit(`/${lang}/about/`);
    try {
      const section = await page.locator('section:has(#excluded)').innerText();
      for (const r of leftOut()) {
        expect(section, r.file).toContain(r.file);
        for (const p of r.problems) expect(section, `${r.file}: ${p.message}`).toContain(p.message.slice(0, 40));
      }
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('leaves every other chapter built', async () => {
    for (const path of ['/zh/regions/zhuzhou/2022/', '/en/regions/anyang/2022/', '/en/regions/xuchang/2022/', '/zh/regions/luoyang/2022/']) {
      const res = await fetch(site.origin + path);
      expect(res.status, path).toBe(200);
    }
  });
});
