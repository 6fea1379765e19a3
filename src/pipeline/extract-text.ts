/**
 * Extract stage for prose: every number with a unit becomes a fact. The words before it name
 * it; when they only name a scheme or a place ("其中职工医保35.88亿元") the naming words carry
 * over from the figure before. Year-on-year changes and last year's figures ("比上年增加",
 * "去年同期为") attach to the figure they qualify instead of standing alone.
 */
import { readBound, readScope, joinScopes } from './bounds.ts';
import { classifyStatement, type CompiledIndicator } from './classify.ts';
import type { Draft } from './draft.ts';
import { attachChange, changeOf, changeSign, changeSubject, roleOf } from './changes.ts';
import {
  bracketDepth,
  clauseAround,
  clauseStart,
  cleanLabel,
  enumerationItems,
  groupAfter,
  lastIndexOf,
  splitSentences,
  SUB_SENTENCE_BOUNDARY,
  trailOf,
  yearAt,
  type Sentence,
} from './clauses.ts';
import { findNumberMentions, roundingHalfWidth, toBaseValue, type NumberMention } from './numbers.ts';
import { findChildByLabel, findOwnPoolLabel, type RegionIndex } from './regions.ts';
import type { Region, Scheme, Unit } from './schema.ts';
import { firstScheme, lastScheme, stripSchemes } from './schemes.ts';

export type ProseContext = {
  file: string;
  region: Region;
  year: number;
  index: RegionIndex;
  catalogue: CompiledIndicator[];
};

/** A figure a later change or last-year figure can attach to; depth counts open brackets. */
type Level = { draft: Draft; unit: Unit; depth: number };


const STOP_WORDS = /其中|分别|每人每年|人均|每人|标准|不低于|不少于|不超过|超过|低于|高于|以上|稳定在|共有|共计|合计|总计|达到|截至|截止|年底|年末|全年|全市|全区|全省|全国|全县|我市|我区|我省|本市|统筹基金|个人账户|个账基金|个账|[（(]生育[)）]|基金|共|约|近|为|是|了|的|和|及|与|[、，,；;：:（()）\s]|\d{4}年?度?|\d+月/g;

/**
 * @example
 *   extractProse({ line: 3, text: '截至2022年底，参保人数556.73万人。' }, '', ctx)[0].value // 5567300
 */
export function extractProse(block: { line: number; text: string }, headings: string, ctx: ProseContext): Draft[] {
  const drafts: Draft[] = [];
  const levels: Level[] = [];
  const naming = new Map<Unit, string>();
  let pendingChange: { pct: number | null; abs: number | null; unit: Unit } | null = null;
  const sentences = splitSentences(block.text);

  sentences.forEach((sentence, si) => {
    const mentions = findNumberMentions(sentence.text);
    const scope = readScope(sentence.text);
    const topic = `${headings}\n${sentences[si - 1]?.text ?? ''}\n${sentence.text}`;
    const sentenceLevels: Level[] = [];
    const paragraphBefore = block.text.slice(0, sentence.start);

    for (let k = 0; k < mentions.length; k++) {
      const m = mentions[k]!;
      const before = sentence.text.slice(0, m.start);
      const lead = sentence.text.slice(Math.max(clauseStart(before), k > 0 ? mentions[k - 1]!.end : 0), m.start);
      const role = roleOf(lead, before);
      const group = lead.includes('分别') ? groupAfter(sentence.text, mentions, k) : [m];

      if (role === 'change') {
        const sign = changeSign(lead);
        // 比上年/同比 compare with a figure stated earlier in the paragraph; a bare 新增 or
        // 提高 qualifies a figure of its own sentence (or the next one: "新增30元,不低于610元").
        const anchored = /(比|较|同比|环比)/.test(lead);
        const subject = changeSubject(lead);
        if (namesFigure(subject, ctx)) naming.set(m.unit, subject);
        // "1039.65万人（其中在职…、退休…），比上年增加": a change outside brackets qualifies
        // the figure outside them, not the breakdown inside.
        const depth = bracketDepth(before);
        const targets = [...(anchored ? levels.filter((t) => t.depth === 0) : []), ...sentenceLevels.filter((t) => t.depth <= depth)].filter((t) =>
          subjectFits(subject, t, ctx, headings, sentence.text),
        );
        group.forEach((g, gi) => {
          const change = changeOf(g, sign);
          const pool = group.length > 1 ? targets.slice(-group.length) : targets.filter((t) => change.unit === 'percent' || t.unit === g.unit);
          const target = group.length > 1 ? pool[gi] : pool[pool.length - 1];
          if (target) attachChange(target.draft, change);
          else if (!anchored && change.unit !== 'percent' && k + group.length < mentions.length) pendingChange = change;
          else drafts.push(unclassified(g, clauseAround(sentence.text, g), sentence, block, ctx, scope, yearAt(before, ctx.year)));
        });
        k += group.length - 1;
        continue;
      }

      if (role === 'prior') {
        const target = [...levels, ...sentenceLevels].reverse().find((t) => t.unit === m.unit)?.draft;
        const draft = baseDraft(m, sentence, block, ctx);
        if (target) Object.assign(draft, { indicator: target.indicator, region: target.region, scope: target.scope, year: target.year - 1, label: target.label });
        else Object.assign(draft, { label: cleanLabel(lead), year: yearAt(before, ctx.year) - 1 });
        drafts.push(draft);
        continue;
      }

      const items = group.length > 1 ? enumerationItems(before, group.length) : null;
      group.forEach((g, gi) => {
        const itemText = items?.[gi] ?? '';
        const ownLead = items ? itemText + lead.replace(/.*分别/, '') : lead;
        const gBefore = sentence.text.slice(0, g.start);
        const trail = trailOf(sentence.text, g.end, mentions[mentions.indexOf(g) + 1]?.start);
        const bearing = namesFigure(ownLead, ctx);
        const words = (bearing ? ownLead : `${naming.get(g.unit) ?? ''}${ownLead}`) + trail + g.per;
        if (bearing) naming.set(g.unit, ownLead);
        // Nearest first: the enumerated item, the words around the number, the sentence, then
        // earlier sentences of the paragraph, then the headings above it.
        const inSentence = firstScheme(itemText) ?? lastScheme(ownLead) ?? lastScheme(trail) ?? lastScheme(gBefore);
        const carried = inSentence ? null : lastScheme(paragraphBefore);
        const underHeading = lastScheme(headings);
        const scheme: Scheme = inSentence ?? carried ?? underHeading ?? 'none';
        // Rates per month are working figures, not yearbook indicators.
        const indicator = /月/.test(g.per) ? null : classifyStatement(ctx.catalogue, {
          unit: g.unit,
          scheme,
          // Carried from an earlier sentence only, and not the scheme the section is about.
          schemeCarried: carried !== null && carried !== underHeading,
          naming: words,
          context: gBefore.slice(lastIndexOf(gBefore, SUB_SENTENCE_BOUNDARY) + 1),
          sentence: gBefore,
          topic,
        });
        const place = regionOf(itemText || lead, ctx);
        const draft = baseDraft(g, sentence, block, ctx);
        draft.indicator = indicator ?? 'unclassified';
        draft.label = indicator ? null : cleanLabel(clauseAround(sentence.text, g));
        draft.region = place.region;
        draft.scope = joinScopes(place.scope, scope);
        draft.year = yearAt(gBefore, ctx.year);
        draft.bound = readBound(sentence.text.slice(0, g.start), g.suffixBound);
        if (pendingChange && pendingChange.unit === g.unit) {
          attachChange(draft, pendingChange);
          pendingChange = null;
        }
        drafts.push(draft);
        sentenceLevels.push({ draft, unit: g.unit, depth: bracketDepth(gBefore) });
      });
      k += group.length - 1;
    }
    levels.push(...sentenceLevels);
  });
  return drafts;
}

