/**
 * What site search indexes of a page (scripts/lib/search-passages.ts, search-records.ts): which
 * blocks become passages, the anchor each result links to, what is left out (navigation, hidden
 * helper text, the sources appendix, downloads, chart data), and the records built from them.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { searchHtml } from '../scripts/lib/search-html.ts';
import { extractPassages } from '../scripts/lib/search-passages.ts';
import { RecordPool } from '../scripts/lib/search-pool.ts';
import { pageOf, passagesOfPage, recordForPage, recordOfHtml, splitPassage } from '../scripts/lib/search-records.ts';
import { decodePassages } from '../src/search/passages.ts';
import { indexTerms } from '../src/search/tokens.ts';

const parse = (html: string) => unified().use(rehypeParse).parse(html);
const doc = (main: string, before = '') => `<!doctype html><html lang="zh-Hans"><body>${before}<main id="main"><h1>安阳市2022年</h1>${main}</main><footer><p>页脚</p></footer></body></html>`;
const page = (main: string, before = '') => parse(doc(main, before));
/** The passages of a page, checked to be the same from the whole page and from searchHtml's cut. */
const passages = (main: string, skip?: string[]) => {
  const whole = extractPassages(page(main), skip);
  expect(extractPassages(parse(searchHtml(doc(main), skip)!), skip)).toEqual(whole);
  return whole.passages;
};

describe('passages', () => {
  it('takes each block of <main>, with the page title from its h1', () => {
    const { title, passages: found } = extractPassages(page('<h2 id="a">一、参保</h2><p>参保人数<a id="fig-1" href="#src-1">556.73万人</a>。</p><ul><li>门诊</li><li>住院</li></ul><blockquote>引文</blockquote>'));
    expect(title).toBe('安阳市2022年');
    expect(found).toEqual([
      { text: '安阳市2022年', anchor: null },
      { text: '一、参保', anchor: 'a' },
      { text: '参保人数556.73万人。', anchor: 'fig-1' },
      { text: '门诊', anchor: 'a' },
      { text: '住院', anchor: 'a' },
      { text: '引文', anchor: 'a' },
    ]);
  });

  it('links to the block’s own id, else an id inside it, else the nearest id before it', () => {
    const found = passages('<section id="notes"><h2 id="notes-h">数据说明</h2><p>说明</p><p id="own">自有<a id="inner">x</a></p></section><p>后文</p>');
    expect(found.map((p) => p.anchor)).toEqual([null, 'notes-h', 'notes-h', 'own', 'own']);
  });

  it('leaves out navigation, forms, hidden helper text, the sources appendix, downloads and chart data', () => {
    const found = passages(`
      <nav class="toc"><ul><li>目录</li></ul></nav>
      <p class="breadcrumb"><a href="/zh/regions/anyang/">安阳市</a></p>
      <h2 id="text-h" class="sr-only">公报正文</h2>
      <p>正文<span class="visually-hidden">隐藏</span>内容</p>
      <p aria-hidden="true">装饰</p>
      <figure class="chart"><figcaption id="cap"><span class="chart-title">基金收支</span></figcaption>
        <svg><title>图</title><text>20亿</text></svg><script type="application/json">{"a":1}</script>
        <p class="chart-desc">描述</p><p class="chart-source">来源</p>
        <details class="chart-data"><summary>数据表</summary><table><tr><td>职工医保</td></tr></table></details></figure>
      <section id="sources"><h2 id="sources-h">数字来源</h2><blockquote>截至2022年底……</blockquote></section>
      <section id="downloads" class="chapter-downloads"><h2>数据下载</h2><ul><li><a href="/x.csv">CSV</a></li></ul></section>
      <form><label>搜索</label></form>
      <p hidden>藏</p><div data-pagefind-ignore><p>略</p></div>`);
    expect(found.map((p) => p.text)).toEqual(['安阳市2022年', '正文内容', '基金收支']);
    expect(found[2]!.anchor).toBe('cap');
  });

  it('makes table body rows "cell · cell", without the header row', () => {
    const found = passages('<table><caption id="t">各县参保</caption><thead><tr><th>地区</th><th>人数</th></tr></thead><tbody><tr><th>滑县</th><td>100</td><td></td></tr></tbody></table>');
    expect(found.slice(1)).toEqual([
      { text: '各县参保', anchor: 't' },
      { text: '滑县 · 100', anchor: 't' },
    ]);
  });

  it('leaves out more where the page says so (figure tables of indicator pages)', () => {
    expect(passages('<p>定义</p><table><tbody><tr><td>安阳市</td></tr></tbody></table>', ['table']).map((p) => p.text)).toEqual(['安阳市2022年', '定义']);
  });

  it('makes each definition-list entry "term · description", anchored at its wrapper', () => {
    const found = passages(`<dl class="entries">
      <div class="entry" id="term-rate"><dt><dfn>参保率</dfn><span class="entry__other"><span class="visually-hidden">英文名：</span><span lang="en">coverage rate</span></span></dt><dd>参保人数的比例。</dd></div>
      <div class="key-figure"><dt><a href="/i/">参保人数</a></dt><dd><a class="fact-value" href="#s">556.73万人</a><span class="change">比上年−2.2%</span></dd></div>
    </dl><dl><dt>甲</dt><dd>一</dd><dd>二</dd><dt>乙</dt><dd>三</dd></dl>`);
    expect(found.slice(1)).toEqual([
      { text: '参保率 coverage rate · 参保人数的比例。', anchor: 'term-rate' },
      { text: '参保人数 · 556.73万人 比上年−2.2%', anchor: 'term-rate' },
      { text: '甲 · 一 · 二', anchor: 'term-rate' },
      { text: '乙 · 三', anchor: 'term-rate' },
    ]);
  });

  it('gives a block holding blocks its own text, then its blocks', () => {
    const found = passages('<ul><li>参保情况<ul><li>职工</li><li>居民</li></ul></li></ul>');
    expect(found.slice(1).map((p) => p.text)).toEqual(['参保情况', '职工', '居民']);
  });

  it('finds nothing outside <main>', () => {
    expect(extractPassages(page('', '<header><p>页眉</p></header>')).passages.map((p) => p.text)).toEqual(['安阳市2022年']);
  });
});

