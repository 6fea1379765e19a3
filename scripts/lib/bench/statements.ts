/**
 * How a synthetic bulletin states a figure — 万人 or 万元 with two decimals, 亿元 with two,
 * a change on last year — and the fact the pipeline should read from it (value in base units,
 * as the statement rounds it), so that a layout writes text and expectations in one step.
 */
import type { Unit } from '../../../src/pipeline/schema.ts';

export type ExpectedFact = {
  indicator: string;
  region: string;
  year: number;
  /** In base units (people, yuan, percent, …), exactly as the statement rounds it. */
  value: number;
  unit: Unit;
  /** The change on last year the statement attaches, or null for none. */
  yoy: { pct: number | null; abs: number | null } | null;
};

/** A number as written and the value the pipeline reads from it. */
export type Stated = { text: string; value: number };

/** `units` (an integer count of 10^-decimals) as a decimal string: 55673, 2 → "556.73". */
function decimal(units: number, decimals: number): string {
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units)).padStart(decimals + 1, '0');
  return decimals === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** People in 万 with two decimals: 5567312 → "556.73" (5567300). */
export function wan(people: number): Stated {
  const units = Math.round(people / 100);
  return { text: decimal(units, 2), value: units * 100 };
}

/** Yuan (whole hundreds) in 万元 with two decimals, exactly: 7107673900 → "710767.39". */
export function wanYuan(yuan: number): Stated {
  const units = Math.round(yuan / 100);
  return { text: decimal(units, 2), value: units * 100 };
}

/** Yuan in 亿元 with two decimals: 7107673900 → "71.08" (7108000000). */
export function yi(yuan: number): Stated {
  const units = Math.round(yuan / 1e6);
  return { text: decimal(units, 2), value: units * 1e6 };
}

/** A plain integer (people, institutions). */
export function whole(n: number): Stated {
  return { text: String(Math.round(n)), value: Math.round(n) };
}

/** A share as a fraction with five decimals, as chart data gives it: 0.33530. */
export function fraction(part: number, of: number): string {
  return decimal(Math.round((part / of) * 1e5), 5);
}

/** A percentage with two decimals, e.g. a share: 33.53. */
export function percent(part: number, of: number): Stated {
  const units = Math.round((part / of) * 1e4);
  return { text: decimal(units, 2), value: units / 100 };
}

/** A change as stated: its size (without sign) and the verbs for its direction. */
export type Change = { text: string; value: number; up: boolean };

/** Change in percent between two exact figures, two decimals: "增长2.61%" / "下降2.83%". */
export function pctChange(now: number, before: number): Change {
  const units = Math.round((now / before - 1) * 1e4);
  return { text: decimal(Math.abs(units), 2), value: units / 100, up: units >= 0 };
}

/** Change in people, 万 with two decimals. */
export function wanChange(now: number, before: number): Change {
  const units = Math.round((now - before) / 100);
  return { text: decimal(Math.abs(units), 2), value: units * 100, up: units >= 0 };
}

/** The verb of a change: 增加/减少 (amounts), 增长/下降 (rates). */
export function verb(change: Change, kind: 'amount' | 'rate'): string {
  if (kind === 'amount') return change.up ? '增加' : '减少';
  return change.up ? '增长' : '下降';
}
