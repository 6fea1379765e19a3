/**
 * Placing a chapter's charts in its text: each chart goes to the slot (see ChartSlot) after the
 * passage, table or caption its figures come from. A chart drawn (even in part) from the chart
 * data at the end of a report stands where the report showed it (its caption); others after the
 * last passage whose figures they use. Charts whose slot the text lacks are shown before the text.
 */
import type { ChartSpec } from '../charts/spec.ts';
import type { Fact } from '../pipeline/schema.ts';

export type PlacedChart = { spec: ChartSpec; labels: Record<string, string>; sourceHref?: (fact: string) => string };
export type ChartPlacement = { byKey: Map<string, PlacedChart[]>; rest: PlacedChart[] };

const SLOT = /<ChartSlot at="([^"]+)"(?: caption="([^"]*)")?/g;

/**
 * @param bodies the MDX sources of the chapter's bulletins (their slots are read from them)
 * @example
 *   placeCharts([{ chart, facts }], [entry.body]).byKey.get('anyang-2022-bulletin:23')
 */
export function placeCharts(charts: Array<{ chart: PlacedChart; facts: Fact[] }>, bodies: string[]): ChartPlacement {
  const captions = new Set<string>();
  const lines = new Map<string, number[]>();
  for (const body of bodies) {
    for (const m of body.matchAll(SLOT)) {
      const [bulletin, line] = m[1]!.split(':') as [string, string];
      lines.set(bulletin, [...(lines.get(bulletin) ?? []), Number(line)]);
      if (m[2]) captions.add(`${bulletin}:caption:${m[2]}`);
    }
  }
  const byKey = new Map<string, PlacedChart[]>();
  const rest: PlacedChart[] = [];
  for (const { chart, facts } of charts) {
    const key = slotKey(facts, captions, lines);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), chart]);
    else rest.push(chart);
  }
  return { byKey, rest };
}

// The caption of the original chart, or else the first slot at or after the last figure used
// (a table's slot follows its last row, which may be a total the chart leaves out).
function slotKey(facts: Fact[], captions: Set<string>, lines: Map<string, number[]>): string | null {
  if (facts.length === 0) return null;
  const last = facts.reduce((a, f) => (f.source.line > a.source.line ? f : a));
  // A chart redrawn from the report's chart data stands where the report showed it.
  for (const f of facts.filter((x) => x.source.block === 'series')) {
    const caption = `${f.bulletin}:caption:${f.source.context?.split(' › ')[0]}`;
    if (captions.has(caption)) return caption;
  }
  const line = (lines.get(last.bulletin) ?? []).filter((l) => l >= last.source.line).sort((a, b) => a - b)[0];
  return line === undefined ? null : `${last.bulletin}:${line}`;
}
