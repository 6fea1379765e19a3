/**
 * The search terms (src/search/tokens.ts) — the same function cuts the indexed passages and
 * the queries — and what the search page does with a passage (src/search/match.ts,
 * src/search/results.ts): literal Chinese, marks, the sentence shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsAll, excerpt, markRanges, mergeRanges, sentences } from '../src/search/match.ts';
import { groupHits, linkOf, pageOfUrl } from '../src/search/results.ts';
import { hanCode, indexTerms, parseQuery, tokenize } from '../src/search/tokens.ts';

const terms = (text: string, mode: 'index' | 'query') => tokenize(text, mode).map((t) => t.term);
const h = (s: string) => [...s].map(hanCode).join('');

describe('Han terms', () => {
  it('encodes a character as h and six decimal digits of its code point', () => {
    expect(hanCode('基')).toBe('h022522');
    expect(hanCode('𠀀')).toBe('h131072');
  });

  it('cuts a run into overlapping bigrams, the index adding the last character alone', () => {
    expect(terms('基金监管', 'index')).toEqual([h('基金'), h('金监'), h('监管'), h('管')]);
    expect(terms('基金监管', 'query')).toEqual([h('基金'), h('金监'), h('监管')]);
  });

  it('keeps a one-character run as that character in both modes', () => {
    expect(terms('管', 'index')).toEqual([h('管')]);
    expect(terms('管', 'query')).toEqual([h('管')]);
  });

  it('starts a new run after anything that is not Han', () => {
    expect(terms('参保，基金', 'query')).toEqual([h('参保'), h('基金')]);
    expect(terms('参保 基金', 'index')).toEqual([h('参保'), h('保'), h('基金'), h('金')]);
  });

  it('gives ASCII terms that end in a digit (no segmenter splits them, no stemmer changes them)', () => {
    for (const t of terms('医疗保障统计年鉴', 'index')) expect(t).toMatch(/^(h\d{6})+$/);
  });
});

describe('other words', () => {
  it('lower-cases Latin words and splits mixed Chinese and English', () => {
    expect(terms('DRG付费改革 Pooled Fund', 'query')).toEqual(['drg', h('付费'), h('费改'), h('改革'), 'pooled', 'fund']);
  });

  it('reads full-width letters, digits and punctuation as half-width (NFKC)', () => {
    expect(terms('ＤＲＧ２０２２年', 'query')).toEqual(terms('DRG2022年', 'query'));
    expect(terms('参保（２０２２）', 'index')).toEqual(terms('参保(2022)', 'index'));
  });

  it('joins digit groups and decimal points into one number', () => {
    expect(terms('5,567,300 people', 'index')).toEqual(['5567300', 'people']);
    expect(terms('556.73万人', 'index')).toEqual(['556p73', h('万人'), h('人')]);
    expect(terms('2.20%，其中1,2', 'query')).toEqual(['2p20', h('其中'), '1', '2']);
    expect(terms('in 2022. The', 'query')).toEqual(['in', '2022', 'the']);
  });

  it('records where each term came from in the original text', () => {
    const text = 'Ａ基金 fund';
    for (const t of tokenize(text, 'index')) expect(text.slice(t.start, t.end).normalize('NFKC').toLowerCase()).toMatch(/^(a|基金|金|fund)$/);
  });
});

describe('index and query agree', () => {
  const han = fc.stringMatching(/^[\u4e00-\u9fa5]{2,40}$/);

  it('finds any substring of two or more characters: its query terms are all among the text’s index terms', () => {
    fc.assert(
      fc.property(han, fc.nat(), fc.nat(), (s, a, b) => {
        const chars = [...s];
        const start = a % (chars.length - 1);
        const end = start + 2 + (b % (chars.length - start - 1));
        const q = chars.slice(start, end).join('');
        const index = new Set(terms(s, 'index'));
        return terms(q, 'query').every((t) => index.has(t));
      }),
    );
  });

  it('finds any single character: some index term starts with its query term (Pagefind matches prefixes)', () => {
    fc.assert(
      fc.property(han, fc.nat(), (s, a) => {
        const ch = [...s][a % [...s].length]!;
        const [q] = terms(ch, 'query');
        return terms(s, 'index').some((t) => t.startsWith(q!));
      }),
    );
  });

  it('finds mixed text typed with other spacing and width', () => {
    const index = new Set(terms('2022年，安阳市DRG付费改革覆盖98%的病组。', 'index'));
    for (const t of terms('ＤＲＧ付费 98', 'query')) expect(index.has(t) || [...index].some((i) => i.startsWith(t))).toBe(true);
  });

  it('writes the index content as terms separated by spaces', () => {
    expect(indexTerms('医保 fund')).toBe(`${h('医保')} ${h('保')} fund`);
  });
});

describe('parseQuery', () => {
  it('gives Pagefind the distinct terms, and the Han runs and words separately', () => {
    expect(parseQuery('基金监管 基金 Fund fund')).toEqual({ terms: [h('基金'), h('金监'), h('监管'), 'fund'], han: ['基金监管', '基金'], words: ['fund'] });
    expect(parseQuery('  ，。 ')).toEqual({ terms: [], han: [], words: [] });
  });
});

describe('literal Chinese', () => {
  it('keeps a passage only if every Han run of the query occurs in it as written', () => {
    expect(containsAll('加强医保基金监管工作', ['基金监管'])).toBe(true);
    expect(containsAll('基金收入增长，监管有力，金监', ['基金监管'])).toBe(false);
    expect(containsAll('医保基金', ['保基'])).toBe(true);
    expect(containsAll('参保（２０２２）', [])).toBe(true);
  });

  it('groups hits by page in order, dropping bigram-only matches', () => {
    const q = parseQuery('基金监管');
    const hit = (url: string, text: string) => ({ url, meta: { text }, filters: { page: [url], kind: ['chapter'] } });
    const groups = groupHits([hit('/zh/a/?passage=2#x', '基金监管'), hit('/zh/b/?passage=1', '基金和监管'), hit('/zh/a/?passage=9', '医保基金监管')], q);
    expect(groups.map((g) => [g.page, g.hits.length])).toEqual([['/zh/a/', 2]]);
  });

  it('links a record without the passage number that keeps records apart', () => {
    expect(linkOf('/base/zh/about/?passage=3#checks')).toBe('/base/zh/about/#checks');
    expect(linkOf('/zh/about/?passage=12')).toBe('/zh/about/');
    expect(pageOfUrl('/zh/about/?passage=3#checks')).toBe('/zh/about/');
  });
});

describe('marks and the sentence shown', () => {
  it('marks every occurrence of the Chinese, full-width text included', () => {
    const text = '医保基金；基金监管，ＤＲＧ基金';
    const ranges = markRanges(text, parseQuery('基金'));
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['基金', '基金', '基金']);
  });

  it('marks English words Pagefind matched (its positions in the passage’s terms) and words starting with a query word', () => {
    const text = 'The pooled funds of hospitals.';
    const byLocation = markRanges(text, { terms: [], han: [], words: [] }, [4]);
    expect(byLocation.map(([a, b]) => text.slice(a, b))).toEqual(['hospitals']);
    const byPrefix = markRanges(text, parseQuery('fund pool'));
    expect(byPrefix.map(([a, b]) => text.slice(a, b))).toEqual(['pooled', 'funds']);
  });

  it('merges overlapping ranges', () => {
    expect(mergeRanges([[5, 8], [0, 2], [1, 3], [8, 9]])).toEqual([[0, 3], [5, 9]]);
  });

  it('cuts sentences at Chinese and English sentence ends', () => {
    const text = '第一句。第二句！Third one. Fourth';
    expect(sentences(text).map(([a, b]) => text.slice(a, b))).toEqual(['第一句。', '第二句！', 'Third one.', ' Fourth']);
  });

  it('shows the sentence with the first mark, and says what was left out', () => {
    const text = '参保人数稳定。基金监管加强，追回资金。其他。';
    const { pieces, before, after } = excerpt(text, markRanges(text, parseQuery('基金监管')));
    expect(pieces).toEqual([{ text: '基金监管', mark: true }, { text: '加强，追回资金。', mark: false }]);
    expect([before, after]).toEqual([true, true]);
  });

  it('shows the sentence that holds the most of the query', () => {
    const text = 'The fund grew. The pooled fund paid. Pooled.';
    const { pieces } = excerpt(text, markRanges(text, parseQuery('pooled fund')));
    expect(pieces.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')).toBe('The [pooled] [fund] paid.');
  });

  it('shows at most max characters of a long sentence, around the mark', () => {
    const text = `${'甲'.repeat(300)}基金${'乙'.repeat(300)}`;
    const { pieces } = excerpt(text, markRanges(text, parseQuery('基金')), 90);
    const shown = pieces.map((p) => p.text).join('');
    expect(shown.length).toBeLessThanOrEqual(90);
    expect(pieces.some((p) => p.mark && p.text === '基金')).toBe(true);
  });
});
