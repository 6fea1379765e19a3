/**
 * The pages the site must have (from content/data), their <html lang>, and the way between the
 * two language versions of every page: a visible <a hreflang> to the counterpart and
 * <link rel="alternate" hreflang> for both languages.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import {
  DIST,
  HTML_LANG,
  LANGS,
  assertNone,
  parsePage,
  attr,
  chapterPath,
  chapters,
  counterpartFile,
  elements,
  htmlFiles,
  indicatorIdsWithFacts,
  langOfFile,
  pageFile,
  regionSlugs,
  rel,
  requireDist,
  resolveHref,
  type Lang,
} from './helpers.ts';

function expectPage(path: string): void {
  requireDist();
  const file = pageFile(path);
  expect(existsSync(file), `/${path} is not in the build (expected ${rel(file)})`).toBe(true);
}

describe('pages exist', () => {
  it.each(['index.html', '404.html'])('root file %s', (path) => expectPage(path));

  for (const lang of LANGS) {
    it.each(['', 'indicators/', 'glossary/', 'about/'])(`/${lang}/%s`, (p) => expectPage(`${lang}/${p}`));
  }

  const chapterCases = chapters().flatMap((c) => LANGS.map((lang) => ({ lang, chapter: c, path: chapterPath(lang, c) })));
  it.each(chapterCases.map((c) => [c.path]))('chapter /%s', (path) => expectPage(path));

  const regionCases = regionSlugs().flatMap((slug) => LANGS.map((lang) => `${lang}/regions/${slug}/`));
  it.each(regionCases.map((p) => [p]))('region /%s', (path) => expectPage(path));

  const indicatorCases = indicatorIdsWithFacts().flatMap((id) => LANGS.map((lang) => `${lang}/indicators/${id}/`));
  it.each(indicatorCases.map((p) => [p]))('indicator /%s', (path) => expectPage(path));
});

/** The page's <html lang>, or null. */
function htmlLangOf(file: string): string | null {
  const html = elements(file).find((el) => el.tagName === 'html');
  return html ? attr(html, 'lang') : null;
}

const langMatches = (value: string | null, lang: Lang) => value !== null && value.toLowerCase() === HTML_LANG[lang].toLowerCase();

describe('languages', () => {
  it('<html lang> is zh-Hans under /zh/, en under /en/, and one of the two elsewhere', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const lang = langOfFile(file);
      const value = htmlLangOf(file);
      if (lang) {
        if (!langMatches(value, lang)) problems.push(`${rel(file)}: <html lang="${value ?? '(none)'}">, expected "${HTML_LANG[lang]}"`);
      } else if (!LANGS.some((l) => langMatches(value, l))) {
        problems.push(`${rel(file)}: <html lang="${value ?? '(none)'}">, expected "zh-Hans" or "en"`);
      }
    }
    assertNone(problems, 'wrong <html lang>');
  });

  it('every /zh/ page has an /en/ page at the same path and the other way round', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const other = counterpartFile(file);
      if (other && !existsSync(other)) problems.push(`${rel(file)} has no counterpart ${rel(other)}`);
    }
    assertNone(problems, 'pages in one language only');
  });

  it('every page links to the same page in the other language with <a hreflang>', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const lang = langOfFile(file);
      const links: Element[] = selectAll('a[hreflang][href], area[hreflang][href]', parsePage(file));
      const leadsTo = (target: string, l: Lang) =>
        links.some((a) => {
          const r = resolveHref(file, attr(a, 'href')!);
          // A link to a counterpart that is missing is still the right link (the missing page is reported above).
          return r.kind === 'internal' && (r.file ?? join(DIST, r.tried)) === target && langMatches(attr(a, 'hrefLang'), l);
        });
      if (lang) {
        const other: Lang = lang === 'zh' ? 'en' : 'zh';
        const target = counterpartFile(file)!;
        if (!leadsTo(target, other)) {
          const found = links.map((a) => `<a hreflang="${attr(a, 'hrefLang')}" href="${attr(a, 'href')}">`).join(', ') || 'no <a hreflang> at all';
          problems.push(`${rel(file)}: no <a hreflang="${HTML_LANG[other]}"> leading to ${rel(target)} (found: ${found})`);
        }
      } else {
        // The root chooser and 404 lead to both language homes.
        for (const l of LANGS) {
          if (!leadsTo(pageFile(`${l}/`), l)) problems.push(`${rel(file)}: no <a hreflang="${HTML_LANG[l]}"> leading to ${l}/index.html`);
        }
      }
    }
    assertNone(problems, 'missing language switch');
  });

  it('every language page has <link rel="alternate" hreflang> to both language versions', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const lang = langOfFile(file);
      if (!lang && !rel(file).match(/^index\.html$/)) continue; // 404 and other non-language files need no alternates
      const alternates: Element[] = selectAll('link[rel~=alternate][hreflang]', parsePage(file));
      for (const l of LANGS) {
        const target = lang ? (l === lang ? file : counterpartFile(file)!) : pageFile(`${l}/`);
        const matching = alternates.filter((el) => langMatches(attr(el, 'hrefLang'), l));
        if (matching.length === 0) {
          problems.push(`${rel(file)}: no <link rel="alternate" hreflang="${HTML_LANG[l]}">`);
          continue;
        }
        for (const el of matching) {
          const href = attr(el, 'href') ?? '';
          const r = resolveHref(file, href);
          // An absolute URL on the site's own origin (astro `site`) is judged by its path.
          const path = r.kind === 'external' ? new URL(href, 'http://x').pathname : null;
          const resolved = path !== null ? resolveHref(file, path) : r;
          if (resolved.kind !== 'internal' || (resolved.file ?? join(DIST, resolved.tried)) !== target) {
            problems.push(`${rel(file)}: <link rel="alternate" hreflang="${attr(el, 'hrefLang')}" href="${href}"> leads to ${resolved.kind === 'internal' ? (resolved.file ? rel(resolved.file) : `${resolved.tried}, which does not exist`) : `${resolved.kind} URL`}; expected ${rel(target)}`);
          }
        }
      }
    }
    assertNone(problems, 'wrong or missing hreflang alternates');
  });
});
