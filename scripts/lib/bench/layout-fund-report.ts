/**
 * A fund report (基金收支运行情况分析报告) as a city's insurance centre writes it: a two-line
 * title, a summary of ◇ points, numbered analysis with shares and last year's figures, figure
 * captions, a table of the sub-regions' resident fund (one cell per tab-led line, rows between
 * blank lines, a total row), problems and plans, a signature, and the charts' data at the end
 * (enrollment over the years, by sub-region, the retiree share).
 */
import { expectations, flawed, signature, type LayoutInput, type LayoutOutput } from './layout.ts';
import { narrative, problemsAndPlans, wholeRegion } from './prose.ts';
import { fraction, pctChange, percent, verb, wan, wanChange, wanYuan, whole, yi, type Stated } from './statements.ts';

export function writeFundReport(input: LayoutInput): LayoutOutput {
  const { region, year, now, before, random, children } = input;
  const { facts, add } = expectations(input);
  const all = wholeRegion(region);
  const { total, empSurplus, incomeGrowth } = flawed(input);
  const stories = narrative(random, 2);
  const { problems, plans } = problemsAndPlans(random);
  // The caption names the places ("各区县市", "各市县"), which ties chart data by place to it.
  const areaWord = region.level === 'province' ? '各市县' : '各区县市';
  const first = input.history[0]!.year;
  const lines: string[] = [`${region.name_zh}${year}年度医疗保障基金`, '收支运行情况分析报告', '', '— 报告摘要 —', ''];

  const t = wan(total);
  lines.push(`◇${all}基本医疗保险参保总人数${t.text}万人，职工医保参保人数保持增长，城乡居民医保参保人数受清理重复参保影响有所变化。`);
  lines.push('◇职工医保（含生育保险）、城乡居民医保两项基金当年收支平衡、略有结余，累计结余可支付月数处于合理区间。', '');
  add('insured.total', t, 'person');

  lines.push(`${year}年，在${region.name_zh}党委、政府的坚强领导下，${stories[0]!}现将${year}年度${all}医疗保障基金收支运行情况分析如下：`);
  lines.push('一、参保情况', '（一）职工基本医疗保险');
  const e = wan(now.employee);
  const eAbs = wanChange(now.employee, before.employee);
  const ePct = pctChange(now.employee, before.employee);
  const [act, ret] = [now.active, now.retired].map(wan) as [Stated, Stated];
  const [actShare, retShare] = [percent(now.active, now.employee), percent(now.retired, now.employee)];
  lines.push(
    `1.参保人数稳中有升。截至${year}年12月底，${all}职工基本医疗保险参保${e.text}万人，比${year - 1}年末${verb(eAbs, 'amount')}${eAbs.text}万人，同比${verb(ePct, 'rate')}${ePct.text}%。其中在职职工${act.text}万人，占${actShare.text}%；退休人员${ret.text}万人，占${retShare.text}%。退休人员占比逐年提高，基金支付压力持续加大。`,
    '',
    `图1  ${first}-${year}年${all}职工基本医疗保险参保人数图（单位：人）`,
    '',
  );
  add('insured.employee', e, 'person', { pct: ePct.value, abs: eAbs.value });
  add('insured.employee.active', act, 'person');
  add('insured.employee.retired', ret, 'person');

  const r = whole(now.resident);
  const rPrev = whole(before.resident);
  const rPct = pctChange(now.resident, before.resident);
  lines.push(
    '（二）城乡居民基本医疗保险',
    `1.参保人数情况。${year}年${all}城乡居民医疗保险参保人数为${r.text}人，去年同期${rPrev.text}人，同比${rPct.up ? '增加' : '减少'}${rPct.text}%。参保人数变化主要原因：一是国家医保信息平台上线后清理跨统筹区重复参保；二是部分外出务工人员在就业地参加职工医保。`,
    '',
  );
  add('insured.resident', r, 'person', { pct: rPct.value, abs: null });
  add('insured.resident', rPrev, 'person', null, { year: year - 1 });
  if (children.length > 0) lines.push(`图2  ${year}年${areaWord}城乡居民医保参保人数图（单位：人）`, '');

  const [ei, ec, ee, es, eb, epb, eib] = [now.empIncome, now.empContribution, now.empExpenditure, empSurplus, now.empBalance, now.empPooledBalance, now.empIndividualBalance].map(yi) as [Stated, Stated, Stated, Stated, Stated, Stated, Stated];
  const eePct = pctChange(now.empExpenditure, before.empExpenditure);
  lines.push(
    '二、基金收支结余情况',
    '（一）职工基本医疗保险基金（含生育保险）',
    `1.基金收入。${year}年${all}职工医保基金收入${ei.text}亿元，同比${verb(incomeGrowth, 'rate')}${incomeGrowth.text}%，其中征缴收入${ec.text}亿元。`,
    `2.基金支出。${year}年${all}职工医保基金支出${ee.text}亿元，同比${verb(eePct, 'rate')}${eePct.text}%。支出增速受门诊共济改革和退休人员增加影响。`,
    `3.基金结余。当年结余${es.text}亿元；年末累计结余${eb.text}亿元，其中统筹基金累计结余${epb.text}亿元，个人账户累计结余${eib.text}亿元。`,
  );
  add('fund.employee.income', ei, 'yuan', { pct: incomeGrowth.value, abs: null });
  add('fund.employee.contribution_income', ec, 'yuan');
  add('fund.employee.expenditure', ee, 'yuan', { pct: eePct.value, abs: null });
  add('fund.employee.surplus', es, 'yuan');
  add('fund.employee.balance', eb, 'yuan');
  add('fund.employee.pooled.balance', epb, 'yuan');
  add('fund.employee.individual.balance', eib, 'yuan');

  const [ri, re, rs, rb] = [now.resIncome, now.resExpenditure, now.resSurplus, now.resBalance].map(yi) as [Stated, Stated, Stated, Stated];
  const [riPct, rePct] = [pctChange(now.resIncome, before.resIncome), pctChange(now.resExpenditure, before.resExpenditure)];
  lines.push(
    '（二）城乡居民基本医疗保险基金',
    `${year}年${all}城乡居民医保基金收入${ri.text}亿元，同比${verb(riPct, 'rate')}${riPct.text}%；支出${re.text}亿元，同比${verb(rePct, 'rate')}${rePct.text}%；当期结余${rs.text}亿元，年末累计结余${rb.text}亿元。`,
  );
  add('fund.resident.income', ri, 'yuan', { pct: riPct.value, abs: null });
  add('fund.resident.expenditure', re, 'yuan', { pct: rePct.value, abs: null });
  add('fund.resident.surplus', rs, 'yuan');
  add('fund.resident.balance', rb, 'yuan');

  if (children.length > 0) lines.push(...areaTable(input, areaWord, add));

  const [ti, te, ts, tb] = [now.totIncome, now.totExpenditure, now.totSurplus, now.totBalance].map(yi) as [Stated, Stated, Stated, Stated];
  lines.push(
    '（三）两项基金合计',
    `${year}年${all}职工医保（含生育保险）、城乡居民医保两项基金总收入${ti.text}亿元，总支出${te.text}亿元，当年结余${ts.text}亿元，历年累计结余${tb.text}亿元。`,
    '',
    '三、存在的问题',
    ...problems.map((p, k) => `${k + 1}.${p}`),
    '',
    '四、下一步工作建议',
    `${plans.map((p, k) => `${k + 1}.${p}`).join('')}${stories[1]!}`,
    '',
    signature(input.publisher, input.published),
    '',
    '',
  );
  add('fund.total.income', ti, 'yuan');
  add('fund.total.expenditure', te, 'yuan');
  add('fund.total.surplus', ts, 'yuan');
  add('fund.total.balance', tb, 'yuan');

  // Chart data as the report's spreadsheet exported it: a name line, then labels and values.
  const history = input.history;
  lines.push('参保人数\t', `${history.map((h) => h.year).join('\t')}\t${history.map((h) => h.employee).join('\t')}\t`, '', '');
  for (const h of history) add('insured.employee', h.employee, 'person', null, { year: h.year });
  if (children.length > 0) {
    const residents = children.map((c) => c.years.get(year)!.resident);
    lines.push('参保人数\t', `${children.map((c) => c.region.name_zh).join('\t')}\t${residents.join('\t')}\t`, '', '');
    children.forEach((c, k) => add('insured.resident', residents[k]!, 'person', null, { region: c.region.code }));
  }
  lines.push('在职退休人员比例', '退休人员比例\t', `${history.map((h) => h.year).join('\t')}\t${history.map((h) => fraction(h.retired, h.employee)).join('\t')}\t`, '');
  return { text: lines.join('\n'), facts };
}