describe('the HTML search reads', () => {
  it('is <main> with the insides of left-out elements emptied, their tags kept', () => {
    const html = doc('<p>正文</p><svg viewBox="0 0 1 1"><text>20亿</text></svg><script type="application/json">{"a":"</div>"}</script><div class="chart-data"><table><tr><td>1</td></tr></table></div>', '<header><p>页眉</p></header>');
    expect(searchHtml(html)).toBe('<main id="main"><h1>安阳市2022年</h1><p>正文</p><svg viewBox="0 0 1 1"></svg><script type="application/json"></script><div class="chart-data"></div></main>');
    expect(searchHtml('<body><p>无</p></body>')).toBeNull();
  });

  it.each([
    ['nested SVG and an end tag in a comment', '<svg><svg><text>图</text></svg><!-- </svg> --><text>2</text></svg><p>后文</p>'],
    ['an end tag in the JSON of a left-out block', '<div class="chart-data"><script type="application/json">{"x":"</div><p>假</p>"}</script><p>数据</p></div><p>后文</p>'],
    ['a left-out block without its end tag', '<p>前文</p><div aria-hidden="true"><p>装饰</p>'],
    ['left out by hidden, data-pagefind-ignore, an id and a class with a character reference', '<section hidden><p>藏</p></section><div data-pagefind-ignore><p>略</p></div><section id="sources"><p>来源</p></section><div class="chart-desc x&amp;y"><p>描述</p></div><p>后文</p>'],
    ['attributes holding > and quotes', '<div title="a > b" data-x=\'"\'><p>正文</p></div><div class="visually-hidden" title=">"><p>隐</p></div>'],
    ['text with < that opens no tag', '<p>1 < 2，3 <4</p><p>后文</p>'],
    ['a table on a page that skips tables', '<table><tbody><tr><td>安阳市</td></tr></tbody></table><p>定义</p>', ['table']],
    ['a <main> named in a script before it', '<p>正文</p>', [], '<script>var s = "<main>假</main>";</script>'],
  ] as Array<[string, string, string[]?, string?]>)('gives the same passages as the whole page: %s', (_, main, skip = [], before = '') => {
    const whole = extractPassages(page(main, before), [...skip]);
    expect(extractPassages(parse(searchHtml(doc(main, before), [...skip])!), [...skip])).toEqual(whole);
    expect(whole.passages.length).toBeGreaterThan(0);
  });
});

