/**
 * Reads V8 CPU profiles (node --cpu-prof): time spent in each function itself (self) and with
 * everything it called (inclusive, recursion counted once), and self time by package or file.
 * For finding where a build spends its time by function name (the site's code is bundled, so
 * its functions keep their names but not their source files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type FunctionTime = { fn: string; where: string; s: number; share: number };
export type ProfileSummary = {
  profiles: number;
  /** Busy time sampled (threads waiting, "(idle)", left out; shares are of this). */
  sampled_s: number;
  idle_s: number;
  self: FunctionTime[];
  inclusive: FunctionTime[];
  /** Inclusive time of the site's own functions (pages, components, src/lib), as built. */
  site_inclusive: FunctionTime[];
  by_area: Array<{ area: string; s: number; share: number }>;
};

/** Where a script is, shortly: a package name, a file of the built site, node internals. */
export function areaOf(url: string): string {
  if (!url) return '(native / idle / GC)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  const built = /\/dist\/(.*)$/.exec(url) ?? /\/\.prerender\/(.*)$/.exec(url);
  if (built) return `site (built): ${built[1]!.replace(/[._-][A-Za-z0-9_-]{8}\.mjs$/, '.mjs')}`;
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

/**
 * @example
 *   summarizeProfiles('/tmp/prof', 25).inclusive[0] // { fn: 'generatePages', … }
 */
export function summarizeProfiles(dir: string, top = 25): ProfileSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const area = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const keyOf = new Map(profile.nodes.map((n) => [n.id, `${n.callFrame.functionName || '(anonymous)'}\u0000${areaOf(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`]));
    profile.samples.forEach((id, k) => {
      const us = profile.timeDeltas[k] ?? 0;
      if (us <= 0) return;
      const node = byId.get(id)!;
      if (node.callFrame.functionName === '(idle)') {
        idle += us;
        return;
      }
      total += us;
      const key = keyOf.get(id)!;
      self.set(key, (self.get(key) ?? 0) + us);
      const a = areaOf(node.callFrame.url);
      area.set(a, (area.get(a) ?? 0) + us);
      const seen = new Set<string>();
      for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) {
        const k2 = keyOf.get(p)!;
        if (seen.has(k2)) continue;
        seen.add(k2);
        inclusive.set(k2, (inclusive.get(k2) ?? 0) + us);
      }
    });
  }
  const list = (m: Map<string, number>, keep: (key: string) => boolean = () => true) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .filter(([key]) => !/^\((root|idle)\)/.test(key) && keep(key))
      .slice(0, top)
      .map(([key, us]) => {
        const [fn, where] = key.split('\u0000') as [string, string];
        return { fn, where, s: round(us / 1e6), share: round(us / total) };
      });
  return {
    profiles: files.length,
    sampled_s: round(total / 1e6),
    idle_s: round(idle / 1e6),
    self: list(self),
    inclusive: list(inclusive),
    site_inclusive: list(inclusive, (key) => key.includes('\u0000site (built)')),
    by_area: [...area.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([a, us]) => ({ area: a, s: round(us / 1e6), share: round(us / total) })),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
