/**
 * Printing: the running header's text cannot escape its CSS string or its <style> element;
 * the local server that the PDFs are printed from serves nothing outside dist/.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFor } from '../scripts/lib/static-server.ts';
import { cssString, runningHeaderCss } from '../src/lib/print.ts';

describe('cssString', () => {
  it.each([
    ['plain', 'Anyang, 2022', '"Anyang, 2022"'],
    ['quotes and backslashes', 'a "b" \\c', '"a \\"b\\" \\\\c"'],
    ['a closing style tag', '</style><script>alert(1)</script>', '"\\3c /style>\\3c script>alert(1)\\3c /script>"'],
    ['line breaks', 'a\nb\r\nc', '"a\\a b\\a c"'],
  ])('%s', (_name, text, css) => {
    expect(cssString(text)).toBe(css);
  });

  it('makes a rule per page name with both margin boxes', () => {
    expect(runningHeaderCss('年鉴', '安阳市2022年', 'part1')).toBe('@page part1{@top-left{content:"年鉴"}@top-right{content:"安阳市2022年"}}');
  });
});

describe('fileFor', () => {
  const root = mkdtempSync(join(tmpdir(), 'site-'));
  mkdirSync(join(root, 'en'));
  writeFileSync(join(root, 'en/index.html'), '<!doctype html>');
  writeFileSync(join(root, 'a.css'), '');

  it('maps folders to their index.html and files to themselves', () => {
    expect(fileFor(root, '/en/')).toBe(join(root, 'en/index.html'));
    expect(fileFor(root, '/en')).toBe(join(root, 'en/index.html'));
    expect(fileFor(root, '/a.css?v=1')).toBe(join(root, 'a.css'));
    expect(fileFor(root, '/missing/')).toBeNull();
  });

  it('serves nothing outside the root', () => {
    expect(fileFor(root, '/../etc/passwd')).toBeNull();
    expect(fileFor(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(fileFor(root, '/%zz')).toBeNull();
  });
});
