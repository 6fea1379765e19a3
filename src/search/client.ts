/**
 * The search page in the browser: reads ?q=, loads Pagefind from the site's own bundle (the
 * page's CSP allows its WebAssembly), asks it for the query's terms (src/search/tokens.ts —
 * the same terms the index was built with), keeps the passages that hold the query's Chinese
 * as written, and lists them by page: title, region, year, kind, and each passage's sentence
 * with the query marked. Everything is built with DOM calls and text nodes; nothing from the
 * index is ever parsed as HTML.
 */
import { excerpt, markRanges } from './match.ts';
import { decodePassages, matchPassages } from './passages.ts';
import { groupHits, linkOf, passageUrl, type Hit, type PageGroup } from './results.ts';
import { parseQuery, type Query } from './tokens.ts';

type Config = { lang: 'zh' | 'en'; bundle: string; base: string; messages: Record<string, string> };
/** A page's record as Pagefind's data() gives it (scripts/lib/search-records.ts). */
type PageData = { url: string; filters?: Hit['filters'] & { passages?: string[] } };
type Result = { id: string; words: number[]; data(): Promise<PageData> };
type Pagefind = {
  options(o: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: Result[] }>;
};

/** Passages shown under a page before "n more on this page". */
const SHOWN = 3;
/**
 * Pages listed at most. Pages are read best first, BATCH at a time, until this many hold a
 * passage with the whole query, so that a word on every page of a large yearbook does not load
 * the whole index.
 */
const MAX_PAGES = 50;
const BATCH = 20;
/** Chinese characters with the CJK punctuation and full-width forms among them (captured). */
const HAN_RUN = /(\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff00-\uffef]*)/u;

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => vars[name] ?? all);
}

async function main(): Promise<void> {
  const configEl = document.getElementById('search-config');
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  if (!configEl || !status || !list || !input) return;
  const config = JSON.parse(configEl.textContent ?? '{}') as Config;
  const m = config.messages;
  const numbers = new Intl.NumberFormat(config.lang === 'zh' ? 'zh-Hans' : 'en');
  const plurals = new Intl.PluralRules(config.lang === 'zh' ? 'zh-Hans' : 'en');
  const counted = (key: string, n: number) => fill(m[`${key}.${plurals.select(n) === 'one' ? 'one' : 'other'}`] ?? '', { n: numbers.format(n) });

  const q = (new URLSearchParams(location.search).get('q') ?? '').trim();
  input.value = q;
  if (!q) return;
  document.title = fill(m.docTitle ?? '', { q });
  const query = parseQuery(q);
  // data-state (loading, done, failed) lets a test wait for the outcome.
  const say = (text: string, state: string) => {
    status.textContent = text;
    status.dataset.state = state;
  };
  if (query.terms.length === 0) {
    say(fill(m.none ?? '', { q }), 'done');
    return;
  }
  say(m.loading ?? '', 'loading');
  let groups: PageGroup[] = [];
  let complete = true;
  try {
    const pagefind = (await import(/* @vite-ignore */ `${config.bundle}pagefind.js`)) as Pagefind;
    // No worker: the worker script would run under the site's strict policy, without WebAssembly.
    await pagefind.options({ baseUrl: config.base, noWorker: true });
    // Pages holding every term, best first; then where each term is on them (one search per
    // term: Pagefind's positions for a query do not say which term they matched).
    const { results } = await pagefind.search(query.terms.join(' '));
    const perTerm = query.terms.length === 1 ? [results] : await Promise.all(query.terms.map(async (t) => (await pagefind.search(t)).results));
    const where = perTerm.map((rs) => new Map(rs.map((r) => [r.id, r.words])));
    const hits: Hit[] = [];
    for (let read = 0; read < results.length && groups.length < MAX_PAGES; read += BATCH) {
      const batch = results.slice(read, read + BATCH);
      const pages = await Promise.all(batch.map((r) => r.data()));
      batch.forEach((r, i) => hits.push(...passageHits(pages[i]!, where.map((w) => w.get(r.id) ?? []))));
      groups = groupHits(hits, query);
      complete = read + BATCH >= results.length;
    }
  } catch {
    say(m.error ?? '', 'failed');
    return;
  }
  if (groups.length > MAX_PAGES) {
    complete = false;
    groups = groups.slice(0, MAX_PAGES);
  }
  const passages = groups.reduce((n, g) => n + g.hits.length, 0);
  list.replaceChildren(...groups.map((g) => renderGroup(g, query, config, counted)));
  const pages = counted('pages', groups.length);
  say(passages === 0 ? fill(m.none ?? '', { q }) : complete ? fill(m.count ?? '', { q, passages: counted('passages', passages), pages }) : fill(m.many ?? '', { q, pages }), 'done');
}

/** The passages of a page that hold every term (`termLocations`), best first, as hits. */
function passageHits(page: PageData, termLocations: number[][]): Hit[] {
  const passages = decodePassages(page.filters?.passages?.[0]);
  const { passages: _, ...filters } = page.filters ?? {};
  return matchPassages(passages, termLocations).map((m) => {
    const p = passages[m.index]!;
    return { url: passageUrl(page.url, p.anchor), meta: { text: p.text }, filters, locations: m.locations };
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderGroup(group: PageGroup, query: Query, config: Config, counted: (key: string, n: number) => string): HTMLLIElement {
  const m = config.messages;
  const item = el('li', 'search-result');
  const heading = el('h2', 'search-result__title');
  const link = el('a', undefined, group.title);
  link.href = group.page;
  heading.append(link);
  const kind = m[`kind.${group.kind}`] ?? '';
  const meta = el('p', 'search-result__meta', [group.region, group.year, kind].filter(Boolean).join(' · '));
  const passages = el('ul', 'search-result__passages');
  for (const hit of group.hits.slice(0, SHOWN)) passages.append(renderPassage(hit, query, config));
  item.append(heading, meta, passages);
  if (group.hits.length > SHOWN) item.append(el('p', 'search-result__more', fill(counted('more', group.hits.length - SHOWN), {})));
  return item;
}

function renderPassage(hit: Hit, query: Query, config: Config): HTMLLIElement {
  const text = hit.meta.text ?? '';
  const { pieces, before, after } = excerpt(text, markRanges(text, query, hit.locations ?? []));
  const item = el('li');
  const link = el('a');
  link.href = linkOf(hit.url);
  if (before) link.append('…');
  for (const piece of pieces) {
    const target = piece.mark ? el('mark') : link;
    appendText(target, piece.text, config.lang);
    if (target !== link) link.append(target);
  }
  if (after) link.append('…');
  item.append(link);
  return item;
}

/** Appends text; on English pages its Chinese goes in <span lang="zh-Hans">, as on the pages. */
function appendText(parent: HTMLElement, text: string, lang: Config['lang']): void {
  if (lang === 'zh') {
    parent.append(text);
    return;
  }
  text.split(HAN_RUN).forEach((part, i) => {
    if (!part) return;
    if (i % 2 === 0) parent.append(part);
    else {
      const span = el('span', undefined, part);
      span.lang = 'zh-Hans';
      parent.append(span);
    }
  });
}

void main();
