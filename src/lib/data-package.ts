/**
 * The yearbook's open data described as a Frictionless Data Package (datapackage.json): every
 * file under /data/, each CSV field with its type and, in both languages, its title and
 * meaning; the sources it was built from with their SHA-256; licence and citation.
 * Frictionless names the English `title`/`description`; the Chinese ones ride along as
 * `title_zh`/`description_zh` (extra properties are allowed by the specification).
 */
import { CSV_COLUMNS } from '../pipeline/emit-data.ts';
import { indicatorCsvPath, usedIndicators } from './page-charts.ts';
import type { Yearbook } from './yearbook-types.ts';

type Field = { name: (typeof CSV_COLUMNS)[number]; type: 'string' | 'integer' | 'number'; title: string; title_zh: string; description: string; description_zh: string; constraints?: { enum: string[] } };

/** The columns of facts.csv and of every per-chapter CSV. */
export const FACT_FIELDS: Field[] = [
  { name: 'id', type: 'string', title: 'Figure id', title_zh: '数字编号', description: 'Stable id of the figure: region, year, source line and position (e.g. zhuzhou-2022-L14-1); the anchor #src-<id> on its chapter page.', description_zh: '数字的固定编号：地区、年份、来源行号和位置（如 zhuzhou-2022-L14-1），也是所在章节页面的锚点 #src-<编号>。' },
  { name: 'bulletin', type: 'string', title: 'Bulletin', title_zh: '公报', description: 'The source bulletin the figure was read from (see sources).', description_zh: '数字所出自的公报（见来源）。' },
  { name: 'region', type: 'string', title: 'Region code', title_zh: '地区代码', description: 'GB/T 2260 administrative division code of the region the figure is about.', description_zh: '数字所属地区的 GB/T 2260 行政区划代码。' },
  { name: 'region_name_zh', type: 'string', title: 'Region (Chinese)', title_zh: '地区（中文）', description: 'Region name in Chinese.', description_zh: '地区中文名称。' },
  { name: 'region_name_en', type: 'string', title: 'Region (English)', title_zh: '地区（英文）', description: 'Region name in English (pinyin).', description_zh: '地区英文名称（拼音）。' },
  { name: 'year', type: 'integer', title: 'Year', title_zh: '年份', description: 'The year the figure describes (which may differ from the bulletin\'s year for last year\'s figures).', description_zh: '数字所描述的年份（上年数字与公报年份不同）。' },
  { name: 'indicator', type: 'string', title: 'Indicator', title_zh: '指标', description: 'Indicator id from indicators.json, or "unclassified" for a figure no rule recognised (its label says what it is).', description_zh: 'indicators.json 中的指标编号；未归类的数字为 unclassified，其含义见 label。' },
  { name: 'indicator_name_zh', type: 'string', title: 'Indicator (Chinese)', title_zh: '指标（中文）', description: 'Indicator name in Chinese.', description_zh: '指标中文名称。' },
  { name: 'indicator_name_en', type: 'string', title: 'Indicator (English)', title_zh: '指标（英文）', description: 'Indicator name in English.', description_zh: '指标英文名称。' },
  { name: 'value', type: 'number', title: 'Value', title_zh: '数值', description: 'The figure in its base unit (people, yuan, percent…): 556.73万人 is 5567300, 49.94亿元 is 4994000000.', description_zh: '以基本单位表示的数值（人、元、百分比等）：556.73万人记为 5567300，49.94亿元记为 4994000000。' },
  { name: 'unit', type: 'string', title: 'Unit', title_zh: '单位', description: 'Unit of value: person, person_time, yuan, yuan_per_person, percent, count, month, …', description_zh: '数值的单位：person（人）、person_time（人次）、yuan（元）、yuan_per_person（元/人）、percent（%）、count（个）、month（月）等。' },
  { name: 'precision', type: 'number', title: 'Precision', title_zh: '精度', description: 'Half the last stated digit, in the base unit: the tolerance the arithmetic checks allow (556.73万 → 50).', description_zh: '所述末位数字的一半（以基本单位计），即算术核对允许的误差（556.73万 → 50）。' },
  { name: 'bound', type: 'string', title: 'Bound', title_zh: '界限', description: 'Whether the bulletin states the figure exactly, as a lower or upper bound (以上, 不低于…) or approximately (约, 余…).', description_zh: '公报所述是确数、下限（以上、不低于等）、上限还是约数（约、余等）。', constraints: { enum: ['exact', 'at_least', 'at_most', 'about'] } },
  { name: 'scope', type: 'string', title: 'Scope (Chinese)', title_zh: '口径', description: 'A limit on what the figure covers, as the bulletin words it (不含滑县, 1-9月, 市本级…); empty when none.', description_zh: '公报对数字范围的限定（如不含滑县、1-9月、市本级）；无则为空。' },
  { name: 'scope_en', type: 'string', title: 'Scope (English)', title_zh: '口径（英文）', description: 'The scope in English.', description_zh: '口径的英文。' },
  { name: 'yoy_pct', type: 'number', title: 'Change on previous year, %', title_zh: '同比变化（%）', description: 'Year-on-year change in percent as the bulletin states it (negative for a fall).', description_zh: '公报所述同比变化百分比（下降为负）。' },
  { name: 'yoy_abs', type: 'number', title: 'Change on previous year', title_zh: '同比变化量', description: 'Year-on-year change in the base unit as the bulletin states it.', description_zh: '公报所述同比变化量（基本单位）。' },
  { name: 'label', type: 'string', title: 'Label', title_zh: '说明', description: 'For unclassified figures: the clause they were read from.', description_zh: '未归类数字所在的分句。' },
  { name: 'same_as', type: 'string', title: 'Same as', title_zh: '同一数字', description: 'Id of the figure this one repeats (the same statement made twice); empty for the first statement.', description_zh: '重复陈述时所重复的数字编号；首次陈述为空。' },
  { name: 'source_file', type: 'string', title: 'Source file', title_zh: '来源文件', description: 'File name of the bulletin in the seeds (see sources for its SHA-256).', description_zh: '公报原件文件名（SHA-256 见来源）。' },
  { name: 'source_line', type: 'integer', title: 'Source line', title_zh: '来源行号', description: 'Line of the file the figure was read from.', description_zh: '数字所在的文件行号。' },
  { name: 'source_stated', type: 'string', title: 'As stated', title_zh: '原文写法', description: 'The characters the figure was read from (e.g. 556.73万人).', description_zh: '数字在原文中的写法（如 556.73万人）。' },
  { name: 'source_block', type: 'string', title: 'Source kind', title_zh: '来源类型', description: 'Where in the bulletin: running text, a table cell or chart data.', description_zh: '数字在公报中的位置：正文、表格单元格或图表数据。', constraints: { enum: ['text', 'table', 'series'] } },
  { name: 'source_context', type: 'string', title: 'Source context', title_zh: '来源上下文', description: 'For a table cell or chart datum: its table caption and row and column headers.', description_zh: '表格或图表数据中的数字：所在表格标题及行、列标题。' },
  { name: 'source_quote', type: 'string', title: 'Source sentence', title_zh: '来源句子', description: 'The sentence (or table row) the figure was read from, in the original Chinese.', description_zh: '数字所在的原文句子（或表格行）。' },
];

