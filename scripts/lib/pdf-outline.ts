/**
 * The outline (bookmarks) of a PDF, read with pdf-lib: each entry's title, depth and the page
 * it leads to (1-based). For numbering the print edition's contents and for the PDF tests.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

export type OutlineEntry = { title: string; depth: number; page: number | null };

export async function readOutline(bytes: Uint8Array): Promise<OutlineEntry[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const lookup = (x: unknown) => (x instanceof PDFRef ? doc.context.lookup(x) : x);
  const out: OutlineEntry[] = [];
  const walk = (first: unknown, depth: number) => {
    for (let item = lookup(first); item instanceof PDFDict; item = lookup(item.get(PDFName.of('Next')))) {
      const title = lookup(item.get(PDFName.of('Title')));
      let dest = lookup(item.get(PDFName.of('Dest')));
      const action = lookup(item.get(PDFName.of('A')));
      if (!dest && action instanceof PDFDict) dest = lookup(action.get(PDFName.of('D')));
      const target = dest instanceof PDFArray ? dest.get(0) : null;
      out.push({
        title: title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '',
        depth,
        page: target instanceof PDFRef ? (pageOf.get(target.toString()) ?? null) : null,
      });
      walk(item.get(PDFName.of('First')), depth + 1);
    }
  };
  const outlines = lookup(doc.catalog.get(PDFName.of('Outlines')));
  if (outlines instanceof PDFDict) walk(outlines.get(PDFName.of('First')), 0);
  return out;
}

/**
 * Chromium drops the space where a heading wraps ("Statistical↵Yearbook" → "StatisticalYearbook")
 * when it writes the outline; puts back the heading's own text where the letters match.
 */
export function restoreOutlineTitles(doc: PDFDocument, headings: string[]): void {
  const key = (s: string) => s.replace(/\s+/g, '');
  const byKey = new Map(headings.map((h) => [key(h), h]));
  const lookup = (x: unknown) => (x instanceof PDFRef ? doc.context.lookup(x) : x);
  const walk = (first: unknown) => {
    for (let item = lookup(first); item instanceof PDFDict; item = lookup(item.get(PDFName.of('Next')))) {
      const title = lookup(item.get(PDFName.of('Title')));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : null;
      const heading = text === null ? undefined : byKey.get(key(text));
      if (heading && heading !== text) item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      walk(item.get(PDFName.of('First')));
    }
  };
  const outlines = lookup(doc.catalog.get(PDFName.of('Outlines')));
  if (outlines instanceof PDFDict) walk(outlines.get(PDFName.of('First')));
}
