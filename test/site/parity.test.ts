/**
 * The two language versions show the same figures: for each chapter, region and indicator page
 * the zh and en pages carry the same data-fact ids with the same data-value base values; every
 * figure on a chapter page (and every fact of the chapter) has its source entry: <li id="src-…"> for
 * a sentence's figure, the cell itself (<span id="src-…">) for a figure in a table or chart data;
 * every data-fact names a fact of the yearbook and its data-value is that fact's value.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'vitest';
import {
  LANGS,
  assertNone,
  chapterFactIds,
  chapterFacts,
  chapterPath,
  chapters,
  elements,
  attr,
  figureValues,
  figures,
  htmlFiles,
  indicatorIdsWithFacts,
  pageFile,
  regionSlugs,
  rel,
  requireDist,
  sameValue,
} from './helpers.ts';

/** The first ids of a list, and how many more. */
const list = (ids: string[], n = 20) => `${ids.slice(0, n).join(', ')}${ids.length > n ? `, … (${ids.length - n} more)` : ''}`;

/** Problems between the zh and en versions of the page at `path` (after /{lang}/). */
function parityProblems(path: string): string[] {
  const zh = pageFile(`zh/${path}`);
  const en = pageFile(`en/${path}`);
  const missing = [zh, en].filter((f) => !existsSync(f)).map((f) => `${rel(f)} does not exist`);
  if (missing.length) return missing;
  const a = figureValues(zh);
  const b = figureValues(en);
  const problems: string[] = [];
  const onlyZh = [...a.keys()].filter((id) => !b.has(id));
  const onlyEn = [...b.keys()].filter((id) => !a.has(id));
  if (onlyZh.length) problems.push(`data-fact on zh/${path} but not on en/${path} (${onlyZh.length}): ${list(onlyZh)}`);
  if (onlyEn.length) problems.push(`data-fact on en/${path} but not on zh/${path} (${onlyEn.length}): ${list(onlyEn)}`);
  for (const [id, zv] of a) {
    const ev = b.get(id);
    if (!ev) continue;
    if (zv.size > 1) problems.push(`zh/${path}: data-fact="${id}" has several data-value: ${[...zv].join(' / ')}`);
    if (ev.size > 1) problems.push(`en/${path}: data-fact="${id}" has several data-value: ${[...ev].join(' / ')}`);
    if (zv.size === 0 && ev.size === 0) continue;
    if (zv.size === 0 || ev.size === 0) {
      problems.push(`data-fact="${id}": data-value only on ${zv.size ? 'zh' : 'en'} (${[...(zv.size ? zv : ev)].join(' / ')}), none on ${zv.size ? 'en' : 'zh'}/${path}`);
      continue;
    }
    const equal = [...zv].every((x) => [...ev].some((y) => sameValue(x, y))) && [...ev].every((y) => [...zv].some((x) => sameValue(x, y)));
    if (!equal) problems.push(`data-fact="${id}": data-value zh ${[...zv].join(' / ')} ≠ en ${[...ev].join(' / ')} on ${path}`);
  }
  return problems;
}

describe('zh and en show the same figures', () => {
  it.each(chapters().map((c) => [chapterPath('zh', c).slice(3)]))('chapter %s', (path) => {
    requireDist();
    assertNone(parityProblems(path), `chapter ${path}: zh and en differ`);
  });

  it.each(regionSlugs().map((s) => [`regions/${s}/`]))('region %s', (path) => {
    requireDist();
    assertNone(parityProblems(path), `region ${path}: zh and en differ`);
  });

  it.each(indicatorIdsWithFacts().map((id) => [`indicators/${id}/`]))('indicator %s', (path) => {
    requireDist();
    assertNone(parityProblems(path), `indicator ${path}: zh and en differ`);
  });
});

describe('chapter sources', () => {
  const cases = chapters().flatMap((c) => LANGS.map((lang) => ({ path: chapterPath(lang, c), chapter: c })));
  it.each(cases.map((c) => [c.path, c]))('/%s: every data-fact and every fact of the chapter has its src-… entry', (_path, c) => {
    requireDist();
    const file = pageFile(c.path);
    if (!existsSync(file)) throw new Error(`${rel(file)} does not exist`);
    const sources = new Map(elements(file).filter((el) => attr(el, 'id')?.startsWith('src-')).map((el) => [attr(el, 'id')!.slice(4), el.tagName]));
    const problems: string[] = [];
    const shown = [...new Set(figures(file).map((f) => f.id))];
    const noSource = shown.filter((id) => !sources.has(id));
    if (noSource.length) problems.push(`data-fact without a src-<id> entry on the page (${noSource.length}): ${list(noSource)}`);
    // Sentences are listed (<li>, or the figure's <mark> in its sentence when the list would
    // add nothing); a table or chart-data cell is its own entry (<span>).
    const block = new Map(chapterFacts(c.chapter).map((f) => [f.id, f.source.block]));
    const wrongTag = [...sources].filter(([id, tag]) => (block.get(id) === 'text' ? tag !== 'li' && tag !== 'mark' : tag !== 'span'));
    if (wrongTag.length) problems.push(`source entries with the wrong element (${wrongTag.length}): ${list(wrongTag.map(([id, tag]) => `src-${id} <${tag}>`), 8)}`);
    const unlisted = chapterFactIds(c.chapter).filter((id) => !sources.has(id));
    if (unlisted.length) problems.push(`facts of the chapter (content/data/facts.json, bulletins ${c.chapter.bulletins.join(', ')}) without a src-<id> entry (${unlisted.length}): ${list(unlisted)}`);
    assertNone(problems, `/${c.path}`);
  });
});

describe('figures are facts', () => {
  it('every data-fact on every page names a fact in dist/data/facts.json, and its data-value is the fact value', () => {
    requireDist();
    const factsFile = pageFile('data/facts.json');
    if (!existsSync(factsFile)) throw new Error('dist/data/facts.json does not exist');
    const facts = new Map((JSON.parse(readFileSync(factsFile, 'utf8')) as { facts: Array<{ id: string; value: number }> }).facts.map((f) => [f.id, f.value]));
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const unknown = new Set<string>();
      const wrong = new Set<string>();
      for (const f of figures(file)) {
        if (!facts.has(f.id)) unknown.add(f.id);
        else if (f.value !== null && !sameValue(f.value, String(facts.get(f.id)))) wrong.add(`${f.id} data-value="${f.value}" but the fact is ${facts.get(f.id)}`);
      }
      if (unknown.size) problems.push(`${rel(file)}: data-fact not in facts.json: ${[...unknown].join(', ')}`);
      for (const w of wrong) problems.push(`${rel(file)}: ${w}`);
    }
    assertNone(problems, 'figures that are not the yearbook facts');
  });
});
