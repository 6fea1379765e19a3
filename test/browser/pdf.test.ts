/**
 * The PDFs `npm run build` renders with Chromium (dist/pdf/): every one opens (pdfinfo), has a
 * page count in the expected range, title and language set, is tagged, has outline entries
 * for each chapter (the yearbook: each chapter and the appendix, with the contents' page
 * numbers matching), contains its chapters' key figures as text (pdftotext), embeds real
 * subset fonts and no Type 3 (pdffonts), and points nowhere local. Needs poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOutline, type OutlineEntry } from '../../scripts/lib/pdf-outline.ts';
import { chapterPdfPath, yearbookPdfPath } from '../../src/lib/pdf-paths.ts';
import { DIST, HTML_LANG, LANGS, assertNone, chapterPath, chapters, elements, htmlFiles, pageFile, rel, resolveHref, textOf, tokens, urlAttributes, type Chapter, type Lang } from '../site/helpers.ts';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

type Pdf = { path: string; info: Record<string, string>; pages: number; text: string[]; fonts: string[][]; outline: OutlineEntry[]; lang: string | null; bytes: Buffer };
const pdfs = new Map<string, Pdf>();

async function open(path: string): Promise<Pdf> {
  const file = join(DIST, path);
  const info = Object.fromEntries(
    run('pdfinfo', [file])
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  const pages = Number(info.Pages);
  // One string per page (pdftotext separates pages with form feeds).
  const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f').slice(0, pages);
  const fonts = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s{2,}|\s(?=yes|no)/));
  const bytes = readFileSync(file);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const lang = doc.catalog.get(PDFName.of('Lang'));
  return { path, info, pages, text, fonts, outline: await readOutline(bytes), lang: lang instanceof PDFString ? lang.decodeText() : null, bytes };
}

/** What a chapter page shows: its title, its <h1>, its key figures' values. */
function chapterPage(lang: Lang, c: Chapter) {
  const file = pageFile(chapterPath(lang, c));
  const els = elements(file);
  const title = textOf(els.find((e) => e.tagName === 'title')!);
  const h1 = squash(textOf(els.find((e) => e.tagName === 'h1')!));
  const keyFigures = els.filter((e) => tokens(e, 'className').includes('fact-value')).map((e) => squash(textOf(e)));
  return { title, h1, keyFigures };
}

const expected = LANGS.flatMap((lang) => [yearbookPdfPath(lang), ...chapters().map((c) => chapterPdfPath(lang, c.slug, c.year))]);

beforeAll(async () => {
  const missing = expected.filter((p) => !existsSync(join(DIST, p)));
  if (missing.length > 0) throw new Error(`missing PDFs (${missing.join(', ')}): build on a machine with Debian chromium (npm run build, or npm run pdf)`);
  for (const p of expected) pdfs.set(p, await open(p));
});

describe.each(LANGS.flatMap((lang) => chapters().map((c) => [chapterPdfPath(lang, c.slug, c.year), lang, c] as const)))('%s', (path, lang, c) => {
  const page = () => chapterPage(lang, c);
  const pdf = () => pdfs.get(path)!;

  it('opens, is A4, tagged, titled like its page and in its language', () => {
    expect(pdf().info['Page size']).toMatch(/\(A4\)$/);
    expect(pdf().info.Tagged).toBe('yes');
    expect(pdf().info.Title).toBe(page().title);
    expect(pdf().lang).toBe(HTML_LANG[lang]);
    expect(pdf().pages).toBeGreaterThanOrEqual(2);
    expect(pdf().pages).toBeLessThanOrEqual(60);
  });

  it('has the chapter and its sections in its outline', () => {
    const top = pdf().outline.filter((e) => e.depth === 0);
    expect(top.map((e) => squash(e.title))).toContain(page().h1);
    expect(pdf().outline.filter((e) => e.depth === 1).length).toBeGreaterThanOrEqual(3);
  });

  it("contains the chapter's key figures as text", () => {
    const text = squash(pdf().text.join(' '));
    expect(page().keyFigures.length).toBeGreaterThan(0);
    expect(page().keyFigures.filter((v) => !text.includes(v))).toEqual([]);
  });
});

