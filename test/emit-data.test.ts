/** The data files' layout: JSON a record a line that parses back to the records; CSV as spreadsheets read it. */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, factRows, factsFiles, factsToCsv, toJsonRecords } from '../src/pipeline/emit-data.ts';
import { ingestSeeds } from '../src/pipeline/ingest.ts';
import type { Fact } from '../src/pipeline/schema.ts';
import { loadPipelineData, loadSeeds, projectRoot } from '../scripts/lib/load-data.ts';

describe('toJsonRecords', () => {
  it('writes each record of a list on a line of its own', () => {
    const text = toJsonRecords({ facts: [{ id: 'a', quote: '参保率\n稳定' }, { id: 'b' }], note: 'x' });
    expect(text.split('\n')).toEqual(['{', '"facts": [', '{"id":"a","quote":"参保率\\n稳定"},', '{"id":"b"}', '],', '"note": "x"', '}', '']);
  });

  it('parses back to the same value, empty lists included', () => {
    const record = fc.dictionary(fc.string(), fc.jsonValue());
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.array(record), fc.jsonValue())), (value) => {
        const text = toJsonRecords(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(text.endsWith('}\n')).toBe(true);
      }),
    );
  });
});

describe('csvText', () => {
  it('quotes what needs quoting and keeps spreadsheets from running text as a formula', () => {
    const rows = [['=SUM(A1)', '+1', '@x', '-x', '-1.5', -5, 1e21, null], ['a,b', 'say "hi"', '两行\n文字', '-.5', '', 0, 3.25, '正常']];
    expect(csvText(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], rows)).toBe(
      "\uFEFFa,b,c,d,e,f,g,h\r\n'=SUM(A1),'+1,'@x,'-x,-1.5,-5,1e+21,\r\n\"a,b\",\"say \"\"hi\"\"\",\"两行\n文字\",-.5,,0,3.25,正常\r\n",
    );
  });
});

describe('facts.json and facts.csv joined from each bulletin\'s rows', () => {
  const data = loadPipelineData();
  const { files, manifest } = loadSeeds(join(projectRoot, 'seeds'));
  const facts = ingestSeeds({ files, manifest, ...data }).facts;
  const names = { regions: new Map(data.gazetteer.map((r) => [r.code, r])), indicators: new Map(data.catalogue.indicators.map((i) => [i.id, i])) };
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

  it('are the files written from all the facts at once, however the facts fall into bulletins', () => {
    expect(facts.length).toBeGreaterThan(100);
    // Cut points into the seeds' facts: bulletins of any size, empty ones included.
    const cuts = fc.array(fc.nat(facts.length), { maxLength: 12 }).map((c) => [0, ...c.sort((a, b) => a - b), facts.length]);
    fc.assert(
      fc.property(cuts, (points) => {
        const parts: Fact[][] = points.slice(1).map((end, k) => facts.slice(points[k], end));
        const [[jsonPath, json], [csvPath, csv]] = factsFiles(parts.map((p) => factRows(p, names)));
        expect([jsonPath, csvPath]).toEqual(['data/facts.json', 'data/facts.csv']);
        expect(utf8.decode(json)).toBe(toJsonRecords({ facts }));
        expect(utf8.decode(csv)).toBe(factsToCsv(facts, names.regions, names.indicators));
      }),
      { numRuns: 30 },
    );
  });

  it('hold just the header and an empty list without facts', () => {
    const [[, json], [, csv]] = factsFiles([factRows([], names), factRows([], names)]);
    expect(JSON.parse(utf8.decode(json))).toEqual({ facts: [] });
    expect(utf8.decode(csv)).toBe(factsToCsv([], names.regions, names.indicators));
    expect(utf8.decode(csv).split('\r\n')).toHaveLength(2);
  });
});
