/**
 * Where an Astro build spends its time, from its own log: the phases between the lines it
 * prints (timed as they arrive), and the "(+12ms)" it prints after each page it generates,
 * summed by kind of page.
 */

export type BuildPhase = { name: string; s: number };
export type RouteGroup = { group: string; pages: number; total_s: number; mean_ms: number; max_ms: number; slowest: string };
/** `reused`: pages an incremental build copied from the last build instead of rendering. */
export type BuildProfile = { phases: BuildPhase[]; routes: RouteGroup[]; slowest: Array<{ route: string; ms: number }>; reused: number };

const MARKERS: Array<[string, RegExp]> = [
  ['content sync', /\[content\] Syncing content/],
  ['types', /\[content\] Synced content/],
  ['build info', /Collecting build info/],
  ['bundle (vite: pages, MDX, scripts)', /Building static entrypoints/],
  ['static paths (every getStaticPaths) until the first page', /generating static routes/],
  ['generate pages', /[├└]─\s+\S+\s+\(\+/],
  ['finish', /page\(s\) built in/],
];

/** Collects the lines of a build as they arrive. */
export class AstroLog {
  private readonly marks = new Map<string, number>();
  private readonly routes: Array<{ route: string; ms: number }> = [];
  private reused = 0;

  line(text: string, at: number): void {
    // eslint-disable-next-line no-control-regex
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
    for (const [name, re] of MARKERS) if (!this.marks.has(name) && re.test(plain)) this.marks.set(name, at);
    // "(+12ms)", "(+52.70s)", "(+1m 13s)"
    const route = /[├└]─\s+(\S+)\s+\(\+(?:(\d+)m\s*)?([\d.]+)(ms|s)\)/.exec(plain);
    if (/[├└]─\s+\S+\s+\((?:cached|restored)\)/.test(plain)) this.reused++;
    if (route) this.routes.push({ route: route[1]!, ms: Number(route[2] ?? 0) * 60000 + Number(route[3]) * (route[4] === 's' ? 1000 : 1) });
  }

  /** `end`: seconds from the start to the end of the Astro build. */
  profile(end: number): BuildProfile {
    const points: Array<[string, number]> = [['start-up', 0], ...[...this.marks.entries()].sort((a, b) => a[1] - b[1])];
    const phases = points.map(([name, at], k) => ({ name, s: round(Math.max(0, (points[k + 1]?.[1] ?? end) - at)) }));
    const groups = new Map<string, Array<{ route: string; ms: number }>>();
    for (const r of this.routes) groups.set(routeGroup(r.route), [...(groups.get(routeGroup(r.route)) ?? []), r]);
    const routes = [...groups.entries()]
      .map(([group, list]) => {
        const slowest = list.reduce((a, b) => (b.ms > a.ms ? b : a));
        const sum = list.reduce((s, r) => s + r.ms, 0);
        return { group, pages: list.length, total_s: round(sum / 1000), mean_ms: round(sum / list.length), max_ms: slowest.ms, slowest: slowest.route };
      })
      .sort((a, b) => b.total_s - a.total_s);
    const slowest = [...this.routes].sort((a, b) => b.ms - a.ms).slice(0, 10);
    return { phases, routes, slowest, reused: this.reused };
  }
}

/** The kind of page a built route is. */
export function routeGroup(route: string): string {
  if (/^\/(zh|en)\/regions\/[^/]+\/\d{4}\//.test(route)) return 'chapter pages /{lang}/regions/{region}/{year}/';
  if (/^\/(zh|en)\/regions\/[^/]+\//.test(route)) return 'region pages /{lang}/regions/{region}/';
  if (/^\/(zh|en)\/indicators\/[^/]+\//.test(route)) return 'indicator pages /{lang}/indicators/{id}/';
  if (/^\/data\//.test(route)) return 'data package /data/datapackage.json';
  return 'other pages (home, about, glossary, print, search, feeds, lists)';
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
