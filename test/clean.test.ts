import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText, normalizeLine, type CleanNote } from '../src/pipeline/clean.ts';
import { projectRoot } from '../scripts/lib/load-data.ts';

const normalize = (text: string): { text: string; notes: CleanNote[] } => {
  const notes: CleanNote[] = [];
  return { text: normalizeLine({ line: 7, text }, notes).text, notes };
};
const messages = (notes: CleanNote[]): string[] => notes.map((n) => n.message);

describe('cleanText: line endings', () => {
  it('turns CRLF into LF, keeps every line and its number, and notes the change', () => {
    const cleaned = cleanText('截至2022年底，参保人数556.73万人。\r\n\r\n一、基金收支\r\n');
    expect(cleaned.lines).toEqual([
      { line: 1, text: '截至2022年底，参保人数556.73万人。' },
      { line: 2, text: '' },
      { line: 3, text: '一、基金收支' },
      { line: 4, text: '' },
    ]);
    expect(cleaned.notes).toContainEqual({ line: null, message: expect.stringMatching(/CRLF/) });
    expect(cleaned.html).toBe(false);
    expect(cleaned.frontMatter).toBeNull();
  });

  it('leaves a file with LF endings without a CRLF note', () => {
    expect(messages(cleanText('一、基金收支\n二、生育保险\n').notes).some((m) => /CRLF/.test(m))).toBe(false);
  });
});

