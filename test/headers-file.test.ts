/**
 * The `_headers` file: parsed as the CDN reads it, and public/_headers itself — a strict
 * script policy, the security headers on every path, immutable caching only for hashed assets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../scripts/lib/headers-file.ts';
import { projectRoot } from '../scripts/lib/load-data.ts';

describe('parseHeadersFile / headersFor', () => {
  const rules = parseHeadersFile('# comment\n/*\n  X-A: 1\n  Cache-Control: short\n/_astro/*\n  ! Cache-Control\n  Cache-Control: long\n  X-A: 2\n');

  it('applies every matching rule in order: later values join, "!" removes', () => {
    expect(headersFor(rules, '/en/')).toEqual({ 'x-a': '1', 'cache-control': 'short' });
    expect(headersFor(rules, '/_astro/a.js')).toEqual({ 'x-a': '1, 2', 'cache-control': 'long' });
  });

  it('names the file and line of a header outside any rule or without a colon', () => {
    expect(() => parseHeadersFile('  X-A: 1\n', 'site/_headers')).toThrow('site/_headers:1');
    expect(() => parseHeadersFile('/*\n  nonsense\n', 'site/_headers')).toThrow('site/_headers:2: expected "Name: value"');
  });
});

describe('public/_headers', () => {
  const rules = parseHeadersFile(readFileSync(join(projectRoot, 'public/_headers'), 'utf8'));
  const page = headersFor(rules, '/zh/regions/anyang/2022/');
  const asset = headersFor(rules, '/_astro/live.abc123.js');

  it('allows scripts from the site only, never inline', () => {
    const scripts = /script-src ([^;]*)/.exec(page['content-security-policy'] ?? '')?.[1];
    expect(scripts).toBe("'self'");
    expect(page['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page['content-security-policy']).toMatch(/object-src 'none'/);
  });

  it('lets only the search pages compile WebAssembly (Pagefind), at the root and under a sub-path', () => {
    const csp = (path: string) => headersFor(rules, path)['content-security-policy'] ?? '';
    for (const path of ['/zh/search/', '/en/search/', '/yearbook/en/search/', '/zh/search/index.html']) {
      expect(csp(path)).toMatch(/script-src 'self' 'wasm-unsafe-eval';/);
      expect(csp(path)).toMatch(/connect-src 'self'/);
      expect(csp(path)).toMatch(/default-src 'none'/);
      expect(csp(path)).not.toMatch(/unsafe-inline'[^;]*;[^;]*script|script-src[^;]*unsafe-inline/);
      expect(csp(path)).not.toContain(', ');
    }
    for (const path of ['/zh/', '/en/regions/anyang/2022/', '/pagefind/pagefind.js', '/zh/search/x/']) expect(csp(path)).not.toContain('wasm');
  });

  it('sends the security headers everywhere and caches only hashed assets for long', () => {
    for (const h of [page, asset]) {
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBeTruthy();
      expect(h['content-security-policy']).toBeTruthy();
    }
    expect(page['cache-control']).toMatch(/max-age=300\b/);
    expect(asset['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/data/facts.csv')['cache-control']).not.toMatch(/immutable/);
  });
});
