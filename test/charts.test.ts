/**
 * The chart layer: spec validation, the static SVG (deterministic, escaped, one mark per value,
 * gaps for nulls, ticks per language), number formats, tick choice, palette contrast, and the
 * browser island importing only the chart.js pieces it registers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartTicks, formatCell, formatLabel, formatTick, formatTooltip, niceTicks, tickRef } from '../src/charts/axis-format.ts';
import { BACKGROUND_DARK, BACKGROUND_LIGHT, contrastRatio, DASHES, MARKERS, PALETTE_DARK, PALETTE_LIGHT, seriesStyle } from '../src/charts/palette.ts';
import { ChartSpecSchema, liveChartSpec, type ChartSpec } from '../src/charts/spec.ts';
import { CHART_HEIGHT, CHART_WIDTH, escapeXml, renderChartSvg } from '../src/charts/svg.ts';
import { assertChartSpec, chartSpecJson } from '../src/charts/validate.ts';
import type { Unit } from '../src/pipeline/schema.ts';

const root = join(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

function spec(over: Partial<ChartSpec> & { values?: (number | null)[][] } = {}): ChartSpec {
  const { values = [[5_230_000, 5_410_000, null, 5_567_300]], ...rest } = over;
  const categories = rest.categories ?? values[0]!.map((_, i) => String(2020 + i));
  return {
    id: 'test-chart',
    lang: 'zh',
    kind: 'line',
    title: '参保人数',
    unit: 'person',
    unitLabel: '人',
    source: '来源：测试公报',
    description: '逐年参保人数。',
    ...rest,
    categories,
    series:
      rest.series ??
      values.map((vs, j) => ({
        name: `S${j + 1}`,
        points: vs.map((value, i) => ({ label: categories[i]!, value, fact: value === null ? null : `f-${j}-${i}` })),
      })),
  };
}

/** Elements nest properly and every tag closes: a small XML well-formedness check. */
function assertWellFormed(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (self) continue;
    if (close) expect(stack.pop(), `closing ${name}`).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
  // Nothing that looks like a tag was left unmatched by the pattern above (e.g. an unescaped "<").
  const tags = svg.match(/<[^>]*>/g) ?? [];
  const matched = svg.match(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/g) ?? [];
  expect(matched.length).toBe(tags.length);
  expect(svg.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
  expect(svg.replace(/<[^>]*>/g, '')).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
}

function yTicks(svg: string): string[] {
  const g = /<g class="chart-yticks"[^>]*>(.*?)<\/g>/.exec(svg)?.[1] ?? '';
  return [...g.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

const countPoints = (svg: string) => (svg.match(/class="pt"/g) ?? []).length;

describe('spec validation', () => {
  const good = spec();
  it('accepts a good spec', () => {
    expect(() => assertChartSpec(good)).not.toThrow();
    expect(ChartSpecSchema.safeParse(good).success).toBe(true);
  });

  const six = Array.from({ length: 7 }, (_, j) => ({ name: `s${j}`, points: [{ label: '2021', value: 1, fact: null }] }));
  const bad: [string, unknown][] = [
    ['id with capitals and spaces', { ...good, id: 'Bad Id' }],
    ['id with a quote', { ...good, id: 'a"b' }],
    ['unknown kind', { ...good, kind: 'pie' }],
    ['unknown language', { ...good, lang: 'fr' }],
    ['unknown unit', { ...good, unit: 'kg' }],
    ['no categories', { ...good, categories: [], series: [] }],
    ['no series', { ...good, series: [] }],
    ['seven series', { ...good, categories: ['2021'], series: six }],
    ['series without points', { ...good, series: [{ name: 'x', points: [] }] }],
    ['value as a string', spec({ series: [{ name: 'x', points: good.categories.map((label) => ({ label, value: '1' as unknown as number, fact: null })) }] })],
    ['infinite value', spec({ values: [[1, Infinity, 2, 3]] })],
    ['NaN value', spec({ values: [[1, NaN, 2, 3]] })],
    ['fewer points than categories', spec({ categories: ['2020', '2021', '2022', '2023', '2024'] })],
    ['point label not its category', { ...good, categories: ['2020', '2021', '2022', '2099'] }],
    ['two series of the same name', { ...spec({ values: [[1, 2], [3, 4]] }), series: spec({ values: [[1, 2], [3, 4]] }).series.map((s) => ({ ...s, name: 'same' })) }],
    ['repeated categories', (() => { const s = spec({ values: [[1, 2]] }); return { ...s, categories: ['2020', '2020'], series: [{ name: 'a', points: [{ label: '2020', value: 1, fact: null }, { label: '2020', value: 2, fact: null }] }] }; })()],
    ['fact id that breaks a fragment', spec({ series: [{ name: 'x', points: good.categories.map((label) => ({ label, value: 1, fact: 'a" onclick="x' })) }] })],
    ['missing title', (() => { const { title: _t, ...rest } = good; return rest; })()],
  ];
  it.each(bad)('rejects %s', (_name, input) => {
    expect(() => assertChartSpec(input)).toThrow();
    expect(() => renderChartSvg(input as ChartSpec)).toThrow();
  });
});

describe('renderChartSvg', () => {
  const cases: [string, ChartSpec][] = [
    ['zh line with a gap', spec()],
    ['en line, two series', spec({ lang: 'en', unitLabel: 'people', values: [[5_230_000, 5_410_000, null, 5_567_300], [2_100_000, null, 2_300_000, 2_350_000]] })],
    ['zh bar, three series with nulls', spec({ kind: 'bar', unit: 'yuan', unitLabel: '元', categories: ['职工医保', '居民医保'], values: [[7_108_000_000, 5_900_000_000], [6_200_000_000, null], [12_000_000_000, 3_000_000_000]] })],
    ['en bar, many long categories', spec({ kind: 'bar', lang: 'en', unitLabel: 'people', categories: Array.from({ length: 14 }, (_, i) => `Very long county name number ${i + 1}`), values: [Array.from({ length: 14 }, (_, i) => (i + 1) * 123_456)] })],
    ['percent line', spec({ unit: 'percent', unitLabel: '%', values: [[95.1, 96, 96.5, 97.02]] })],
    ['negative bars', spec({ kind: 'bar', unit: 'yuan', unitLabel: 'CNY', lang: 'en', values: [[-2_000_000, 5_000_000, null, 1_000_000]] })],
    ['one category', spec({ categories: ['2021'], values: [[42]] })],
    ['all null', spec({ values: [[null, null, null]] })],
  ];

  it.each(cases)('%s: deterministic, well-formed, one mark per value', (_name, s) => {
    const a = renderChartSvg(s);
    const b = renderChartSvg(structuredClone(s));
    expect(a).toBe(b);
    assertWellFormed(a);
    expect(a.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(a).toContain(`viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"`);
    expect(a).toContain('role="img"');
    expect(a).toContain('aria-labelledby="chart-test-chart-title chart-test-chart-desc"');
    expect(a).toContain('<title id="chart-test-chart-title">');
    expect(a).toContain('<desc id="chart-test-chart-desc">');
    const nonNull = s.series.flatMap((x) => x.points).filter((p) => p.value !== null).length;
    expect(countPoints(a)).toBe(nonNull);
    expect(a.includes('class="chart-legend"')).toBe(s.series.length > 1);
    // Nothing executable, nothing fetched.
    expect(a).not.toMatch(/<script|\son\w+=|href=|xlink:|@import|url\((?!#)/i);
    // No coordinate outside the picture or not a number.
    expect(a).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('escapes hostile text everywhere', () => {
    const evil = `</title><script>alert("x")</script> & 'q' "dq"`;
    const s = spec({
      title: evil,
      description: evil,
      unitLabel: evil,
      categories: [`<script>`, `a&b`, `"q"`],
      series: [
        { name: evil, points: [`<script>`, `a&b`, `"q"`].map((label, i) => ({ label, value: i + 1, fact: null })) },
        { name: `<img onerror=x>"'&`, points: [`<script>`, `a&b`, `"q"`].map((label, i) => ({ label, value: i + 2, fact: null })) },
      ],
    });
    const svg = renderChartSvg(s);
    assertWellFormed(svg);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/<img/i);
    expect(svg).toContain('&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;q&apos; &quot;dq&quot;');
    expect(svg).toContain('a&amp;b');
    expect(svg).toContain('&lt;img onerror=x&gt;&quot;&apos;&amp;');
    expect((svg.match(/<title/g) ?? []).length).toBe(1);
  });

  it.each<[string, string, string]>([
    ['&', '&amp;', 'ampersand'],
    ['<>', '&lt;&gt;', 'angle brackets'],
    [`"'`, '&quot;&apos;', 'quotes'],
    ['a\u0000b\u001Fc', 'abc', 'control characters'],
    ['中文 text', '中文 text', 'plain text'],
  ])('escapeXml(%j) → %j (%s)', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });

  it('breaks the line at nulls and keeps lone points as markers', () => {
    const svg = renderChartSvg(spec({ values: [[1_000_000, 2_000_000, null, 3_000_000, null, 4_000_000, 5_000_000]] }));
    const d = /<g class="chart-series chart-s1"[^>]*><path d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(d.match(/M/g)?.length).toBe(2); // [0,1] and [5,6]; [3] alone is a marker only
    expect(d.match(/L/g)?.length).toBe(2);
    expect(countPoints(svg)).toBe(5);
  });

  it('draws no line for an all-null series but keeps the axes', () => {
    const svg = renderChartSvg(spec({ values: [[null, null]] }));
    expect(svg).not.toMatch(/<g class="chart-series[^>]*><path/);
    expect(yTicks(svg).length).toBeGreaterThan(1);
  });

  it.each<[string, 'zh' | 'en', Unit, number, RegExp, RegExp]>([
    ['zh people', 'zh', 'person', 5_567_300, /万$/, /million|billion/],
    ['zh yuan', 'zh', 'yuan', 7_108_000_000, /亿$/, /million|billion/],
    ['en people', 'en', 'person', 5_567_300, / million$/, /万|亿|\dM\b/],
    ['en yuan', 'en', 'yuan', 7_108_000_000, / billion$/, /万|亿|\dB\b/],
    ['zh percent', 'zh', 'percent', 96, /%$/, /万|亿/],
  ])('%s: y ticks are formatted for the language', (_name, lang, unit, max, want, never) => {
    const svg = renderChartSvg(spec({ lang, unit, kind: 'bar', values: [[max * 0.4, max * 0.8, max]] }));
    const ticks = yTicks(svg);
    expect(ticks[0]).toMatch(/^0%?$/);
    expect(ticks.slice(1).every((t) => want.test(t))).toBe(true);
    expect(ticks.some((t) => never.test(t))).toBe(false);
  });

  it('writes value labels in the language where they fit', () => {
    const zh = renderChartSvg(spec({ values: [[5_230_000, 5_410_000, 5_567_300]] }));
    expect(zh).toContain('>556.73万<');
    const en = renderChartSvg(spec({ lang: 'en', values: [[5_230_000, 5_410_000, 5_567_300]] }));
    expect(en).toContain('>5.57 million<');
  });

  it('gives each series its own dash pattern and marker, and legend swatches in the same style', () => {
    const svg = renderChartSvg(spec({ values: [[1, 2], [2, 3], [3, 4]] }));
    expect(svg).toContain('<circle class="pt"');
    expect(svg).toContain(`stroke-dasharray="${DASHES[1]!.join(' ')}"`);
    expect(svg).toContain(`stroke-dasharray="${DASHES[2]!.join(' ')}"`);
    for (const slot of [1, 2, 3]) expect((svg.match(new RegExp(`class="[^"]*chart-s${slot}"`, 'g')) ?? []).length).toBe(2);
  });

  it('hatches bars of the second series on so they differ in greyscale', () => {
    const svg = renderChartSvg(spec({ kind: 'bar', values: [[1, 2], [2, 3]] }));
    expect(svg).toContain('<pattern id="chart-test-chart-h2"');
    expect(svg).toContain('fill="url(#chart-test-chart-h2)"');
    expect(svg).not.toContain('chart-test-chart-h1');
  });
});

describe('number formats', () => {
  it.each<[number, Unit, 'zh' | 'en', number | undefined, string]>([
    [5_567_300, 'person', 'zh', undefined, '556.73万'],
    [7_108_000_000, 'yuan', 'zh', undefined, '71.08亿'],
    [5_000_000, 'person', 'zh', 100_000_000, '0.05亿'],
    [50_000, 'person', 'zh', undefined, '5万'],
    [8_000, 'count', 'zh', undefined, '8000'],
    [96, 'percent', 'zh', undefined, '96%'],
    [96.5, 'percent', 'en', undefined, '96.5%'],
    [0, 'person', 'en', 6_000_000, '0'],
    [5_567_300, 'person', 'en', undefined, '5.57 million'],
    [500_000, 'person', 'en', 1_500_000, '0.5 million'],
    [800_000, 'person', 'en', 800_000, '800,000'],
    [7_108_000_000, 'yuan', 'en', undefined, '7.11 billion'],
    [-2_000_000, 'yuan', 'en', 5_000_000, '-2 million'],
    [12, 'month', 'en', undefined, '12'],
  ])('formatTick(%d, %s, %s, ref %s) = %s', (value, unit, lang, ref, want) => {
    expect(formatTick(value, unit, lang, ref)).toBe(want);
  });

  it.each<[number | null, Unit, 'zh' | 'en', string]>([
    [5_567_300, 'person', 'en', '5.57 million people'],
    [7_108_000_000, 'yuan', 'en', 'CNY 7.11 billion'],
    [5_567_300, 'person', 'zh', '556.73万人'],
    [7_108_000_000, 'yuan', 'zh', '71.08亿元'],
    [null, 'person', 'zh', '无数据'],
    [null, 'person', 'en', 'no data'],
  ])('formatTooltip(%s, %s, %s) = %s', (value, unit, lang, want) => {
    expect(formatTooltip(value, unit, lang)).toBe(want);
  });

  it.each<[number, Unit, 'zh' | 'en', string]>([
    [5_567_300, 'person', 'zh', '556.73万'],
    [5_567_312, 'person', 'zh', '556.7312万'],
    [7_108_000_000, 'yuan', 'zh', '71.08亿'],
    [12_345, 'person', 'zh', '12345'],
    [5_567_300, 'person', 'en', '5,567,300'],
    [96.25, 'percent', 'en', '96.25%'],
  ])('formatCell(%d, %s, %s) = %s keeps every digit', (value, unit, lang, want) => {
    expect(formatCell(value, unit, lang)).toBe(want);
  });

  it.each<[number, Unit, 'zh' | 'en', string]>([
    [5_567_300, 'person', 'zh', '556.73万'],
    [95_000, 'person', 'zh', '95000'],
    [5_567_300, 'person', 'en', '5.57 million'],
    [556_730, 'person', 'en', '556,730'],
  ])('formatLabel(%d, %s, %s) = %s', (value, unit, lang, want) => {
    expect(formatLabel(value, unit, lang)).toBe(want);
  });

  it('never abbreviates English magnitudes to K/M/B', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (v) => {
        for (const f of [formatTick(v, 'yuan', 'en'), formatLabel(v, 'yuan', 'en')]) expect(f).not.toMatch(/\d\s?[KMB]\b/);
      }),
    );
  });
});

describe('niceTicks', () => {
  it.each<[number, number, number, number[]]>([
    [0, 5_567_300, 5, [0, 2e6, 4e6, 6e6]],
    [0, 100, 5, [0, 25, 50, 75, 100]],
    [95.1, 97.02, 5, [95, 95.5, 96, 96.5, 97, 97.5]],
    [0, 0, 5, [0, 0.25, 0.5, 0.75, 1]],
    [-2e6, 5e6, 5, [-2e6, 0, 2e6, 4e6, 6e6]],
  ])('niceTicks(%d, %d, %d) = %j', (min, max, count, want) => {
    expect(niceTicks(min, max, count)).toEqual(want);
  });

  it('covers the range with evenly spaced round ticks, zero included from a zero floor', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e11, max: 1e11, noNaN: true }), fc.double({ min: -1e11, max: 1e11, noNaN: true }), fc.integer({ min: 2, max: 10 }), (a, b, count) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const ticks = niceTicks(lo, hi, count);
        const eps = Math.max(Math.abs(lo), Math.abs(hi)) * 1e-12;
        expect(ticks[0]!).toBeLessThanOrEqual(lo + eps);
        expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(hi - eps);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(count + 3);
        const step = ticks[1]! - ticks[0]!;
        for (let i = 1; i < ticks.length; i++) expect(Math.abs(ticks[i]! - ticks[i - 1]! - step)).toBeLessThanOrEqual(Math.abs(step) * 1e-9);
        const z = niceTicks(Math.min(0, lo), Math.max(0, hi), count);
        expect(z).toContain(0);
      }),
    );
  });

  it('starts bar axes at zero and keeps whole units whole', () => {
    const bars = chartTicks(spec({ kind: 'bar', values: [[5_230_000, 5_410_000, 5_567_300]] }));
    expect(bars[0]).toBe(0);
    expect(bars[bars.length - 1]!).toBeGreaterThanOrEqual(5_567_300);
    const lines = chartTicks(spec({ values: [[5_230_000, 5_410_000, 5_567_300]] }));
    expect(lines[0]!).toBeGreaterThan(0); // a line may zoom in on its range
    expect(chartTicks(spec({ kind: 'bar', unit: 'count', values: [[1, 2, 3]] })).every(Number.isInteger)).toBe(true);
    expect(tickRef([-5, 0, 3])).toBe(5);
  });
});

