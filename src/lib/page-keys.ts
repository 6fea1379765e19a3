/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are those of the last build is copied from that build instead of rendered again, so
 * a rebuild after one bulletin changed renders only the pages that show its figures.
 *
 * A key must change whenever anything its page shows changes. Rather than list what each page
 * reads, a key digests a superset: everything the yearbook holds about one region — which is
 * what its chapters and its region page are built from.
 * Region pages and chapters name their sub-regions and are named by their parents, so a region's
 * data includes its parent's and children's records and every figure stated about its children;
 * checks reach across bulletins, so it includes every check on its figures with the figures and
 * chapters they name. The code (src/), the catalogue, the edition date and the address settings
 * go into every key: pages read some of them from files, which Astro's own dependency hash of a
 * page's modules does not see.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fact, Finding } from '../pipeline/schema.ts';
import { perYearbook } from './memo.ts';
import type { Yearbook } from './yearbook-types.ts';

const digest = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('base64url').slice(0, 32);
};

/** Every file under a folder, in a fixed order. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** What every page depends on beyond its region: the code, the catalogue, the edition, the address. */
function globalDigest(book: Yearbook): string {
  return perYearbook(book, 'pageKeys', 'global', () => {
    const root = process.cwd();
    const code = createHash('sha256');
    for (const file of [...filesUnder(join(root, 'src')), join(root, 'astro.config.mjs')]) code.update(file.slice(root.length)).update(readFileSync(file));
    return digest(
      code.digest('hex'),
      JSON.stringify([...book.indicators.values()]),
      JSON.stringify(book.topics),
      JSON.stringify(book.edition),
      process.env.SITE_URL ?? '',
      process.env.SITE_BASE ?? '',
    );
  });
}

/** Everything the yearbook holds about one region (by code), digested. */
function regionDigest(book: Yearbook, code: string): string {
  return perYearbook(book, 'pageKeys', `region|${code}`, () => {
    const region = book.regions.get(code);
    if (!region) return digest('no region', code);
    const children = book.childrenByRegion.get(code) ?? [];
    const chapters = book.chapters.filter((c) => c.region.code === code || c.region.parent === code || c.region.code === region.parent);
    const facts = new Set<Fact>();
    const add = (list: Fact[] | undefined) => list?.forEach((f) => facts.add(f));
    for (const c of chapters) if (c.region.code === code) for (const s of c.sources) add(book.factsByBulletin.get(s.bulletin));
    add(book.factsByRegion.get(code));
    for (const child of children) add(book.factsByRegion.get(child.code));
    const findings = new Set<Finding>();
    for (const f of facts) book.findingsByFact.get(f.id)?.forEach((x) => findings.add(x));
    // The figures a check names, wherever they are stated, and where their sources are quoted.
    const named = [...new Set([...findings].flatMap((x) => x.facts))].map((id) => {
      const fact = book.factById.get(id);
      const chapter = fact ? book.chapterByBulletin.get(fact.bulletin) : undefined;
      return [id, fact ?? null, chapter ? `${chapter.region.slug}/${chapter.year}` : null];
    });
    const places = new Set([...facts].map((f) => f.region));
    const placeRecords = [...places].sort().flatMap((p) => {
      const r = book.regions.get(p);
      return r ? [r, r.parent ? (book.regions.get(r.parent) ?? null) : null] : [];
    });
    const sources = [...new Set([...facts].map((f) => f.bulletin))].sort().map((b) => book.sourceByBulletin.get(b) ?? null);
    return digest(
      JSON.stringify([region, region.parent ? (book.regions.get(region.parent) ?? null) : null, children, placeRecords]),
      JSON.stringify(chapters.map((c) => [c.region.code, c.year, c.sources])),
      JSON.stringify(sources),
      JSON.stringify([...facts]),
      JSON.stringify([...findings].sort((a, b) => book.findingOrder.get(a)! - book.findingOrder.get(b)!)),
      JSON.stringify(named),
    );
  });
}

/**
 * The cache key of a page built from one region's data: its chapters and its region page,
 * in either language. `page` tells pages of the same region apart.
 *
 * @example
 *   regionPageKey(book, '410500', 'chapter/zh/2022') // 'Qm3…' (32 characters)
 */
export function regionPageKey(book: Yearbook, regionCode: string, page: string): string {
  return digest(globalDigest(book), regionDigest(book, regionCode), page);
}
