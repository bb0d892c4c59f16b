/** Warnings of a result. Params carry numbers already formatted, and names in both languages. */
import type { Entry } from './messages.js';
import { figureName } from './names.js';

export interface Named {
  en: string;
  zh: string;
}
/** A law figure a warning names: its English short name, and its id and label for the Chinese one. */
export interface Figure {
  en: string;
  id: string;
  label: string;
  /** The Chinese name of the figure's city, when it is a city figure and the city has one. */
  city?: string;
  until?: string;
  confidence?: string;
}
const zhName = (f: Figure) => figureName(f.id, f.label, 'zh', () => f.city);
const CONF_ZH: Record<string, string> = { official: '官方', secondary: '转载', derived: '推算', unverified: '未核实', assumption: '假设' };
const months = (list: number[]) => list.join(', ');
const monthsZh = (list: number[]) => `${list.join('、')}月`;

export const WARNINGS = {
  // notes: facts about the answer that are not warnings
  'n:employer-cost-unknown': {
    en: "Employer cost is unknown: with --insurance and no city, the employer's contributions cannot be worked out. Give --city for them.",
    zh: '企业用工成本未知:只给出 --insurance 而没有城市时,无法计算单位缴费。请给出 --city。',
  },
  'n:bonus-prorated': {
    en: (p: { full: string; months: number; bonus: string }) =>
      `The estimated year-end bonus (${p.full} for a full year) is prorated to the ${p.months} month${p.months > 1 ? 's' : ''} worked for the employer that pays it: ${p.bonus}. Give --bonus for the amount agreed.`,
    zh: (p: { full: string; months: number; bonus: string }) =>
      `估算的年终奖(全年 ${p.full})按在发放单位的在职月数 ${p.months} 个月折算为 ${p.bonus}。如有约定金额,请用 --bonus。`,
  },
  'w:below-minimum-wage': {
    en: (p: { city: string; counted: string; minimum: string; net: boolean; months?: number[] }) =>
      `${p.net ? 'Pay counted toward the minimum wage, after employee insurance and housing fund, is' : 'Pay counted toward the minimum wage is'} ${p.counted} a month, ` +
      `below ${p.city}'s minimum of ${p.minimum} (overtime and shift allowances do not count)${p.months ? ` (months ${months(p.months)})` : ''}.`,
    zh: (p: { city: string; counted: string; minimum: string; net: boolean; months?: number[] }) =>
      `计入最低工资的月收入${p.net ? '(扣除个人社保公积金后)' : ''}为 ${p.counted},低于${p.city}最低工资 ${p.minimum}(加班费和班次津贴不计入)` +
      `${p.months ? `(${monthsZh(p.months)})` : ''}。`,
  },
  'w:negative-take-home': {
    en: (p: { months: number[]; worst: string; worstMonth: number }) =>
      `Take-home is below zero in month${p.months.length > 1 ? 's' : ''} ${months(p.months)} (${p.worst} in month ${p.worstMonth}): ` +
      'insurance and tax are more than the pay. Check the gross and --insurance.',
    zh: (p: { months: number[]; worst: string; worstMonth: number }) =>
      `${monthsZh(p.months)}到手为负(${p.worstMonth}月 ${p.worst}):社保和个税超过了工资。请检查税前工资和 --insurance。`,
  },
  'w:stale-data': {
    en: (p: { figures: Figure[] }) =>
      `Past their period, nothing newer on file: ${p.figures.map((f) => `${f.en} (to ${f.until})`).join('; ')}. Give --social-base to set the base yourself.`,
    zh: (p: { figures: Figure[] }) =>
      `以下数字已过有效期,且暂无更新的文件:${p.figures.map((f) => `${zhName(f)}(至 ${f.until})`).join(';')}。可用 --social-base 自行指定缴费基数。`,
  },
  'w:estimated-data': {
    en: (p: { figures: Figure[]; early: number[] }) =>
      [
        p.figures.length ? `Estimates, not confirmed by a notice: ${p.figures.map((f) => `${f.en} (${f.confidence})`).join('; ')}.` : '',
        p.early.length ? `No city figure is on file for month${p.early.length > 1 ? 's' : ''} ${months(p.early)}: the earliest stands in.` : '',
      ].filter(Boolean).join(' '),
    zh: (p: { figures: Figure[]; early: number[] }) =>
      [
        p.figures.length ? `以下为估计值,未经官方通知确认:${p.figures.map((f) => `${zhName(f)}(${CONF_ZH[f.confidence ?? ''] ?? f.confidence})`).join(';')}。` : '',
        p.early.length ? `${monthsZh(p.early)}没有城市数字,暂用最早的数字代替。` : '',
      ].join(''),
  },
  'w:bonus-dead-zone': {
    en: (p: { bonus: string; cutTo: string; gain: string; merged: boolean }) =>
      `Taxed separately, a year-end bonus of ${p.bonus} sits in a dead zone (多发少得): cut to ${p.cutTo} it would net ${p.gain} more.` +
      `${p.merged ? ' The merged method used here avoids it.' : ''}`,
    zh: (p: { bonus: string; cutTo: string; gain: string; merged: boolean }) =>
      `年终奖 ${p.bonus} 单独计税时落在"多发少得"区间:降到 ${p.cutTo} 反而多得 ${p.gain}。${p.merged ? '本次采用并入综合所得计税,可避开。' : ''}`,
  },
  'w:social-base-clamped': {
    en: 'A contribution base of {declared} is outside {city}\'s limits (social insurance {social}, housing fund {fund}); the nearest limit is used.',
    zh: '缴费基数 {declared} 超出{city}的上下限(社保 {social},公积金 {fund}),按最接近的限值计算。',
  },
  'w:unreachable-net': {
    en: 'No monthly gross gives an average take-home of exactly {target}: {why}. The nearest is used.',
    zh: '没有哪个月度税前工资能让月均到手恰好为 {target}:{why}。已取最接近的值。',
  },
  'w:unreachable-jump': {
    en: 'take-home jumps from {below} to {above} as gross goes from {from} to {to}, because contributions and tax are rounded',
    zh: '税前从 {from} 增至 {to} 时,由于社保和个税取整,到手从 {below} 跳到 {above}',
  },
  'w:unreachable-floor': {
    en: 'even a gross of {gross} takes home {net}',
    zh: '即使税前为 {gross},到手也有 {net}',
  },
  'w:unreachable-nearest': {
    en: 'No monthly gross gives an average take-home of exactly {target}; the nearest is {nearest}.',
    zh: '没有哪个月度税前工资能让月均到手恰好为 {target};最接近的是 {nearest}。',
  },
  'w:gross-with-pay-options': {
    en: 'A known gross ({gross}) already includes the pay; {keys} are added as lines on top of it.',
    zh: '已知税前工资({gross})已含各项收入;{keys} 作为额外项目计入。',
  },
} satisfies Record<string, Entry>;
