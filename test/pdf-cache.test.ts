/** PDFs are printed again only when what they are printed from changes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfCache } from '../scripts/lib/pdf-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'pdf-cache-'));
const code = join(dir, 'render.ts');
writeFileSync(code, 'print();');
const context = { browser: 'Chromium 140', siteUrl: null, files: [code] };
const page = Buffer.from('<html><h1>Anyang 2022</h1></html>');
const pdf = Buffer.from('%PDF-1.7 anyang');

describe('PdfCache', () => {
  it('gives back the PDF printed from the same page, byte for byte', () => {
    const cache = new PdfCache(join(dir, 'a'), context);
    const out = join(dir, 'out', 'anyang-2022.pdf');
    expect(cache.restore(page, out)).toBe(false);
    cache.keep(page, pdf);
    expect(cache.restore(Buffer.from(page), out)).toBe(true);
    expect(readFileSync(out)).toEqual(pdf);
  });

  it('prints again when the page, the browser, the address or the code changes', () => {
    const cache = new PdfCache(join(dir, 'b'), context);
    cache.keep(page, pdf);
    const out = join(dir, 'out', 'x.pdf');
    expect(cache.restore(Buffer.from('<html><h1>Anyang 2023</h1></html>'), out)).toBe(false);
    expect(new PdfCache(join(dir, 'b'), { ...context, browser: 'Chromium 141' }).restore(page, out)).toBe(false);
    expect(new PdfCache(join(dir, 'b'), { ...context, siteUrl: 'https://example.org/' }).restore(page, out)).toBe(false);
    writeFileSync(code, 'print({ tagged: true });');
    expect(new PdfCache(join(dir, 'b'), context).restore(page, out)).toBe(false);
  });
});
