/**
 * Which bulletins a synthetic corpus of N holds: regions (the 31 provinces and 333
 * prefecture-level divisions of the gazetteer), the data years of each (consecutive, ending
 * with 2023, at most ten), the layout of each bulletin, and which ones carry a deliberate flaw.
 *
 * Up to N = 1820 the corpus spreads over N/5 regions with five years each; beyond, every region
 * is used and the years grow towards ten (N = 3640 is every region for 2014–2023).
 */
import type { Region } from '../../../src/pipeline/schema.ts';
import { FLAW_LAYOUTS, FLAWS, LAYOUTS, type Flaw, type Layout } from './layout.ts';
import { LAST_YEAR } from './model.ts';
import { randomFor } from './random.ts';

export const YEARS_PER_REGION = 10;

export type PlannedBulletin = {
  region: Region;
  year: number;
  layout: Layout;
  flaw: Flaw | null;
  /** Sub-regions a fund report lists, all of them (none for other layouts, or when fewer than three). */
  children: Region[];
};

export type Plan = { bulletins: PlannedBulletin[]; regions: Region[]; firstYear: number; lastYear: number };

/** How often each layout is drawn. */
const LAYOUT_WEIGHTS: Record<Layout, number> = { bulletin: 0.4, yearbook: 0.2, 'fund-report': 0.25, news: 0.15 };

/** The regions a corpus can cover: provinces and prefectures, by code. */
export function corpusRegions(gazetteer: Region[]): Region[] {
  return gazetteer.filter((r) => r.level === 'province' || r.level === 'prefecture').sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * @example
 *   planCorpus(50, 1, gazetteer).bulletins.length // 50: ten regions, 2019–2023
 */
export function planCorpus(n: number, seed: number, gazetteer: Region[]): Plan {
  const candidates = corpusRegions(gazetteer);
  const max = candidates.length * YEARS_PER_REGION;
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--bulletins must be a whole number from 1 to ${max} (${candidates.length} regions × ${YEARS_PER_REGION} years)`);
  const random = randomFor(seed, 'plan');
  const regionCount = Math.min(candidates.length, Math.ceil(n / 5));
  // Provinces and prefectures alike, in a seeded order; listed by code in the corpus.
  const regions = random.shuffle(candidates).slice(0, regionCount).sort((a, b) => a.code.localeCompare(b.code));
  const base = Math.floor(n / regionCount);
  const extra = n % regionCount;
  const childrenOf = new Map<string, Region[]>();
  for (const r of gazetteer) if (r.parent) childrenOf.set(r.parent, [...(childrenOf.get(r.parent) ?? []), r]);

  const bulletins: PlannedBulletin[] = [];
  regions.forEach((region, k) => {
    const count = base + (k < extra ? 1 : 0);
    for (let year = LAST_YEAR - count + 1; year <= LAST_YEAR; year++) {
      const layout = pickLayout(randomFor(seed, `layout|${region.code}|${year}`).next());
      const kids = (childrenOf.get(region.code) ?? []).sort((a, b) => a.code.localeCompare(b.code));
      bulletins.push({ region, year, layout, flaw: null, children: layout === 'fund-report' && kids.length >= 3 ? kids : [] });
    }
  });
  ensureEveryLayout(bulletins, childrenOf);
  assignFlaws(bulletins, seed);
  const years = bulletins.map((b) => b.year);
  return { bulletins, regions, firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

function pickLayout(x: number): Layout {
  let acc = 0;
  for (const layout of LAYOUTS) {
    acc += LAYOUT_WEIGHTS[layout];
    if (x < acc) return layout;
  }
  return 'bulletin';
}

// Small corpora still show every layout (and a fund report with a table of sub-regions).
function ensureEveryLayout(bulletins: PlannedBulletin[], childrenOf: Map<string, Region[]>): void {
  if (bulletins.length < LAYOUTS.length) return;
  const kids = (b: PlannedBulletin) => (childrenOf.get(b.region.code) ?? []).sort((a, c) => a.code.localeCompare(c.code));
  if (!bulletins.some((b) => b.children.length > 0)) {
    const target = bulletins.find((b) => kids(b).length >= 3);
    if (target) Object.assign(target, { layout: 'fund-report', children: kids(target) });
  }
  for (const layout of LAYOUTS) {
    if (bulletins.some((b) => b.layout === layout)) continue;
    const counts = new Map(LAYOUTS.map((l) => [l, bulletins.filter((b) => b.layout === l).length]));
    const target = bulletins.find((b) => counts.get(b.layout)! > 1 && b.children.length === 0);
    if (target) target.layout = layout;
  }
}

/**
 * About one bulletin in a hundred and fifty carries each flaw (at least one of each where the
 * corpus allows). Flaws that change a figure go to a region's last year, so that no later
 * change is stated against the changed figure; a growth rate is flawed only where last year's
 * figure is in the corpus. A sum is flawed only where no province report of the same year
 * lists the region: the pipeline counts a figure stated in an earlier bulletin as a repeat of
 * it, and checks sums over first statements only.
 */
function assignFlaws(bulletins: PlannedBulletin[], seed: number): void {
  const count = Math.max(1, Math.round(bulletins.length / 150));
  const lastYear = new Map<string, number>();
  const years = new Set(bulletins.map((b) => `${b.region.code}|${b.year}`));
  for (const b of bulletins) lastYear.set(b.region.code, Math.max(lastYear.get(b.region.code) ?? 0, b.year));
  const listed = new Set(bulletins.flatMap((b) => b.children.map((c) => `${c.code}|${b.year}`)));
  for (const flaw of FLAWS) {
    const eligible = bulletins.filter((b) => {
      if (b.flaw !== null || !FLAW_LAYOUTS[flaw].includes(b.layout)) return false;
      // A province's table lists prefectures, which have bulletins of their own: flaw a city's.
      if (flaw === 'county-not-total') return b.children.length >= 3 && b.region.level === 'prefecture';
      if (flaw === 'yoy-not-previous') return years.has(`${b.region.code}|${b.year - 1}`);
      return b.year === lastYear.get(b.region.code) && !listed.has(`${b.region.code}|${b.year}`);
    });
    for (const b of randomFor(seed, `flaw|${flaw}`).shuffle(eligible).slice(0, count)) b.flaw = flaw;
  }
}
