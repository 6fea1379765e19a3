/**
 * The 医疗保障 entry of a local yearbook: optionally a "2024卷" volume line (a volume reports
 * the year before it), 【…】 entries in one paragraph each, figures in 亿元 and 万人 with a space
 * before the unit and ASCII commas, the odd figure spaced out as copying from PDF leaves it,
 * and the authors in brackets.
 */
import { expectations, flawed, type LayoutInput, type LayoutOutput } from './layout.ts';
import { narrative, wholeRegion } from './prose.ts';
import { pctChange, verb, wan, wanChange, wanYuan, yi, type Stated } from './statements.ts';

const AUTHORS = ['(王 涛 赵 冉)', '(周 敏 欧阳晓)', '(李 娟)', '(刘雪峰)', '(陈 静 张 伟)'];

export function writeYearbook(input: LayoutInput): LayoutOutput {
  const { region, year, now, before, random } = input;
  const { facts, add } = expectations(input);
  const all = wholeRegion(region);
  const { total, empSurplus, incomeGrowth } = flawed(input);
  const author = random.pick(AUTHORS);
  const stories = narrative(random, 2);
  const spaced = random.next() < 0.3;
  const lines: string[] = [];
  if (random.next() < 0.5) lines.push(`${year + 1}卷`, '');
  lines.push('医疗保障', '');

  const t = wan(total);
  const totalChange = (() => {
    if (input.flaw === 'total-not-sum') return '';
    const abs = wanChange(now.total, before.total);
    const pct = pctChange(now.total, before.total);
    add('insured.total', t, 'person', { pct: pct.value, abs: abs.value });
    return `,比上年${verb(abs, 'amount')}${abs.text} 万人,${verb(pct, 'rate')}${pct.text}%`;
  })();
  if (input.flaw === 'total-not-sum') add('insured.total', t, 'person');
  const e = wan(now.employee);
  const eAbs = wanChange(now.employee, before.employee);
  const ePct = pctChange(now.employee, before.employee);
  const [act, ret, mat] = [now.active, now.retired, now.maternity].map(wan) as [Stated, Stated, Stated];
  const r = wan(now.resident);
  const rAbs = wanChange(now.resident, before.resident);
  const rPct = pctChange(now.resident, before.resident);
  lines.push(
    `【概况】 ${year} 年,${region.name_zh}医疗保障系统以推动医疗保障高质量发展为主线,全面完成年度目标任务。年末${all}基本医疗保险参保人数${t.text} 万人${totalChange},参保率稳定在${now.coverageRate}%以上。` +
      `其中,参加职工基本医疗保险${e.text} 万人(在职职工${act.text} 万人、退休人员${ret.text} 万人),比上年${verb(eAbs, 'amount')}${eAbs.text} 万人,${verb(ePct, 'rate')}${ePct.text}%;` +
      `参加城乡居民基本医疗保险${r.text} 万人,比上年${verb(rAbs, 'amount')}${rAbs.text} 万人,${verb(rPct, 'rate')}${rPct.text}%。职工生育保险参保${mat.text} 万人。`,
    '',
  );
  add('coverage.rate', now.coverageRate, 'percent');
  add('insured.employee', e, 'person', { pct: ePct.value, abs: eAbs.value });
  add('insured.employee.active', act, 'person');
  add('insured.employee.retired', ret, 'person');
  add('insured.resident', r, 'person', { pct: rPct.value, abs: rAbs.value });
  add('insured.maternity', mat, 'person');

  const [ti, te, ts, tb] = [now.totIncome, now.totExpenditure, now.totSurplus, now.totBalance].map(yi) as [Stated, Stated, Stated, Stated];
  const [ei, ec, ee, es, eb, epb, eib] = [now.empIncome, now.empContribution, now.empExpenditure, empSurplus, now.empBalance, now.empPooledBalance, now.empIndividualBalance].map(yi) as Stated[] as [Stated, Stated, Stated, Stated, Stated, Stated, Stated];
  lines.push(
    `${all}基本医疗保险基金总收入${ti.text} 亿元,总支出${te.text} 亿元,当期结余${ts.text} 亿元,年末累计结存${tb.text} 亿元。` +
      `职工医保基金(含生育保险)收入${ei.text} 亿元,比上年${verb(incomeGrowth, 'rate')}${incomeGrowth.text}%,其中征缴收入${ec.text} 亿元;支出${ee.text} 亿元,当期结余${es.text} 亿元;` +
      `累计结存${eb.text} 亿元,其中统筹基金累计结存${epb.text} 亿元、个人账户累计结存${eib.text} 亿元。`,
    '',
  );
  add('fund.total.income', ti, 'yuan');
  add('fund.total.expenditure', te, 'yuan');
  add('fund.total.surplus', ts, 'yuan');
  add('fund.total.balance', tb, 'yuan');
  add('fund.employee.income', ei, 'yuan', { pct: incomeGrowth.value, abs: null });
  add('fund.employee.contribution_income', ec, 'yuan');
  add('fund.employee.expenditure', ee, 'yuan');
  add('fund.employee.surplus', es, 'yuan');
  add('fund.employee.balance', eb, 'yuan');
  add('fund.employee.pooled.balance', epb, 'yuan');
  add('fund.employee.individual.balance', eib, 'yuan');

  const [ri, re, rs, rb] = [now.resIncome, now.resExpenditure, now.resSurplus, now.resBalance].map(yi) as [Stated, Stated, Stated, Stated];
  const rePct = pctChange(now.resExpenditure, before.resExpenditure);
  // Copying from PDF spaces out some figures ("5 7 2 . 9 1 亿元"); the pipeline joins them again.
  const riText = spaced ? [...ri.text].join(' ') : ri.text;
  lines.push(`城乡居民医保基金收入${riText} 亿元,支出${re.text} 亿元,比上年${verb(rePct, 'rate')}${rePct.text}%,当期结余${rs.text} 亿元,累计结存${rb.text} 亿元。${author}`, '');
  add('fund.resident.income', ri, 'yuan');
  add('fund.resident.expenditure', re, 'yuan', { pct: rePct.value, abs: null });
  add('fund.resident.surplus', rs, 'yuan');
  add('fund.resident.balance', rb, 'yuan');

  const recovered = wanYuan(now.recovered);
  lines.push(
    `【医保基金监管】 截至${year} 年12 月底,${all}医保部门共检查定点医药机构${now.inspected} 家,其中暂停医药机构${now.suspended} 家,解除医保服务协议${now.terminated} 家,追回违规医保资金${recovered.text} 万元,保持高压态势,形成震慑效应。${stories[0]!}${author}`,
    '',
  );
  add('supervision.institutions_inspected', now.inspected, 'count');
  add('supervision.suspended', now.suspended, 'count');
  add('supervision.agreements_terminated', now.terminated, 'count');
  add('supervision.funds_recovered', recovered, 'yuan');

  lines.push(`【医保服务管理】 ${year} 年,${stories[1]!}${author}`, '');
  return { text: lines.join('\n'), facts };
}
