/**
 * The static picture of a chart: SVG markup built at build time from the spec, shown before
 * (and without) JavaScript, in feed readers and on paper.
 *
 * - Deterministic: the same spec gives the same bytes (no clocks, no randomness, rounded
 *   coordinates).
 * - Safe to inline with set:html: every piece of text from the spec passes through escapeXml;
 *   no <script>, no event attributes, no external fonts or images.
 * - Themeable: text, axes and grid use currentColor; each series sits in a group
 *   `class="chart-s<N>"` whose `color` attribute holds the light palette colour, which page
 *   CSS may override (dark mode). Hatching on bars uses `class="chart-hatch"`.
 * - Readable in greyscale: each series has its own dash pattern, marker shape and bar hatching.
 */
import { chartTicks, formatLabel, formatTick, tickRef } from './axis-format.ts';
import { seriesStyle, type MarkerShape } from './palette.ts';
import type { ChartSpec } from './spec.ts';
import { assertChartSpec } from './validate.ts';

/** viewBox size of every chart: the chart box keeps this aspect ratio, with or without JS. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;

const TICK_FONT = 13;
const LABEL_FONT = 12;
const LEGEND_FONT = 13;
const LEGEND_ROW = 22;

/** Escapes text for XML content and attribute values; drops characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Ids of the SVG's own title and description, for aria-labelledby (and the canvas that replaces it). */
export function chartSvgIds(id: string): { title: string; desc: string } {
  return { title: `chart-${id}-title`, desc: `chart-${id}-desc` };
}

