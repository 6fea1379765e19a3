/**
 * A statistical bulletin (统计公报) as a city or province publishes it: title with the year,
 * numbered sections 一、（一）, enrollment with changes on last year, the funds in 万元 with two
 * decimals, supervision, cross-province settlement and procurement, a note and a signature.
 */
import { expectations, flawed, signature, type LayoutInput, type LayoutOutput } from './layout.ts';
import { narrative, wholeRegion } from './prose.ts';
import { pctChange, verb, wan, wanChange, wanYuan, whole, type Stated } from './statements.ts';

export function writeBulletin(input: LayoutInput): LayoutOutput {
  const { region, year, now, before, random } = input;
  const { facts, add } = expectations(input);
  const all = wholeRegion(region);
  const name = region.name_zh;
  const { total, empSurplus, incomeGrowth } = flawed(input);
  const stories = narrative(random, 3);
  const lines: string[] = [`${year}年${name}医疗保障事业发展统计公报`, ''];
  const para = (text: string) => lines.push(text, '');

  para(`${year}年，${name}医疗保障系统${stories[0]!}现将${year}年${all}医疗保障事业发展主要统计数据公布如下。`);

  lines.push('一、参保情况', '', '（一）基本医疗保险。', '');
  const t = wan(total);
  if (input.flaw === 'total-not-sum') {
    para(`截至${year}年底，${all}参加基本医疗保险人数达到${t.text}万人，参保率稳定在${now.coverageRate}％以上。`);
    add('insured.total', t, 'person');
  } else {
    const abs = wanChange(now.total, before.total);
    const pct = pctChange(now.total, before.total);
    para(`截至${year}年底，${all}参加基本医疗保险人数达到${t.text}万人，比上年末${verb(abs, 'amount')}${abs.text}万人，${verb(pct, 'rate')}${pct.text}％，参保率稳定在${now.coverageRate}％以上。`);
    add('insured.total', t, 'person', { pct: pct.value, abs: abs.value });
  }
  add('coverage.rate', now.coverageRate, 'percent');

  lines.push('（二）职工基本医疗保险。', '');
  const e = wan(now.employee);
  const eAbs = wanChange(now.employee, before.employee);
  const ePct = pctChange(now.employee, before.employee);
  const act = wan(now.active);
  const ret = wan(now.retired);
  para(`职工基本医疗保险参保人数为${e.text}万人，比上年末${verb(eAbs, 'amount')}${eAbs.text}万人，同比${verb(ePct, 'rate')}${ePct.text}％。其中，在职职工${act.text}万人，退休人员${ret.text}万人。`);
  add('insured.employee', e, 'person', { pct: ePct.value, abs: eAbs.value });
  add('insured.employee.active', act, 'person');
  add('insured.employee.retired', ret, 'person');

  lines.push('（三）城乡居民基本医疗保险。', '');
  const r = wan(now.resident);
  const rAbs = wanChange(now.resident, before.resident);
  const rPct = pctChange(now.resident, before.resident);
  para(`城乡居民医保参保${r.text}万人，比上年末${verb(rAbs, 'amount')}${rAbs.text}万人，同比${verb(rPct, 'rate')}${rPct.text}%。`);
  add('insured.resident', r, 'person', { pct: rPct.value, abs: rAbs.value });

  lines.push('（四）生育保险。', '');
  const m = wan(now.maternity);
  const mAbs = wanChange(now.maternity, before.maternity);
  const mPct = pctChange(now.maternity, before.maternity);
  para(`生育保险参保人数${m.text}万人，比上年末${verb(mAbs, 'amount')}${mAbs.text}万人，${verb(mPct, 'rate')}${mPct.text}%。`);
  add('insured.maternity', m, 'person', { pct: mPct.value, abs: mAbs.value });

  lines.push('二、医疗保障基金运行情况', '', '（一）基本医疗保险基金总体情况。', '');
  // A flawed employee surplus is not carried into the total: the total stays income − expenditure.
  const [ti, te, ts, tb] = [now.totIncome, now.totExpenditure, now.totSurplus, now.totBalance].map(wanYuan) as [Stated, Stated, Stated, Stated];
  para(`${year}年，${all}基本医疗保险基金（含生育保险）总收入${ti.text}万元，总支出${te.text}万元，当期结余${ts.text}万元；截至年末，基本医疗保险基金累计结存${tb.text}万元。`);
  add('fund.total.income', ti, 'yuan');
  add('fund.total.expenditure', te, 'yuan');
  add('fund.total.surplus', ts, 'yuan');
  add('fund.total.balance', tb, 'yuan');

  lines.push('（二）职工基本医疗保险基金。', '');
  const ei = wanYuan(now.empIncome);
  const ec = wanYuan(now.empContribution);
  const ee = wanYuan(now.empExpenditure);
  const eePct = pctChange(now.empExpenditure, before.empExpenditure);
  const es = wanYuan(empSurplus);
  const [eb, epb, eib] = [now.empBalance, now.empPooledBalance, now.empIndividualBalance].map(wanYuan) as [Stated, Stated, Stated];
  para(
    `全年职工基本医疗保险基金（含生育保险）收入${ei.text}万元，同比${verb(incomeGrowth, 'rate')}${incomeGrowth.text}％，其中征缴收入${ec.text}万元；基金支出${ee.text}万元，同比${verb(eePct, 'rate')}${eePct.text}％；当年结余${es.text}万元。` +
      `年末职工医保基金累计结存${eb.text}万元，其中统筹基金累计结存${epb.text}万元，个人账户累计结存${eib.text}万元。`,
  );
  add('fund.employee.income', ei, 'yuan', { pct: incomeGrowth.value, abs: null });
  add('fund.employee.contribution_income', ec, 'yuan');
  add('fund.employee.expenditure', ee, 'yuan', { pct: eePct.value, abs: null });
  add('fund.employee.surplus', es, 'yuan');
  add('fund.employee.balance', eb, 'yuan');
  add('fund.employee.pooled.balance', epb, 'yuan');
  add('fund.employee.individual.balance', eib, 'yuan');

  lines.push('（三）城乡居民基本医疗保险基金。', '');
  const ri = wanYuan(now.resIncome);
  const riPct = pctChange(now.resIncome, before.resIncome);
  const re = wanYuan(now.resExpenditure);
  const rePct = pctChange(now.resExpenditure, before.resExpenditure);
  const [rs, rb] = [now.resSurplus, now.resBalance].map(wanYuan) as [Stated, Stated];
  para(`城乡居民基本医疗保险基金收入${ri.text}万元，同比${verb(riPct, 'rate')}${riPct.text}%；支出${re.text}万元，同比${verb(rePct, 'rate')}${rePct.text}%；当年结余${rs.text}万元，年末累计结存${rb.text}万元。`);
  add('fund.resident.income', ri, 'yuan', { pct: riPct.value, abs: null });
  add('fund.resident.expenditure', re, 'yuan', { pct: rePct.value, abs: null });
  add('fund.resident.surplus', rs, 'yuan');
  add('fund.resident.balance', rb, 'yuan');

  lines.push('三、医药价格和招标采购', '');
  para(`${year}年，${all}落地执行国家和省级集中带量采购药品${now.drugs}种。${stories[1]!}`);
  add('procurement.drugs', now.drugs, 'count');

  lines.push('四、跨省异地就医直接结算', '');
  const settlements = wan(now.crossSettlements);
  const paid = wanYuan(now.crossFundPaid);
  para(`截至${year}年底，${all}跨省联网定点零售药店${now.crossPharmacies}家。全年跨省异地就医直接结算${settlements.text}万人次，医保基金支付${paid.text}万元。`);
  add('cross_province.pharmacies', now.crossPharmacies, 'count');
  add('cross_province.settlements', settlements, 'person_time');
  add('cross_province.fund_paid', paid, 'yuan');

  lines.push('五、医保基金监管', '');
  const recovered = wanYuan(now.recovered);
  para(`全年检查定点医药机构${whole(now.inspected).text}家，处理违法违规机构${now.processed}家，其中暂停医保服务${now.suspended}家、解除医保协议${now.terminated}家，追回医保基金${recovered.text}万元。${stories[2]!}`);
  add('supervision.institutions_inspected', now.inspected, 'count');
  add('supervision.suspended', now.suspended, 'count');
  add('supervision.agreements_terminated', now.terminated, 'count');
  add('supervision.funds_recovered', recovered, 'yuan');

  para('注：1.本公报数据为快报数，最终以年度决算为准；2.部分数据因四舍五入，总计与分项合计略有差异。');
  lines.push(signature(input.publisher, input.published), '');
  return { text: lines.join('\n'), facts };
}
