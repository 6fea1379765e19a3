// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { readFileSync } from 'node:fs';

// The public address: canonical links, the sitemap, feeds and social cards need absolute URLs.
// SITE_URL wins; package.json "homepage" is the default (set it to where the site is served).
const { homepage } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const site = process.env.SITE_URL || homepage;

// SITE_BASE lets the same build be served from a CDN sub-path (/yearbook/).
export default defineConfig({
  site,
  base: process.env.SITE_BASE ?? '/',
  trailingSlash: 'always',
  integrations: [mdx()],
  // Source text is quoted as it was written: no curly quotes, dashes or ellipses made up.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  build: { format: 'directory' },
  vite: { build: { minify: 'terser', terserOptions: { compress: { passes: 2 }, format: { comments: false } } } },
});