describe('records', () => {
  it('knows which pages are searched, and what they are', () => {
    expect(pageOf('zh/regions/anyang/2022/index.html')).toEqual({ lang: 'zh', kind: 'chapter', region: 'anyang', year: '2022', url: '/zh/regions/anyang/2022/' });
    expect(pageOf('en/regions/anyang/index.html')).toMatchObject({ kind: 'region', region: 'anyang', year: null });
    expect(pageOf('en/indicators/insured.total/index.html')).toMatchObject({ kind: 'indicator' });
    expect(pageOf('en/index.html')).toMatchObject({ kind: 'home', url: '/en/' });
    expect(['zh/print/index.html', 'zh/search/index.html', 'index.html', '404.html', 'data/x.html'].map(pageOf)).toEqual([null, null, null, null, null]);
  });

  it('cuts a long passage at sentence ends', () => {
    const text = '第一句很长。'.repeat(40);
    const parts = splitPassage(text, 100);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
    expect(splitPassage('短句。', 100)).toEqual(['短句。']);
  });

  it('makes one record of a page: its passages’ terms in order, the page’s filters, and each passage’s term count, anchor and text as one more', () => {
    const info = pageOf('zh/regions/anyang/2022/index.html')!;
    const built = recordForPage(passagesOfPage(page('<h2 id="一参保">一、参保</h2><p>参保人数稳定。</p><p>。</p>'), info), info, new Map([['anyang', { zh: '安阳市', en: 'Anyang' }]]))!;
    const texts = ['安阳市2022年', '一、参保', '参保人数稳定。'];
    expect(built.record).toEqual({
      url: '/zh/regions/anyang/2022/',
      content: texts.map(indexTerms).join(' '),
      language: 'zh',
      meta: {},
      filters: { page: ['安阳市2022年'], kind: ['chapter'], region: ['安阳市'], year: ['2022'], passages: built.record.filters.passages },
    });
    // The passage of punctuation alone has no terms, and is left out.
    expect(built.passages).toBe(3);
    expect(built.terms).toBe(built.record.content.split(' ').length);
    const passages = decodePassages(built.record.filters.passages![0]);
    expect(passages.map((p) => [p.text, p.anchor])).toEqual([[texts[0], null], [texts[1], '一参保'], [texts[2], '一参保']]);
    const words = built.record.content.split(' ');
    passages.forEach((p, i) => expect(words.slice(p.start, p.end).join(' ')).toBe(indexTerms(texts[i]!)));
  });

  it('makes no record of a page with nothing to search', () => {
    const info = pageOf('en/about/index.html')!;
    expect(recordForPage({ title: '', passages: [] }, info, new Map())).toBeNull();
  });

  it('makes the same records on worker threads as in this thread, each for its own page', async () => {
    const regions = new Map([['anyang', { zh: '安阳市', en: 'Anyang' }]]);
    const pages = [
      ['zh/regions/anyang/2022/index.html', doc('<h2 id="a">一、参保</h2><p>参保人数<a id="fig-1" href="#src-1">556.73万人</a>。</p>')],
      ['en/regions/anyang/index.html', doc('<h2 id="b">Coverage</h2><p>Insured persons rose.</p><table><tr><td>1</td></tr></table>')],
      ['zh/indicators/index.html', doc('<p>指标</p><table><tr><td>略去的表格</td></tr></table>')],
      ['en/about/index.html', doc('<p>。</p>')],
      ['zh/index.html', doc('<p>首页</p>')],
    ] as const;
    const bytes = (html: string) => new TextEncoder().encode(html);
    const here = pages.map(([path, html]) => recordOfHtml(bytes(html), pageOf(path)!, regions));
    const pool = new RecordPool(2, regions);
    try {
      const threaded = await Promise.all(pages.map(([path, html]) => pool.record(bytes(html), pageOf(path)!)));
      expect(threaded).toEqual(here);
      expect(threaded.map((r) => r?.record.url)).toEqual(pages.map(([path]) => pageOf(path)!.url));
    } finally {
      await pool.close();
    }
  });
});
