/**
 * The arithmetic checks: rounding tolerance from the stated digits, bounds, scopes, and a
 * finding for every check whether it passes or not.
 */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../src/pipeline/schema.ts';
import { boundsAgree, validateFacts } from '../src/pipeline/validate.ts';
import { loadPipelineData } from '../scripts/lib/load-data.ts';

const data = loadPipelineData();
const indicators = new Map(data.catalogue.indicators.map((i) => [i.id, i]));
const parents: Record<string, string> = { '430702': '430700', '430703': '430700', '430700': '430000' };
const ctx = { checks: data.checks, indicators, parentOf: (c: string) => parents[c] ?? null };

let serial = 0;
function fact(indicator: string, value: number, precision: number, extra: Partial<Fact> = {}): Fact {
  serial++;
  return {
    id: `b-L${serial}-1`, bulletin: 'b', region: '430700', year: 2022, indicator, value, unit: 'person', precision, bound: 'exact', scope: null, scope_en: null,
    yoy: null, label: null, same_as: null, source: { file: 'b.txt', line: serial, quote: '', stated: '', block: 'text', context: null }, ...extra,
  };
}

describe('parts against totals', () => {
  it.each([
    // 48.1 + 666.8 = 714.9 (万人): exact
    ['exact sum', 7149000, 481000, 6668000, 'pass'],
    // 2 decimals of 万: each figure ±50; 586.83 + 1583.11 = 2169.94 with the total stated as 2169.95 is within ±150
    ['within rounding', 21699500, 5868300, 15831100, 'pass'],
    // 238.02 + 131.27 = 369.29 亿, stated 369.07 亿: 0.22 亿 apart
    ['beyond rounding', 3690700, 2380200, 1312700, 'fail'],
  ])('%s', (_name, total, employee, resident, status) => {
    const facts = [fact('insured.total', total, 50), fact('insured.employee', employee, 50), fact('insured.resident', resident, 50)];
    const [finding] = validateFacts(facts, ctx).filter((f) => f.check === 'parts-sum');
    expect(finding).toMatchObject({ status, expected: employee + resident, stated: total, tolerance: 150 });
    expect(finding!.facts).toEqual(facts.map((f) => f.id));
  });

  it('does not add parts of different scopes or years', () => {
    const facts = [fact('insured.total', 100, 0.5), fact('insured.employee', 10, 0.5, { year: 2021 }), fact('insured.resident', 20, 0.5, { scope: '不含滑县' })];
    expect(validateFacts(facts, ctx).filter((f) => f.check === 'parts-sum')).toEqual([]);
  });
});

describe('income − expenditure = surplus', () => {
  it.each([
    [500, 200, 300, 'pass'],
    [500, 200, 310, 'fail'],
  ])('%d − %d against %d', (income, spending, surplus, status) => {
    const facts = [fact('fund.resident.income', income, 0.5, { unit: 'yuan' }), fact('fund.resident.expenditure', spending, 0.5, { unit: 'yuan' }), fact('fund.resident.surplus', surplus, 0.5, { unit: 'yuan' })];
    expect(validateFacts(facts, ctx).find((f) => f.check === 'balance-identity')?.status).toBe(status);
  });
});

describe('sub-regions against the city', () => {
  it('adds counties and the city pool to the city figure', () => {
    const facts = [
      fact('insured.resident', 300, 0.5),
      fact('insured.resident', 100, 0.5, { region: '430702', source: { file: 'b.txt', line: 90, quote: '', stated: '', block: 'text', context: null } }),
      fact('insured.resident', 150, 0.5, { region: '430703', source: { file: 'b.txt', line: 90, quote: '', stated: '', block: 'text', context: null } }),
      fact('insured.resident', 40, 0.5, { scope: '市本级', source: { file: 'b.txt', line: 90, quote: '', stated: '', block: 'text', context: null } }),
    ];
    const finding = validateFacts(facts, ctx).find((f) => f.check === 'subregion-sum');
    expect(finding).toMatchObject({ status: 'fail', expected: 290, stated: 300 });
  });
});

describe('year-on-year', () => {
  it('checks a stated percentage against last year’s figure and the implied figure against another source', () => {
    const facts = [
      fact('insured.total', 5567300, 50, { yoy: { pct: -2.2, abs: -125500 } }),
      fact('insured.total', 5692800, 50, { year: 2021, bulletin: 'c', id: 'c-L1-1' }),
    ];
    const findings = validateFacts(facts, ctx);
    expect(findings.find((f) => f.id.startsWith('yoy-pct:'))?.status).toBe('pass');
    expect(findings.find((f) => f.id.startsWith('yoy-abs:'))?.status).toBe('pass');
    expect(findings.find((f) => f.id.startsWith('yoy-both:'))?.status).toBe('pass');
  });

  it('calls two sources of different scope not comparable instead of wrong', () => {
    const facts = [fact('insured.total', 5567300, 50, { yoy: { pct: null, abs: -125500 } }), fact('insured.total', 4342500, 50, { year: 2021, bulletin: 'c', id: 'c-L1-1', scope: '不含滑县' })];
    const finding = validateFacts(facts, ctx).find((f) => f.check === 'two-sources');
    expect(finding).toMatchObject({ status: 'not-comparable', expected: 5692800, stated: 4342500 });
  });
});

describe('boundsAgree', () => {
  it.each([
    [{ value: 96, bound: 'at_least', precision: 0.5 }, { value: 97.3, bound: 'exact', precision: 0.05 }, true],
    [{ value: 96, bound: 'at_least', precision: 0.5 }, { value: 90, bound: 'exact', precision: 0.5 }, false],
    [{ value: 3, bound: 'at_most', precision: 0.5 }, { value: 19, bound: 'exact', precision: 0.5 }, false],
    [{ value: 727396, bound: 'exact', precision: 0.5 }, { value: 727400, bound: 'exact', precision: 50 }, true],
    [{ value: 100, bound: 'about', precision: 0.5 }, { value: 108, bound: 'exact', precision: 0.5 }, true],
  ] as const)('%o ~ %o → %s', (a, b, expected) => {
    expect(boundsAgree(fact('x', a.value, a.precision, { bound: a.bound }), fact('x', b.value, b.precision, { bound: b.bound }))).toBe(expected);
  });
});
