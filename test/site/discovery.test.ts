/**
 * Finding, citing and reusing the built site: the sitemap lists exactly the pages, each with
 * its other-language version and the root as x-default; robots.txt points at it; every page
 * names its canonical address and has a social card whose picture exists; data-bearing pages
 * carry one valid schema.org Dataset whose downloads exist; each language has an Atom feed
 * of its chapters; citations name the page's addresses, the sources and the edition date; key
 * figures have anchors; every chart's CSV holds the values of the facts it shows.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import {
  absoluteUrlOf, assertNone, attr, BASE, chapterPath, chapters, contentFacts, CONTENT_DATA, DIST, elements, htmlFiles, indicatorIdsWithFacts, langOfFile, LANGS, pageFile, parseCsv, regionSlugs, rel, requireDist, SITE, textOf, tokens,
} from './helpers.ts';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'xhtml:link', 'entry', 'link'].includes(name) });
const readXml = (path: string) => {
  const text = readFileSync(pageFile(path), 'utf8');
  expect(XMLValidator.validate(text), path).toBe(true);
  return xml.parse(text);
};
/** dist file of an absolute address on the site, or null when it is not on the site. */
const fileOfUrl = (url: string) => {
  const u = new URL(url);
  return u.origin === SITE.origin && u.pathname.startsWith(BASE) ? pageFile(u.pathname.slice(BASE.length)) : null;
};
const pages = () => htmlFiles().filter((f) => rel(f) !== '404.html');
const meta = (file: string, key: string) => elements(file).filter((e) => e.tagName === 'meta' && (attr(e, 'property') === key || attr(e, 'name') === key)).map((e) => attr(e, 'content'));
const links = (file: string, relName: string) => elements(file).filter((e) => e.tagName === 'link' && tokens(e, 'rel').includes(relName));
const edition = () => (JSON.parse(readFileSync(join(CONTENT_DATA, 'edition.json'), 'utf8')) as { date: string | null }).date;

