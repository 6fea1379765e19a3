/** The data files the pages read: checked against the pipeline's schemas, errors name file and entry. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readYearbookData } from '../src/lib/yearbook-data.ts';

const DATA = join(import.meta.dirname, '..', 'content', 'data');

describe('readYearbookData', () => {
  it('reads what ingest wrote', () => {
    const facts = (JSON.parse(readFileSync(join(DATA, 'facts.json'), 'utf8')) as { facts: Array<{ id: string }> }).facts;
    const data = readYearbookData(DATA);
    expect(data.facts.map((f) => f.id)).toEqual(facts.map((f) => f.id));
    expect(data.indicators.every((i) => Array.isArray(i.children) && !('rules' in i))).toBe(true);
  });

  it('names the file and the entry that breaks the schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yearbook-data-'));
    cpSync(DATA, dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, 'facts.json'), 'utf8')) as { facts: Array<Record<string, unknown>> };
    json.facts[2]!.value = 'many';
    writeFileSync(join(dir, 'facts.json'), JSON.stringify(json));
    expect(() => readYearbookData(dir)).toThrow(`${join(dir, 'facts.json')}: facts.2.value:`);
  });

  it('says to run ingest when a file is missing', () => {
    expect(() => readYearbookData(mkdtempSync(join(tmpdir(), 'yearbook-data-')))).toThrow(/indicators\.json: .*run npm run ingest/);
  });
});
