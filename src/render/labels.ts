/** Fixed texts of the report, in both languages. */
import type { Lang } from '../result.js';

const TEXT = {
  grossPay: ['Monthly gross pay', '月度税前收入'],
  line: ['Line', '项目'],
  amount: ['Amount', '金额'],
  how: ['How', '计算'],
  source: ['Source', '来源'],
  grossMonthly: ['Gross a month', '月度税前合计'],
  range: ['Range (percentile 0–100)', '区间(分位 0–100)'],
  yearEnd: ['Year-end bonus', '年终奖'],
  insurance: ['Social insurance and housing fund, a month', '五险一金(每月)'],
  item: ['Item', '项目'],
  base: ['Base', '缴费基数'],
  employee: ['Employee', '个人'],
  employer: ['Employer', '单位'],
  pension: ['Pension', '养老保险'],
  medical: ['Medical', '医疗保险'],
  unemployment: ['Unemployment', '失业保险'],
  injury: ['Work injury', '工伤保险'],
  housingFund: ['Housing fund', '住房公积金'],
  total: ['Total', '合计'],
  schedule: ['Month by month (wages)', '逐月工资明细'],
  insuranceShort: ['Insurance', '五险一金'],
  month: ['Month', '月份'],
  gross: ['Gross', '税前'],
  cumTaxable: ['Cum. taxable', '累计应纳税所得额'],
  rate: ['Rate', '税率'],
  tax: ['Tax', '个税'],
  net: ['Take-home', '到手'],
  year: ['The year', '全年'],
  annualWages: ['Gross wages', '工资总额'],
  bonus: ['Year-end bonus', '年终奖'],
  bonusTax: ['Tax on the bonus', '年终奖个税'],
  incomeTax: ['Income tax, all', '个税合计'],
  annualInsurance: ['Employee insurance and housing fund', '个人五险一金'],
  annualNet: ['Take-home, year', '全年到手'],
  employerCost: ['Employer cost', '企业用工成本'],
  firstMonth: ['Take-home, first month', '首月到手'],
  average: ['Take-home, monthly average', '月均到手'],
  rules: ['Rules and rates used', '所用规则与费率'],
  figure: ['Figure', '参数'],
  value: ['Value', '取值'],
  from: ['In force from', '生效日期'],
  confidence: ['Confidence', '可信度'],
  sources: ['Sources', '来源说明'],
  warnings: ['Warnings', '警告'],
  notes: ['Notes', '说明'],
  percentile: ['percentile', '分位'],
  asOf: ['rules as of', '规则日期'],
  method: ['method', '计税方式'],
  separate: ['separate', '单独计税'],
  merged: ['merged', '并入综合所得'],
  none: ['none', '无'],
  change: ['What changed', '变化'],
} as const;

export type TextKey = keyof typeof TEXT;

export function t(key: TextKey, lang: Lang): string {
  return TEXT[key][lang === 'zh' ? 1 : 0];
}

/** LANG=zh_CN.UTF-8 -> zh; anything else -> en. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const raw = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(raw) ? 'zh' : 'en';
}
