/**
 * The last touches to a PDF Chromium printed: metadata (title shown in the window, language,
 * author), outline titles as the headings read, and nothing that varies between runs (no
 * creation dates, structure ids by rank), so that the same site gives the same bytes.
 */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { Lang } from '../../src/i18n/i18n.ts';
import { restoreOutlineTitles } from './pdf-outline.ts';

/** Title, language and author in the PDF, outline titles as the headings read; the creation dates Chromium writes are left out. */
export async function finishPdf(pdf: Uint8Array, meta: { title: string; lang: Lang; author: string; headings: string[] }): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  restoreOutlineTitles(doc, meta.headings);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setLanguage(meta.lang === 'zh' ? 'zh-Hans' : 'en');
  doc.setAuthor(meta.author);
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info instanceof PDFDict) for (const key of ['CreationDate', 'ModDate']) info.delete(PDFName.of(key));
  return renumberStructureIds(await doc.save({ useObjectStreams: false }));
}

/**
 * Tagged PDF elements carry ids made from the renderer's node numbers ("(node00034855)"), which
 * differ from one run to the next by offsets. Renumbers them by rank: the same document gives
 * the same ids, their order (the ID tree is sorted) and every byte length stay as they were.
 */
export function renumberStructureIds(pdf: Uint8Array): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const ids = [...new Set([...text.matchAll(/\(node(\d{8})\)/g)].map((m) => m[1]!))].sort();
  const rank = new Map(ids.map((id, i) => [id, String(i + 1).padStart(8, '0')]));
  return new Uint8Array(Buffer.from(text.replace(/\(node(\d{8})\)/g, (_, id: string) => `(node${rank.get(id)})`), 'latin1'));
}
