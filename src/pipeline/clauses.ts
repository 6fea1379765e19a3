/**
 * The shape of Chinese statistical prose: sentences, clauses, brackets, the figures that 分别
 * distributes and the things it distributes them over, and the year a clause speaks of.
 */
import type { NumberMention } from './numbers.ts';
import { lastScheme, stripSchemes } from './schemes.ts';

export type Sentence = { text: string; start: number };

const SENTENCE_END = /[^。！？!?]+[。！？!?]*/g;

const CLAUSE_BOUNDARY = /[，,；;：:。！？!?（()）]/;

export const SUB_SENTENCE_BOUNDARY = /[；;。！？!?]/;

// A year is followed by 年 or by a word ("2022缴费基数"), never by a unit ("1939家").
const YEAR_TOKEN = /(?<!\d)((?:19|20)\d{2})(?=年|[\u4e00-\u9fff])(?![万亿人元家个种项起例台批所件条户张天次名])/g;

export function splitSentences(text: string): Sentence[] {
  return [...text.matchAll(SENTENCE_END)].map((m) => ({ text: m[0], start: m.index }));
}

export function bracketDepth(before: string): number {
  return Math.max(0, (before.match(/[（(]/g)?.length ?? 0) - (before.match(/[）)]/g)?.length ?? 0));
}

export function clauseStart(before: string): number {
  return lastIndexOf(before, CLAUSE_BOUNDARY) + 1;
}

export function lastIndexOf(text: string, pattern: RegExp): number {
  for (let i = text.length - 1; i >= 0; i--) if (pattern.test(text[i]!)) return i;
  return -1;
}

// "分别13.57亿元、20.95亿元和1.21亿元": the figures that follow 分别, joined by 、 or 和.
export function groupAfter(text: string, mentions: NumberMention[], k: number): NumberMention[] {
  const group = [mentions[k]!];
  for (let j = k + 1; j < mentions.length; j++) {
    const between = text.slice(mentions[j - 1]!.end, mentions[j]!.start);
    if (!/^\s*[、和及与,，]?\s*-?$/.test(between)) break;
    group.push(mentions[j]!);
  }
  return group;
}

// The things 分别 distributes over: "职工医保、居民医保基金支出分别为" → "职工医保基金支出",
// "居民医保基金支出". Each item keeps the words they share (the tail of the last item, and
// the clause before 分别 when the list stands in an earlier clause).
export function enumerationItems(before: string, count: number): string[] | null {
  const split = (s: string) => s.split(/、|以及|和|及|与/).map((p) => p.trim()).filter(Boolean);
  const upTo = before.slice(0, before.lastIndexOf('分别'));
  const clauses = upTo.split(/[，,；;：:]/);
  for (let c = clauses.length - 1; c >= 0; c--) {
    const parts = split(clauses[c]!.replace(/-?[\d.]+[万亿]?[元人次%个家]+/g, ''));
    if (parts.length < count) continue;
    const items = parts.slice(-count);
    const last = items[items.length - 1]!;
    const shared = lastScheme(last) ? stripSchemes(last) : '';
    const ownClause = c === clauses.length - 1 ? '' : clauses[clauses.length - 1]!;
    return items.map((item, k) => (k === items.length - 1 ? item : item + shared) + ownClause);
  }
  return null;
}

export function trailOf(text: string, from: number, nextStart: number | undefined): string {
  const rest = text.slice(from, nextStart ?? text.length);
  const stop = rest.search(/[，,；;。：:（(、]/);
  return (stop < 0 ? rest : rest.slice(0, stop)).slice(0, 16);
}

// The clause that holds a figure, as a label for figures no rule names.
export function clauseAround(text: string, m: NumberMention): string {
  const start = clauseStart(text.slice(0, m.start));
  const rest = text.slice(m.end);
  const stop = rest.search(/[，,；;。！？!?]/);
  return text.slice(start, stop < 0 ? text.length : m.end + stop);
}

export function cleanLabel(words: string): string {
  const label = words.replace(/^[\s、，,；;：:（()）]+|[\s、，,；;：:（()）]+$/g, '').trim();
  return label.length > 40 ? `…${label.slice(-39)}` : label;
}

export function yearAt(before: string, fallback: number): number {
  let year = fallback;
  for (const m of before.matchAll(YEAR_TOKEN)) {
    const prefix = before.slice(Math.max(0, m.index - 1), m.index);
    const after = before.slice(m.index + 4, m.index + 8);
    if (/[比较从自于]/.test(prefix) || /^\s*年?\s*[-—~至]/.test(after)) continue;
    year = Number(m[1]);
  }
  return year;
}
