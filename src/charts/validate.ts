/**
 * Checks a chart spec beyond its schema: the shape the renderers rely on (one point per
 * category, in category order) and the JSON that carries it to the browser.
 */
import { ChartSpecSchema, liveChartSpec, type ChartSpec } from './spec.ts';

/**
 * Parses with ChartSpecSchema, then checks what the schema cannot say: every series has one
 * point per category with the category's label, series names are distinct, values are finite.
 * Throws an Error naming the chart and the problem.
 */
export function assertChartSpec(input: unknown): ChartSpec {
  // A spec shared by many pages (a region's time series) is checked once, and the same
  // checked object comes back each time, so what is drawn from it can be reused too.
  const known = typeof input === 'object' && input !== null ? checked.get(input) : undefined;
  if (known) return known;
  const spec = checkChartSpec(input);
  checked.set(input as object, spec);
  checked.set(spec, spec);
  return spec;
}

const checked = new WeakMap<object, ChartSpec>();

function checkChartSpec(input: unknown): ChartSpec {
  const spec = ChartSpecSchema.parse(input);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const s of spec.series) {
    if (seen.has(s.name)) problems.push(`series "${s.name}" appears twice`);
    seen.add(s.name);
    if (s.points.length !== spec.categories.length) {
      problems.push(`series "${s.name}" has ${s.points.length} points for ${spec.categories.length} categories`);
      continue;
    }
    s.points.forEach((p, i) => {
      if (p.label !== spec.categories[i]) problems.push(`series "${s.name}" point ${i + 1} is labelled "${p.label}", category is "${spec.categories[i]}"`);
      if (p.value !== null && !Number.isFinite(p.value)) problems.push(`series "${s.name}" point ${i + 1} is not a finite number`);
      if (p.fact !== null && !/^[A-Za-z0-9_.:-]+$/.test(p.fact)) problems.push(`series "${s.name}" point ${i + 1} has fact id "${p.fact}" that cannot be a fragment`);
    });
  }
  if (new Set(spec.categories).size !== spec.categories.length) problems.push('categories repeat');
  if (problems.length) throw new Error(`chart ${spec.id}: ${problems.join('; ')}`);
  return spec;
}

/**
 * The live part of a spec as JSON for a `<script type="application/json">` element: every `<`
 * written as \u003c (and the line separators U+2028/2029 escaped), so no text can close the
 * element.
 */
export function chartSpecJson(spec: ChartSpec): string {
  let json = specJson.get(spec);
  if (json === undefined) specJson.set(spec, (json = liveChartJson(spec)));
  return json;
}

const specJson = new WeakMap<ChartSpec, string>();

function liveChartJson(spec: ChartSpec): string {
  return JSON.stringify(liveChartSpec(spec))
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
