/** Bounds and scopes: the words around a figure that say it is not exact or not whole. */
import type { Bound } from './schema.ts';

const ABOUT = /(约|大约|近|将近|接近)$/;
const AT_LEAST = /(超过|超|逾|高于|多于|不低于|不少于|至少)$/;
const AT_MOST = /(不超过|低于|少于|不足|不到|至多|最多)$/;

/**
 * @example
 *   readBound('稳定在', '以上') // 'at_least'
 */
export function readBound(before: string, suffix: string): Bound {
  if (/左右|上下/.test(suffix)) return 'about';
  if (/以上|余|多|之多/.test(suffix)) return 'at_least';
  if (/以下/.test(suffix)) return 'at_most';
  const lead = before.replace(/[为是达到了在\s]+$/, '');
  // 不低于 ends in 低于 and 不超过 in 超过: the negated forms decide first.
  if (/(不低于|不少于)$/.test(lead)) return 'at_least';
  if (/(不超过|不足|不到)$/.test(lead)) return 'at_most';
  if (AT_MOST.test(lead)) return 'at_most';
  if (AT_LEAST.test(lead)) return 'at_least';
  if (ABOUT.test(lead)) return 'about';
  return 'exact';
}

const EXCLUSION = /不含([\u4e00-\u9fff]{1,12}?)(?=[）)，,。；;、\s]|$)/g;
const MONTH_RANGE = /(?<!\d)(\d{1,2})\s*[-—~～至]\s*(\d{1,2})\s*月/g;
// "截至11月底" or "截至2022年11月30日": figures for part of the year only.
const UP_TO_MONTH = /截[至止](?:\d{4}年)?(\d{1,2})月/g;

/** The narrowing a sentence states for its figures: 不含滑县, 1-9月. */
export function readScope(sentence: string): string | null {
  const parts = new Set<string>();
  for (const m of sentence.matchAll(EXCLUSION)) parts.add(`不含${m[1]}`);
  for (const m of sentence.matchAll(MONTH_RANGE)) {
    if (!(m[1] === '1' && m[2] === '12')) parts.add(`${m[1]}-${m[2]}月`);
  }
  for (const m of sentence.matchAll(UP_TO_MONTH)) {
    if (Number(m[1]) < 12) parts.add(`1-${Number(m[1])}月`);
  }
  return parts.size ? [...parts].join('；') : null;
}

/** Joins scopes from several sources (an own-pool label and a sentence scope). */
export function joinScopes(...scopes: Array<string | null>): string | null {
  const parts = scopes.filter((s): s is string => Boolean(s));
  return parts.length ? [...new Set(parts)].join('；') : null;
}
