/**
 * schema.org `Dataset` descriptions (JSON-LD) of the pages that carry data: a chapter (one
 * region, one year), a region (its years) and an indicator (across regions). They name what
 * the page measures, where and when, the bulletins it rests on, the licence and the files to
 * download, so that dataset search engines can list them.
 */
import type { Lang } from '../i18n/i18n.ts';
import type { BulletinRecord, Region } from '../pipeline/schema.ts';
import { LICENSE } from './data-package.ts';

export type DatasetInput = {
  lang: Lang;
  /** The page's title and description in its language. */
  name: string;
  description: string;
  /** Absolute address of the page. */
  url: string;
  site: string;
  /** What the page measures: indicator names with their unit. */
  variables: Array<{ name: string; unit: string }>;
  /** A year, or a first/last year range. */
  years: number[];
  /** The places the figures are about. */
  places: Region[];
  sources: BulletinRecord[];
  /** Absolute addresses of the page's data files. */
  downloads: Array<{ url: string; format: 'text/csv' | 'application/json' }>;
  /** Edition date (YYYY-MM-DD) or null. */
  modified: string | null;
};

export function dataset(input: DatasetInput): Record<string, unknown> {
  const zh = input.lang === 'zh';
  const placeName = (r: Region) => (zh ? r.name_zh : r.name_en);
  const years = [...new Set(input.years)].sort((a, b) => a - b);
  const sourceTitles = input.sources.map((s) => (zh ? (s.source_title ?? s.title_zh) : (s.english.title ?? s.title_en)));
  // The page's description, then where, when and from what: dataset search wants at least
  // 50 characters, which a one-line Chinese definition alone may not reach.
  const when = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0] ?? '');
  const where = input.places.map(placeName).join(zh ? '、' : ', ');
  const description = zh
    ? `${input.name}：${input.description}覆盖地区：${where}；年份：${when}。${sourceTitles.length ? `数据来源：${sourceTitles.join('；')}。` : ''}`
    : `${input.name}: ${input.description} Covers ${where}, ${when}.${sourceTitles.length ? ` Sources: ${sourceTitles.join('; ')}.` : ''}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: input.name,
    description,
    url: input.url,
    inLanguage: zh ? 'zh-Hans' : 'en',
    isAccessibleForFree: true,
    license: LICENSE.path,
    creator: { '@type': 'Organization', name: input.site },
    ...(input.modified ? { dateModified: input.modified } : {}),
    temporalCoverage: years.length > 1 ? `${years[0]}/${years[years.length - 1]}` : String(years[0] ?? ''),
    spatialCoverage: input.places.map((r) => ({ '@type': 'Place', name: placeName(r), identifier: r.code })),
    variableMeasured: input.variables.map((v) => ({ '@type': 'PropertyValue', name: v.name, unitText: v.unit })),
    isBasedOn: input.sources.map((s, i) => ({
      '@type': 'CreativeWork',
      name: sourceTitles[i],
      ...(s.publisher ? { publisher: { '@type': 'Organization', name: s.publisher } } : {}),
      ...(s.published ? { datePublished: s.published } : {}),
    })),
    distribution: input.downloads.map((d) => ({ '@type': 'DataDownload', encodingFormat: d.format, contentUrl: d.url })),
  };
}

/**
 * JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` escaped so that text
 * from a bulletin can never close the block or open markup.
 */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
