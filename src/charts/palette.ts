/**
 * Series colours, dash patterns and marker shapes, shared by the static SVG and the chart.js
 * chart so that both draw series N the same way.
 *
 * Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies).
 * Every colour has a contrast of at least 3:1 (WCAG 1.4.11, graphical objects) against the
 * background it is meant for:
 *
 * - PALETTE_LIGHT, for BACKGROUND_LIGHT (white): Okabe–Ito blue, vermillion, bluish green and
 *   reddish purple as they are; Okabe–Ito black lightened to grey and orange darkened, so that
 *   these two also reach 3:1. Every light colour also reaches 3:1 on BACKGROUND_DARK, which
 *   matters where the SVG is shown without our CSS (feed readers in dark mode): the SVG carries
 *   the light colours as attributes.
 * - PALETTE_DARK, for BACKGROUND_DARK: the Okabe–Ito colours that are light enough, unchanged.
 *
 * Colour is never the only cue: each series also has its own dash pattern (lines), marker shape
 * (points) and hatching (bars), so the charts read in greyscale print too.
 *
 * The page CSS (src/components/Chart.astro) exposes these as `--chart-1` … `--chart-6`;
 * a test keeps the two in step.
 */

/** The eight Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"). */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const BACKGROUND_LIGHT = '#ffffff';
export const BACKGROUND_DARK = '#121212';

/** Series colours on a light background, in series order. */
export const PALETTE_LIGHT: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  '#767676', // Okabe–Ito black, lightened to stay visible on dark backgrounds
  '#B36B00', // Okabe–Ito orange, darkened to 4.2:1 on white
];

/** Series colours on a dark background, in series order (same hue family per slot where possible). */
export const PALETTE_DARK: readonly string[] = [
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.yellow,
  OKABE_ITO.orange,
];

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross';

/** Marker shape per series (the chart.js equivalent is in `CHARTJS_POINT_STYLE`). */
export const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross'];

/** chart.js pointStyle and pointRotation for each marker shape. */
export const CHARTJS_POINT_STYLE: Record<MarkerShape, { style: 'circle' | 'rect' | 'triangle' | 'rectRot' | 'crossRot'; rotation: number }> = {
  circle: { style: 'circle', rotation: 0 },
  square: { style: 'rect', rotation: 0 },
  triangle: { style: 'triangle', rotation: 0 },
  diamond: { style: 'rectRot', rotation: 0 },
  'triangle-down': { style: 'triangle', rotation: 180 },
  cross: { style: 'crossRot', rotation: 0 },
};

/** Line dash pattern per series, in px (empty: solid). Used for SVG stroke-dasharray and chart.js borderDash. */
export const DASHES: readonly (readonly number[])[] = [[], [7, 4], [2, 3], [9, 3, 2, 3], [13, 4], [4, 2, 1, 2]];

export interface SeriesStyle {
  /** 1-based slot: the CSS class `chart-s<slot>` and custom property `--chart-<slot>`. */
  slot: number;
  light: string;
  dark: string;
  marker: MarkerShape;
  dash: readonly number[];
}

/** How series `index` (0-based) is drawn. Specs have at most six series; beyond that styles repeat. */
export function seriesStyle(index: number): SeriesStyle {
  const i = ((index % PALETTE_LIGHT.length) + PALETTE_LIGHT.length) % PALETTE_LIGHT.length;
  return {
    slot: i + 1,
    light: PALETTE_LIGHT[i] ?? OKABE_ITO.blue,
    dark: PALETTE_DARK[i] ?? OKABE_ITO.skyBlue,
    marker: MARKERS[i] ?? 'circle',
    dash: DASHES[i] ?? [],
  };
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
