/**
 * A page's passages inside its one Pagefind record (src/search/passages.ts): the meta value the
 * build writes and the search page reads, which passages hold a whole query (as a record of
 * their own would have), and Pagefind's service reading one word per term — without which its
 * positions would point at the wrong passages. Also the feed that keeps the service's pipe short
 * (scripts/lib/search-feed.ts).
 */
import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordCache } from '../scripts/lib/search-cache.ts';
import { RecordFeed } from '../scripts/lib/search-feed.ts';
import { decodePassages, encodePassages, matchPassages, type PagePassage } from '../src/search/passages.ts';
import { tokenize } from '../src/search/tokens.ts';

const passages = (...lengths: number[]): PagePassage[] => {
  let at = 0;
  return lengths.map((n, i) => ({ start: at, end: (at += n), anchor: null, text: `p${i}` }));
};

describe('the passages of a page record', () => {
  it('reads back what the build wrote, each passage with the range of its terms', () => {
    const value = encodePassages([
      { terms: 3, anchor: null, text: '参保人数' },
      { terms: 2, anchor: 'fig-1', text: '"quoted" \\ text' },
    ]);
    expect(decodePassages(value)).toEqual([
      { start: 0, end: 3, anchor: null, text: '参保人数' },
      { start: 3, end: 5, anchor: 'fig-1', text: '"quoted" \\ text' },
    ]);
  });

  it('reads nothing from a missing or damaged value', () => {
    expect(decodePassages(undefined)).toEqual([]);
    expect(decodePassages('{')).toEqual([]);
    expect(decodePassages('[[1,"a"]]')).toEqual([]);
  });

  it('keeps the passages holding every term, with positions relative to the passage', () => {
    const page = passages(3, 4, 2);
    // Term A at 1 (passage 0) and 5 (passage 1); term B at 6 (passage 1) and 8 (passage 2).
    const found = matchPassages(page, [[5, 1], [8, 6]]);
    expect(found.map((m) => m.index)).toEqual([1]);
    expect(found[0]!.locations).toEqual([2, 3]);
    expect(matchPassages(page, [[1], []])).toEqual([]);
  });

  it('agrees with matching each passage alone, for any positions', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }), fc.array(fc.array(fc.nat(40)), { minLength: 1, maxLength: 3 }), (lengths, terms) => {
        const page = passages(...lengths);
        const found = new Set(matchPassages(page, terms).map((m) => m.index));
        page.forEach((p, i) => expect(found.has(i)).toBe(terms.every((locs) => locs.some((l) => l >= p.start && l < p.end))));
      }),
    );
  });

  it('puts first the passage with most of the query for its length, then the earlier', () => {
    const page = passages(10, 2, 2);
    expect(matchPassages(page, [[0, 10, 12]]).map((m) => m.index)).toEqual([1, 2, 0]);
  });
});

describe('Pagefind', () => {
  afterAll(async () => {
    await pagefind.close();
  });

  it('reads one word per term, whatever the text (its positions then map back to passages)', async () => {
    const { index } = await pagefind.createIndex({});
    const feed = new RecordFeed(index!, 4);
    const texts = [
      '基金监管 基金 2,773,700 556.73 fund funds funding',
      'naïve café Straße İstanbul ǅ ﬁ ⅷ ²³ ΑΒΓ Ωmega',
      'ラーメン ﾗｰﾒﾝ 한국어 🙂 x_y a-b don’t under_score',
      'ＡＢＣ１２３ 第一 a\u0301 e\u0308 ⅰⅱ Ⅻ ٣٤ १२',
    ];
    for (const [i, text] of texts.entries()) {
      for (const language of ['zh', 'en'] as const) {
        const terms = tokenize(text, 'index').map((t) => t.term);
        await feed.add({ url: `/${language}/${i}/`, content: terms.join(' '), language, meta: {}, filters: {} }, terms.length);
      }
    }
    await feed.drain();
  });

  it('stops the build when a count disagrees', async () => {
    const { index } = await pagefind.createIndex({});
    const feed = new RecordFeed(index!, 2);
    await feed.add({ url: '/en/x/', content: 'one two', language: 'en', meta: {}, filters: {} }, 3);
    await expect(feed.drain()).rejects.toThrow(/2 words in \/en\/x\/, not its 3 terms/);
  });

  it('never has more than its window of records unanswered, and sends them in order', async () => {
    let open = 0;
    let most = 0;
    const sent: string[] = [];
    const fake = {
      addCustomRecord: async (r: { url: string }) => {
        sent.push(r.url);
        most = Math.max(most, ++open);
        await new Promise((done) => setTimeout(done, Math.random() * 3));
        open--;
        return { errors: [], file: { uniqueWords: 1, url: r.url, meta: {} } };
      },
    } as unknown as pagefind.PagefindIndex;
    const feed = new RecordFeed(fake, 5);
    const urls = Array.from({ length: 60 }, (_, i) => `/en/${i}/`);
    for (const url of urls) await feed.add({ url, content: 'x', language: 'en', meta: {}, filters: {} }, 1);
    await feed.drain();
    expect(sent).toEqual(urls);
    expect(most).toBe(5);
  });
});

describe('the cache of page records', () => {
  it('gives back a record only for the same page bytes and code, and keeps only what a build used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-cache-'));
    try {
      const source = join(dir, 'code.ts');
      writeFileSync(source, 'v1');
      const first = new RecordCache<{ n: number } | null>(join(dir, 'c'), [source]);
      const a = first.key(['/zh/a/', new TextEncoder().encode('<main>甲</main>')]);
      const b = first.key(['/zh/b/', new TextEncoder().encode('<main>乙</main>')]);
      expect(first.get(a)).toBeUndefined();
      first.set(a, { n: 1 });
      first.set(b, null);
      expect(first.key(['/zh/a/', new TextEncoder().encode('<main>甲!</main>')])).not.toBe(a);

      const second = new RecordCache<{ n: number } | null>(join(dir, 'c'), [source]);
      expect(second.get(a)).toEqual({ n: 1 });
      expect(second.hits).toBe(1);
      expect(second.prune()).toBe(1);
      expect(readdirSync(join(dir, 'c'))).toEqual([`${a}.json`]);

      writeFileSync(source, 'v2');
      const changed = new RecordCache<{ n: number } | null>(join(dir, 'c'), [source]);
      expect(changed.key(['/zh/a/', new TextEncoder().encode('<main>甲</main>')])).not.toBe(a);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
