/**
 * Where the PDFs are, relative to the site root: one per chapter and language, and the whole
 * yearbook per language. The pages link to them and `npm run pdf` writes them there.
 *
 * @example
 *   chapterPdfPath('en', 'zhuzhou', 2022) // 'pdf/en/zhuzhou-2022.pdf'
 *   yearbookPdfPath('zh')                 // 'pdf/zh/yearbook.pdf'
 */
import type { Lang } from '../i18n/i18n.ts';

export function chapterPdfPath(lang: Lang, regionSlug: string, year: number): string {
  return `pdf/${lang}/${regionSlug}-${year}.pdf`;
}

export function yearbookPdfPath(lang: Lang): string {
  return `pdf/${lang}/yearbook.pdf`;
}
