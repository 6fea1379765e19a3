/**
 * The words around the figures of a synthetic bulletin: how a region calls itself (全省, 全区,
 * 全市 …), and narrative passages without figures (policy, services, plans), drawn so that no
 * passage repeats within a bulletin. None holds a digit, so none becomes a fact.
 */
import type { Region } from '../../../src/pipeline/schema.ts';
import type { Random } from './random.ts';

/** "The whole region" as its own documents say it. */
export function wholeRegion(region: Region): string {
  const name = region.name_zh;
  if (region.level === 'province') return name.endsWith('自治区') ? '全区' : name.endsWith('省') ? '全省' : '全市';
  if (name.endsWith('自治州')) return '全州';
  if (name.endsWith('盟')) return '全盟';
  if (name.endsWith('地区')) return '全地区';
  return '全市';
}

const NARRATIVE = [
  '坚持以人民健康为中心，围绕保基本、可持续的目标，统筹推进医疗保障制度改革，医疗保障事业保持平稳健康发展。',
  '深入推进全民参保计划，强化参保数据比对和清理，切实做到应保尽保，参保质量持续提升。',
  '全面落实医保待遇清单制度，规范医疗保障决策权限，清理与清单不符的地方政策，待遇保障更加公平。',
  '持续深化医保支付方式改革，推进按疾病诊断相关分组付费和按病种分值付费，提升医保基金使用效率。',
  '常态化开展医保基金监管，聚焦假病人、假病情、假票据等欺诈骗保行为，保持打击欺诈骗保高压态势。',
  '推进医保经办服务便民化，实现高频事项网上办、掌上办，医保服务事项下沉至乡镇和村社区。',
  '落实药品和医用耗材集中带量采购结果，推动中选产品进基层、进药店，群众用药负担进一步减轻。',
  '健全防范化解因病返贫致贫长效机制，强化基本医保、大病保险、医疗救助三重制度综合保障。',
  '加快医保信息化标准化建设，医保信息平台平稳运行，医保电子凭证和移动支付应用不断扩大。',
  '完善异地就医直接结算服务，简化备案手续，推进门诊慢特病相关治疗费用跨省直接结算。',
  '加强医保基金预算管理，科学编制收支预算，建立基金运行风险预警机制，确保基金安全可持续。',
  '推进职工医保门诊共济保障机制改革，普通门诊费用纳入统筹基金支付范围，个人账户家庭共济使用范围扩大。',
  '动态调整医疗服务价格，理顺比价关系，支持公立医疗机构高质量发展和新技术新项目临床应用。',
  '开展医保系统行风建设，落实好差评制度，着力解决群众反映的热点难点问题，群众满意度不断提升。',
  '做好新冠肺炎患者救治费用保障，确保患者不因费用问题影响就医，确保收治医院不因支付政策影响救治。',
  '加强定点医药机构协议管理，完善考核评价办法，将考核结果与年度清算和协议续签挂钩。',
  '推动长期护理保险制度试点，探索多元筹资机制，失能人员照护保障水平逐步提高。',
  '建立健全医保基金社会监督员制度，畅通举报投诉渠道，落实举报奖励政策，形成社会共治格局。',
];

const PROBLEMS = [
  '退休人员占比逐年上升，统筹基金长期平衡压力加大，需加强基金运行分析和风险预警。',
  '部分县区居民医保基金当期结余偏低，基金支付压力较大，需加强预算管理和支出控制。',
  '医保费征缴对账机制有待完善，医保、税务、财政之间数据交互仍存在时滞。',
  '定点医药机构违规使用医保基金问题仍时有发生，智能监控规则库有待进一步完善。',
  '异地就医人员增多，就医地监管责任落实不够到位，跨区域协同监管机制有待健全。',
];

const PLANS = [
  '加强基金预算绩效管理，建立基金运行风险预警机制，确保基金收支平衡、略有结余。',
  '深化支付方式改革，实现统筹区内开展住院服务的定点医疗机构全覆盖。',
  '持续推进全民参保计划，巩固参保覆盖面，提升参保质量。',
  '强化医保基金监管，推进智能监控全覆盖，严厉打击欺诈骗保行为。',
  '优化医保经办服务，推进医保服务事项就近办、一次办。',
];

/** `count` narrative passages, each used once. */
export function narrative(r: Random, count: number): string[] {
  return r.shuffle(NARRATIVE).slice(0, count);
}

/** Numbered problems and plans of a fund report ("1.…"), without figures. */
export function problemsAndPlans(r: Random): { problems: string[]; plans: string[] } {
  return { problems: r.shuffle(PROBLEMS).slice(0, 3), plans: r.shuffle(PLANS).slice(0, 3) };
}
