/**
 * The English MDX of a bulletin with an editorial translation: the bulletin's own structure in
 * English, each figure marked where the translation states it. A piece with no translation yet
 * stays in Chinese, marked lang="zh-Hans" with a note, and the figures of those pieces are also
 * given as generated sentences, so that an English reader misses none of them.
 */
import type { Root, RootContent, PhrasingContent } from 'mdast';
import { hasHan } from '../i18n/mark.ts';
import type { Block } from './blocks.ts';
import { chartSlot, frontMatter, heading, originalText, paragraph, phrasing, sentenceSections, table, type EnglishSection, type PlainText } from './emit-mdx.ts';
import type { FigureMarks, Segment } from './figure-marks.ts';
import type { BulletinMeta, Fact } from './schema.ts';
import { englishNumbers, sameNumber } from './translation-checks.ts';
import type { Piece } from './translation-memory.ts';

/** The editorial English of a piece, or null where there is none to use. */
export type Translate = (kind: Piece['kind'], zh: string) => string | null;

export type EnglishText = { note: string; untranslatedNote: string; summaryHeading: string };

/**
 * @example
 *   translatedTree(meta, blocks, marks, translate, factsById, summary, text)
 */
export function translatedTree(
  meta: BulletinMeta,
  blocks: Block[],
  marks: FigureMarks,
  translate: Translate,
  factsById: Map<string, Fact>,
  summary: EnglishSection[],
  text: EnglishText,
): Root {
  const children: RootContent[] = [frontMatter(meta), heading(2, meta.title), paragraph(text.note)];
  if (summary.length > 0) children.push(heading(3, text.summaryHeading), ...sentenceSections(summary, 4));
  const levels = [...new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])))].sort();
  let lastDepth = 2;
  const label = (zh: string) => translate('label', zh) ?? zh;
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading': {
        const depth = Math.min(3 + levels.indexOf(b.level), lastDepth + 1);
        lastDepth = depth;
        const en = translate('heading', b.text);
        children.push(en ? heading(depth, en) : { type: 'heading', depth: depth as 1, children: [chineseSpan(b.text)] });
        break;
      }
      case 'paragraph': {
        const en = translate('paragraph', b.text);
        const segments = marks.paragraphs.get(b) ?? [b.text];
        if (en) children.push({ type: 'paragraph', children: phrasing(markEnglishFigures(en, segments, factsById)) });
        else children.push(paragraph(text.untranslatedNote), originalText([{ type: 'paragraph', children: phrasing(segments, 'FigRef') }]));
        if (segments.some((s) => typeof s !== 'string')) children.push(chartSlot(meta.bulletin, b.line));
        break;
      }
      case 'caption': {
        const en = translate('caption', b.text);
        children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [en ? { type: 'text', value: en } : chineseSpan(b.text)] }] });
        children.push(chartSlot(meta.bulletin, b.line, b.text));
        break;
      }
      case 'table': {
        const caption = b.caption ? (translate('caption', b.caption) ?? null) : null;
        if (b.caption) children.push({ type: 'paragraph', children: [{ type: 'strong', children: [caption ? { type: 'text', value: caption } : chineseSpan(b.caption)] }] });
        const header = b.columns.map((c) => [c.split('·').map(label).join(' · ')]);
        const rows = b.rows.map((r) => r.cells.map((c): Segment[] => [marks.cells.has(c) ? { id: marks.cells.get(c)!, text: c.text } : label(c.text)]));
        children.push(table([header, ...rows], 'Fig', 'Table', markChinese));
        children.push(chartSlot(meta.bulletin, b.rows[b.rows.length - 1]?.line ?? b.line));
        break;
      }
      case 'series': {
        const title = [b.group, b.name].filter((x): x is string => Boolean(x)).map(label).join(' · ');
        if (title) children.push({ type: 'paragraph', children: [{ type: 'strong', children: [markChinese(title)] }] });
        const ids = marks.series.get(b) ?? [];
        children.push(table([b.labels.map((l) => [label(l)]), b.values.map((v, k): Segment[] => [ids[k] ? { id: ids[k]!, text: v } : v])], 'Fig', 'Table', markChinese));
        children.push(chartSlot(meta.bulletin, b.line));
        break;
      }
      default:
        break;
    }
  }
  return { type: 'root', children };
}

/** A label left untranslated is Chinese inside English text, and said so for screen readers. */
const markChinese: PlainText = (value) => (hasHan(value) ? chineseSpan(value) : { type: 'text', value });

function chineseSpan(text: string): PhrasingContent {
  return { type: 'mdxJsxTextElement', name: 'span', attributes: [{ type: 'mdxJsxAttribute', name: 'lang', value: 'zh-Hans' }], children: [{ type: 'text', value: text }] } as PhrasingContent;
}

/**
 * The translation with each of the paragraph's figures marked where the English states it.
 * Each fact takes an English number of the same value, the next one after the previous
 * fact's where there is one (English often orders a sentence differently: "371 outlets of 12
 * chains" for "12家…371家"), otherwise the first one still free.
 */
export function markEnglishFigures(en: string, source: Segment[], factsById: Map<string, Fact>): Segment[] {
  const numbers = englishNumbers(en);
  const taken = new Map<number, string>();
  let after = -1;
  for (const s of source) {
    if (typeof s === 'string') continue;
    const fact = factsById.get(s.id);
    if (!fact) continue;
    const free = numbers.map((n, i) => ({ n, i })).filter(({ n, i }) => !taken.has(i) && sameNumber(n.value, fact.value));
    const pick = free.find(({ i }) => i > after) ?? free[0];
    if (!pick) continue;
    taken.set(pick.i, s.id);
    after = pick.i;
  }
  const out: Segment[] = [];
  let cursor = 0;
  for (const [i, id] of [...taken.entries()].sort((a, b) => a[0] - b[0])) {
    const n = numbers[i]!;
    // "CNY 7,107,673,900" and "96%": the currency before and the sign after belong to the figure.
    const start = en.slice(Math.max(0, n.start - 4), n.start) === 'CNY ' ? n.start - 4 : n.start;
    const end = en[n.end] === '%' ? n.end + 1 : n.end;
    if (start > cursor) out.push(en.slice(cursor, start));
    out.push({ id, text: en.slice(start, end) });
    cursor = end;
  }
  if (cursor < en.length) out.push(en.slice(cursor));
  return out;
}

/** Which pieces of a bulletin have a usable translation, for the page and the About page. */
export function translationCoverage(blocks: Block[], translate: Translate): { pieces: number; translated: number } {
  let pieces = 0;
  let translated = 0;
  for (const b of blocks) {
    const texts: Array<[Piece['kind'], string]> =
      b.kind === 'paragraph' || b.kind === 'heading' || b.kind === 'caption' || b.kind === 'title' ? [[b.kind, b.text]] : b.kind === 'table' && b.caption ? [['caption', b.caption]] : [];
    for (const [kind, zh] of texts) {
      pieces++;
      if (translate(kind, zh)) translated++;
    }
  }
  return { pieces, translated };
}

