/**
 * Links inside the site, built on the base the site is served from (`base` in
 * astro.config.mjs, from SITE_BASE), so the same build works at / and at /any/sub/path/.
 *
 * @example
 *   pageUrl('en', 'regions/anyang/2022/') // '/en/regions/anyang/2022/' (base '/')
 *   pageUrl('zh')                         // '/zh/'
 *   assetUrl('data/facts.csv')            // '/data/facts.csv'
 */
import type { Lang } from '../i18n/i18n.ts';

/** The base with exactly one slash at each end ('/' for the root). */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

// BASE_URL is '/' under vitest; fall back to '/' wherever Vite did not define it.
const BASE = normalizeBase((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL);

/** The site's base URL, ending in '/'. */
export function baseUrl(): string {
  return BASE;
}

/** Splits 'glossary/#term-x' into the path and what follows it ('?…' or '#…'). */
function splitSuffix(path: string): [string, string] {
  const at = path.search(/[?#]/);
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}

/**
 * Link builders for one base; `pageUrl` and `assetUrl` below use the site's own.
 *
 * @example
 *   urlsFor('/yearbook').pageUrl('zh', 'about') // '/yearbook/zh/about/'
 */
export function urlsFor(base: string) {
  const root = normalizeBase(base);
  return {
    pageUrl(lang: Lang, path = ''): string {
      const [rest, suffix] = splitSuffix(path.replace(/^\/+/, ''));
      const dir = rest && !rest.endsWith('/') ? `${rest}/` : rest;
      return `${root}${lang}/${dir}${suffix}`;
    },
    assetUrl(path: string): string {
      return `${root}${path.replace(/^\/+/, '')}`;
    },
  };
}

const site = urlsFor(BASE);

/** The page at `path` (after /{lang}/, no leading slash; '' for the language home). */
export function pageUrl(lang: Lang, path = ''): string {
  return site.pageUrl(lang, path);
}

/** A file that is the same for both languages, such as 'data/facts.csv'. */
export function assetUrl(path: string): string {
  return site.assetUrl(path);
}

/** The root language chooser. */
export function rootUrl(): string {
  return BASE;
}

export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** A chapter page: /{lang}/regions/{slug}/{year}/. */
export function chapterUrl(lang: Lang, regionSlug: string, year: number): string {
  return pageUrl(lang, `regions/${regionSlug}/${year}/`);
}

/**
 * The language and page path (as pageUrl takes it) of a page's URL path, or null for a path
 * outside the language folders.
 *
 * @example
 *   pagePathOf('/en/regions/anyang/2022/') // { lang: 'en', path: 'regions/anyang/2022/' }
 */
export function pagePathOf(pathname: string): { lang: Lang; path: string } | null {
  if (!pathname.startsWith(BASE)) return null;
  const match = /^(zh|en)\/(.*)$/.exec(pathname.slice(BASE.length));
  return match ? { lang: match[1] as Lang, path: match[2]! } : null;
}

/** The anchor of a chapter's key figure: "fund.total.income" → "kf-fund-total-income". */
export function keyFigureAnchor(indicator: string): string {
  return `kf-${indicator.replace(/[._]/g, '-')}`;
}
