/**
 * The incremental build's cache keys (src/lib/page-keys.ts): a page is copied from the last
 * build when its key is unchanged, so a key must change with anything its page shows, and
 * should not change with what it does not show (else nothing is saved).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fact, Finding } from '../src/pipeline/schema.ts';
import { readYearbookData } from '../src/lib/yearbook-data.ts';
import { indexYearbook, type YearbookData } from '../src/lib/yearbook-index.ts';
import { regionPageKey } from '../src/lib/page-keys.ts';

const DATA = readYearbookData(join(import.meta.dirname, '..', 'content', 'data'));
const ANYANG = '410500';
const ZHUMADIAN = '411700';
const ZHUZHOU = '430200';
const LILING = '430281'; // a county of Zhuzhou

/** The keys of the pages of a few regions, for a copy of the data changed by `change`. */
function keys(change: (data: YearbookData) => void = () => {}) {
  const data = structuredClone(DATA);
  change(data);
  const book = indexYearbook(data);
  return {
    anyang2022: regionPageKey(book, ANYANG, 'chapter/zh/2022'),
    anyang2021: regionPageKey(book, ANYANG, 'chapter/zh/2021'),
    anyangRegion: regionPageKey(book, ANYANG, 'region/en'),
    zhumadian: regionPageKey(book, ZHUMADIAN, 'chapter/zh/2021'),
    zhuzhou: regionPageKey(book, ZHUZHOU, 'chapter/en/2022'),
    zhuzhouRegion: regionPageKey(book, ZHUZHOU, 'region/zh'),
  };
}
const before = keys();
const changed = (after: ReturnType<typeof keys>) => Object.keys(before).filter((k) => before[k as keyof typeof before] !== after[k as keyof typeof after]).sort();
const factOf = (data: YearbookData, region: string, bulletin?: string): Fact => data.facts.find((f) => f.region === region && (!bulletin || f.bulletin === bulletin))!;

describe('page cache keys', () => {
  it('are the same for the same data, and differ between pages of one region', () => {
    expect(keys()).toEqual(before);
    expect(new Set(Object.values(before)).size).toBe(Object.keys(before).length);
  });

  it('change for every page of a region when one of its figures changes, and for no other region', () => {
    expect(changed(keys((d) => void (factOf(d, ANYANG, 'anyang-2022-bulletin').value += 1)))).toEqual(['anyang2021', 'anyang2022', 'anyangRegion']);
  });

  it("change for a region when a figure of one of its sub-regions changes (its region page lists them)", () => {
    expect(changed(keys((d) => void (factOf(d, LILING).value += 1)))).toEqual(['zhuzhou', 'zhuzhouRegion']);
    // Also when another region's bulletin states it (an Inner Mongolia bulletin, none of
    // ours), and no check names it.
    const unchecked = (d: YearbookData) => d.facts.find((f) => f.region === LILING && !d.findings.some((x) => x.facts.includes(f.id)))!;
    const elsewhere = (d: YearbookData) => void (unchecked(d).bulletin = 'inner-mongolia-2022-yearbook');
    const moved = keys(elsewhere);
    const movedAndChanged = keys((d) => {
      elsewhere(d);
      unchecked(d).value += 1;
    });
    expect(movedAndChanged.zhuzhouRegion).not.toBe(moved.zhuzhouRegion);
    expect(movedAndChanged.anyang2022).toBe(moved.anyang2022);
  });

  it('change when a check on a figure of the region changes', () => {
    const on = (d: YearbookData) => d.findings.find((x) => x.region === ZHUMADIAN)!;
    expect(changed(keys((d) => void (on(d).message_en += ' (revised)')))).toEqual(['zhumadian']);
  });

  it('change when a figure of another region changes that a check on this region names', () => {
    // A check comparing a Zhumadian figure with an Anyang one: the Zhumadian chapter shows both.
    const link = (d: YearbookData) => {
      const finding: Finding = { ...d.findings.find((x) => x.region === ZHUMADIAN)! };
      finding.id = `cross:${finding.id}`;
      finding.facts = [finding.facts[0]!, factOf(d, ANYANG, 'anyang-2021-news').id];
      d.findings.push(finding);
    };
    const linked = keys(link);
    const linkedAndChanged = keys((d) => {
      link(d);
      factOf(d, ANYANG, 'anyang-2021-news').value += 1;
    });
    expect(linked.zhumadian).not.toBe(linkedAndChanged.zhumadian);
  });

  it('change for every page with the edition date and the catalogue', () => {
    expect(changed(keys((d) => void (d.edition.date = '2099-01-01')))).toEqual(Object.keys(before).sort());
    expect(changed(keys((d) => void (d.indicators[0]!.name_en += ' (revised)')))).toEqual(Object.keys(before).sort());
  });
});
