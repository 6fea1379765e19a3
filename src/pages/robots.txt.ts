import type { APIRoute } from 'astro';
import { assetUrl } from '../lib/urls.ts';

/** Every page may be crawled; the sitemap lists them with their other-language versions. */
export const GET: APIRoute = ({ site }) => new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(assetUrl('sitemap-index.xml'), site).href}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
