/**
 * The site makes no request to another host: no page loads anything (src, srcset, poster,
 * <link href>, <object data>, SVG href, inline style url()/@import, inline module imports) from
 * an http:, https: or // URL, and no CSS or JS file in dist does either (url(), @import,
 * import … from, import(), importScripts, fetch of a literal URL). A plain <a href> to an
 * external page is allowed only with rel containing "external". A <link rel="canonical"> or
 * rel="alternate" names the page's own public addresses (and its feed) and is never fetched
 * with the page, so it may be absolute on the site's own address.
 */
import { readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import { assertNone, assetFiles, attr, elements, htmlFiles, isRemote, listFiles, DIST, rel, requireDist, SITE, srcsetUrls, textOf, tokens } from './helpers.ts';

const REMOTE = String.raw`(?:https?:)?\/\/`;

/** Remote references in CSS text: url(…) and @import. */
function remoteInCss(css: string): string[] {
  const out: string[] = [];
  for (const m of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) if (isRemote(m[2]!)) out.push(`url(${m[2]})`);
  for (const m of css.matchAll(/@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1/gi)) if (isRemote(m[2]!)) out.push(`@import ${m[2]}`);
  return out;
}

/** Remote references in JavaScript text that would load something. */
function remoteInJs(js: string): string[] {
  const out: string[] = [];
  const patterns = [
    new RegExp(String.raw`\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(['"\`])(${REMOTE}[^'"\`]*)\1`, 'g'),
    new RegExp(String.raw`\bimport\s*\(\s*(['"\`])(${REMOTE}[^'"\`]*)\1`, 'g'),
    new RegExp(String.raw`\bimportScripts\s*\(\s*(['"\`])(${REMOTE}[^'"\`]*)\1`, 'g'),
    new RegExp(String.raw`\bfetch\s*\(\s*(['"\`])(${REMOTE}[^'"\`]*)\1`, 'g'),
    new RegExp(String.raw`\.src\s*=\s*(['"\`])(${REMOTE}[^'"\`]*)\1`, 'g'),
  ];
  for (const re of patterns) for (const m of js.matchAll(re)) out.push(m[0].length > 120 ? `${m[0].slice(0, 117)}…` : m[0]);
  out.push(...remoteInCss(js).filter((r) => r.startsWith('@import')));
  return out;
}

describe('no requests to other hosts', () => {
  it('no page loads a resource from another host', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      for (const el of elements(file)) {
        const tag = el.tagName;
        const report = (what: string) => problems.push(`${rel(file)}: ${what}`);
        for (const name of ['src', 'poster']) {
          const v = attr(el, name);
          if (v !== null && isRemote(v)) report(`<${tag} ${name}="${v}">`);
        }
        const srcset = attr(el, 'srcSet');
        if (srcset) for (const u of srcsetUrls(srcset)) if (isRemote(u)) report(`<${tag} srcset> ${u}`);
        if (tag === 'link') {
          const v = attr(el, 'href');
          const names = tokens(el, 'rel').every((r) => r === 'canonical' || r === 'alternate') && v !== null && new URL(v, SITE).origin === SITE.origin;
          if (v !== null && isRemote(v) && !names) report(`<link rel="${tokens(el, 'rel').join(' ')}" href="${v}">`);
        }
        if (tag === 'object' && isRemote(attr(el, 'data') ?? '')) report(`<object data="${attr(el, 'data')}">`);
        if (['image', 'use', 'feImage', 'script'].includes(tag)) {
          for (const name of ['href', 'xLinkHref']) {
            const v = attr(el, name);
            if (v !== null && isRemote(v)) report(`<${tag} ${name === 'xLinkHref' ? 'xlink:href' : name}="${v}">`);
          }
        }
        const style = attr(el, 'style');
        if (style) for (const r of remoteInCss(style)) report(`<${tag} style> ${r}`);
        if (tag === 'style') for (const r of remoteInCss(textOf(el))) report(`<style> ${r}`);
        if (tag === 'script' && attr(el, 'src') === null) {
          const type = (attr(el, 'type') ?? '').toLowerCase();
          if (type === '' || type === 'module' || type.includes('javascript')) for (const r of remoteInJs(textOf(el))) report(`inline <script> ${r}`);
        }
        if (tag === 'meta' && (attr(el, 'httpEquiv') ?? '').toLowerCase() === 'refresh' && /url\s*=\s*['"]?(https?:)?\/\//i.test(attr(el, 'content') ?? '')) {
          report(`<meta http-equiv="refresh" content="${attr(el, 'content')}">`);
        }
      }
    }
    assertNone(problems, 'remote resources on pages');
  });

  it('no CSS, JS or SVG file in dist loads anything from another host', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of assetFiles()) {
      const text = readFileSync(file, 'utf8');
      const found = file.endsWith('.css') ? remoteInCss(text) : remoteInJs(text);
      for (const r of found) problems.push(`${rel(file)}: ${r}`);
    }
    for (const file of listFiles(DIST).filter((f) => f.endsWith('.svg'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:xlink:)?href\s*=\s*["']((?:https?:)?\/\/[^"']*)["']/gi)) {
        if (!/^https?:\/\/www\.w3\.org\//.test(m[1]!)) problems.push(`${rel(file)}: href="${m[1]}"`);
      }
      for (const r of remoteInCss(text)) problems.push(`${rel(file)}: ${r}`);
    }
    assertNone(problems, 'remote resources in assets');
  });

  it('links to external pages carry rel="external"', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      for (const el of elements(file)) {
        if (el.tagName !== 'a' && el.tagName !== 'area') continue;
        const href = attr(el, 'href');
        if (href === null || !isRemote(href)) continue;
        if (!tokens(el, 'rel').includes('external')) problems.push(`${rel(file)}: <${el.tagName} href="${href}"${attr(el, 'rel') !== null ? ` rel="${attr(el, 'rel')}"` : ''}> lacks rel="external"`);
      }
    }
    assertNone(problems, 'external links without rel="external"');
  });

  it('has no inline script the Content-Security-Policy would block: every script is a file or a data block', () => {
    requireDist();
    const DATA = new Set(['application/json', 'application/ld+json']);
    const problems = htmlFiles().flatMap((file) =>
      elements(file)
        .filter((el) => el.tagName === 'script' && attr(el, 'src') === null && !DATA.has(attr(el, 'type') ?? ''))
        .map((el) => `${rel(file)}: inline <script${attr(el, 'type') ? ` type="${attr(el, 'type')}"` : ''}> ${textOf(el).slice(0, 60)}`),
    );
    assertNone(problems, 'inline scripts');
  });
});