describe.each(LANGS.map((lang) => [yearbookPdfPath(lang), lang] as const))('%s', (path, lang) => {
  const pdf = () => pdfs.get(path)!;
  const own = () => chapters().map((c) => ({ c, page: chapterPage(lang, c), pdf: pdfs.get(chapterPdfPath(lang, c.slug, c.year))! }));

  it('opens, is A4, tagged and in its language, with every chapter in it', () => {
    expect(pdf().info['Page size']).toMatch(/\(A4\)$/);
    expect(pdf().info.Tagged).toBe('yes');
    expect(pdf().lang).toBe(HTML_LANG[lang]);
    // Cover and contents, each chapter (as long as its own PDF, give or take a page), the appendix.
    const chapterPages = own().reduce((n, x) => n + x.pdf.pages, 0);
    expect(pdf().pages).toBeGreaterThanOrEqual(2 + chapterPages - own().length);
    expect(pdf().pages).toBeLessThanOrEqual(2 + chapterPages + own().length + 10);
  });

  it('has an outline entry for each chapter and the appendix, in order, and the contents give their pages', () => {
    const top = pdf().outline.filter((e) => e.depth === 0);
    const starts = own().map(({ page }) => top.find((e) => squash(e.title) === page.h1));
    expect(starts.map((s, i) => (s ? null : own()[i]!.page.h1)).filter(Boolean)).toEqual([]);
    const pages = starts.map((s) => s!.page!);
    expect(new Set(pages).size).toBe(pages.length);
    expect(Math.min(...pages)).toBeGreaterThan(2);
    expect(top.length).toBe(own().length + 2); // the cover, the chapters, the appendix
    const contents = squash(pdf().text.slice(0, 3).join(' '));
    for (const [i, { page }] of own().entries()) expect(contents).toMatch(new RegExp(`${page.h1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*${pages[i]}\\b`));
    // Each chapter starts on the page its outline entry points to.
    for (const [i, { page }] of own().entries()) expect(squash(pdf().text[pages[i]! - 1]!)).toContain(page.h1);
  });

  it("contains every chapter's key figures as text", () => {
    expect(own().every(({ page }) => page.keyFigures.length > 0)).toBe(true);
    const text = squash(pdf().text.join(' '));
    const missing = own().flatMap(({ page }) => page.keyFigures.filter((v) => !text.includes(v)).map((v) => `${page.h1}: ${v}`));
    expect(missing).toEqual([]);
  });
});

describe('every PDF', () => {
  it('embeds its fonts as subset TrueType or OpenType fonts, none as Type 3', () => {
    const problems = [...pdfs.values()].flatMap((p) =>
      p.fonts.flatMap((row) => {
        const line = row.join(' ');
        if (/Type 3/.test(line)) return [`${p.path}: Type 3 font (${line})`];
        // Columns: name, type, encoding, emb, sub, uni, object id.
        const flags = line.match(/\b(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
        if (!flags || flags[1] !== 'yes' || flags[2] !== 'yes') return [`${p.path}: font not embedded as a subset (${line})`];
        return [];
      }),
    );
    assertNone(problems, 'fonts');
    expect([...pdfs.values()].every((p) => p.fonts.length > 0)).toBe(true);
  });

  it('leads nowhere local: no link to the address it was rendered from', () => {
    expect([...pdfs.values()].filter((p) => /127\.0\.0\.1|localhost/.test(p.bytes.toString('latin1'))).map((p) => p.path)).toEqual([]);
  });

  it('is linked from the site, and every PDF the site links exists', () => {
    const linked = new Set<string>();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      for (const el of elements(file)) {
        for (const [, value] of urlAttributes(el)) {
          if (!value.endsWith('.pdf')) continue;
          const r = resolveHref(file, value);
          if (r.kind !== 'internal') continue;
          if (r.file === null) problems.push(`${rel(file)} links ${value}, which does not exist`);
          else linked.add(rel(r.file));
        }
      }
    }
    assertNone(problems, 'PDF links');
    expect(expected.filter((p) => !linked.has(p))).toEqual([]);
  });
});