describe('sitemap and robots.txt', () => {
  it('lists every page once, and nothing else', () => {
    requireDist();
    const index = readXml('sitemap-index.xml');
    const maps = (index.sitemapindex.sitemap as Array<{ loc: string }>).map((s) => s.loc);
    expect(maps.length).toBeGreaterThan(0);
    const urls = maps.flatMap((loc) => (readXml(rel(fileOfUrl(loc)!)).urlset.url as Array<{ loc: string }>).map((u) => u.loc));
    expect(new Set(urls).size).toBe(urls.length);
    expect([...urls].sort()).toEqual(pages().map(absoluteUrlOf).sort());
  });

  it('gives each page its zh-Hans and en versions and the root as x-default, all existing', () => {
    requireDist();
    const problems: string[] = [];
    for (const u of readXml('sitemap-0.xml').urlset.url as Array<{ loc: string; 'xhtml:link': Array<{ '@hreflang': string; '@href': string }> }>) {
      const alt = new Map(u['xhtml:link'].map((l) => [l['@hreflang'], l['@href']]));
      if ([...alt.keys()].sort().join() !== 'en,x-default,zh-Hans') problems.push(`${u.loc}: hreflang ${[...alt.keys()].join(', ')}`);
      if (alt.get('x-default') !== new URL(BASE, SITE).href) problems.push(`${u.loc}: x-default ${alt.get('x-default')}`);
      const file = fileOfUrl(u.loc)!;
      const lang = langOfFile(file);
      if (lang && alt.get(lang === 'zh' ? 'zh-Hans' : 'en') !== u.loc) problems.push(`${u.loc}: not its own ${lang} alternate`);
      for (const href of alt.values()) if (!existsSync(fileOfUrl(href) ?? '')) problems.push(`${u.loc}: alternate ${href} does not exist`);
    }
    assertNone(problems, 'sitemap alternates');
  });

  it('robots.txt allows crawling and names the sitemap', () => {
    requireDist();
    const robots = readFileSync(pageFile('robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap && existsSync(fileOfUrl(sitemap) ?? '')).toBe(true);
  });
});

describe('page metadata', () => {
  it('names each page its own canonical address, with hreflang alternates that exist', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of pages().filter((f) => langOfFile(f))) {
      const canonical = links(file, 'canonical').map((l) => attr(l, 'href'));
      if (canonical.length !== 1 || canonical[0] !== absoluteUrlOf(file)) problems.push(`${rel(file)}: canonical ${canonical.join(', ')}`);
      if (meta(file, 'og:url')[0] !== absoluteUrlOf(file)) problems.push(`${rel(file)}: og:url ${meta(file, 'og:url')[0]}`);
      const alternates = links(file, 'alternate').filter((l) => attr(l, 'hrefLang'));
      for (const l of alternates) if (!existsSync(fileOfUrl(attr(l, 'href')!) ?? '')) problems.push(`${rel(file)}: alternate ${attr(l, 'href')} does not exist`);
      if (alternates.length !== 3) problems.push(`${rel(file)}: ${alternates.length} hreflang alternates`);
    }
    assertNone(problems, 'canonical addresses');
  });

  it('gives each page an Open Graph / Twitter card whose 1200 × 630 PNG exists', () => {
    requireDist();
    const problems: string[] = [];
    for (const file of pages().filter((f) => langOfFile(f))) {
      for (const key of ['og:title', 'og:description', 'og:image', 'og:image:alt', 'twitter:card']) if (!meta(file, key)[0]) problems.push(`${rel(file)}: no ${key}`);
      const image = meta(file, 'og:image')[0];
      const png = image ? fileOfUrl(image) : null;
      if (!png || !existsSync(png)) {
        problems.push(`${rel(file)}: og:image ${image} does not exist`);
        continue;
      }
      const bytes = readFileSync(png);
      // PNG signature, then the IHDR chunk's width and height.
      if (bytes.readUInt32BE(0) !== 0x89504e47 || bytes.readUInt32BE(16) !== 1200 || bytes.readUInt32BE(20) !== 630) problems.push(`${rel(file)}: ${rel(png)} is not a 1200 × 630 PNG`);
    }
    assertNone(problems, 'social cards');
  });

  it('shows a page with charts by its main chart: the card names that chart', () => {
    requireDist();
    const withCharts = chapters().map((c) => chapterPath('en', c)).filter((p) => elements(pageFile(p)).some((e) => e.tagName === 'figure' && attr(e, 'dataChart') !== null));
    const without = chapters().map((c) => chapterPath('en', c)).filter((p) => !withCharts.includes(p));
    expect(withCharts.length).toBeGreaterThan(0);
    for (const path of withCharts) {
      const file = pageFile(path);
      // The main chart is the first chart in the chapter's own order: the card endpoint and the page share it.
      const titles = elements(file).filter((e) => e.tagName === 'span' && tokens(e, 'className').includes('chart-title')).map(textOf);
      expect(meta(file, 'og:image')[0]).toBe(new URL(`${BASE}og/${path.replace(/\/$/, '')}.png`, SITE).href);
      expect(titles).toContain(meta(file, 'og:image:alt')[0]);
    }
    for (const path of without) expect(meta(pageFile(path), 'og:image')[0]).toBe(new URL(`${BASE}og/en.png`, SITE).href);
  });
});

