/**
 * Suggested citations of a page, in Chinese (GB/T 7714-2015, electronic database [DB/OL]) and
 * in English, each naming the yearbook, the page, the bulletins it rests on, the address and
 * the edition date as the access date (so that the text is the same on every build of the
 * same inputs).
 */
import type { Lang } from '../i18n/i18n.ts';
import { formatDate } from '../i18n/format.ts';
import type { BulletinRecord } from '../pipeline/schema.ts';

export type CitationInput = {
  /** The yearbook's name in the citation's language. */
  site: string;
  /** The page's title in the citation's language ("Zhuzhou, 2022"). */
  title: string;
  /** The page's address in the citation's language, absolute. */
  url: string;
  /** The bulletins the page's figures come from. */
  sources: BulletinRecord[];
  /** The edition date, YYYY-MM-DD, or null when the build has none. */
  accessed: string | null;
};

/** A piece of a citation: text in the citation's language, or Chinese inside an English one. */
export type CitationPart = string | { zh: string };

/** The citation as plain text (for copying, feeds, tests). */
export function citationText(parts: CitationPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.zh)).join('');
}

/** At most this many bulletins are named; beyond it, their number is given. */
const NAMED_SOURCES = 3;

function sourceZh(s: BulletinRecord): string {
  const title = `《${s.source_title ?? s.title_zh}》`;
  return `${s.publisher ?? ''}${title}${s.published ? `（${s.published}）` : ''}`;
}

// The publisher has only its Chinese name: it stays Chinese, marked as such.
function sourceEn(s: BulletinRecord): CitationPart[] {
  const title = s.english.title ?? s.title_en;
  return [...(s.publisher ? [{ zh: s.publisher }, ', '] : []), `${title}${s.published ? ` (published ${formatDate('en', s.published)})` : ''}`];
}

/**
 * @example
 *   citationText(citation('en', { site: 'Healthcare Security Statistical Yearbook', title: 'Anyang, 2022', url: 'https://…/en/regions/anyang/2022/', sources: [anyang], accessed: '2026-11-23' }))
 *   // 'Healthcare Security Statistical Yearbook. “Anyang, 2022” [data set]. Based on: 安阳市医疗保障局, Anyang … (published 9 March 2022). https://…/en/regions/anyang/2022/ (accessed 23 November 2026).'
 */
export function citation(lang: Lang, input: CitationInput): CitationPart[] {
  const named = input.sources.slice(0, NAMED_SOURCES);
  const more = input.sources.length - named.length;
  if (lang === 'zh') {
    const based = input.sources.length ? `数据来源：${named.map(sourceZh).join('；')}${more > 0 ? `等${input.sources.length}份公报` : ''}。` : '';
    const dates = input.accessed ? `(${input.accessed})[${input.accessed}]. ` : '';
    return [`${input.site}. ${input.title}[DB/OL]. ${dates}${input.url}. ${based}`.trimEnd()];
  }
  const based: CitationPart[] = input.sources.length
    ? ['Based on: ', ...named.flatMap((s, i) => [...(i > 0 ? ['; '] : []), ...sourceEn(s)]), `${more > 0 ? `; and ${more} more bulletin${more > 1 ? 's' : ''}` : ''}. `]
    : [];
  const accessed = input.accessed ? ` (accessed ${formatDate('en', input.accessed)})` : '';
  return [`${input.site}. “${input.title}” [data set]. `, ...based, `${input.url}${accessed}.`];
}
