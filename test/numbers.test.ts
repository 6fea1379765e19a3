import { describe, expect, it } from 'vitest';
import { findNumberMentions, roundingHalfWidth, scaleDecimal, toBaseValue, parsePlainNumber } from '../src/pipeline/numbers.ts';

describe('toBaseValue', () => {
  it.each([
    ['556.73', '万', 5567300],
    ['710767.39', '万', 7107673900],
    ['49.94', '亿', 4994000000],
    ['0.7', '亿', 70000000],
    ['1418.1379', '万', 14181379],
    ['2294527', '', 2294527],
    ['2.20', '', 2.2],
  ])('%s%s → %d', (digits, multiplier, expected) => {
    expect(toBaseValue(digits, multiplier)).toBe(expected);
  });
});

describe('scaleDecimal', () => {
  it('scales fractions to percent points without float residue', () => {
    expect(scaleDecimal('0.36212997794079793', 2)).toBe(36.212997794079793);
    expect(scaleDecimal('-11.67', 0)).toBe(-11.67);
    expect(scaleDecimal('5', -3)).toBe(0.005);
  });
});

describe('roundingHalfWidth', () => {
  it.each([
    ['238.02', '亿', 500000],
    ['556.73', '万', 50],
    ['5', '亿', 50000000],
    ['2.20', '', 0.005],
  ])('%s%s ± %d', (digits, multiplier, expected) => {
    expect(roundingHalfWidth(digits, multiplier)).toBeCloseTo(expected, 10);
  });
});

describe('findNumberMentions', () => {
  it('finds figures with units and skips years, dates, ranges and list markers', () => {
    const found = findNumberMentions('截至2022年底，参保人数556.73万人，1.全市6月30日，3-9个月，支撑约19个月，追回3700余万元。');
    expect(found.map((m) => m.stated)).toEqual(['556.73万人', '19个月', '3700余万元']);
    expect(found[2]!.suffixBound).toBe('余');
  });

  it('reads units, multipliers, per-unit rates and bound suffixes', () => {
    const [a, b, c, d] = findNumberMentions('稳定在96%以上，接种2294527人次，按320元/人缴费，医院161个');
    expect([a!.unit, a!.suffixBound]).toEqual(['percent', '以上']);
    expect(b!.unit).toBe('person_time');
    expect([c!.unit, c!.per]).toEqual(['yuan', '/人']);
    expect(d!.unit).toBe('count');
  });

  it('does not read 个人账户 as a count', () => {
    expect(findNumberMentions('其中3个人账户')).toEqual([]);
  });
});

describe('parsePlainNumber', () => {
  it('accepts spreadsheet exponents and percentages', () => {
    expect(parsePlainNumber('4.0596412410066104E-2')?.digits).toBe('0.040596412410066104');
    expect(parsePlainNumber('127.46%')).toEqual({ digits: '127.46', percent: true });
    expect(parsePlainNumber('茶陵')).toBeNull();
  });
});
