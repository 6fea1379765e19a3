/**
 * Extraction from sentences written for this test in the ways bulletins phrase figures:
 * naming carried over from an earlier clause, changes and last year's figures attached to the
 * figure they qualify, bounds, scopes, sub-regions, distributions with 分别, bracketed parts.
 */
import { describe, expect, it } from 'vitest';
import { compileCatalogue } from '../src/pipeline/classify.ts';
import type { Draft } from '../src/pipeline/draft.ts';
import { extractProse } from '../src/pipeline/extract-text.ts';
import { buildRegionIndex } from '../src/pipeline/regions.ts';
import { loadPipelineData } from '../scripts/lib/load-data.ts';

const data = loadPipelineData();
const index = buildRegionIndex(data.gazetteer);
const catalogue = compileCatalogue(data.catalogue);
const changde = index.byCode.get('430700')!;

function extract(text: string, headings = ''): Draft[] {
  return extractProse({ line: 7, text }, headings, { file: 't.txt', region: changde, year: 2023, index, catalogue });
}

type Row = [string, string, Partial<Draft>[]];

const cases: Row[] = [
  [
    'scheme named once, carried through a list',
    '截至2023年末，全市基本医疗保险参保人数为512.36万人，其中职工医保78.40万人、城乡居民医保433.96万人。',
    [
      { indicator: 'insured.total', value: 5123600, unit: 'person' },
      { indicator: 'insured.employee', value: 784000 },
      { indicator: 'insured.resident', value: 4339600 },
    ],
  ],
  [
    'a change after the figure, with both forms',
    '城乡居民医保参保433.96万人，较上年减少6.12万人，下降1.39%。',
    [{ indicator: 'insured.resident', value: 4339600, yoy: { pct: -1.39, abs: -61200 } }],
  ],
  [
    'last year stated in brackets is a fact for last year',
    '全市职工医保在职职工55.20万人，比上年度（53.90万人）增加1.30万人。',
    [
      { indicator: 'insured.employee.active', year: 2023, value: 552000, yoy: { pct: null, abs: 13000 } },
      { indicator: 'insured.employee.active', year: 2022, value: 539000 },
    ],
  ],
  [
    'a change outside brackets qualifies the figure outside them',
    '参加职工基本医疗保险78.40万人（其中在职职工55.20万人、退休人员23.20万人），比上年增加2.10万人，增长2.75%。',
    [
      { indicator: 'insured.employee', value: 784000, yoy: { pct: 2.75, abs: 21000 } },
      { indicator: 'insured.employee.active', value: 552000, yoy: null },
      { indicator: 'insured.employee.retired', value: 232000, yoy: null },
    ],
  ],
  [
    'fund sentences: income, contribution, expenditure, balances',
    '职工医保基金收入41.27亿元，其中征缴收入38.05亿元；基金支出35.66亿元；累计结余52.18亿元，其中统筹基金累计结余30.02亿元，个人账户累计结余22.16亿元。',
    [
      { indicator: 'fund.employee.income', value: 4127000000, unit: 'yuan' },
      { indicator: 'fund.employee.contribution_income', value: 3805000000 },
      { indicator: 'fund.employee.expenditure', value: 3566000000 },
      { indicator: 'fund.employee.balance', value: 5218000000 },
      { indicator: 'fund.employee.pooled.balance', value: 3002000000 },
      { indicator: 'fund.employee.individual.balance', value: 2216000000 },
    ],
  ],
  [
    'bounds before and after the figure',
    '全市基本医保参保率稳定在97%以上，追回医保基金2100余万元，可支付约13个月，人均筹资不低于1020元。',
    [
      { indicator: 'coverage.rate', value: 97, bound: 'at_least' },
      { indicator: 'supervision.funds_recovered', value: 21000000, bound: 'at_least' },
      { value: 13, unit: 'month', bound: 'about' },
      { indicator: 'financing.resident.per_capita', value: 1020, bound: 'at_least' },
    ],
  ],
  [
    'a stated exclusion scopes the figures of its sentence',
    '2023年，全市（不含津市市）城乡居民医保参保410.02万人。',
    [{ indicator: 'insured.resident', value: 4100200, scope: '不含津市市' }],
  ],
  [
    'a clause that starts with a county puts the figure in that county',
    '分区县看，鼎城区城乡居民参保61.05万人，澧县68.30万人，市本级20.11万人。',
    [
      { indicator: 'insured.resident', region: '430703', value: 610500 },
      { indicator: 'insured.resident', region: '430723', value: 683000 },
      { indicator: 'insured.resident', region: '430700', scope: '市本级', value: 201100 },
    ],
  ],
  [
    '分别 distributes figures and changes over the things listed before it',
    '职工医保、居民医保基金支出分别为35.66亿元、36.12亿元，同比增长率分别为6.20%、4.85%。',
    [
      { indicator: 'fund.employee.expenditure', value: 3566000000, yoy: { pct: 6.2, abs: null } },
      { indicator: 'fund.resident.expenditure', value: 3612000000, yoy: { pct: 4.85, abs: null } },
    ],
  ],
  [
    'two schemes named together mean the total',
    '全市职工医保、居民医保当年基金结余合计5.23亿元。',
    [{ indicator: 'fund.total.surplus', value: 523000000 }],
  ],
  [
    'years in a sentence date its figures; dates and ranges are not figures',
    '2022年全市居民医保个人缴费标准为350元/人，2023年1月1日起执行，可支付3-9个月的统筹区有4个。',
    [
      { indicator: 'financing.resident.individual_contribution', year: 2022, value: 350 },
      { indicator: 'unclassified', value: 4, unit: 'count' },
    ],
  ],
  [
    'a figure no rule names is kept with its clause as label',
    '全年共受理群众来信来访126件。',
    [{ indicator: 'unclassified', value: 126, unit: 'count', label: '全年共受理群众来信来访126件' }],
  ],
];

describe('extractProse', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    const drafts = extract(text);
    expect(drafts).toHaveLength(expected.length);
    expected.forEach((e, k) => expect(drafts[k], `figure ${k + 1}`).toMatchObject({ region: '430700', year: 2023, scope: null, bound: 'exact', ...e }));
  });

  it('quotes the sentence that holds each figure', () => {
    const text = '全市参保512.36万人。职工医保基金收入41.27亿元。';
    const [a, b] = extract(text);
    expect(a!.source).toMatchObject({ line: 7, quote: '全市参保512.36万人。', stated: '512.36万人', block: 'text' });
    expect(b!.source.quote).toBe('职工医保基金收入41.27亿元。');
  });

  it('takes the scheme from the section heading when the sentence names none', () => {
    const [fact] = extract('参保人数为78.40万人。', '一、基本情况\n（一）城镇职工基本医疗保险');
    expect(fact).toMatchObject({ indicator: 'insured.employee', value: 784000 });
  });
});
