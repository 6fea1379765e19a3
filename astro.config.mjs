// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

// The public address: canonical links, the sitemap, feeds and social cards need absolute URLs.
// SITE_URL wins; package.json "homepage" is the default (set it to where the site is served).
const { homepage } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const site = process.env.SITE_URL || homepage;
const base = `/${(process.env.SITE_BASE ?? '').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

// Every page exists in both languages at the same path after /zh/ or /en/; the root page
// chooses between them (x-default). The sitemap lists each page with those alternates.
const HREFLANG = { zh: 'zh-Hans', en: 'en' };
/** @param {import('@astrojs/sitemap').SitemapItem} item */
function withAlternates(item) {
  const url = new URL(item.url);
  const rest = url.pathname.slice(base.length);
  const match = rest === '' ? ['', '', ''] : /^(zh|en)\/(.*)$/.exec(rest);
  if (!match) return item;
  const links = Object.entries(HREFLANG).map(([lang, hreflang]) => ({ lang: hreflang, url: new URL(`${base}${lang}/${match[2]}`, url).href }));
  return { ...item, links: [...links, { lang: 'x-default', url: new URL(base, url).href }] };
}

// SITE_BASE lets the same build be served from a CDN sub-path (/yearbook/).
export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  integrations: [
    mdx(),
    sitemap({ serialize: withAlternates, filter: (page) => !/\/404\/?$/.test(page) }),
  ],
  // Source text is quoted as it was written: no curly quotes, dashes or ellipses made up.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  build: { format: 'directory' },
  // The incremental build's copies of the last build's pages belong to this folder's build:
  // copies of the project that share node_modules (tests, benchmarks) must not restore them.
  cacheDir: './.cache/astro/',
  experimental: {
    // Pages render on every core (two workers here: one also runs getStaticPaths). Props
    // cross to the workers as data, so pages pass plain values, not functions.
    parallelPrerender: { workers: Math.max(1, availableParallelism()) },
    // A page whose cacheKey (src/lib/page-keys.ts) and code are unchanged since the last build
    // is copied from it, not rendered again (the copies are kept in the cacheDir above).
    incrementalBuild: true,
  },
  vite: {
    build: {
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: false } },
      // Never inline a script into the page, however small: the CSP allows scripts from files only.
      assetsInlineLimit: 0,
    },
  },
});
