/**
 * Checks between statements: a stated year-on-year change against last year's figure, the
 * previous-year figure a change implies against another source, and one figure stated twice.
 */
import { boundsAgree, groupBy, name, round, type CheckContext } from './check-common.ts';
import { isOwnPool } from './check-sums.ts';
import { formatPlain } from './format.ts';
import type { Fact, Finding } from './schema.ts';

// A stated change against last year's figure, where last year's figure is stated somewhere.
export function checkYoy(primary: Fact[], all: Fact[], ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  // Last year's statements looked up by region, indicator and year, in the order of `all`.
  const key = (region: string, indicator: string, year: number) => `${region}|${indicator}|${year}`;
  const byYear = groupBy(
    all.filter((p) => p.same_as === null),
    (p) => key(p.region, p.indicator, p.year),
  );
  for (const f of primary) {
    if (!f.yoy) continue;
    const lastYear = byYear.get(key(f.region, f.indicator, f.year - 1)) ?? [];
    const previous = lastYear.find((p) => p.scope === f.scope);
    const pctPrecision = 0.005;
    if (previous && f.yoy.pct !== null) {
      const low = ((f.value - f.precision) / (previous.value + previous.precision) - 1) * 100;
      const high = ((f.value + f.precision) / (previous.value - previous.precision) - 1) * 100;
      const expected = round((f.value / previous.value - 1) * 100, 4);
      const ok = f.yoy.pct >= low - pctPrecision && f.yoy.pct <= high + pctPrecision;
      out.push(yoyFinding(f, previous, expected, f.yoy.pct, round(Math.max(high - expected, expected - low) + pctPrecision, 4), ok, 'pct', ctx));
    }
    if (previous && f.yoy.abs !== null) {
      const expected = round(f.value - previous.value);
      const tolerance = round(f.precision * 2 + previous.precision);
      out.push(yoyFinding(f, previous, expected, f.yoy.abs, tolerance, Math.abs(expected - f.yoy.abs) <= tolerance, 'abs', ctx));
    }
    if (f.yoy.pct !== null && f.yoy.abs !== null && f.value - f.yoy.abs !== 0) {
      // Both forms of one change must tell the same story.
      const base = f.value - f.yoy.abs;
      const expected = round((f.yoy.abs / base) * 100, 4);
      const tolerance = round((f.precision * 2 * 100) / Math.abs(base) + pctPrecision * 10, 4);
      out.push(yoyFinding(f, f, expected, f.yoy.pct, tolerance, Math.abs(expected - f.yoy.pct) <= tolerance, 'both', ctx));
    }
    if (f.yoy.abs !== null) {
      // The previous-year figure a change implies, against other sources for that year.
      const implied = f.value - f.yoy.abs;
      for (const other of lastYear.filter((o) => o.bulletin !== f.bulletin)) {
        const tolerance = round(f.precision * 2 + other.precision);
        const comparable = (other.scope ?? '') === (f.scope ?? '');
        const agree = Math.abs(implied - other.value) <= tolerance;
        const status = agree ? 'pass' : comparable ? 'fail' : 'not-comparable';
        const scopeNote = comparable ? '' : `（${other.scope ?? '全域'} / ${f.scope ?? '全域'}）`;
        const scopeNoteEn = comparable ? '' : ` (${other.scope_en ?? 'whole region'} / ${f.scope_en ?? 'whole region'})`;
        out.push({
          id: `two-sources:${f.id}~${other.id}`,
          check: 'two-sources',
          status,
          region: f.region,
          year: f.year - 1,
          indicator: f.indicator,
          expected: round(implied),
          stated: other.value,
          tolerance,
          facts: [f.id, other.id],
          message_zh: `${f.year}年数字减去所述变化，推得${f.year - 1}年${name(f.indicator, ctx, 'zh')}为 ${formatPlain(round(implied), 'zh')}；另一来源所列为 ${formatPlain(other.value, 'zh')}${comparable ? '' : `，两者口径不同${scopeNote}，不宜直接比较`}`,
          message_en: `${f.year} figure less the stated change implies ${name(f.indicator, ctx, 'en')} of ${formatPlain(round(implied), 'en')} in ${f.year - 1}; another source states ${formatPlain(other.value, 'en')}${comparable ? '' : `, but the two cover different scopes${scopeNoteEn} and are not directly comparable`}`,
        });
      }
    }
  }
  return out;
}