type Dataset = Record<string, unknown> & {
  '@context': string; '@type': string; name: string; description: string; url: string; license: string;
  temporalCoverage: string; spatialCoverage: Array<{ name: string; identifier: string }>; variableMeasured: Array<{ name: string }>;
  distribution: Array<{ contentUrl: string; encodingFormat: string }>; isBasedOn: Array<{ name: string }>;
};
const ldBlocks = (file: string) => elements(file).filter((e: Element) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json').map((e) => textOf(e));

describe('schema.org Dataset (JSON-LD)', () => {
  const dataPages = () => LANGS.flatMap((lang) => [
    ...chapters().map((c) => chapterPath(lang, c)),
    ...regionSlugs().map((s) => `${lang}/regions/${s}/`),
    ...indicatorIdsWithFacts().map((id) => `${lang}/indicators/${id}/`),
  ]);

  it('is on every chapter, region and indicator page, once, and on no other page', () => {
    requireDist();
    const expected = new Set(dataPages().map((p) => pageFile(p)));
    const problems = pages().flatMap((file) => {
      const n = ldBlocks(file).length;
      return n !== (expected.has(file) ? 1 : 0) ? [`${rel(file)}: ${n} JSON-LD blocks`] : [];
    });
    assertNone(problems, 'JSON-LD placement');
  });

  it('is valid JSON with the properties dataset search requires, about the page, with downloads that exist', () => {
    requireDist();
    const problems: string[] = [];
    for (const path of dataPages()) {
      const file = pageFile(path);
      const text = ldBlocks(file)[0]!;
      const say = (what: string) => problems.push(`${path}: ${what}`);
      if (/<\/|<!--/.test(text)) say('markup inside the JSON-LD block');
      let d: Dataset;
      try {
        d = JSON.parse(text) as Dataset;
      } catch (error) {
        say(`not JSON: ${String(error)}`);
        continue;
      }
      if (d['@context'] !== 'https://schema.org' || d['@type'] !== 'Dataset') say(`@context/@type ${d['@context']} ${d['@type']}`);
      if (!d.name || d.name !== textOf(elements(file).find((e) => e.tagName === 'h1')!)) say(`name "${d.name}" is not the page's h1`);
      if (!(d.description.length >= 50 && d.description.length <= 5000)) say(`description of ${d.description.length} characters`);
      if (d.url !== absoluteUrlOf(file)) say(`url ${d.url}`);
      if (d.license !== 'https://creativecommons.org/licenses/by/4.0/') say(`license ${d.license}`);
      if (!/^\d{4}(\/\d{4})?$/.test(d.temporalCoverage)) say(`temporalCoverage ${d.temporalCoverage}`);
      if (!d.spatialCoverage.length || d.spatialCoverage.some((p) => !/^\d{6}$/.test(p.identifier))) say('spatialCoverage without region codes');
      if (!d.variableMeasured.length) say('no variableMeasured');
      if (!d.isBasedOn.length) say('no source bulletins (isBasedOn)');
      if (!d.distribution.length) say('no distribution');
      for (const x of d.distribution) if (!existsSync(fileOfUrl(x.contentUrl) ?? '')) say(`download ${x.contentUrl} does not exist`);
      if (edition() && d.dateModified !== edition()) say(`dateModified ${String(d.dateModified)}`);
    }
    assertNone(problems, 'JSON-LD datasets');
  });

  it('covers exactly the chapter\'s year, region and bulletins on a chapter page', () => {
    requireDist();
    for (const c of chapters()) {
      const d = JSON.parse(ldBlocks(pageFile(chapterPath('zh', c)))[0]!) as Dataset;
      expect(d.temporalCoverage).toBe(String(c.year));
      expect(d.isBasedOn.length).toBe(c.bulletins.length);
      expect(d.distribution.map((x) => new URL(x.contentUrl).pathname)).toEqual([`${BASE}data/regions/${c.slug}/${c.year}.csv`, `${BASE}data/regions/${c.slug}/${c.year}.json`]);
    }
  });
});

type Entry = { id: string; title: string | { '#text': string }; updated: string; link: Array<{ '@href': string; '@rel'?: string }> };

describe('Atom feeds', () => {
  it('has one entry per chapter in each language, newest first, each linking to its page', () => {
    requireDist();
    for (const lang of LANGS) {
      const feed = readXml(`${lang}/feed.xml`).feed as { title: string; updated: string; entry: Entry[]; link: Array<{ '@href': string; '@rel'?: string }> };
      expect(feed.title).toBeTruthy();
      expect(feed.link.some((l) => l['@rel'] === 'self' && l['@href'] === new URL(`${BASE}${lang}/feed.xml`, SITE).href)).toBe(true);
      const expected = chapters().map((c) => absoluteUrlOf(pageFile(chapterPath(lang, c)))).sort();
      expect(feed.entry.map((e) => e.link.find((l) => !l['@rel'] || l['@rel'] === 'alternate')!['@href']).sort()).toEqual(expected);
      expect(new Set(feed.entry.map((e) => e.id)).size).toBe(feed.entry.length);
      const dates = feed.entry.map((e) => e.updated);
      expect(dates.every((d) => !Number.isNaN(Date.parse(d)))).toBe(true);
      expect([...dates].sort().reverse()).toEqual(dates);
      for (const e of feed.entry) {
        const page = fileOfUrl(e.link[0]!['@href'])!;
        expect(typeof e.title === 'string' ? e.title : e.title['#text']).toBe(textOf(elements(page).find((x) => x.tagName === 'h1')!));
      }
      if (edition()) expect(feed.updated.slice(0, 10)).toBe(edition());
    }
  });

  it('is announced on every page of its language', () => {
    requireDist();
    const problems = pages().filter((f) => langOfFile(f)).flatMap((file) => {
      const feed = links(file, 'alternate').find((l) => attr(l, 'type') === 'application/atom+xml');
      return feed && attr(feed, 'href') === new URL(`${BASE}${langOfFile(file)}/feed.xml`, SITE).href ? [] : [`${rel(file)}: no link to its feed`];
    });
    assertNone(problems, 'feed links');
  });
});

describe('citations and figure links', () => {
  const citePages = () => LANGS.flatMap((lang) => [...chapters().map((c) => chapterPath(lang, c)), ...regionSlugs().map((s) => `${lang}/regions/${s}/`), ...indicatorIdsWithFacts().map((id) => `${lang}/indicators/${id}/`)]);

  it('suggests a citation in both languages naming the page\'s address in each, and the edition date', () => {
    requireDist();
    const problems: string[] = [];
    const date = edition();
    for (const path of citePages()) {
      const file = pageFile(path);
      const cite = elements(file).find((e) => attr(e, 'id') === 'cite');
      const paragraphs = cite ? elements(file).filter((e) => e.tagName === 'p' && cite.children.includes(e)) : [];
      const byLang = new Map(paragraphs.map((p) => [attr(p, 'lang'), textOf(p)]));
      if (!byLang.has('zh-Hans') || !byLang.has('en')) {
        problems.push(`${path}: citations in ${[...byLang.keys()].join(', ')}`);
        continue;
      }
      const rest = path.replace(/^(zh|en)\//, '');
      if (!byLang.get('zh-Hans')!.includes(new URL(`${BASE}zh/${rest}`, SITE).href)) problems.push(`${path}: the Chinese citation lacks the zh address`);
      if (!byLang.get('en')!.includes(new URL(`${BASE}en/${rest}`, SITE).href)) problems.push(`${path}: the English citation lacks the en address`);
      if (date && !byLang.get('zh-Hans')!.includes(`[${date}]`)) problems.push(`${path}: the Chinese citation lacks the access date [${date}]`);
      if (date && !byLang.get('en')!.includes('(accessed ')) problems.push(`${path}: the English citation lacks the access date`);
      if (!byLang.get('zh-Hans')!.includes('[DB/OL]')) problems.push(`${path}: the Chinese citation is not GB/T 7714 [DB/OL]`);
    }
    assertNone(problems, 'citations');
  });

  it('names each chapter\'s source bulletins in its citations', () => {
    requireDist();
    const records = (JSON.parse(readFileSync(join(CONTENT_DATA, 'bulletins.json'), 'utf8')) as { bulletins: Array<{ bulletin: string; title_zh: string; source_title: string | null }> }).bulletins;
    for (const c of chapters().filter((x) => x.bulletins.length <= 3)) {
      const file = pageFile(chapterPath('zh', c));
      const text = textOf(elements(file).find((e) => attr(e, 'id') === 'cite')!);
      for (const b of c.bulletins) {
        const r = records.find((x) => x.bulletin === b)!;
        expect(text, `${c.slug} ${c.year}`).toContain(`《${r.source_title ?? r.title_zh}》`);
      }
    }
  });

  it('gives every key figure an anchor and a link to it', () => {
    requireDist();
    const problems: string[] = [];
    for (const lang of LANGS) {
      for (const c of chapters()) {
        const file = pageFile(chapterPath(lang, c));
        const cards = elements(file).filter((e) => tokens(e, 'className').includes('key-figure'));
        for (const card of cards) {
          const id = attr(card, 'id');
          const link = elements(file).find((e) => e.tagName === 'a' && attr(e, 'dataCopyLink') !== null && attr(e, 'href') === `#${id}`);
          if (!id || !/^kf-[a-z0-9-]+$/.test(id) || !link || !attr(link, 'ariaLabel')) problems.push(`${chapterPath(lang, c)}: key figure ${id ?? '(no id)'} without its link`);
        }
      }
    }
    assertNone(problems, 'key figure anchors');
  });
});

describe('chart data as CSV', () => {
  it('links every chart to its CSV, whose values are the facts it shows', () => {
    requireDist();
    const facts = new Map(contentFacts().map((f) => [f.id, f]));
    const problems: string[] = [];
    let charts = 0;
    for (const file of pages().filter((f) => langOfFile(f))) {
      for (const figure of elements(file).filter((e) => e.tagName === 'figure' && attr(e, 'dataChart') !== null)) {
        charts++;
        const a = elements(file).find((e) => e.tagName === 'a' && attr(e, 'download') !== null && (attr(e, 'href') ?? '').startsWith(`${BASE}data/charts/`) && isInside(figure, e));
        const href = a && attr(a, 'href');
        if (!href || !existsSync(pageFile(href.slice(BASE.length)))) {
          problems.push(`${rel(file)}: a chart without an existing CSV (${href})`);
          continue;
        }
        const [header, ...all] = parseCsv(readFileSync(pageFile(href.slice(BASE.length)), 'utf8').replace(/^\uFEFF/, ''));
        if (header!.join() !== 'chart_id,chart,category,series,value,unit,fact_id') problems.push(`${href}: header ${header!.join()}`);
        // The page's CSV holds every chart of the page; this chart's rows carry its id and title.
        const id = /^chart-(.+)-caption$/.exec(attr(figure, 'ariaLabelledBy') ?? '')?.[1];
        const title = elements(file).find((e) => tokens(e, 'className').includes('chart-title') && isInside(figure, e));
        const rows = all.filter((r) => r[0] === id).map((r) => r.slice(2));
        if (rows.length === 0) problems.push(`${href}: no rows for chart ${id}`);
        if (rows.length > 0 && title && all.find((r) => r[0] === id)![1] !== textOf(title)) problems.push(`${href}: chart ${id} is titled ${all.find((r) => r[0] === id)![1]}, on the page ${textOf(title)}`);
        for (const [category, series, value, , factId] of rows) {
          if (factId && Number(value) !== facts.get(factId)?.value) problems.push(`${href}: ${category} / ${series} = ${value}, fact ${factId} is ${facts.get(factId)?.value}`);
        }
        // The CSV holds as many values as the chart's data table shows.
        const cells = elements(file).filter((e) => e.tagName === 'td' && isInside(figure, e) && !tokens(e, 'className').includes('chart-na')).length;
        if (rows.filter((r) => r[2] !== '').length !== cells) problems.push(`${href}: ${rows.filter((r) => r[2] !== '').length} values, the chart's table ${cells}`);
      }
    }
    expect(charts).toBeGreaterThan(20);
    assertNone(problems, 'chart CSVs');
  });

  it('publishes each indicator\'s figures, every region and year, as CSV', () => {
    requireDist();
    const facts = contentFacts();
    for (const id of indicatorIdsWithFacts()) {
      const [, ...rows] = parseCsv(readFileSync(join(DIST, `data/indicators/${id}.csv`), 'utf8').replace(/^\uFEFF/, ''));
      expect(rows.length, id).toBe(facts.filter((f) => f.indicator === id).length);
    }
  });
});

function isInside(ancestor: Element, node: Element): boolean {
  if (ancestor === node) return true;
  return ancestor.children.some((c) => c.type === 'element' && isInside(c, node));
}