describe('normalizeLine', () => {
  it.each([
    ['full-width digits, decimal point and ％ become ASCII; （，。） stay', '参保人数１０８６．４２万人，增长０．７８％。（含生育保险）', '参保人数1086.42万人，增长0.78%。（含生育保险）'],
    ['full-width slash and letters become ASCII; the full-width colon stays', '按３２０元／人缴费：ＤＲＧ付费', '按320元/人缴费：DRG付费'],
    ['ideographic spaces that indent a paragraph are dropped', '\u3000\u3000截至２０２２年底，全市参保。', '截至2022年底，全市参保。'],
    ['digits spaced out by a PDF copy are re-joined', '2 0 2 1 年组织上解新冠病毒疫苗采购资金7 . 9 5 亿元,结算9 9 7 . 5 万人次。', '2021年组织上解新冠病毒疫苗采购资金7.95亿元,结算997.5万人次。'],
    ['a spaced-out percentage is re-joined', '先后3 次降低核酸检测费用,降价幅度超过9 0%。', '先后3次降低核酸检测费用,降价幅度超过90%。'],
    ['spaces between Chinese and a number are dropped', '截至 2022 年底，安阳市基本医疗保险参保人数 556.73 万人。', '截至2022年底，安阳市基本医疗保险参保人数556.73万人。'],
    ['a space after a percentage before Chinese is dropped', '通过率达到95% 以上。', '通过率达到95%以上。'],
    ['spaces around a Latin word stay', '全部医疗机构实现 DRG 付费，病组覆盖率为 98%；', '全部医疗机构实现 DRG 付费，病组覆盖率为98%；'],
    ['a name spaced out by its author keeps its spaces', '(王 涛 赵 冉)', '(王 涛 赵 冉)'],
    ['a leading tab (a table cell) stays', '\t职工医保', '\t职工医保'],
    ['tabs between chart labels and values stay, the trailing one too', '成年人\t大学生\t0.77\t0.04\t', '成年人\t大学生\t0.77\t0.04\t'],
    ['a page footer at the end of a sentence is removed', '退休职工 24.19 万人，第 1 页 共 5 页', '退休职工24.19万人，'],
    ['a footer with a comma between its parts is removed', '第2页，共5页', ''],
    ['a footer line "- 3 -" becomes blank', '- 3 -', ''],
    ['a footer line "Page 2 of 5" becomes blank', 'Page 2 of 5', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('records a removed footer and re-joined digits on the line they were on', () => {
    expect(normalize('第 1 页 共 5 页').notes).toContainEqual({ line: 7, message: expect.stringMatching(/footer/) });
    expect(normalize('资金7 . 9 5 亿元').notes).toContainEqual({ line: 7, message: expect.stringMatching(/spaced/) });
  });

  it('keeps the line number it was given', () => {
    expect(normalizeLine({ line: 42, text: '２０２２年' }, [])).toEqual({ line: 42, text: '2022年' });
  });
});

describe('cleanText: sentences broken by a PDF copy', () => {
  it.each([
    [
      'a page footer inside the sentence, then a blank line',
      '截至 2022 年底，全市共检查定点医药机构 1087 家，行政处罚 24 家，约谈 697 家，第 1 页 共 5 页\n\n解除医保协议 4 家，追回医保基金 1836 万元。',
      [{ line: 1, text: '截至2022年底，全市共检查定点医药机构1087家，行政处罚24家，约谈697家，解除医保协议4家，追回医保基金1836万元。' }],
    ],
    [
      'a break in the middle of "2021 年底"',
      '在参加职工基本医疗保险人数中，在职职工 43.34 万人，比 2021 年底增加 1.02 万人；退休职工 24.19 万人，比 2021 年\n\n底增加 0.70 万人。参加城乡居民基本医疗保险人数 489.20 万人。',
      [{ line: 1, text: '在参加职工基本医疗保险人数中，在职职工43.34万人，比2021年底增加1.02万人；退休职工24.19万人，比2021年底增加0.70万人。参加城乡居民基本医疗保险人数489.20万人。' }],
    ],
    [
      'a footer on a line of its own between the two halves',
      '2022年，全市基本医疗保险基金（含生育保险）总收入710767.39万元，\n\n- 2 -\n\n总支出为612996.27万元，年末基金累计结存679265.58万元。',
      [{ line: 1, text: '2022年，全市基本医疗保险基金（含生育保险）总收入710767.39万元，总支出为612996.27万元，年末基金累计结存679265.58万元。' }],
    ],
    [
      'the second half starts with a decimal figure (not a "1." list marker)',
      '2022年，全市基本医疗保险基金总收入710767.39万元，总支出为\n\n612996.27万元，年末基金累计结存679265.58万元。',
      [{ line: 1, text: '2022年，全市基本医疗保险基金总收入710767.39万元，总支出为612996.27万元，年末基金累计结存679265.58万元。' }],
    ],
  ])('%s: rejoined into one line that keeps the first line number', (_name, input, expected) => {
    const cleaned = cleanText(input);
    expect(cleaned.lines).toEqual(expected);
    expect(cleaned.notes).toContainEqual({ line: 1, message: expect.stringMatching(/rejoined/) });
  });

  const openProse = '全市医疗保障系统持续推进参保扩面和费用征缴工作并不断优化经办服务流程';
  const paragraph = '截至2022年底，全市基本医疗保险参保人数556.73万人，同比下降2.20%。';
  it.each([
    ['一、基本医疗保险'],
    ['（二）基金收支情况'],
    ['(三)城乡居民参保人员'],
    ['【概况】'],
    ['1.全市参保人数平稳'],
    ['（二）城乡居民基本医疗保险基金收入支出及累计结存情况'],
  ])('a heading line %s is joined neither to the open line above nor to the paragraph below', (heading) => {
    expect(cleanText(`${openProse}\n${heading}\n${paragraph}`).lines).toEqual([
      { line: 1, text: openProse },
      { line: 2, text: heading },
      { line: 3, text: paragraph },
    ]);
  });
});

describe('cleanText: passages repeated word for word', () => {
  it('keeps a repeated passage once and notes both lines; short lines may repeat', () => {
    const text = [
      '2023卷',
      '【概况】2022年,全区基本医疗保险参保人数2169.94万人。',
      '【医保基金监管】2022年,全区检查医药机构2.22万家,追回医保基金2.15亿元。',
      '(王 涛 赵 冉)',
      '【概况】2022年,全区基本医疗保险参保人数2169.94万人。',
      '【医保基金监管】2022年,全区检查医药机构2.22万家,追回医保基金2.15亿元。',
      '(王 涛 赵 冉)',
    ].join('\n');
    const cleaned = cleanText(text);
    expect(cleaned.lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 7]);
    expect(cleaned.notes).toContainEqual({ line: 5, message: expect.stringMatching(/line 2\b/) });
    expect(cleaned.notes).toContainEqual({ line: 6, message: expect.stringMatching(/line 3\b/) });
  });
});

describe('cleanText: YAML front matter', () => {
  it('parses title and date and numbers the body by the raw file', () => {
    const raw = '---\ntitle: 2022年洛阳市医疗保障事业发展统计公报\ndate: 2023-03-15\n---\n\n截至2022年底，全市基本医疗保险参保人数655.37万人。\n';
    const cleaned = cleanText(raw);
    expect(cleaned.frontMatter).toEqual({ title: '2022年洛阳市医疗保障事业发展统计公报', date: '2023-03-15' });
    expect(cleaned.lines).toEqual([
      { line: 5, text: '' },
      { line: 6, text: '截至2022年底，全市基本医疗保险参保人数655.37万人。' },
      { line: 7, text: '' },
    ]);
    const rawLines = raw.split('\n');
    for (const l of cleaned.lines) expect(rawLines[l.line - 1]).toBe(l.text);
    expect(cleaned.problems).toEqual([]);
  });

  it('counts lines the same behind a BOM and CRLF endings', () => {
    const cleaned = cleanText('\uFEFF---\r\ntitle: 株洲市医疗保障事务中心通报\r\n---\r\n2022年全市参保人数73.53万人。');
    expect(cleaned.frontMatter).toEqual({ title: '株洲市医疗保障事务中心通报' });
    expect(cleaned.lines).toEqual([{ line: 4, text: '2022年全市参保人数73.53万人。' }]);
  });

  it('reports front matter that is not valid YAML and still numbers the body by the raw file', () => {
    const cleaned = cleanText('---\ntitle: [未闭合\n---\n正文第一句。');
    expect(cleaned.frontMatter).toBeNull();
    expect(cleaned.problems).toEqual([{ line: 1, message: expect.stringMatching(/front matter/) }]);
    expect(cleaned.lines).toEqual([{ line: 4, text: '正文第一句。' }]);
  });

  it('does not swallow a title set between two "---" rules as front matter', () => {
    const cleaned = cleanText('---\n2022年洛阳市医疗保障事业发展统计公报\n---\n截至2022年底，全市基本医疗保险参保人数655.37万人。');
    expect(cleaned.frontMatter).toBeNull();
    expect(cleaned.lines).toContainEqual({ line: 2, text: '2022年洛阳市医疗保障事业发展统计公报' });
    expect(cleaned.lines).toContainEqual({ line: 4, text: '截至2022年底，全市基本医疗保险参保人数655.37万人。' });
  });

  it('reads the seed news page: front matter, HTML body, raw line numbers', () => {
    const raw = readFileSync(`${projectRoot}/seeds/anyang-2021-news.txt`, 'utf8');
    const cleaned = cleanText(raw);
    expect(cleaned.frontMatter).toMatchObject({ title: '【安阳医保】今年将有三项医保政策更加惠民', date: 'Wed, 09 Mar 2022 13:36:59 GMT' });
    expect(cleaned.html).toBe(true);
    // Every paragraph of that page sits on raw line 16.
    expect(new Set(cleaned.lines.map((l) => l.line))).toEqual(new Set([16]));
    expect(cleaned.lines[0]).toEqual({
      line: 16,
      text: '记者从昨天下午召开的2022年度全市医疗保障工作暨党风廉政建设工作会议上了解到，2021年，不含滑县，安阳市共有434.25万人参加基本医疗保险，参保率持续稳定在96%以上。',
    });
    expect(cleaned.lines).toContainEqual({ line: 16, text: '【来源：安阳市人民政府】' });
    expect(cleaned.notes).toContainEqual({ line: 16, message: expect.stringContaining('https://cors.zfour.workers.dev/?http://static.1sapp.com/qupost/img/2022/03/09/2e478ecf51a4e2a0e7d373e2fc6cda44.jpeg') });
    for (const l of cleaned.lines) expect(l.text).not.toContain('<');
  });
});

describe('cleanText: HTML bodies', () => {
  const divPage = [
    '<div>',
    '<p>2021年，洛阳市基本医疗保险参保人数达到650.12万人。</p>',
    "<script>alert('x')</script>",
    '<style>.a{color:red}</style>',
    '<!-- <p>alert</p> -->',
    '<p><img src="https://img.example/a.jpeg"></p>',
    '<p>全市基金收入<b>49.94</b>亿元。<a href="https://x.example/?utm_source=a">阅读原文</a></p>',
    '</div>',
  ].join('\n');
  const pPage = [
    '<p>2022年，洛阳市参保人数650.12万人。</p>',
    '<p><img src="https://cdn.example/x.png"></p><script>alert(1)</script>',
    '<p>基金运行<a href="https://x.example/?utm_source=a">平稳</a>。</p>',
  ].join('\n');

  it.each([
    ['<div>', divPage, { line: 2, text: '2021年，洛阳市基本医疗保险参保人数达到650.12万人。' }, 7, /^全市基金收入49\.94亿元。(阅读原文)?$/, 'https://img.example/a.jpeg'],
    ['<p>', pPage, { line: 1, text: '2022年，洛阳市参保人数650.12万人。' }, 3, /^基金运行(平稳)?。$/, 'https://cdn.example/x.png'],
  ])('a body starting with %s becomes text lines on their raw lines', (_tag, page, first, lastLine, lastText, image) => {
    const cleaned = cleanText(page);
    expect(cleaned.html).toBe(true);
    expect(cleaned.lines[0]).toEqual(first);
    expect(cleaned.lines).toHaveLength(2);
    expect(cleaned.lines[1]!.line).toBe(lastLine);
    expect(cleaned.lines[1]!.text).toMatch(lastText);
    for (const l of cleaned.lines) {
      expect(l.text).not.toContain('<');
      expect(l.text).not.toContain('alert');
      expect(l.text).not.toContain('utm_source');
    }
    expect(cleaned.notes.some((n) => n.message.includes('image') && n.message.includes(image))).toBe(true);
    expect(cleaned.notes.some((n) => n.message.includes('script'))).toBe(true);
  });

  it('a plain-text bulletin that merely quotes markup keeps it literally', () => {
    const text = '2022年工作要点：<b>粗体</b>强调部分，模板占位{x}保留。\n二、其他';
    const cleaned = cleanText(text);
    expect(cleaned.html).toBe(false);
    expect(cleaned.lines).toEqual([
      { line: 1, text: '2022年工作要点：<b>粗体</b>强调部分，模板占位{x}保留。' },
      { line: 2, text: '二、其他' },
    ]);
  });
});