describe('palette', () => {
  it('has at least six distinct colours, light and dark', () => {
    expect(new Set(PALETTE_LIGHT.map((c) => c.toLowerCase())).size).toBeGreaterThanOrEqual(6);
    expect(new Set(PALETTE_DARK.map((c) => c.toLowerCase())).size).toBeGreaterThanOrEqual(6);
    expect(new Set(MARKERS).size).toBe(6);
    expect(new Set(DASHES.map((d) => d.join(','))).size).toBe(6);
  });

  it.each(PALETTE_LIGHT.map((c, i) => [i + 1, c, PALETTE_DARK[i]!] as const))('series %d: %s on light, %s on dark reach 3:1', (_slot, light, dark) => {
    expect(contrastRatio(light, BACKGROUND_LIGHT)).toBeGreaterThanOrEqual(3);
    // The SVG carries the light colours as attributes, so they must hold up on dark too.
    expect(contrastRatio(light, BACKGROUND_DARK)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(dark, BACKGROUND_DARK)).toBeGreaterThanOrEqual(3);
  });

  it('the component CSS uses the same colours as palette.ts', () => {
    const astro = read('src/components/Chart.astro');
    for (let i = 0; i < 6; i++) {
      const st = seriesStyle(i);
      expect(astro).toContain(`.chart-s${st.slot} { color: var(--chart-${st.slot}, ${st.light}); }`);
      expect(astro).toContain(`.chart-s${st.slot} { color: var(--chart-${st.slot}, light-dark(${st.light}, ${st.dark})); }`);
      expect(astro).toContain(`.chart-s${st.slot} { color: ${st.light}; }`);
    }
  });
});

