import { describe, expect, it } from 'vitest';
import type { Block } from '../src/pipeline/blocks.ts';
import { parseSeriesLine, segmentLines } from '../src/pipeline/segment.ts';
import { flattenHeader } from '../src/pipeline/table-header.ts';
import type { SourceLine } from '../src/pipeline/clean.ts';

/** Numbers the given texts from 1, as cleaned lines of a raw file. */
const numbered = (...texts: string[]): SourceLine[] => texts.map((text, k) => ({ line: k + 1, text }));

describe('segmentLines: titles, volumes, headings and paragraphs', () => {
  it.each<[string, SourceLine[], Block[]]>([
    [
      'a title split over two lines with blank lines around it',
      numbered('', '', '2022年安阳市医疗保障事业', '', '发展统计快报', '', '2022年，安阳市医疗保障局在市委市政府的坚强领导下，着力完善多层次医疗保障体系，持续提升医疗保障能力。', '', '一、基本医疗保险'),
      [
        { kind: 'title', line: 3, text: '2022年安阳市医疗保障事业发展统计快报' },
        { kind: 'paragraph', line: 7, text: '2022年，安阳市医疗保障局在市委市政府的坚强领导下，着力完善多层次医疗保障体系，持续提升医疗保障能力。' },
        { kind: 'heading', line: 9, text: '一、基本医疗保险', level: 1 },
      ],
    ],
    [
      'a two-line title followed by a dash-framed heading',
      numbered('株洲市2022年年度医疗保险基金', '财务报表及运行分析报告', '', '— 报告简要 —', '今年以来，在市委、市政府的坚强领导下，全市医疗保障工作取得新进展。'),
      [
        { kind: 'title', line: 1, text: '株洲市2022年年度医疗保险基金财务报表及运行分析报告' },
        { kind: 'heading', line: 4, text: '— 报告简要 —', level: 2 },
        { kind: 'paragraph', line: 5, text: '今年以来，在市委、市政府的坚强领导下，全市医疗保障工作取得新进展。' },
      ],
    ],
    [
      'a yearbook volume, its section title and 【…】 entries',
      numbered('2023卷', '医疗保障', '【概况】 2022年,全区基本医疗保险参保人数2169.94万人,其中职工医疗保险参保586.83万人。', '【医保经办服务】 2022年,内蒙古自治区推动医疗保障系统优化营商环境33条举措落地。', '【医保扶贫】'),
      [
        { kind: 'volume', line: 1, text: '2023卷', volume: 2023 },
        { kind: 'title', line: 2, text: '医疗保障' },
        { kind: 'heading', line: 3, text: '概况', level: 2 },
        { kind: 'paragraph', line: 3, text: '2022年,全区基本医疗保险参保人数2169.94万人,其中职工医疗保险参保586.83万人。' },
        { kind: 'heading', line: 4, text: '医保经办服务', level: 2 },
        { kind: 'paragraph', line: 4, text: '2022年,内蒙古自治区推动医疗保障系统优化营商环境33条举措落地。' },
        { kind: 'heading', line: 5, text: '医保扶贫', level: 2 },
      ],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(segmentLines(lines)).toEqual(expected);
  });

  it.each([
    ['2023卷', 2023],
    ['2022 卷', 2022],
  ])('%s is a volume', (text, volume) => {
    expect(segmentLines(numbered(text))).toEqual([{ kind: 'volume', line: 1, text, volume }]);
  });

  const opening = '2022年，全市医疗保障工作取得新进展，基金运行总体平稳。';
  it.each<[string, Block['kind'], number | null]>([
    ['一、基本医疗保险', 'heading', 1],
    ['（一）参保人员情况。', 'heading', 2],
    ['(二)城镇灵活就业人员', 'heading', 2],
    ['1.全市参保人数平稳', 'heading', 3],
    ['2、参保人员结构比例', 'heading', 3],
    ['一、聚焦服务大局“显担当”，充分发挥了医疗保障作用。一是抗击疫情凸显担当。全面做好新冠病毒疫苗及接种费用保障工作。', 'paragraph', null],
    ['一、2022年全市城镇职工基本医疗保险参保人数平稳增长且参保结构持续优化。', 'paragraph', null],
    ['1.全市参保人数平稳。截至2022年12月底，我市城镇职工基本医疗保险参保人数为73.53万人。', 'paragraph', null],
    ['1.2亿元用于支付历年欠费。', 'paragraph', null],
    ['图1  历年全市城镇职工基本医疗保险参保人数图（单位：人）', 'caption', null],
  ])('after the opening paragraph, %s is a %s', (text, kind, level) => {
    const blocks = segmentLines(numbered(opening, text));
    expect(blocks[0]).toEqual({ kind: 'paragraph', line: 1, text: opening });
    expect(blocks.slice(1)).toEqual([level === null ? { kind, line: 2, text } : { kind, line: 2, text, level }]);
  });
});

describe('segmentLines: tab-laid tables', () => {
  it('reads a two-level header into "group·column" labels and takes the caption from the line above', () => {
    const lines = numbered(
      '2022年度全市城镇职工医保、居民医保基金预算收入执行率分别为127.46%、110.72%。',
      '2022年全市医疗生育保险基金预算收入执行情况表（单位:亿元）',
      '\t险 种', '\t本年收入', '\t其中：保险费收入', '',
      '\t', '\t预算数', '\t执行数', '\t执行率', '\t预算数', '\t执行数', '\t执行率', '',
      '\t职工医保', '\t28.15', '\t35.88', '\t127.46%', '\t27.69', '\t29.46', '\t106.39%', '',
      '\t居民医保', '\t27.88', '\t30.87', '\t110.72%', '\t9.50', '\t10.50', '\t110.53%', '',
      '',
      '（二）基金支出情况',
    );
    const cells = (first: number, texts: string[]) => texts.map((text, k) => ({ line: first + k, text }));
    expect(segmentLines(lines)).toEqual([
      { kind: 'paragraph', line: 1, text: '2022年度全市城镇职工医保、居民医保基金预算收入执行率分别为127.46%、110.72%。' },
      {
        kind: 'table',
        line: 3,
        caption: '2022年全市医疗生育保险基金预算收入执行情况表（单位:亿元）',
        captionLine: 2,
        columns: ['险种', '本年收入·预算数', '本年收入·执行数', '本年收入·执行率', '其中：保险费收入·预算数', '其中：保险费收入·执行数', '其中：保险费收入·执行率'],
        columnUnits: ['', '', '', '', '', '', ''],
        rows: [
          { line: 15, cells: cells(15, ['职工医保', '28.15', '35.88', '127.46%', '27.69', '29.46', '106.39%']) },
          { line: 23, cells: cells(23, ['居民医保', '27.88', '30.87', '110.72%', '9.50', '10.50', '110.53%']) },
        ],
      },
      { kind: 'heading', line: 32, text: '（二）基金支出情况', level: 2 },
    ]);
  });

  it('takes a units row (万元/个) out of the header into columnUnits', () => {
    const lines = numbered(
      '全市居民医保基金累计结余24.80亿元，可支撑约11个月。',
      '2022年各县市医保基金结余表',
      '\t县市', '\t期末累计结余', '\t可支付月数', '',
      '\t', '\t万元', '\t个', '',
      '\t茶陵', '\t32438.99', '\t7', '',
      '\t攸县', '\t15994.97', '\t3', '',
      '',
      '三、其他医疗基金情况',
    );
    expect(segmentLines(lines)).toEqual([
      { kind: 'paragraph', line: 1, text: '全市居民医保基金累计结余24.80亿元，可支撑约11个月。' },
      {
        kind: 'table',
        line: 3,
        caption: '2022年各县市医保基金结余表',
        captionLine: 2,
        columns: ['县市', '期末累计结余', '可支付月数'],
        columnUnits: ['', '万元', '个'],
        rows: [
          { line: 11, cells: [{ line: 11, text: '茶陵' }, { line: 12, text: '32438.99' }, { line: 13, text: '7' }] },
          { line: 15, cells: [{ line: 15, text: '攸县' }, { line: 16, text: '15994.97' }, { line: 17, text: '3' }] },
        ],
      },
      { kind: 'heading', line: 20, text: '三、其他医疗基金情况', level: 1 },
    ]);
  });

  it('joins a cell continued on a plain line between two cell lines ("统筹区" + "总数")', () => {
    const lines = numbered(
      '2022年全市城镇职工医保、居民医保当年基金结余合计9.5亿元。',
      '2018-2022年全市城镇职工医保统筹基金当期出现收不抵支情况          单位：万元',
      '\t年 度', '\t统筹区', '总数', '\t超支金额', '',
      '\t2018年', '\t6', '\t0', '',
      '\t2019年', '\t6', '\t1711', '',
      '',
    );
    const blocks = segmentLines(lines);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toEqual({
      kind: 'table',
      line: 3,
      caption: '2018-2022年全市城镇职工医保统筹基金当期出现收不抵支情况 单位：万元',
      captionLine: 2,
      columns: ['年度', '统筹区总数', '超支金额'],
      columnUnits: ['', '', ''],
      rows: [
        { line: 8, cells: [{ line: 8, text: '2018年' }, { line: 9, text: '6' }, { line: 10, text: '0' }] },
        { line: 12, cells: [{ line: 12, text: '2019年' }, { line: 13, text: '6' }, { line: 14, text: '1711' }] },
      ],
    });
  });
});

describe('flattenHeader', () => {
  it.each<[string, string[][], number, { columns: string[]; columnUnits: string[]; bodyStart: number }]>([
    [
      'group headers spanning the sub-columns below them',
      [['险 种', '本年支出', '其中：保险待遇支出'], ['', '预算数', '执行数', '执行率', '预算数', '执行数', '执行率'], ['职工医保', '27.43', '28.45', '103.72%', '26.82', '26.28', '97.99%']],
      7,
      { columns: ['险种', '本年支出·预算数', '本年支出·执行数', '本年支出·执行率', '其中：保险待遇支出·预算数', '其中：保险待遇支出·执行数', '其中：保险待遇支出·执行率'], columnUnits: ['', '', '', '', '', '', ''], bodyStart: 2 },
    ],
    [
      'two leading label columns, two groups of three and a units row',
      [
        ['序号', '市县区', '城乡居民医保基金', '职工医保统筹基金'],
        ['', '', '期末累计结余', '实际结余', '可支付月数', '期末累计结余', '实际结余', '可支付月数'],
        ['', '', '万元', '万元', '个', '万元', '万元', '个'],
        ['1', '茶陵', '32438.99', '25953.53', '7', '', '2035.57', '3'],
      ],
      8,
      {
        columns: ['序号', '市县区', '城乡居民医保基金·期末累计结余', '城乡居民医保基金·实际结余', '城乡居民医保基金·可支付月数', '职工医保统筹基金·期末累计结余', '职工医保统筹基金·实际结余', '职工医保统筹基金·可支付月数'],
        columnUnits: ['', '', '万元', '万元', '个', '万元', '万元', '个'],
        bodyStart: 3,
      },
    ],
    [
      'a table with no numbers: its first row is the header',
      [['地区', '经办机构'], ['茶陵', '县医保局'], ['攸县', '县医保局']],
      2,
      { columns: ['地区', '经办机构'], columnUnits: ['', ''], bodyStart: 1 },
    ],
  ])('%s', (_name, rows, width, expected) => {
    expect(flattenHeader(rows, width)).toEqual(expected);
  });
});

describe('parseSeriesLine', () => {
  it.each([
    [
      'labels then as many values',
      '成年人\t中小学生儿童\t大学生\t0.77789463403601744\t0.18150895355392196\t4.0596412410066104E-2\t',
      { labels: ['成年人', '中小学生儿童', '大学生'], values: ['0.77789463403601744', '0.18150895355392196', '4.0596412410066104E-2'], trailingName: null },
    ],
    ['years then as many values', '2013\t2014\t2015\t546609\t559416\t588805\t', { labels: ['2013', '2014', '2015'], values: ['546609', '559416', '588805'], trailingName: null }],
    ['a trailing label naming the next series', '2013\t2014\t0.395\t0.397\t在职人员比例\t', { labels: ['2013', '2014'], values: ['0.395', '0.397'], trailingName: '在职人员比例' }],
    ['a name on its own', '退休人员比例\t', { labels: [], values: [], trailingName: '退休人员比例' }],
    ['percentages as values', '职工医保\t居民医保\t16.15%\t6.40%', { labels: ['职工医保', '居民医保'], values: ['16.15%', '6.40%'], trailingName: null }],
  ])('%s', (_name, text, expected) => {
    expect(parseSeriesLine(text)).toEqual(expected);
  });

  it.each([
    ['an odd number of years and values', '2013\t2014\t2015\t546609\t559416'],
    ['more labels than values', '株洲县\t攸县\t26832'],
    ['labels and values interleaved', '成年人\t0.77\t大学生\t0.04'],
    ['a label between the values', '成年人\t大学生\t0.77\tN/A\t0.04'],
    ['years that do not increase', '2014\t2013\t1\t2'],
    ['small integers that are not years', '5\t6\t7\t8'],
    ['values written with a multiplier (not plain numbers)', '2021\t2022\t72.74万\t73.53万'],
  ])('rejects %s (null)', (_name, text) => {
    expect(parseSeriesLine(text)).toBeNull();
  });
});

describe('segmentLines: chart data', () => {
  it('takes a short line above a labels-then-values line as the chart group title', () => {
    const lines = numbered('2022年全市城乡居民医疗保险参保人数为2918115人。', '城乡居民参保人员结构', '', '成年人\t中小学生儿童\t大学生\t0.77\t0.18\t0.04\t');
    expect(segmentLines(lines)).toEqual([
      { kind: 'paragraph', line: 1, text: '2022年全市城乡居民医疗保险参保人数为2918115人。' },
      { kind: 'series', line: 4, group: '城乡居民参保人员结构', name: null, labels: ['成年人', '中小学生儿童', '大学生'], values: ['0.77', '0.18', '0.04'], text: '成年人\t中小学生儿童\t大学生\t0.77\t0.18\t0.04' },
    ]);
  });

  it('gives each series its group title and the name set on the line before it', () => {
    const lines = numbered(
      '2022年全市城乡居民医疗保险参保人数为2918115人。',
      '在职退休人员比例',
      '退休人员比例\t',
      '2013\t2014\t0.395\t0.397\t在职人员比例\t',
      '2013\t2014\t0.605\t0.603\t',
      '',
      '参保人数\t',
      '株洲县\t攸县\t26832\t53745\t',
    );
    expect(segmentLines(lines)).toEqual([
      { kind: 'paragraph', line: 1, text: '2022年全市城乡居民医疗保险参保人数为2918115人。' },
      { kind: 'series', line: 4, group: '在职退休人员比例', name: '退休人员比例', labels: ['2013', '2014'], values: ['0.395', '0.397'], text: '2013\t2014\t0.395\t0.397\t在职人员比例' },
      { kind: 'series', line: 5, group: '在职退休人员比例', name: '在职人员比例', labels: ['2013', '2014'], values: ['0.605', '0.603'], text: '2013\t2014\t0.605\t0.603' },
      { kind: 'series', line: 8, group: null, name: '参保人数', labels: ['株洲县', '攸县'], values: ['26832', '53745'], text: '株洲县\t攸县\t26832\t53745' },
    ]);
  });
});
