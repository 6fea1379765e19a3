/**
 * Extract stage for tables and chart-data series: each numeric cell becomes a fact named by
 * its row and column (and caption), with units from a units row, the column label or the
 * caption's "单位：万元".
 */
import type { SeriesBlock, TableBlock } from './blocks.ts';
import { joinScopes } from './bounds.ts';
import { classifyStatement } from './classify.ts';
import type { Draft } from './draft.ts';
import type { ProseContext } from './extract-text.ts';
import { parsePlainNumber, scaleDecimal, statedDecimals } from './numbers.ts';
import { findChildByLabel, findOwnPoolLabel } from './regions.ts';
import type { Unit } from './schema.ts';
import { lastScheme } from './schemes.ts';

const UNIT_WORDS: Record<string, { unit: Unit; shift: number }> = {
  亿元: { unit: 'yuan', shift: 8 },
  万元: { unit: 'yuan', shift: 4 },
  元: { unit: 'yuan', shift: 0 },
  万人: { unit: 'person', shift: 4 },
  人: { unit: 'person', shift: 0 },
  万人次: { unit: 'person_time', shift: 4 },
  人次: { unit: 'person_time', shift: 0 },
  '%': { unit: 'percent', shift: 0 },
  '％': { unit: 'percent', shift: 0 },
  个: { unit: 'count', shift: 0 },
  家: { unit: 'count', shift: 0 },
};
const TOTAL_ROW = /^(合计|总计|全市|全省|全区|小计)$/;

/** The unit a caption declares: "（单位:亿元）", "单位：万元", "(单位：%)". */
export function captionUnit(caption: string | null): string | null {
  const m = /单位\s*[:：]\s*([^\s）)]+)/.exec(caption ?? '');
  return m ? m[1]!.replace(/\.|·/g, '') : null;
}

// Column labels say more about units than captions do: a 个数 column in a 万元 table is a count.
function cellUnit(columnLabel: string, columnUnit: string, caption: string | null, percent: boolean): { unit: Unit; shift: number; word: string } | null {
  if (percent || /比例|率|增幅|占比/.test(columnLabel)) return { unit: 'percent', shift: 0, word: percent ? '' : '%' };
  if (/月数/.test(columnLabel)) return { unit: 'month', shift: 0, word: '个月' };
  if (/个数|数量|家数|总数/.test(columnLabel)) return { unit: 'count', shift: 0, word: '' };
  if (/人次/.test(columnLabel)) return { unit: 'person_time', shift: 0, word: '人次' };
  const word = UNIT_WORDS[columnUnit] ? columnUnit : (captionUnit(caption) ?? '');
  const known = UNIT_WORDS[word];
  return known ? { ...known, word } : null;
}

/** Where a row or series label puts the figure: a year, a sub-region, the parent's own pool. */
type Place = { region: string; year: number; scope: string | null; total: boolean; category: boolean };

function placeOf(label: string, ctx: ProseContext): Place {
  const year = /^((?:19|20)\d{2})年?(度)?$/.exec(label.trim());
  if (year) return { region: ctx.region.code, year: Number(year[1]), scope: null, total: false, category: false };
  const child = findChildByLabel(ctx.index, ctx.region.code, label);
  if (child) return { region: child.code, year: ctx.year, scope: null, total: false, category: false };
  const pool = findOwnPoolLabel(label);
  const total = TOTAL_ROW.test(label.trim());
  return { region: ctx.region.code, year: ctx.year, scope: pool, total, category: !pool && !total };
}

/**
 * @example
 *   extractTable(table, '一、基本情况', ctx).map((d) => d.indicator)
 */
export function extractTable(table: TableBlock, headings: string, ctx: ProseContext): Draft[] {
  const drafts: Draft[] = [];
  const labelColumn = findLabelColumn(table);
  for (const row of table.rows) {
    const rowLabel = row.cells[labelColumn]?.text ?? '';
    const place = placeOf(rowLabel, ctx);
    row.cells.forEach((cell, j) => {
      if (j <= labelColumn) return;
      const number = parsePlainNumber(cell.text);
      if (!number) return;
      const columnLabel = table.columns[j] ?? '';
      const unit = cellUnit(columnLabel, table.columnUnits[j] ?? '', table.caption, number.percent);
      if (!unit) return;
      const naming = `${rowLabel}${columnLabel}`;
      const scheme = lastScheme(`${headings}\n${table.caption ?? ''}\n${columnLabel}\n${rowLabel}`) ?? 'none';
      const indicator = classifyStatement(ctx.catalogue, { unit: unit.unit, scheme, schemeCarried: false, naming, context: naming, sentence: naming, topic: `${headings}\n${table.caption ?? ''}` });
      drafts.push({
        region: place.region,
        year: place.year,
        indicator: indicator ?? 'unclassified',
        value: scaleDecimal(number.digits, unit.shift),
        unit: unit.unit,
        precision: scaleDecimal('5', unit.shift - statedDecimals(number.digits) - 1),
        bound: 'exact',
        scope: place.scope,
        yoy: null,
        label: indicator ? null : `${rowLabel} · ${columnLabel}`,
        source: {
          file: ctx.file,
          line: cell.line,
          quote: cell.text,
          stated: `${cell.text}${unit.word}`,
          block: 'table',
          context: [table.caption, rowLabel, columnLabel].filter(Boolean).join(' › '),
        },
      });
    });
  }
  return drafts;
}

