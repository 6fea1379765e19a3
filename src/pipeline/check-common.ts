/** What the checks share: findings with messages in both languages, rounding, grouping. */
import { lowerFirst } from './english.ts';
import { formatPlain, type Lang } from './format.ts';
import type { Fact, Finding, Indicator } from './schema.ts';

export type CheckContext = {
  indicators: Map<string, Indicator>;
  /** Parent code of each region, for sub-region sums. */
  parentOf: (code: string) => string | null;
};

/**
 * Two statements agree when their ranges meet: value ± rounding, or the side a bound opens.
 * "About" is read as within a tenth either way.
 */
export function boundsAgree(a: Fact, b: Fact): boolean {
  const range = (f: Fact): [number, number] => {
    if (f.bound === 'at_least') return [f.value - f.precision, Infinity];
    if (f.bound === 'at_most') return [-Infinity, f.value + f.precision];
    if (f.bound === 'about') return [f.value - Math.abs(f.value) * 0.1, f.value + Math.abs(f.value) * 0.1];
    return [f.value - f.precision, f.value + f.precision];
  };
  const [a0, a1] = range(a);
  const [b0, b1] = range(b);
  return a0 <= b1 + 1e-9 && b0 <= a1 + 1e-9;
}

export function finding(check: Finding['check'], subject: Fact, expected: number, tolerance: number, facts: Fact[], message: { zh: string; en: string }): Finding {
  const ok = Math.abs(expected - subject.value) <= tolerance + 1e-9;
  const diff = round(subject.value - expected);
  return {
    id: `${check}:${subject.id}`,
    check,
    status: ok ? 'pass' : 'fail',
    region: subject.region,
    year: subject.year,
    indicator: subject.indicator,
    expected,
    stated: subject.value,
    tolerance,
    facts: facts.map((f) => f.id),
    message_zh: ok ? `${message.zh}，在四舍五入误差（±${formatPlain(tolerance, 'zh')}）之内` : `${message.zh}，相差 ${formatPlain(diff, 'zh')}，超出四舍五入误差（±${formatPlain(tolerance, 'zh')}）`,
    message_en: ok ? `${message.en}: within rounding (±${formatPlain(tolerance, 'en')})` : `${message.en}: a difference of ${formatPlain(diff, 'en')}, beyond rounding (±${formatPlain(tolerance, 'en')})`,
  };
}

export function name(indicator: string, ctx: CheckContext, lang: Lang): string {
  const i = ctx.indicators.get(indicator);
  if (!i) return indicator;
  return lang === 'zh' ? i.name_zh : lowerFirst(i.name_en);
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

