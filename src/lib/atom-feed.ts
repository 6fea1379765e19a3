/**
 * The Atom feed of a language: one entry per region-year chapter, newest first, each with its
 * key figures, its social-card picture and its source bulletins. Entry dates are the newest
 * publication date of the chapter's bulletins, or the edition date where no bulletin states
 * one; the feed's own time is the edition date, so the same inputs give the same feed.
 */
import { Feed } from 'feed';
import { formatFigure } from '../pipeline/format.ts';
import type { Lang, Translate } from '../i18n/i18n.ts';
import { cardPath, chapterCharts } from './page-charts.ts';
import { chapterFacts, chapterKeyFacts } from './queries.ts';
import type { RegionYear, Yearbook } from './yearbook-types.ts';

export type FeedInput = {
  book: Yearbook;
  lang: Lang;
  t: Translate;
  /** Absolute address of a site path ('/en/regions/anyang/2022/'). */
  absolute: (path: string) => string;
  pageUrl: (lang: Lang, path: string) => string;
  assetUrl: (path: string) => string;
};

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The day an entry is dated: its newest bulletin's publication date, else the edition date. */
function entryDate(chapter: RegionYear, edition: string | null): string | null {
  return chapter.sources.map((s) => s.published).filter((d): d is string => d !== null).sort().at(-1) ?? edition;
}

export function atomFeed({ book, lang, t, absolute, pageUrl, assetUrl }: FeedInput): string {
  const name = (x: { name_zh: string; name_en: string }) => (lang === 'zh' ? x.name_zh : x.name_en);
  const edition = book.edition.date;
  const updated = new Date(`${edition ?? '1970-01-01'}T00:00:00Z`);
  const feed = new Feed({
    id: absolute(pageUrl(lang, '')),
    link: absolute(pageUrl(lang, '')),
    title: t('feed.title'),
    description: t('feed.subtitle'),
    language: lang === 'zh' ? 'zh-Hans' : 'en',
    updated,
    generator: false,
    copyright: 'CC BY 4.0',
    feedLinks: { atom: absolute(assetUrl(`${lang}/feed.xml`)) },
    image: absolute(assetUrl(cardPath(lang, null))),
  });
  const entries = book.chapters
    .map((chapter) => ({ chapter, date: entryDate(chapter, edition) }))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.chapter.year - a.chapter.year || a.chapter.region.slug.localeCompare(b.chapter.region.slug));
  for (const { chapter, date } of entries) {
    const path = `regions/${chapter.region.slug}/${chapter.year}/`;
    const link = absolute(pageUrl(lang, path));
    const title = t('chapter.title', { region: name(chapter.region), year: chapter.year });
    const keys = chapterKeyFacts(chapter, chapterFacts(book, chapter));
    const figures = keys.map((f) => `<li>${escapeHtml(name(book.indicators.get(f.indicator)!))}: ${escapeHtml(formatFigure(f.value, f.unit, lang, book.indicators.get(f.indicator)?.noun_en))}</li>`).join('');
    const sources = chapter.sources.map((s) => escapeHtml(lang === 'zh' ? (s.source_title ?? s.title_zh) : (s.english.title ?? s.title_en)));
    const hasChart = chapterCharts(book, chapter, lang).length > 0;
    feed.addItem({
      id: link,
      link,
      title,
      date: new Date(`${date ?? '1970-01-01'}T00:00:00Z`),
      description: t('chapter.description', { region: name(chapter.region), year: chapter.year }),
      content: `${figures ? `<ul>${figures}</ul>` : ''}<p>${escapeHtml(t('chapter.sources'))}: ${sources.join(lang === 'zh' ? '；' : '; ')}</p>`,
      ...(hasChart ? { image: absolute(assetUrl(cardPath(lang, path))) } : {}),
    });
  }
  return feed.atom1();
}
