/**
 * Matching a figure to the indicator catalogue: the rules are data (indicators.yaml); this
 * compiles them once and tries them in catalogue order.
 */
import type { Catalogue, Indicator, MatchRule, Scheme, Unit } from './schema.ts';

type CompiledRule = {
  schemes: Scheme[] | null;
  all: RegExp[];
  exclude: RegExp | null;
  context: RegExp | null;
  unless: RegExp | null;
  topic: RegExp | null;
  offTopic: RegExp | null;
  localScheme: boolean;
};
export type CompiledIndicator = { indicator: Indicator; rules: CompiledRule[] };

/** What is known about one figure when it is classified. */
export type Statement = {
  unit: Unit;
  scheme: Scheme;
  /** The scheme was only named in an earlier sentence of the paragraph. */
  schemeCarried: boolean;
  /** Words naming the figure. */
  naming: string;
  /** The clause (sentence part up to 。 or ；) up to the number. */
  context: string;
  /** The whole sentence up to the number. */
  sentence: string;
  /** Headings, this sentence and the one before. */
  topic: string;
};

export function compileCatalogue(catalogue: Catalogue): CompiledIndicator[] {
  return catalogue.indicators.map((indicator) => ({
    indicator,
    rules: indicator.rules.map(compileRule),
  }));
}

function compileRule(rule: MatchRule): CompiledRule {
  const re = (s: string | undefined) => (s ? new RegExp(s) : null);
  return {
    schemes: rule.scheme === undefined ? null : Array.isArray(rule.scheme) ? rule.scheme : [rule.scheme],
    all: rule.all.map((s) => new RegExp(s)),
    exclude: re(rule.exclude),
    context: re(rule.context),
    unless: re(rule.unless),
    topic: re(rule.topic),
    offTopic: re(rule.off_topic),
    localScheme: rule.local_scheme ?? false,
  };
}

/**
 * @example
 *   classifyStatement(compiled, { unit: 'person', scheme: 'total', schemeCarried: false, naming: '参保人数', context: '', sentence: '', topic: '' })
 *   // 'insured.total'
 */
export function classifyStatement(compiled: CompiledIndicator[], s: Statement): string | null {
  for (const { indicator, rules } of compiled) {
    if (indicator.unit !== s.unit) continue;
    if (rules.some((r) => ruleHolds(r, s))) return indicator.id;
  }
  return null;
}

function ruleHolds(r: CompiledRule, s: Statement): boolean {
  if (r.schemes && !r.schemes.includes(s.scheme)) return false;
  if (r.localScheme && s.schemeCarried) return false;
  if (!r.all.every((re) => re.test(s.naming))) return false;
  if (r.exclude?.test(s.naming)) return false;
  if (r.context && !r.context.test(s.context)) return false;
  if (r.unless?.test(s.sentence)) return false;
  if (r.topic && !r.topic.test(s.topic)) return false;
  if (r.offTopic?.test(s.topic)) return false;
  return true;
}