function findLabelColumn(table: TableBlock): number {
  for (let j = 0; j < table.columns.length; j++) {
    const texts = table.rows.map((r) => r.cells[j]?.text ?? '').filter(Boolean);
    if (texts.some((t) => !parsePlainNumber(t))) return j;
  }
  return 0;
}

/**
 * Chart data carries no units or titles of its own: the figure caption in the text with the
 * same kind of labels (years → 历年…, places → 各县市…) supplies them.
 */
export function extractSeries(series: SeriesBlock, captions: string[], headings: string, ctx: ProseContext): Draft[] {
  const caption = matchCaption(series, captions, ctx);
  const unitWord = captionUnit(caption);
  const numbers = series.values.map((v) => parsePlainNumber(v)!);
  const fractions = numbers.every((n) => !n.percent && Math.abs(Number(n.digits)) <= 1) && (unitWord === '%' || /比例|结构|占比/.test(`${series.name ?? ''}${series.group ?? ''}`));
  const unit = fractions ? { unit: 'percent' as Unit, shift: 2 } : (UNIT_WORDS[unitWord ?? ''] ?? { unit: 'count' as Unit, shift: 0 });
  const title = [caption, series.group, series.name].filter(Boolean).join(' › ');
  return series.labels.map((label, k) => {
    const place = placeOf(label, ctx);
    const naming = `${caption ?? ''}${series.group ?? ''}${series.name ?? ''}${place.category ? label : ''}`;
    const scheme = lastScheme(`${headings}\n${naming}`) ?? 'none';
    const classify = (words: string) => classifyStatement(ctx.catalogue, { unit: unit.unit, scheme, schemeCarried: false, naming: words, context: words, sentence: words, topic: naming });
    // The series' own name is the most specific ("在职人员比例" in a group titled 在职退休人员比例);
    // the caption and group only help where the name alone says too little ("参保人数").
    // A share of one category ("成年人") is not the indicator the series is about.
    const indicator = place.category ? null : ((series.name ? classify(series.name) : null) ?? classify(naming));
    const digits = numbers[k]!.digits;
    return {
      region: place.region,
      year: place.year,
      indicator: indicator ?? 'unclassified',
      value: scaleDecimal(digits, unit.shift),
      unit: unit.unit,
      precision: scaleDecimal('5', unit.shift - statedDecimals(digits) - 1),
      bound: 'exact',
      scope: joinScopes(place.scope),
      yoy: null,
      label: indicator ? null : `${title} · ${label}`,
      source: { file: ctx.file, line: series.line, quote: series.values[k]!, stated: `${series.values[k]!}${unitWord && !fractions ? unitWord : ''}`, block: 'series', context: `${title} › ${label}` },
    } satisfies Draft;
  });
}

function matchCaption(series: SeriesBlock, captions: string[], ctx: ProseContext): string | null {
  const byYear = series.labels.every((l) => /^(19|20)\d{2}$/.test(l));
  const byPlace = series.labels.some((l) => findChildByLabel(ctx.index, ctx.region.code, l) || findOwnPoolLabel(l));
  const words = `${series.group ?? ''}${series.name ?? ''}`;
  let best: { caption: string; score: number } | null = null;
  for (const caption of captions) {
    let score = 0;
    if (byYear && /历年|\d{4}\s*[-—~至]\s*\d{4}/.test(caption)) score += 2;
    if (byPlace && /各县|县市|县区|市县/.test(caption)) score += 2;
    if (!byYear && !byPlace && /结构|构成|比例/.test(caption)) score += 2;
    if (/比例|结构/.test(words) === /%|比例|结构/.test(caption)) score += 1;
    for (const word of words.match(/[\u4e00-\u9fff]{2}/g) ?? []) if (caption.includes(word)) score += 1;
    if (!best || score > best.score) best = { caption, score };
  }
  return best && best.score >= 3 ? best.caption : null;
}
