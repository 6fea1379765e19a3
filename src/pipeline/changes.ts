/**
 * Year-on-year changes and last year's figures: "比上年增加1.72万人", "同比下降2.20%",
 * "去年同期为72.74万人", "比上年度（45.48万人）". They qualify a figure rather than stand alone.
 */
import type { Draft } from './draft.ts';
import { toBaseValue, type NumberMention } from './numbers.ts';
import type { Unit } from './schema.ts';

type Role = 'level' | 'change' | 'prior';

const CHANGE_VERB = /(新增|增加|增长|减少|下降|降低|提高|上升|下滑|增|减|多|少|降)/g;

const NEGATIVE_VERB = /^(减少|下降|降低|下滑|减|少|降)$/;

export function roleOf(lead: string, before: string): Role {
  if (/(比|较)(上年度?|去年|上年同期|去年同期|\d{4}年(底|末)?)[（(]$/.test(before)) return 'prior';
  if (/(去年|上年)(同期|底|末|度)?(为|是|有)?$/.test(lead)) return 'prior';
  const verbAtEnd = /(新增|增加|增长|减少|下降|降低|提高|上升|下滑|增|减|多|少|降)(了)?(幅度|率|速度)?(分别)?(为|了|达)?$/;
  if (/(比|较|同比|环比)/.test(lead) && verbAtEnd.test(lead)) return 'change';
  if (/^[\s、，,]*(新增|增加|增长|减少|下降|降低|提高|上升)(了)?(分别)?(为)?$/.test(lead)) return 'change';
  if (/(新增|增加了|减少了|提高了|下降了)$/.test(lead)) return 'change';
  return 'level';
}

// What a change is said of: "城乡居民征缴收入较去年增加" → "城乡居民征缴收入".
export function changeSubject(lead: string): string {
  return lead
    .replace(/(比|较|同比|环比).*$/, '')
    .replace(/(新增|增加|增长|减少|下降|降低|提高|上升|下滑)(了)?(幅度|率|速度)?(分别)?(为|了|达)?$/, '');
}

export function changeSign(lead: string): 1 | -1 {
  const verbs = [...lead.matchAll(CHANGE_VERB)].map((m) => m[1]!);
  const verb = verbs[verbs.length - 1];
  return verb && NEGATIVE_VERB.test(verb) ? -1 : 1;
}

export function changeOf(m: NumberMention, sign: 1 | -1): { pct: number | null; abs: number | null; unit: Unit } {
  const value = sign * toBaseValue(m.digits, m.multiplier);
  return m.unit === 'percent' ? { pct: value, abs: null, unit: m.unit } : { pct: null, abs: value, unit: m.unit };
}

export function attachChange(draft: Draft, change: { pct: number | null; abs: number | null }): void {
  draft.yoy = {
    pct: change.pct ?? draft.yoy?.pct ?? null,
    abs: change.abs ?? draft.yoy?.abs ?? null,
  };
}
