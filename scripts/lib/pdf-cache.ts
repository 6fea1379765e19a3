/**
 * Printed PDFs kept by a hash of what they are printed from, so a rebuild prints again only the
 * chapters whose page changed: the page's HTML (which names its style sheets and scripts by
 * their content hashes, and holds its charts inline), the browser's version, the public address
 * links are rewritten to, and the code and messages that compose and finish the PDF.
 * A cache file is whole or absent (written under another name, then renamed).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What every PDF of a run depends on besides its page. */
export type PdfContext = { browser: string; siteUrl: string | null; files: string[] };

/**
 * @example
 *   const cache = new PdfCache('node_modules/.cache/yearbook-pdf', { browser: '140.0', siteUrl: null, files: ['scripts/render-pdf.ts'] });
 *   cache.restore(html, 'dist/pdf/en/anyang-2022.pdf') // true when printed before from the same page
 */
export class PdfCache {
  readonly #dir: string;
  readonly #context: string;

  constructor(dir: string, context: PdfContext) {
    this.#dir = dir;
    const hash = createHash('sha256').update(`${context.browser}\n${context.siteUrl ?? ''}\n`);
    for (const file of context.files) hash.update(`${file}\n`).update(readFileSync(file)).update('\n');
    this.#context = hash.digest('hex');
  }

  /** The cache file for a page's HTML. */
  fileFor(html: Uint8Array): string {
    return join(this.#dir, `${createHash('sha256').update(this.#context).update(html).digest('hex')}.pdf`);
  }

  /** Copies the PDF printed from `html` to `out`, if there is one; says whether it did. */
  restore(html: Uint8Array, out: string): boolean {
    const cached = this.fileFor(html);
    if (!existsSync(cached)) return false;
    mkdirSync(dirname(out), { recursive: true });
    copyFileSync(cached, out);
    return true;
  }

  keep(html: Uint8Array, pdf: Uint8Array): void {
    const cached = this.fileFor(html);
    mkdirSync(dirname(cached), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    writeFileSync(tmp, pdf);
    renameSync(tmp, cached);
  }
}