function yoyFinding(f: Fact, previous: Fact, expected: number, stated: number, tolerance: number, ok: boolean, kind: 'pct' | 'abs' | 'both', ctx: CheckContext): Finding {
  const what = { pct: ['同比变化率', 'year-on-year change'], abs: ['比上年增减', 'change on the previous year'], both: ['增减量与增减率', 'stated change and stated rate'] }[kind];
  const percent = kind === 'abs' ? '' : '%';
  const basis =
    kind === 'both'
      ? { zh: `按所列增减量推算，变化率应为 ${formatPlain(expected, 'zh')}%`, en: `the stated absolute change implies ${formatPlain(expected, 'en')}%` }
      : { zh: `按${previous.year}年数字 ${formatPlain(previous.value, 'zh')} 计算应为 ${formatPlain(expected, 'zh')}${percent}`, en: `from the ${previous.year} figure ${formatPlain(previous.value, 'en')} it is ${formatPlain(expected, 'en')}${percent}` };
  return {
    id: `yoy-${kind}:${f.id}`,
    check: 'yoy',
    status: ok ? 'pass' : 'fail',
    region: f.region,
    year: f.year,
    indicator: f.indicator,
    expected,
    stated,
    tolerance,
    facts: previous === f ? [f.id] : [f.id, previous.id],
    message_zh: `${name(f.indicator, ctx, 'zh')}${what[0]}：公报所列为 ${formatPlain(stated, 'zh')}${percent}，${basis.zh}`,
    message_en: `${name(f.indicator, ctx, 'en')}, ${what[1]}: the bulletin states ${formatPlain(stated, 'en')}${percent}; ${basis.en}`,
  };
}

// One figure stated twice (in two bulletins, or twice in one) with values that disagree.
export function checkTwoSources(facts: Fact[], ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const groups = groupBy(facts.filter((f) => f.indicator !== 'unclassified'), (f) => `${f.region}|${f.year}|${f.indicator}`);
  for (const group of groups.values()) {
    const firsts = group.filter((f) => f.same_as === null);
    for (let i = 0; i < firsts.length; i++) {
      for (let j = i + 1; j < firsts.length; j++) {
        const [a, b] = [firsts[i]!, firsts[j]!];
        // Several figures for one indicator in one passage are usually separate items, and a
        // city's own pool (市本级, 城区) is a part of the city, not another statement of it.
        if (a.bulletin === b.bulletin && a.source.line === b.source.line) continue;
        if (isOwnPool(a.scope) || isOwnPool(b.scope)) continue;
        const comparable = (a.scope ?? '') === (b.scope ?? '');
        const tolerance = round(a.precision + b.precision);
        const status = boundsAgree(a, b) ? 'pass' : comparable ? 'fail' : 'not-comparable';
        out.push({
          id: `two-sources:${a.id}~${b.id}`,
          check: 'two-sources',
          status,
          region: a.region,
          year: a.year,
          indicator: a.indicator,
          expected: a.value,
          stated: b.value,
          tolerance,
          facts: [a.id, b.id],
          message_zh: `${name(a.indicator, ctx, 'zh')}：一处为 ${formatPlain(a.value, 'zh')}${a.scope ? `（${a.scope}）` : ''}，另一处为 ${formatPlain(b.value, 'zh')}${b.scope ? `（${b.scope}）` : ''}${comparable ? '' : '，口径不同'}`,
          message_en: `${name(a.indicator, ctx, 'en')}: one statement gives ${formatPlain(a.value, 'en')}${a.scope_en ? ` (${a.scope_en})` : ''}, another ${formatPlain(b.value, 'en')}${b.scope_en ? ` (${b.scope_en})` : ''}${comparable ? '' : '; their scopes differ'}`,
        });
      }
    }
  }
  return out;
}

