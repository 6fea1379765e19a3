/**
 * The interactive chart, loaded by client.ts only when a chart nears the viewport. Imports
 * only the chart.js pieces the charts use (tree-shaken; never 'chart.js/auto') and registers
 * them once, when this chunk is first evaluated.
 *
 * It reads the spec from the figure's <script type="application/json">, draws in a canvas laid
 * over the static SVG's box (same size: no layout shift), then hides the SVG with a class (the
 * print CSS shows the SVG again and hides the canvas). Colours come from the page CSS (the same
 * custom properties that colour the SVG), numbers from axis-format.ts like the SVG.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import { chartTicks, formatTick, formatTooltip, tickRef } from './axis-format.ts';
import { CHARTJS_POINT_STYLE, seriesStyle } from './palette.ts';
import type { LiveChartSpec } from './spec.ts';

Chart.register(LineController, BarController, LineElement, PointElement, BarElement, CategoryScale, LinearScale, Tooltip);

/** The spec embedded in the figure; checked for the shape the chart needs (zod stays out of the browser bundle). */
function readSpec(figure: HTMLElement): LiveChartSpec {
  const text = figure.querySelector('script[type="application/json"]')?.textContent;
  if (!text) throw new Error('chart: no spec');
  const spec = JSON.parse(text) as LiveChartSpec;
  const ok =
    (spec.kind === 'line' || spec.kind === 'bar') &&
    (spec.lang === 'zh' || spec.lang === 'en') &&
    Array.isArray(spec.categories) &&
    Array.isArray(spec.series) &&
    spec.series.every((s) => Array.isArray(s.points) && s.points.length === spec.categories.length);
  if (!ok) throw new Error('chart: malformed spec');
  return spec;
}

/** The same colour with an alpha, for grid lines ("rgb(r, g, b)" → "rgba(r, g, b, a)"). */
function withAlpha(color: string, alpha: number): string {
  const m = /^rgba?\(([^)]+)\)$/.exec(color.trim());
  if (!m?.[1]) return color;
  const [r, g, b] = m[1].split(/[\s,/]+/);
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

interface Colours {
  text: string;
  grid: string;
  series: string[];
}

/** Colours as the page CSS resolves them now (light or dark scheme), falling back to the palette. */
function readColours(figure: HTMLElement, spec: LiveChartSpec): Colours {
  const text = getComputedStyle(figure).color || '#000';
  const series = spec.series.map((_, i) => {
    const st = seriesStyle(i);
    const el = figure.querySelector(`.chart-series.chart-s${st.slot}`);
    return (el && getComputedStyle(el).color) || st.light;
  });
  return { text, grid: withAlpha(text, 0.16), series };
}

type Kind = 'line' | 'bar';

function datasets(spec: LiveChartSpec, colours: Colours): ChartDataset<Kind, (number | null)[]>[] {
  const m = spec.series.length;
  return spec.series.map((s, i) => {
    const st = seriesStyle(i);
    const colour = colours.series[i] ?? st.light;
    const data = s.points.map((p) => p.value);
    if (spec.kind === 'bar') {
      return {
        label: s.name,
        data,
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: 0,
        categoryPercentage: m > 1 ? 0.84 : 0.62,
        barPercentage: m > 1 ? 0.94 : 1,
      } satisfies ChartDataset<'bar', (number | null)[]>;
    }
    const point = CHARTJS_POINT_STYLE[st.marker];
    return {
      label: s.name,
      data,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: 2.5,
      borderDash: [...st.dash],
      pointStyle: point.style,
      pointRotation: point.rotation,
      pointRadius: 4.5,
      pointHoverRadius: 6.5,
      pointBorderWidth: st.marker === 'cross' ? 2.5 : 1,
      spanGaps: false,
      tension: 0,
    } satisfies ChartDataset<'line', (number | null)[]>;
  });
}

function config(figure: HTMLElement, spec: LiveChartSpec): ChartConfiguration<Kind, (number | null)[], string> {
  const colours = readColours(figure, spec);
  const ticks = chartTicks(spec);
  const ref = tickRef(ticks);
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const font = { family: getComputedStyle(figure).fontFamily || 'system-ui, sans-serif', size: 13 };
  return {
    type: spec.kind,
    data: { labels: spec.categories, datasets: datasets(spec, colours) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reduced ? false : { duration: 350 },
      locale: spec.lang === 'zh' ? 'zh-CN' : 'en-US',
      color: colours.text,
      font,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        // The figure's own HTML legend stands in for chart.js's (which would cost 2.7 KB gzip).
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const v = ctx.parsed.y;
              const value = formatTooltip(typeof v === 'number' ? v : null, spec.unit, spec.lang);
              return spec.series.length > 1 ? `${ctx.dataset.label ?? ''}: ${value}` : value;
            },
          },
        },
      },
      scales: {
        x: {
          type: 'category',
          offset: true,
          grid: { display: false },
          ticks: { color: colours.text, font, autoSkip: true, maxRotation: 45 },
        },
        y: {
          type: 'linear',
          min: ticks[0],
          max: ticks[ticks.length - 1],
          grid: { color: colours.grid },
          border: { display: false },
          // Exactly the SVG's ticks, formatted the same way.
          afterBuildTicks: (axis) => {
            axis.ticks = ticks.map((value) => ({ value }));
          },
          ticks: { color: colours.text, font, callback: (value) => formatTick(Number(value), spec.unit, spec.lang, ref) },
          title: { display: true, text: spec.unitLabel, color: colours.text, font: { ...font, size: 12 } },
        },
      },
    },
  };
}

/** Draws the interactive chart in `figure` (a `[data-chart]` element rendered by Chart.astro). */
export function mountChart(figure: HTMLElement): Chart<Kind, (number | null)[], string> {
  const spec = readSpec(figure);
  const box = figure.querySelector<HTMLElement>('.chart-box');
  if (!box) throw new Error('chart: no .chart-box');
  const svg = box.querySelector('svg');

  const holder = document.createElement('div');
  holder.className = 'chart-live';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  const labelledBy = svg?.getAttribute('aria-labelledby');
  if (labelledBy) canvas.setAttribute('aria-labelledby', labelledBy);
  else canvas.setAttribute('aria-label', spec.title);
  holder.append(canvas);
  box.append(holder);

  let chart: Chart<Kind, (number | null)[], string>;
  try {
    chart = new Chart(canvas, config(figure, spec));
  } catch (error) {
    holder.remove();
    throw error;
  }
  box.classList.add('is-live');

  // Follow the colour scheme when the reader switches it.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    const colours = readColours(figure, spec);
    chart.data.datasets.forEach((d, i) => {
      d.backgroundColor = colours.series[i];
      d.borderColor = colours.series[i];
    });
    const o = chart.options;
    o.color = colours.text;
    for (const scale of Object.values(o.scales ?? {})) {
      if (!scale) continue;
      if (scale.ticks) scale.ticks.color = colours.text;
      if (scale.grid && scale.grid.display !== false) scale.grid.color = colours.grid;
      if ('title' in scale && scale.title) scale.title.color = colours.text;
    }
    chart.update('none');
  });
  return chart;
}
