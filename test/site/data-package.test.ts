/**
 * The open data under /data/: datapackage.json lists every data file, which exists; each CSV's
 * header is its schema's fields, and every field is described in both languages; the values
 * of facts.csv are those of facts.json; the per-chapter CSVs together hold every fact once;
 * enumerated fields hold only their values; the sources are the bulletins with their digests;
 * the catalogue, regions and findings are published as the pipeline wrote them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DATA, pageFile, parseCsv, requireDist } from './helpers.ts';

type Field = { name: string; type: string; title: string; title_zh: string; description: string; description_zh: string; constraints?: { enum: string[] } };
type Resource = { name: string; path: string; format: string; schema?: { fields: Field[] } };
type Package = { licenses: Array<{ name: string }>; sources: Array<{ file: string; sha256: string }>; resources: Resource[] };

const read = (path: string) => readFileSync(pageFile(path), 'utf8');
const pkg = (): Package => JSON.parse(read('data/datapackage.json')) as Package;

const rows = (text: string) => parseCsv(text.replace(/^\uFEFF/, ''));

describe('datapackage.json', () => {
  it('lists data files that exist, with a licence', () => {
    requireDist();
    const p = pkg();
    expect(p.licenses.length).toBeGreaterThan(0);
    expect(p.resources.filter((r) => !existsSync(pageFile(`data/${r.path}`))).map((r) => r.path)).toEqual([]);
    expect(p.resources.map((r) => r.name)).toEqual(expect.arrayContaining(['facts', 'facts-json', 'indicators', 'regions', 'findings']));
  });

  it('describes every field in both languages, and each CSV has exactly those fields', () => {
    requireDist();
    for (const r of pkg().resources.filter((x) => x.format === 'csv')) {
      const fields = r.schema!.fields;
      expect(fields.filter((f) => !(f.title && f.title_zh && f.description && f.description_zh)).map((f) => f.name)).toEqual([]);
      expect(rows(read(`data/${r.path}`))[0], r.path).toEqual(fields.map((f) => f.name));
    }
  });

  it('gives facts.csv the values of facts.json, and enumerated fields only their values', () => {
    requireDist();
    const facts = new Map((JSON.parse(read('data/facts.json')) as { facts: Array<{ id: string; value: number; year: number }> }).facts.map((f) => [f.id, f]));
    const [header, ...body] = rows(read('data/facts.csv'));
    const col = (name: string) => header!.indexOf(name);
    expect(body.length).toBe(facts.size);
    expect(body.filter((r) => Number(r[col('value')]) !== facts.get(r[col('id')]!)?.value || Number(r[col('year')]) !== facts.get(r[col('id')]!)?.year).map((r) => r[col('id')])).toEqual([]);
    for (const f of pkg().resources.find((r) => r.name === 'facts')!.schema!.fields.filter((x) => x.constraints)) {
      expect(body.map((r) => r[col(f.name)]).filter((v) => v !== '' && !f.constraints!.enum.includes(v!)), f.name).toEqual([]);
    }
  });

  it('has every fact once across the per-chapter CSVs', () => {
    requireDist();
    const ids = pkg()
      .resources.filter((r) => r.path.startsWith('regions/'))
      .flatMap((r) => rows(read(`data/${r.path}`)).slice(1).map((row) => row[0]));
    const all = (JSON.parse(read('data/facts.json')) as { facts: Array<{ id: string }> }).facts.map((f) => f.id);
    expect(ids.length).toBe(all.length);
    expect(new Set(ids)).toEqual(new Set(all));
  });

  it('names every bulletin as a source with its SHA-256', () => {
    requireDist();
    const bulletins = (JSON.parse(readFileSync(join(CONTENT_DATA, 'bulletins.json'), 'utf8')) as { bulletins: Array<{ source_file: string; sha256: string }> }).bulletins;
    expect(pkg().sources.map((s) => `${s.file} ${s.sha256}`).sort()).toEqual(bulletins.map((b) => `${b.source_file} ${b.sha256}`).sort());
  });

  it.each(['indicators.json', 'regions.json', 'findings.json'])('publishes %s as the pipeline wrote it', (file) => {
    requireDist();
    expect(read(`data/${file}`)).toBe(readFileSync(join(CONTENT_DATA, file), 'utf8'));
  });
});