// A change that names its own subject attaches only to a figure of that indicator.
function subjectFits(subject: string, target: Level, ctx: ProseContext, headings: string, sentence: string): boolean {
  if (!namesFigure(subject, ctx)) return true;
  const indicator = classifyStatement(ctx.catalogue, {
    unit: target.unit,
    scheme: lastScheme(subject) ?? lastScheme(headings) ?? 'none',
    schemeCarried: false,
    naming: subject,
    context: subject,
    sentence: subject,
    topic: `${headings}\n${sentence}`,
  });
  return indicator === null || indicator === target.draft.indicator;
}

// Whether the words before a figure name it, or only say whose it is ("其中城镇职工").
function namesFigure(lead: string, ctx: ProseContext): boolean {
  let rest = stripSchemes(lead);
  for (const name of [ctx.region.name_zh, ctx.region.short_zh]) rest = rest.split(name).join('');
  const child = findChildByLabel(ctx.index, ctx.region.code, rest);
  if (child) rest = rest.replace(/^[\s、，,；;：:（(]*/, '').slice(childNameLength(rest, child)).trim();
  const pool = findOwnPoolLabel(rest);
  if (pool) rest = rest.replace(pool, '');
  rest = rest.replace(STOP_WORDS, '');
  return /[\u3400-\u9fff]/.test(rest);
}

function childNameLength(label: string, child: Region): number {
  const text = label.replace(/^[\s、，,；;：:（(]*/, '');
  return [child.name_zh, child.short_zh, ...(child.former ?? [])].filter((n) => text.startsWith(n)).reduce((a, n) => Math.max(a, n.length), 0);
}

function regionOf(label: string, ctx: ProseContext): { region: string; scope: string | null } {
  const child = findChildByLabel(ctx.index, ctx.region.code, label);
  if (child) return { region: child.code, scope: null };
  const pool = findOwnPoolLabel(label);
  return { region: ctx.region.code, scope: pool };
}

function baseDraft(m: NumberMention, sentence: Sentence, block: { line: number }, ctx: ProseContext): Draft {
  return {
    region: ctx.region.code,
    year: ctx.year,
    indicator: 'unclassified',
    value: toBaseValue(m.digits, m.multiplier),
    unit: m.unit,
    precision: roundingHalfWidth(m.digits, m.multiplier),
    bound: readBound(sentence.text.slice(0, m.start), m.suffixBound),
    scope: null,
    yoy: null,
    label: null,
    source: { file: ctx.file, line: block.line, quote: sentence.text.trim(), stated: m.stated, block: 'text', context: null },
  };
}

function unclassified(m: NumberMention, lead: string, sentence: Sentence, block: { line: number }, ctx: ProseContext, scope: string | null, year: number): Draft {
  return { ...baseDraft(m, sentence, block, ctx), label: cleanLabel(lead), scope, year };
}
