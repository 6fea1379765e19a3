/**
 * Looking regions up by the names bulletins use: full names (安阳市), short names (安阳) and
 * former names (株洲县, now 渌口区).
 */
import type { Region } from './schema.ts';

export type RegionIndex = {
  byCode: Map<string, Region>;
  /** Children of a region, longest names first so that 茶陵县 wins over 茶陵. */
  childNames: Map<string, Array<{ name: string; region: Region }>>;
  /** Province- and prefecture-level names, longest first, for telling what a bulletin is about. */
  topNames: Array<{ name: string; region: Region; full: boolean }>;
};

/** Labels that stand for the parent region's own pool or its urban districts, not a child. */
export const OWN_POOL_LABELS = ['市本级', '市直', '城区', '市区', '区本级', '省本级', '省直'];

/**
 * @example
 *   const index = buildRegionIndex(gazetteer.regions);
 *   findChildByLabel(index, '430200', '株洲县')?.code // '430212'
 */
export function buildRegionIndex(regions: Region[]): RegionIndex {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const childNames = new Map<string, Array<{ name: string; region: Region }>>();
  const topNames: RegionIndex['topNames'] = [];
  for (const r of regions) {
    const names = new Set([r.name_zh, r.short_zh, ...(r.former ?? [])].filter((n) => n.length >= 2));
    if (r.parent) {
      const list = childNames.get(r.parent) ?? [];
      for (const name of names) list.push({ name, region: r });
      childNames.set(r.parent, list);
    }
    if (r.level === 'province' || r.level === 'prefecture') {
      topNames.push({ name: r.name_zh, region: r, full: true });
      if (r.short_zh !== r.name_zh && r.short_zh.length >= 2) topNames.push({ name: r.short_zh, region: r, full: false });
    }
  }
  for (const list of childNames.values()) list.sort((a, b) => b.name.length - a.name.length || a.region.code.localeCompare(b.region.code));
  topNames.sort((a, b) => b.name.length - a.name.length || a.region.code.localeCompare(b.region.code));
  return { byCode, childNames, topNames };
}

/** The child region a label names (a table row, the start of a clause), if any. */
export function findChildByLabel(index: RegionIndex, parent: string, label: string): Region | null {
  const text = label.replace(/^[\s、，,；;：:（(]+/, '');
  for (const { name, region } of index.childNames.get(parent) ?? []) {
    if (text.startsWith(name)) return region;
  }
  return null;
}

/** The own-pool label (市本级, 城区) a label starts with, if any. */
export function findOwnPoolLabel(label: string): string | null {
  const text = label.replace(/^[\s、，,；;：:（(]+/, '');
  return OWN_POOL_LABELS.find((l) => text.startsWith(l)) ?? null;
}
