import type { APIRoute, GetStaticPaths } from 'astro';
import { csvResponse, jsonResponse } from '../../../../lib/downloads.ts';
import { regionPageKey } from '../../../../lib/page-keys.ts';
import { chapterFacts, loadYearbook, type RegionYear } from '../../../../lib/yearbook.ts';

/** The facts of one region-year chapter, as /data/regions/<region>/<year>.csv and .json. */
export const getStaticPaths = (async () => {
  const book = await loadYearbook();
  return book.chapters.flatMap((chapter) =>
    (['csv', 'json'] as const).map((format) => ({
      params: { region: chapter.region.slug, file: `${chapter.year}.${format}` },
      props: { chapter, format },
      cacheKey: regionPageKey(book, chapter.region.code, `data/${chapter.year}.${format}`),
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { chapter, format } = props as { chapter: RegionYear; format: 'csv' | 'json' };
  const book = await loadYearbook();
  const facts = chapterFacts(book, chapter);
  return format === 'csv' ? csvResponse(book, facts) : jsonResponse(facts);
};