export const LICENSE = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0 International', path: 'https://creativecommons.org/licenses/by/4.0/' };

/** The package; resource paths are relative to /data/, where datapackage.json is. */
export function dataPackage(book: Yearbook, siteName: { zh: string; en: string }): unknown {
  const schema = { fields: FACT_FIELDS, primaryKey: ['id'] };
  const csv = (name: string, path: string, title: string, title_zh: string) => ({ name, path, title, title_zh, format: 'csv', mediatype: 'text/csv', encoding: 'utf-8-sig', dialect: { delimiter: ',', lineTerminator: '\r\n', header: true }, schema });
  const json = (name: string, path: string, title: string, title_zh: string) => ({ name, path, title, title_zh, format: 'json', mediatype: 'application/json', encoding: 'utf-8' });
  const years = book.chapters.map((c) => c.year);
  return {
    profile: 'data-package',
    name: 'healthcare-security-statistical-yearbook',
    title: siteName.en,
    title_zh: siteName.zh,
    description: 'Figures of Chinese healthcare security (medical insurance) bulletins, each with the sentence it was read from, and the arithmetic checks run on them.',
    description_zh: '中国医疗保障统计公报中的数字，每个数字附其出处原句，并附对这些数字所做的算术核对。',
    keywords: ['healthcare security', 'medical insurance', 'China', '医疗保障', '医疗保险'],
    licenses: [LICENSE],
    temporal: { start: String(Math.min(...years)), end: String(Math.max(...years)) },
    sources: book.sources.map((s) => ({ title: s.source_title ?? s.title_zh, title_en: s.english.title ?? s.title_en, path: s.origin ?? undefined, file: s.source_file, sha256: s.sha256, publisher: s.publisher })),
    resources: [
      csv('facts', 'facts.csv', 'All figures', '全部数字'),
      json('facts-json', 'facts.json', 'All figures (JSON, same fields nested)', '全部数字（JSON）'),
      json('indicators', 'indicators.json', 'Indicator catalogue: names, units and definitions in both languages', '指标目录：中英文名称、单位和定义'),
      json('regions', 'regions.json', 'Regions: GB/T 2260 codes, names in both languages, parents', '地区：GB/T 2260 代码、中英文名称、上级地区'),
      json('findings', 'findings.json', 'Arithmetic checks and their results', '算术核对及其结果'),
      ...book.chapters.map((c) => csv(`${c.region.slug}-${c.year}`, `regions/${c.region.slug}/${c.year}.csv`, `${c.region.name_en}, ${c.year}`, `${c.region.name_zh}${c.year}年`)),
      ...usedIndicators(book).map((id) => {
        const i = book.indicators.get(id)!;
        return csv(`indicator-${id.replace(/[._]/g, '-')}`, indicatorCsvPath(id).replace(/^data\//, ''), `${i.name_en}: every region and year`, `${i.name_zh}：各地区、各年度`);
      }),
    ],
  };
}
