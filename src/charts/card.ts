/**
 * Social-card pictures (Open Graph / Twitter, 1200 × 630): the site's name, the page's title
 * and the page's main chart, drawn from the chart's own static SVG. Pure: SVG text in, SVG
 * text out; scripts/render-cards.ts draws it as PNG.
 */
import type { ChartSpec } from './spec.ts';
import { BACKGROUND_LIGHT } from './palette.ts';
import { CHART_HEIGHT, CHART_WIDTH, escapeXml, fit, renderChartSvg, textWidth } from './svg.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN = 48;
const TEXT = '#1a1a1a';
const MUTED = '#555555';

function card(lang: 'zh' | 'en', body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}"` +
    ` lang="${lang === 'zh' ? 'zh-Hans' : 'en'}" font-family="sans-serif" color="${TEXT}" fill="${TEXT}">` +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${BACKGROUND_LIGHT}"/>` +
    `<rect width="${CARD_WIDTH}" height="10" fill="#0072B2"/>${body}</svg>`
  );
}

const line = (text: string, y: number, size: number, colour: string, weight = 'normal') =>
  `<text x="${MARGIN}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${colour}">${escapeXml(fit(text, size, CARD_WIDTH - 2 * MARGIN))}</text>`;

/**
 * The card of a page with a chart: site name, page title, chart title, then the chart.
 *
 * @example
 *   chartCardSvg(spec, { site: 'Healthcare Security Statistical Yearbook', title: 'Anyang, 2022' })
 */
export function chartCardSvg(spec: ChartSpec, text: { site: string; title: string }): string {
  const top = 196;
  const height = CARD_HEIGHT - top - 24;
  const width = Math.round((height * CHART_WIDTH) / CHART_HEIGHT);
  // The chart's own SVG, nested and scaled into the lower part of the card. Not clipped to
  // its box (overflow="visible"): resvg would draw it on a layer of its own, clip and blend it,
  // which was half of a card's drawing time, and cut off the first of long slanted labels.
  // Series fill their marks with their own colour here: resvg resolves the root's
  // fill="currentColor" once, at the root, where browsers resolve it per element.
  const chart = renderChartSvg(spec)
    .replace(/^<svg /, `<svg x="${(CARD_WIDTH - width) / 2}" y="${top}" height="${height}" overflow="visible" `)
    .replace(' width="100%"', ` width="${width}"`)
    .replace(/(<g class="(?:chart-series )?chart-s\d" color="(#[0-9A-Fa-f]{3,8})")>/g, '$1 fill="$2">');
  return card(spec.lang, line(text.site, 62, 26, MUTED) + line(text.title, 122, 48, TEXT, 'bold') + line(spec.title, 172, 28, TEXT) + chart);
}

/** Breaks a text into lines that fit a width: at spaces where it has them, else anywhere (Chinese). */
function wrap(text: string, size: number, width: number): string[] {
  const units = /\s/.test(text) ? text.split(/(?<=\s)/) : [...text];
  const lines: string[] = [];
  let current = '';
  for (const unit of units) {
    if (current && textWidth(current + unit, size) > width) {
      lines.push(current.trimEnd());
      current = unit.trimStart();
    } else current += unit;
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines;
}

/** The card of a page without a chart: the site's name, large, and what the site is. */
export function plainCardSvg(lang: 'zh' | 'en', text: { title: string; tagline: string }): string {
  const title = wrap(text.title, 64, CARD_WIDTH - 2 * MARGIN).slice(0, 2);
  const tagline = wrap(text.tagline, 34, CARD_WIDTH - 2 * MARGIN).slice(0, 4);
  const below = 200 + title.length * 80;
  return card(lang, title.map((l, i) => line(l, 190 + i * 80, 64, TEXT, 'bold')).join('') + tagline.map((l, i) => line(l, below + i * 50, 34, MUTED)).join(''));
}
