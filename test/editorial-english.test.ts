/**
 * The editorial English of the seed bulletins, as committed in content/translations/: every
 * piece of every seed is translated and none is stale, every translation passes the number and
 * glossary checks, every figure is marked in the English text, and a changed source paragraph
 * makes its translation stale so that the page shows the Chinese instead of old English.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPipelineData, loadSeeds, loadTranslations, projectRoot } from '../scripts/lib/load-data.ts';
import { loadGlossary } from '../src/i18n/glossary.ts';
import { ingestSeeds, parseSeedBulletins, type IngestOutput, type SeedFile } from '../src/pipeline/ingest.ts';
import { checkTranslation } from '../src/pipeline/translation-checks.ts';
import { pieceStates, translatablePieces } from '../src/pipeline/translation-memory.ts';

const seeds = loadSeeds(join(projectRoot, 'seeds'));
const data = loadPipelineData();
const translations = loadTranslations(join(projectRoot, 'content/translations'));
const glossary = loadGlossary(projectRoot).terms;
const bulletins = parseSeedBulletins({ ...seeds, ...data });

describe.each(bulletins.map((b) => [b.slug, b] as const))('translation memory of %s', (slug, bulletin) => {
  const pieces = translatablePieces(bulletin.blocks);
  const memory = translations.get(slug) ?? null;

  it('translates every piece of the bulletin, none stale or awaiting review', () => {
    const states = pieceStates(pieces, memory);
    const notDone = pieces.filter((p) => states.get(p.id)!.state !== 'translated').map((p) => `line ${p.line}: ${states.get(p.id)!.state}`);
    expect(notDone).toEqual([]);
  });

  it('keeps every number and glossary term of the source in the English', () => {
    const entries = new Map((memory?.entries ?? []).map((e) => [e.id, e]));
    const problems = pieces.flatMap((p) => {
      const entry = entries.get(p.id);
      return entry ? checkTranslation(p.zh, entry.en, glossary).map((x) => `line ${p.line}: ${x.detail}`) : [];
    });
    expect(problems).toEqual([]);
  });

  it('holds no entry for text the bulletin no longer has', () => {
    const ids = new Set(pieces.map((p) => p.id));
    expect((memory?.entries ?? []).filter((e) => !ids.has(e.id) && e.status !== 'stale').map((e) => `line ${e.line}: ${e.zh.slice(0, 20)}`)).toEqual([]);
  });
});

describe('English MDX from the translation memory', () => {
  let out: IngestOutput;
  beforeAll(() => {
    out = ingestSeeds({ ...seeds, ...data, translations });
  });

  it.each(bulletins.map((b) => [b.slug] as const))('%s: editorial, with every figure marked in the English', (slug) => {
    const mdx = out.files.get(`bulletins/en/${slug}.mdx`)!;
    expect(mdx).toMatch(/^translation: editorial$/m);
    const marked = new Set([...mdx.matchAll(/<Fig id="([^"]+)"/g)].map((m) => m[1]));
    const missing = out.facts.filter((f) => f.bulletin === slug && !marked.has(f.id)).map((f) => `${f.id} ${f.source.quote}`);
    expect(missing).toEqual([]);
    expect(mdx).not.toContain('class="original-text"');
  });
});

describe('a source paragraph that changed after it was translated', () => {
  const slug = 'anyang-2022-bulletin';
  const file = `${slug}.txt`;
  const changed = (() => {
    const text = readFileSync(join(projectRoot, 'seeds', file), 'utf8');
    // The 2022 enrollment figure is revised in the source; its translation still says the old one.
    const revised = text.replace('556.73 万人', '556.74 万人');
    if (revised === text) throw new Error(`${file} no longer states 556.73 万人; pick another revision for this test`);
    return revised;
  })();
  let mdx: string;
  beforeAll(() => {
    const files: SeedFile[] = seeds.files.map((f) => (f.name === file ? { name: f.name, bytes: new TextEncoder().encode(changed) } : f));
    mdx = ingestSeeds({ ...seeds, files, ...data, translations }).files.get(`bulletins/en/${slug}.mdx`)!;
  });

  it('is stale in the memory', () => {
    const bulletin = parseSeedBulletins({ ...seeds, files: [{ name: file, bytes: new TextEncoder().encode(changed) }], ...data })[0]!;
    const states = [...pieceStates(translatablePieces(bulletin.blocks), translations.get(slug)!).values()];
    expect(states.filter((s) => s.state === 'stale')).toHaveLength(1);
  });

  it('is shown in Chinese with a note, not in its old English', () => {
    expect(mdx).toMatch(/^translation: partial$/m);
    expect(mdx.match(/class="original-text"/g)).toHaveLength(1);
    expect(mdx).toContain('556.74');
    expect(mdx).not.toMatch(/5\.5673 million|5,567,300/);
  });
});
