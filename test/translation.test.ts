/**
 * The translation memory and its checks: ids follow the text, a changed source is stale, every
 * number is converted exactly and none is added, glossary terms keep their English, and
 * translated figures are marked where the English states them.
 */
import { describe, expect, it } from 'vitest';
import { markEnglishFigures } from '../src/pipeline/emit-english.ts';
import type { Fact } from '../src/pipeline/schema.ts';
import { checkTranslation } from '../src/pipeline/translation-checks.ts';
import { pieceId, pieceStates, translatablePieces, type TranslationFile } from '../src/pipeline/translation-memory.ts';

const glossary = [
  { zh: '基本医疗保险', en: 'basic medical insurance' },
  { zh: '统筹基金', en: 'pooled fund' },
];

describe('checkTranslation', () => {
  it.each([
    ['full digits', '参保人数556.73万人。', 'Enrollment was 5,567,300 people.', []],
    ['million with every digit', '参保人数556.73万人。', 'Enrollment was 5.5673 million people.', []],
    ['billion', '收入49.94亿元', 'Income was CNY 4.994 billion', []],
    ['percent and year', '2022年同比下降2.20%', 'In 2022 it fell 2.20% year on year', []],
    ['a month as a name', '2022年2月28日延长至5月31日', 'extended from 28 February 2022 to 31 May', []],
    ['COVID-19 is a name', '新冠疫苗接种2294527人次', 'COVID-19 vaccinations: 2,294,527', []],
  ] as const)('%s: no problem', (_name, zh, en, expected) => {
    expect(checkTranslation(zh, en, [])).toEqual(expected);
  });

  it('finds a rounded conversion as a missing number and its rounded form as an extra one', () => {
    const problems = checkTranslation('参保人数556.73万人。', 'Enrollment was 5.57 million people.', []);
    expect(problems.map((p) => p.kind)).toEqual(['missing-number', 'extra-number']);
  });

  it('finds a number the source lacks', () => {
    expect(checkTranslation('今年参保率稳定', 'In 2023 the coverage rate held steady', [])).toEqual([{ kind: 'extra-number', detail: '2023 is not in the source' }]);
  });

  it('finds a glossary term translated otherwise', () => {
    const problems = checkTranslation('统筹基金累计结存', 'the pooling fund balance', glossary);
    expect(problems).toEqual([{ kind: 'glossary', detail: '统筹基金 should read "pooled fund"' }]);
  });
});

describe('translation memory', () => {
  const blocks = [
    { kind: 'heading' as const, line: 3, text: '一、基本医疗保险', level: 1 as const },
    { kind: 'paragraph' as const, line: 5, text: '参保人数556.73万人。' },
  ];

  it('keys pieces by their normalised text, whitespace and width aside', () => {
    expect(pieceId('paragraph', '参保人数 556.73 万人。')).toBe(pieceId('paragraph', '参保人数556.73万人。'));
    expect(pieceId('paragraph', '参保人数556.73万人。')).not.toBe(pieceId('heading', '参保人数556.73万人。'));
  });

  it('uses a translation for its own text and calls one for a changed text at the same place stale', () => {
    const pieces = translatablePieces(blocks);
    const memory: TranslationFile = {
      bulletin: 'b',
      source: 'b.txt',
      entries: [
        { id: pieces[0]!.id, kind: 'heading', line: 3, zh: '一、基本医疗保险', en: 'I. Basic medical insurance', status: 'translated' },
        { id: pieceId('paragraph', '参保人数550万人。'), kind: 'paragraph', line: 5, zh: '参保人数550万人。', en: 'Enrollment was 5,500,000.', status: 'translated' },
      ],
    };
    const states = pieceStates(pieces, memory);
    expect(states.get(pieces[0]!.id)!.state).toBe('translated');
    expect(states.get(pieces[1]!.id)!.state).toBe('stale');
    expect(pieceStates(pieces, null).get(pieces[1]!.id)!.state).toBe('missing');
  });
});

describe('markEnglishFigures', () => {
  const fact = (id: string, value: number) => ({ id, value }) as Fact;
  it('marks each fact at the English number of the same value, in order', () => {
    const facts = new Map([
      ['f1', fact('f1', 5567300)],
      ['f2', fact('f2', 96)],
    ]);
    const segments = markEnglishFigures('Enrollment was 5.5673 million people, and coverage stayed above 96%.', ['参保', { id: 'f1', text: '556.73万人' }, '，', { id: 'f2', text: '96%以上' }], facts);
    expect(segments).toEqual(['Enrollment was ', { id: 'f1', text: '5.5673 million' }, ' people, and coverage stayed above ', { id: 'f2', text: '96%' }, '.']);
  });

  it('keeps the currency with the figure', () => {
    const segments = markEnglishFigures('Income was CNY 7,107,673,900.', [{ id: 'f', text: '710767.39万元' }], new Map([['f', fact('f', 7107673900)]]));
    expect(segments).toEqual(['Income was ', { id: 'f', text: 'CNY 7,107,673,900' }, '.']);
  });

  it('finds a figure the English states earlier than the Chinese does', () => {
    const facts = new Map([
      ['chains', fact('chains', 12)],
      ['outlets', fact('outlets', 371)],
    ]);
    const segments = markEnglishFigures('371 outlets of 12 pharmacy chains', [{ id: 'chains', text: '12家' }, '连锁药店', { id: 'outlets', text: '371家' }, '门店'], facts);
    expect(segments).toEqual([{ id: 'outlets', text: '371' }, ' outlets of ', { id: 'chains', text: '12' }, ' pharmacy chains']);
  });
});