describe('browser island', () => {
  // Code only: comments may name what the code must not do.
  const code = (path: string) => read(path).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const client = code('src/charts/client.ts');
  const live = code('src/charts/live.ts');
  // No Legend plugin: the figure carries its own HTML legend, lighter than chart.js's.
  const pieces = ['LineController', 'BarController', 'LineElement', 'PointElement', 'BarElement', 'CategoryScale', 'LinearScale', 'Tooltip'];

  it('client.ts loads chart.js only through a dynamic import, on intersection', () => {
    expect(client).not.toMatch(/^\s*import\s+(?!type\b)[^;]*from\s+['"]chart\.js/m);
    expect(client).not.toMatch(/chart\.js\/auto/);
    expect(client).toMatch(/import\(['"]\.\/live\.ts['"]\)/);
    expect(client).toContain('IntersectionObserver');
    expect(client).toMatch(/rootMargin:\s*'200px/);
    // Only type imports at the top: nothing heavy in the first chunk.
    expect(client).not.toMatch(/^import\s/m);
  });

  it('live.ts imports exactly the listed chart.js pieces and registers them', () => {
    expect(live).not.toMatch(/chart\.js\/auto/);
    expect(live).not.toMatch(/import\s+Chart\s+from/);
    const block = /import\s*\{([^}]*)\}\s*from\s*'chart\.js';/.exec(live)?.[1] ?? '';
    const names = block.split(',').map((s) => s.trim()).filter((s) => s && !s.startsWith('type '));
    expect(names.sort()).toEqual([...pieces, 'Chart'].sort());
    const register = /Chart\.register\(([^)]*)\)/.exec(live)?.[1] ?? '';
    expect(register.split(',').map((s) => s.trim()).sort()).toEqual([...pieces].sort());
    expect((live.match(/Chart\.register\(/g) ?? []).length).toBe(1);
    // Same number formats as the SVG; no animation for reduced motion.
    expect(live).toMatch(/from '\.\/axis-format\.ts'/);
    expect(live).toContain('prefers-reduced-motion');
    // zod stays out of the browser bundle.
    expect(live).not.toMatch(/from '(zod|\.\/validate\.ts|\.\/svg\.ts)'/);
    expect(read('src/charts/axis-format.ts')).not.toMatch(/^import (?!type)[^;]*'\.\/spec\.ts'/m);
  });
});

describe('chartSpecJson', () => {
  it('cannot close its script element and round-trips', () => {
    const s = spec({ title: '</script><script>alert(1)</script>\u2028b <!-- c' });
    const json = chartSpecJson(s);
    expect(json).not.toContain('<');
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(liveChartSpec(s));
    expect(JSON.parse(json).title).toBe(s.title);
  });

  it('carries what the live chart draws and nothing the figure states in HTML already', () => {
    const live = JSON.parse(chartSpecJson(spec({}))) as Record<string, unknown>;
    expect(Object.keys(live).sort()).toEqual(['categories', 'kind', 'lang', 'series', 'title', 'unit', 'unitLabel']);
    expect(JSON.stringify(live.series)).not.toMatch(/"fact"|"label"/);
  });
});
