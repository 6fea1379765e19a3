/** The data files' layout: JSON a record a line that parses back to the records; CSV as spreadsheets read it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, toJsonRecords } from '../src/pipeline/emit-data.ts';

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