// 区县市 / 基金收入 / 基金支出 / 当期结余 / 累计结余, one row per sub-region and a total row.
function areaTable(input: LayoutInput, areaWord: string, add: ReturnType<typeof expectations>['add']): string[] {
  const { now, children, year } = input;
  const figures = children.map((c) => c.years.get(year)!);
  const balance = figures.map((f) => f.resBalance);
  if (input.flaw === 'county-not-total') balance[0] = Math.round((balance[0]! * 1.07) / 100) * 100;
  const out = [`${year}年${areaWord}城乡居民医保基金收支结余情况表（单位：万元）`];
  const row = (cells: string[]) => out.push(...cells.map((c) => `\t${c}`), '');
  row([areaWord.slice(1), '基金收入', '基金支出', '当期结余', '累计结余']);
  children.forEach((c, k) => {
    const f = figures[k]!;
    const cells = [f.resIncome, f.resExpenditure, f.resSurplus, balance[k]!].map(wanYuan);
    row([c.region.name_zh, ...cells.map((s) => s.text)]);
    add('fund.resident.income', cells[0]!, 'yuan', null, { region: c.region.code });
    add('fund.resident.balance', cells[3]!, 'yuan', null, { region: c.region.code });
  });
  row(['合计', ...[now.resIncome, now.resExpenditure, now.resSurplus, now.resBalance].map((v) => wanYuan(v).text)]);
  out.push('');
  return out;
}
