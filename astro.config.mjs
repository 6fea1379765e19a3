// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';

// SITE_BASE lets the same build be served from a CDN sub-path (/yearbook/).
export default defineConfig({
  base: process.env.SITE_BASE ?? '/',
  trailingSlash: 'always',
  integrations: [mdx()],
  // Source text is quoted as it was written: no curly quotes, dashes or ellipses made up.
  markdown: { processor: satteri({ features: { smartPunctuation: false } }) },
  build: { format: 'directory' },
  vite: { build: { minify: 'terser', terserOptions: { compress: { passes: 2 }, format: { comments: false } } } },
});
