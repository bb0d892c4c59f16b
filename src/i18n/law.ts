/** Names of the law figures (by the last part of their id), of their value keys, and of confidences. */
import type { Entry } from './messages.js';

export const LAW = {
  // city figures: cities.<city>.<key>
  'law:socialBase': { en: 'Social-insurance base limits', zh: '社保缴费基数上下限' },
  'law:employeeRates': { en: 'Employee contribution rates', zh: '个人缴费比例' },
  'law:employerRates': { en: 'Employer contribution rates', zh: '单位缴费比例' },
  'law:housingFundRates': { en: 'Housing-fund rate range', zh: '住房公积金缴存比例' },
  'law:housingFundDefaultRate': { en: 'Default housing-fund rate (assumed)', zh: '默认公积金缴存比例' },
  'law:housingFundBase': { en: 'Housing-fund base limits', zh: '公积金缴存基数上下限' },
  'law:minimumWage': { en: 'Monthly minimum wage', zh: '月最低工资标准' },
  'law:supplementaryFundRates': { en: 'Supplementary housing-fund rate range', zh: '补充住房公积金缴存比例' },
  'law:medicalBase': { en: 'Medical-insurance base limits', zh: '医保缴费基数上下限' },
  'law:unemploymentBase': { en: 'Unemployment base limits', zh: '失业保险缴费基数上下限' },
  'law:medicalTiers': { en: 'Medical tiers the employer may choose', zh: '可选医保档次费率' },
  'law:injuryBase': { en: 'Work-injury base limits', zh: '工伤保险缴费基数上下限' },
  'law:fixedCharges': { en: 'Fixed charges', zh: '定额缴费' },
  // national figures: tax.<key>
  'law:annualTable': { en: 'Annual IIT table', zh: '综合所得税率表' },
  'law:bonusTable': { en: 'Year-end bonus separate taxation, monthly table', zh: '按月换算后的综合所得税率表' },
  'law:basicDeduction': { en: 'Basic deduction', zh: '基本减除费用' },
  'law:children': { en: "Children's education deduction, per child", zh: '子女教育扣除(每个子女)' },
  'law:infants': { en: 'Infant care deduction, per child', zh: '3岁以下婴幼儿照护扣除(每个子女)' },
  'law:elderlyOnlyChild': { en: 'Elderly support deduction, only child', zh: '赡养老人扣除(独生子女)' },
  'law:elderlyShared': { en: 'Elderly support deduction, shared', zh: '赡养老人扣除(非独生子女,上限)' },
  'law:rent': { en: 'Housing rent deduction', zh: '住房租金扣除' },
  'law:mortgage': { en: 'Housing-loan interest deduction', zh: '住房贷款利息扣除' },
  'law:continuingEducation': { en: 'Continuing education deduction', zh: '继续教育扣除' },
  'law:privatePensionYearly': { en: 'Private pension deduction limit', zh: '个人养老金扣除限额' },
  'law:healthInsuranceMonthly': { en: 'Tax-advantaged health insurance deduction limit', zh: '税优健康险扣除限额' },
  'law:annuityRate': { en: 'Enterprise annuity, deductible employee share', zh: '企业年金个人缴费扣除比例' },
  'law:lastYearUnder60k': { en: "Simplified withholding for last year's low earners", zh: '上年收入不超过6万元的简便预扣' },
  'law:reconciliationExemption': { en: 'Annual reconciliation exemption', zh: '免予办理汇算' },
  'law:reconciliationWindow': { en: 'Annual reconciliation period', zh: '汇算清缴期' },
  'law:housingFundTaxFreeRate': { en: 'Housing fund tax-free cap', zh: '住房公积金免税比例' },
  'law:overtimeMultipliers': { en: 'Overtime pay multipliers', zh: '加班工资倍数' },
  'law:payDivisors': { en: 'Pay divisors', zh: '计薪天数与小时' },
  'law:overtimeMonthlyCap': { en: 'Monthly overtime cap', zh: '每月加班上限' },
  'law:statutoryHolidays': { en: 'Statutory holidays', zh: '法定节假日' },
  // keys inside a figure's value ("floor 4,986 · ceiling 25,299")
  'key:floor': { en: 'floor', zh: '下限' },
  'key:ceiling': { en: 'ceiling', zh: '上限' },
  'key:pension': { en: 'pension', zh: '养老' },
  'key:medical': { en: 'medical', zh: '医疗' },
  'key:unemployment': { en: 'unemployment', zh: '失业' },
  'key:injury': { en: 'injury', zh: '工伤' },
  'key:maternity': { en: 'maternity', zh: '生育' },
  'key:medicalAddOn': { en: 'medical add-on', zh: '大病医疗附加' },
  'key:longTermCare': { en: 'long-term care', zh: '长期护理' },
  'key:side': { en: 'paid by', zh: '缴费方' },
  'key:line': { en: 'in', zh: '计入' },
  'key:per': { en: 'per', zh: '按' },
  'key:month': { en: 'month', zh: '月' },
  'key:year': { en: 'year', zh: '年' },
  'key:2': { en: 'tier 2', zh: '二档' },
  'key:3': { en: 'tier 3', zh: '三档' },
  'key:none': { en: 'none', zh: '无' },
  'key:low': { en: 'low', zh: '最低' },
  'key:high': { en: 'high', zh: '最高' },
  'key:amount': { en: 'amount', zh: '金额' },
  'key:excludesEmployeeContributions': { en: 'net of employee contributions', zh: '不含个人缴纳的社保公积金' },
  'key:employee': { en: 'employee', zh: '个人' },
  'key:employer': { en: 'employer', zh: '单位' },
  'key:major': { en: 'major cities', zh: '直辖市、省会等' },
  'key:large': { en: 'large cities', zh: '人口超过100万的城市' },
  'key:other': { en: 'other cities', zh: '其他城市' },
  'key:degreeMonthly': { en: 'degree, a month', zh: '学历教育每月' },
  'key:certificateOnce': { en: 'certificate, once', zh: '职业资格证书一次性' },
  'key:threshold': { en: 'threshold', zh: '门槛' },
  'key:deduction': { en: 'deduction', zh: '扣除' },
  'key:incomeUpTo': { en: 'income up to', zh: '年收入不超过' },
  'key:balanceUpTo': { en: 'balance up to', zh: '补税不超过' },
  'key:from': { en: 'from', zh: '自' },
  'key:until': { en: 'until', zh: '至' },
  'key:weekday': { en: 'weekday', zh: '工作日' },
  'key:restDay': { en: 'rest day', zh: '休息日' },
  'key:holiday': { en: 'holiday', zh: '法定节假日' },
  'key:day': { en: 'days', zh: '天' },
  'key:hour': { en: 'hours', zh: '小时' },
  'key:true': { en: 'yes', zh: '是' },
  'key:false': { en: 'no', zh: '否' },
  brackets: { en: '{n} brackets, {low}–{high}', zh: '{n} 级,{low}–{high}' },
  // confidences
  'conf:official': { en: 'official', zh: '官方' },
  'conf:secondary': { en: 'secondary', zh: '转载' },
  'conf:derived': { en: 'derived', zh: '推算' },
  'conf:unverified': { en: 'unverified', zh: '未核实' },
  'conf:assumption': { en: 'assumption', zh: '假设' },
} satisfies Record<string, Entry>;