/** Rounded coordinate: keeps the markup short and identical across runs. */
function n(x: number): string {
  const r = Math.round(x * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Rough width of a text in px: wide for CJK and full-width forms, narrower for Latin. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    // Generous (DejaVu-wide) so that labels fit whichever sans-serif font the reader has.
    if (c >= 0x2e80) w += 1;
    else if (ch === ' ') w += 0.32;
    else if (/[0-9]/.test(ch)) w += 0.64;
    else if (/[.,:;'!|iljtf]/.test(ch)) w += 0.34;
    else if (/[A-Z%mwMW]/.test(ch)) w += 0.8;
    else w += 0.62;
  }
  return w * size;
}

/** Cuts a text to fit a width, marking the cut with an ellipsis. */
export function fit(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

function dashAttr(dash: readonly number[]): string {
  return dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : '';
}

/** One marker, centred on (x, y), drawn in currentColor. `cls` marks data points for counting. */
function marker(shape: MarkerShape, x: number, y: number, cls: string): string {
  const c = cls ? ` class="${cls}"` : '';
  switch (shape) {
    case 'circle':
      return `<circle${c} cx="${n(x)}" cy="${n(y)}" r="4.5"/>`;
    case 'square':
      return `<path${c} d="M${n(x - 4)} ${n(y - 4)}h8v8h-8z"/>`;
    case 'triangle':
      return `<path${c} d="M${n(x)} ${n(y - 5.5)}L${n(x + 5.2)} ${n(y + 3.5)}H${n(x - 5.2)}z"/>`;
    case 'diamond':
      return `<path${c} d="M${n(x)} ${n(y - 5.5)}L${n(x + 5.5)} ${n(y)}L${n(x)} ${n(y + 5.5)}L${n(x - 5.5)} ${n(y)}z"/>`;
    case 'triangle-down':
      return `<path${c} d="M${n(x)} ${n(y + 5.5)}L${n(x + 5.2)} ${n(y - 3.5)}H${n(x - 5.2)}z"/>`;
    case 'cross':
      return `<path${c} d="M${n(x - 4)} ${n(y - 4)}l8 8m0-8l-8 8" fill="none" stroke="currentColor" stroke-width="2.5"/>`;
  }
}

/** Hatching for bars of series 2…6 (series 1 stays solid), so grouped bars differ in greyscale. */
const HATCH: readonly string[] = [
  '',
  '<path d="M0 0V6" stroke-width="2.2"/>',
  '<path d="M0 0H6" stroke-width="2.2"/>',
  '<circle cx="3" cy="3" r="1.3" stroke="none" class="chart-hatch-dot"/>',
  '<path d="M0 0V6M0 0H6" stroke-width="1.6"/>',
  '<path d="M3 0V6" stroke-width="3.5"/>',
];
const HATCH_ROTATE = [0, 45, 0, 0, 45, -45];

function hatchId(specId: string, slot: number): string {
  return `chart-${specId}-h${slot}`;
}

function hatchDefs(specId: string, slots: readonly number[]): string {
  const defs = slots
    .filter((s) => s > 1)
    .map((s) => {
      const rot = HATCH_ROTATE[s - 1] ?? 0;
      const transform = rot ? ` patternTransform="rotate(${rot})"` : '';
      return `<pattern id="${hatchId(specId, s)}" width="6" height="6" patternUnits="userSpaceOnUse"${transform}><g class="chart-hatch" stroke="#fff" fill="#fff" stroke-opacity="0.7" fill-opacity="0.7">${HATCH[s - 1] ?? ''}</g></pattern>`;
    });
  return defs.length ? `<defs>${defs.join('')}</defs>` : '';
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

interface Layout {
  left: number;
  right: number;
  top: number;
  bottom: number;
  legendRows: { x: number; y: number; index: number; name: string }[];
  /** y of the unit caption's baseline. */
  unitY: number;
}

function layoutLegend(spec: ChartSpec): { rows: Layout['legendRows']; height: number } {
  if (spec.series.length < 2) return { rows: [], height: 0 };
  const rows: Layout['legendRows'] = [];
  const maxX = CHART_WIDTH - 4;
  let x = 4;
  let row = 0;
  spec.series.forEach((s, index) => {
    const name = fit(s.name, LEGEND_FONT, 200);
    const w = 32 + textWidth(name, LEGEND_FONT) + 18;
    if (x > 4 && x + w > maxX) {
      row += 1;
      x = 4;
    }
    rows.push({ x, y: 4 + row * LEGEND_ROW + LEGEND_ROW / 2, index, name });
    x += w;
  });
  return { rows, height: (row + 1) * LEGEND_ROW + 6 };
}

function legendSvg(spec: ChartSpec, rows: Layout['legendRows']): string {
  if (!rows.length) return '';
  const items = rows.map(({ x, y, index, name }) => {
    const st = seriesStyle(index);
    let swatch: string;
    if (spec.kind === 'line') {
      swatch =
        `<path d="M${n(x)} ${n(y)}h28" fill="none" stroke="currentColor" stroke-width="2.5"${dashAttr(st.dash)}/>` +
        marker(st.marker, x + 14, y, '');
    } else {
      const r = `x="${n(x + 6)}" y="${n(y - 7)}" width="16" height="14"`;
      swatch = `<rect ${r}/>` + (st.slot > 1 ? `<rect ${r} fill="url(#${hatchId(spec.id, st.slot)})"/>` : '');
    }
    return (
      `<g class="chart-s${st.slot}" color="${st.light}">${swatch}</g>` +
      `<text x="${n(x + 34)}" y="${n(y)}" dy="0.35em">${escapeXml(name)}</text>`
    );
  });
  return `<g class="chart-legend" font-size="${LEGEND_FONT}">${items.join('')}</g>`;
}

/**
 * The chart as SVG markup (no XML declaration; inline it in HTML or save it as a file).
 * Throws when the spec is not valid (see assertChartSpec).
 */
export function renderChartSvg(input: ChartSpec): string {
  // A region's time series is one spec shared by its ten chapters: drawn once.
  let svg = drawn.get(input);
  if (svg === undefined) drawn.set(input, (svg = drawChartSvg(input)));
  return svg;
}

const drawn = new WeakMap<ChartSpec, string>();

function drawChartSvg(input: ChartSpec): string {
  const spec = assertChartSpec(input);
  const ids = chartSvgIds(spec.id);
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;

  // Y axis: ticks shared with the chart.js chart.
  const ticks = chartTicks(spec);
  const ref = tickRef(ticks);
  const tickLabels = ticks.map((t) => formatTick(t, spec.unit, spec.lang, ref));
  const t0 = ticks[0] ?? 0;
  const t1 = ticks[ticks.length - 1] ?? 1;

  // Vertical bands: legend, unit caption, plot, category labels.
  const legend = layoutLegend(spec);
  const unitY = legend.height + 14;
  const top = legend.height + 32;
  const left = Math.ceil(Math.max(28, ...tickLabels.map((l) => textWidth(l, TICK_FONT))) + 12);
  const right = 14;
  const plotW = W - left - right;
  const count = spec.categories.length;
  const band = plotW / count;

  // Category labels: level when they fit, slanted otherwise; thinned when bands are narrow.
  const every = Math.max(1, Math.ceil(18 / band));
  const level = spec.categories.every((c) => textWidth(c, TICK_FONT) <= band * every - 6);
  const catLabels = spec.categories.map((c) => (level ? c : fit(c, TICK_FONT, 130)));
  const slantH = level ? 0 : Math.max(...catLabels.map((c) => textWidth(c, TICK_FONT))) * 0.71;
  const bottomPad = level ? 26 : Math.ceil(slantH) + 20;
  const bottom = H - bottomPad;
  const plotH = bottom - top;

  const y = (v: number): number => bottom - ((v - t0) / (t1 - t0)) * plotH;
  const bandX = (i: number): number => left + band * i;
  const centreX = (i: number): number => left + band * (i + 0.5);
  const zeroY = y(Math.min(Math.max(0, t0), t1));

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 ${W} ${H}" width="100%" role="img"` +
      ` aria-labelledby="${ids.title} ${ids.desc}" lang="${spec.lang === 'zh' ? 'zh-Hans' : 'en'}"` +
      ` font-family="system-ui, sans-serif" font-size="${TICK_FONT}" fill="currentColor">`,
  );
  out.push(`<title id="${ids.title}">${escapeXml(spec.title)}</title>`);
  out.push(`<desc id="${ids.desc}">${escapeXml(spec.description)}</desc>`);
  if (spec.kind === 'bar') out.push(hatchDefs(spec.id, spec.series.map((_, i) => seriesStyle(i).slot)));

  // Grid and y-axis ticks.
  const grid = ticks.map((t) => `M${n(left)} ${n(y(t))}H${n(W - right)}`).join('');
  out.push(`<path class="chart-grid" d="${grid}" stroke="currentColor" stroke-opacity="0.16" shape-rendering="crispEdges"/>`);
  out.push(`<path class="chart-axis" d="M${n(left)} ${n(zeroY)}H${n(W - right)}" stroke="currentColor" stroke-opacity="0.7" shape-rendering="crispEdges"/>`);
  out.push(
    `<g class="chart-yticks" text-anchor="end">` +
      ticks.map((t, i) => `<text x="${n(left - 7)}" y="${n(y(t))}" dy="0.35em">${escapeXml(tickLabels[i] ?? '')}</text>`).join('') +
      `</g>`,
  );
  out.push(`<text class="chart-unit" x="0" y="${n(unitY)}" font-size="${LABEL_FONT}">${escapeXml(spec.unitLabel)}</text>`);

  // Category labels.
  const xl: string[] = [];
  catLabels.forEach((c, i) => {
    if (i % every !== 0) return;
    const x = centreX(i);
    if (level) xl.push(`<text x="${n(x)}" y="${n(bottom + 18)}" text-anchor="middle">${escapeXml(c)}</text>`);
    else xl.push(`<text transform="translate(${n(x + 4)} ${n(bottom + 12)}) rotate(-45)" text-anchor="end">${escapeXml(c)}</text>`);
  });
  out.push(`<g class="chart-xticks">${xl.join('')}</g>`);

  // Series, and where their value labels would go.
  interface Candidate {
    x: number;
    y: number;
    text: string;
    /** Widest the label may be (bars: their own width). */
    maxW: number;
  }
  const candidates: Candidate[] = [];
  const occupied: Box[] = [];
  const m = spec.series.length;

  spec.series.forEach((s, j) => {
    const st = seriesStyle(j);
    const parts: string[] = [];
    if (spec.kind === 'line') {
      // Segments between nulls; a point alone between gaps shows as its marker only.
      const runs: string[][] = [[]];
      s.points.forEach((p, i) => {
        if (p.value === null) runs.push([]);
        else runs[runs.length - 1]?.push(`${n(centreX(i))} ${n(y(p.value))}`);
      });
      const d = runs.filter((r) => r.length > 1).map((r) => `M${r.join('L')}`).join('');
      if (d) parts.push(`<path d="${d}" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round"${dashAttr(st.dash)}/>`);
      const lastIndex = s.points.reduce((last, p, i) => (p.value === null ? last : i), -1);
      s.points.forEach((p, i) => {
        if (p.value === null) return;
        const x = centreX(i);
        const py = y(p.value);
        parts.push(marker(st.marker, x, py, 'pt'));
        occupied.push({ x: x - 6, y: py - 6, w: 12, h: 12 });
        if (m === 1 || i === lastIndex) {
          // Below a local low, above otherwise, so the label stays clear of the line.
          const prev = s.points[i - 1]?.value;
          const next = s.points[i + 1]?.value;
          const low = (prev == null || prev > p.value) && (next == null || next > p.value) && (prev != null || next != null);
          candidates.push({ x, y: low ? py + 19 : py - 10, text: formatLabel(p.value, spec.unit, spec.lang), maxW: band * 0.98 });
        }
      });
    } else {
      const groupW = band * (m > 1 ? 0.84 : 0.62);
      const barW = groupW / m;
      const gap = m > 1 ? Math.min(2, barW * 0.15) : 0;
      s.points.forEach((p, i) => {
        if (p.value === null) return;
        const x = bandX(i) + (band - groupW) / 2 + j * barW;
        const vy = y(p.value);
        const y0 = Math.min(vy, zeroY);
        const h = Math.max(Math.abs(zeroY - vy), 0.5);
        const attrs = `x="${n(x + gap / 2)}" y="${n(y0)}" width="${n(barW - gap)}" height="${n(h)}"`;
        parts.push(`<rect class="pt" ${attrs}/>`);
        if (st.slot > 1) parts.push(`<rect ${attrs} fill="url(#${hatchId(spec.id, st.slot)})"/>`);
        occupied.push({ x: x + gap / 2, y: y0, w: barW - gap, h });
        const up = p.value >= 0;
        candidates.push({ x: x + barW / 2, y: up ? vy - 5 : vy + 15, text: formatLabel(p.value, spec.unit, spec.lang), maxW: m > 1 ? barW + 2 : band - 2 });
      });
    }
    out.push(`<g class="chart-series chart-s${st.slot}" color="${st.light}">${parts.join('')}</g>`);
  });

  // Value labels where they fit: inside the chart, clear of each other, of markers and bars.
  const placed: string[] = [];
  const labelBoxes: Box[] = [];
  for (const c of candidates) {
    const w = textWidth(c.text, LABEL_FONT);
    const box: Box = { x: c.x - w / 2 - 1, y: c.y - LABEL_FONT * 0.8, w: w + 2, h: LABEL_FONT };
    if (w > c.maxW) continue;
    if (box.x < left || box.x + box.w > W - 2 || box.y < unitY + 4 || box.y + box.h > bottom - 1) continue;
    if (labelBoxes.some((b) => overlaps(b, box)) || occupied.some((b) => overlaps(b, box))) continue;
    labelBoxes.push(box);
    placed.push(`<text x="${n(c.x)}" y="${n(c.y)}">${escapeXml(c.text)}</text>`);
  }
  if (placed.length) out.push(`<g class="chart-values" font-size="${LABEL_FONT}" text-anchor="middle">${placed.join('')}</g>`);

  out.push(legendSvg(spec, legend.rows));
  out.push('</svg>');
  return out.join('');
}
