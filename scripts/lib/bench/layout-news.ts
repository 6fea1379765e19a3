/**
 * A news article as an aggregator saves it: YAML front matter (title, date, author), an HTML
 * body of <p> paragraphs with a style block, a script and an HTML comment the cleaner drops,
 * full-width percent signs, the editor's line and the source credit.
 */
import { expectations, flawed, type LayoutInput, type LayoutOutput } from './layout.ts';
import { narrative, wholeRegion } from './prose.ts';
import { wan, wanYuan, yi, type Stated } from './statements.ts';

const EDITORS = ['张家祺', '王晓丹', '李 明', '赵可欣', '陈思远'];

export function writeNews(input: LayoutInput): LayoutOutput {
  const { region, year, now, random } = input;
  const { facts, add } = expectations(input);
  const all = wholeRegion(region);
  const { total } = flawed(input);
  const stories = narrative(random, 2);
  const short = region.short_zh;
  const [py, pm, pd] = input.published.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(py, pm - 1, pd, 1 + random.int(0, 10), random.int(0, 59), random.int(0, 59))).toUTCString();

  const t = wan(total);
  const [e, r] = [now.employee, now.resident].map(wan) as [Stated, Stated];
  const [ti, te, ts, tb, ei, ee, ri, re] = [now.totIncome, now.totExpenditure, now.totSurplus, now.totBalance, now.empIncome, now.empExpenditure, now.resIncome, now.resExpenditure].map(yi) as [Stated, Stated, Stated, Stated, Stated, Stated, Stated, Stated];
  const recovered = wanYuan(now.recovered);
  const p = (text: string) => `<p>  ${text}</p>`;
  const lines = [
    '---',
    `title: '【${short}医保】${year}年${all}医保基金运行平稳 医疗保障能力持续提升'`,
    'categories: ',
    ' - 新媒体',
    ' - 本地资讯',
    `author: ${input.publisher}`,
    'comments: false',
    `date: ${date}`,
    '---',
    '',
    '<style>',
    '.rich-content p{text-indent:2em;line-height:1.75;margin:0 0 12px}',
    '</style>',
    '<div class="rich-content">',
    '<!-- cms:article-body start -->',
    p(`记者${pm}月${pd}日从${all}医疗保障工作会议上获悉，${year}年，${region.name_zh}${stories[0]!}截至${year}年底，${all}参加基本医疗保险${t.text}万人，参保率稳定在${now.coverageRate}％以上。`),
    p(`市医疗保障局相关负责人介绍，${all}职工基本医疗保险参保${e.text}万人，城乡居民基本医疗保险参保${r.text}万人。`),
    p(
      `从基金运行情况看，${year}年${all}医疗保险基金收入${ti.text}亿元，支出${te.text}亿元，当期结余${ts.text}亿元，累计结余${tb.text}亿元。` +
        `其中，职工医保基金收入${ei.text}亿元、支出${ee.text}亿元；城乡居民医保基金收入${ri.text}亿元、支出${re.text}亿元，基金运行总体平稳、略有结余。`,
    ),
    '<script>window._stat = window._stat || [];</script>',
    p(`在打击欺诈骗保方面，${year}年${all}共检查定点医药机构${now.inspected}家，解除协议${now.terminated}家，追回医保基金${recovered.text}万元，对违法违规行为始终保持高压态势。`),
    p(`据悉，${stories[1]!}`),
    `  责任编辑：  ${random.pick(EDITORS)}<p>【来源：${input.publisher}】</p>`,
    '</div>',
    '',
  ];
  add('insured.total', t, 'person');
  add('coverage.rate', now.coverageRate, 'percent');
  add('insured.employee', e, 'person');
  add('insured.resident', r, 'person');
  add('fund.total.income', ti, 'yuan');
  add('fund.total.expenditure', te, 'yuan');
  add('fund.total.surplus', ts, 'yuan');
  add('fund.total.balance', tb, 'yuan');
  add('fund.employee.income', ei, 'yuan');
  add('fund.employee.expenditure', ee, 'yuan');
  add('fund.resident.income', ri, 'yuan');
  add('fund.resident.expenditure', re, 'yuan');
  add('supervision.institutions_inspected', now.inspected, 'count');
  add('supervision.agreements_terminated', now.terminated, 'count');
  add('supervision.funds_recovered', recovered, 'yuan');
  return { text: lines.join('\n'), facts };
}