const CJK = /[\u3400-\u9fff]/;

/** Words of law references, in Chinese (document names as Chinese notices write them). */
const REF_ZH: [RegExp, string | ((...g: string[]) => string)][] = [
  [/MOF\/STA Announcement (\d{4}) No\. (\d+)/g, (y, n) => `财政部 税务总局公告${y}年第${n}号`],
  [/STA Announcement (\d{4}) No\. (\d+)/g, (y, n) => `国家税务总局公告${y}年第${n}号`],
  [/IIT Law \(2018 amendment\)/g, '个人所得税法(2018年修正)'],
  [/Labou?r Contract Law/g, '劳动合同法'],
  [/Labou?r Law/g, '劳动法'],
  [/Social Insurance Law/g, '社会保险法'],
  [/Housing Provident Fund Regulation/g, '住房公积金管理条例'],
  [/annexed table (\d+)/g, (n) => `附表${n}`],
  [/,? ?Arts?\. (\d+)(?:[–-](\d+))?(?:\((\d+)\))?/g, (a, b, c) => `第${a}${b ? `至${b}` : ''}条${c ? `第(${c})项` : ''}`],
  [/cumulative withholding:/g, '累计预扣法:'],
  [/infant care:/g, '婴幼儿照护:'],
  [/: settled /g, ',汇算期'],
  [/\(([\d,]+) a year, ([\d,]+) a month\)/g, (y, mo) => `(每年${y}元,每月${mo}元)`],
  [/(\d{4}) revision/g, (y) => `${y}年修订`],
  [/in force (\d{4}-\d{2}-\d{2})/g, (d) => `${d}起施行`],
  [/; /g, ';'],
];

/**
 * A reference as a Chinese reader wants it: the Chinese document name where the
 * English one quotes it in brackets ("MOF/STA Announcement 2024 No. 21 (财政部 …)"),
 * English explanations in brackets after a Chinese name left out, and the common
 * English words of law references in Chinese. A free-text assumption stays as written.
 */
export function refIn(ref: string, lang: 'en' | 'zh'): string {
  if (lang === 'en' || /^assumption:/.test(ref)) return ref;
  let out = ref
    // "English name (中文名)" -> 中文名
    .replace(/(^|;\s*)[^;()\u3400-\u9fff]+ \(([^()]*[\u3400-\u9fff][^()]*)\)/g, (_, start: string, zh: string) => `${start}${zh}`)
    // "中文文号 (English explanation)" -> 中文文号
    .replace(/([\u3400-\u9fff〕号])\s*\(([^()\u3400-\u9fff]*)\)/g, '$1');
  for (const [re, to] of REF_ZH) out = out.replace(re, (...m: string[]) => (typeof to === 'string' ? to : to(...m.slice(1, -2))));
  // Spaces next to Chinese go (but not between two Chinese names: 财政部 税务总局).
  return CJK.test(out) ? out.replace(/(?<![\u3400-\u9fff])\s+(?=[\u3400-\u9fff(（])/g, '').replace(/\s+\(/g, '(').replace(/\)/g, ')').replace(/, ?/g, ',') : ref;
}
