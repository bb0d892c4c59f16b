/**
 * Error messages and hints: what is wrong, what is accepted, what to run next.
 * English keeps the wording scripts and tests already match.
 */
import type { Entry } from './messages.js';

const KIND_ZH: Record<string, string> = { city: '城市', level: '岗位级别', platform: '平台', component: '收入项目' };
const PLURAL: Record<string, string> = { city: 'cities', level: 'levels', platform: 'platforms', component: 'components' };

/** Built when a message of this part is first said: a command that succeeds needs none of it. */
const build = () => ({
  // commander's own errors, by their code (src/cli/run.ts)
  'cli:unknownOption': { en: "unknown option '{name}'.", zh: "未知选项 '{name}'。" },
  'cli:unknownCommand': { en: "unknown command '{name}'.", zh: "未知命令 '{name}'。" },
  'cli:excessArguments': { en: "too many arguments for '{name}'.", zh: "'{name}' 的参数过多。" },
  'cli:missingArgument': { en: "missing required argument '{name}'.", zh: "缺少参数 '{name}'。" },
  'cli:optionMissingArgument': { en: "option '{name}' argument missing.", zh: "选项 '{name}' 需要一个值。" },
  'cli:seeHelp': { en: 'See `{help}`.', zh: '详见 `{help}`。' },
  'cli:didYouMean': { en: 'Did you mean {guess}?', zh: '是不是想输入 {guess}?' },
  'cli:otherCommand': { en: '{flag} is an option of {commands}.', zh: '{flag} 是 {commands} 的选项。' },
  // what a value is ("expects an amount in yuan")
  'what:yuan': { en: 'an amount in yuan', zh: '以元为单位的金额' },
  'what:count': { en: 'a whole number', zh: '整数' },
  'what:hours': { en: 'hours a month', zh: '每月小时数' },
  'what:percentage': { en: 'a percentage', zh: '百分比' },
  'what:percentile': { en: 'a percentile', zh: '分位数' },
  'what:months-of-base': { en: 'months of base pay', zh: '底薪月数' },
  'what:month-number': { en: 'a month number, 1 to 12', zh: '月份(1 到 12)' },
  'why:days': { en: 'the days in a month', zh: '一个月的天数' },
  'why:working-days': { en: 'the working days in a month', zh: '一个月的工作日数' },
  'why:orders': { en: 'orders a month cs-pay accepts', zh: 'cs-pay 接受的每月订单数' },
  'why:children': { en: 'children cs-pay accepts', zh: 'cs-pay 接受的子女数' },
  'why:infants': { en: 'infants cs-pay accepts', zh: 'cs-pay 接受的婴幼儿数' },
  // flag values (src/request/values.ts)
  'e:takes': { en: '{flag} takes {takes}. See `{help}`.', zh: '{flag} 的取值:{takes}。详见 `{help}`。' },
  'e:expects': { en: "{flag} expects {what}, like {example}; got '{raw}'.", zh: "{flag} 应为{what},例如 {example};收到 '{raw}'。" },
  'takes:like': { en: '{what}, like {example}', zh: '{what},例如 {example}' },
  'e:yuan-sign': { en: "{flag} must be zero or more yuan; got '{raw}'.", zh: "{flag} 不能为负数;收到 '{raw}'。" },
  'e:yuan-positive': { en: "{flag} must be more than zero yuan; got '{raw}'.", zh: "{flag} 必须大于零;收到 '{raw}'。" },
  'takes:yuan': { en: 'an amount in yuan, like 12000 or 12000.50', zh: '以元为单位的金额,例如 12000 或 12000.50' },
  'e:yuan-beyond': { en: '{flag} of {raw} yuan is beyond what cs-pay models.', zh: '{flag} 为 {raw} 元,超出 cs-pay 的计算范围。' },
  'takes:yuan-max': { en: 'at most 100,000,000 yuan', zh: '不超过 100,000,000 元' },
  'e:yuan-fen': { en: "{flag} is an amount in yuan to the fen; got '{raw}'.", zh: "{flag} 是精确到分的金额;收到 '{raw}'。" },
  'takes:two-decimals': { en: 'two decimals at most', zh: '最多两位小数' },
  'e:count-whole': { en: "{flag} must be a whole number, zero or more; got '{raw}'.", zh: "{flag} 必须是零或正整数;收到 '{raw}'。" },
  'e:count-max': { en: '{flag} of {n} is more than {why} ({max}).', zh: '{flag} 为 {n},超过{why}({max})。' },
  'takes:count': { en: 'a whole number from 0 to {max}', zh: '0 到 {max} 的整数' },
  'e:hours-sign': { en: "{flag} must be zero or more hours; got '{raw}'.", zh: "{flag} 不能为负数;收到 '{raw}'。" },
  'e:hours-max': { en: '{flag} of {n} hours is more than a month has (744).', zh: '{flag} 为 {n} 小时,超过一个月的总小时数(744)。' },
  'takes:hours': { en: 'hours a month, from 0 to 744', zh: '每月小时数,0 到 744' },
  'e:negative': { en: "{flag} cannot be negative; got '{raw}'.", zh: "{flag} 不能为负数;收到 '{raw}'。" },
  'e:share-max': { en: "{flag} cannot be above {max}%; got '{raw}'.", zh: "{flag} 不能超过 {max}%;收到 '{raw}'。" },
  'takes:share': { en: 'a percentage from 0 to {max}%: 96, 96% or 0.96', zh: '0 到 {max}% 的百分比:96、96% 或 0.96' },
  'e:percent-max': { en: '{flag} of {n}% is above the {max}% cs-pay accepts.', zh: '{flag} 为 {n}%,超过 cs-pay 接受的 {max}%。' },
  'takes:percent': { en: 'a percentage from 0 to {max}, like 115', zh: '0 到 {max} 的百分比,例如 115' },
  'e:ambiguous-percent': { en: '{write}{raw} can be read two ways: {low}% or {high}%.', zh: '{write}{raw} 有两种理解:{low}% 或 {high}%。' },
  'hint:ambiguous-percent': {
    en: 'For {high}% write {write}{highText} (or {highText}%); for {low}% write {write}{low}%.',
    zh: '若是 {high}%,请写 {write}{highText}(或 {highText}%);若是 {low}%,请写 {write}{low}%。',
  },
  'e:range': { en: "{flag} must be between {low} and {high}; got '{raw}'.", zh: "{flag} 必须在 {low} 到 {high} 之间;收到 '{raw}'。" },
  'takes:range': { en: '{what} from {low} to {high}', zh: '{low} 到 {high} 的{what}' },
  'e:whole-month': { en: "{flag} must be a whole month, 1 to 12; got '{raw}'.", zh: "{flag} 必须是 1 到 12 的整月;收到 '{raw}'。" },
  'e:date': { en: "{flag} expects a date as YYYY-MM-DD, like 2026-01-01; got '{raw}'.", zh: "{flag} 应为 YYYY-MM-DD 格式的日期,例如 2026-01-01;收到 '{raw}'。" },
  'takes:date': { en: 'a calendar date as YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的日期' },
  'e:choice': { en: "{flag} must be one of {choices}; got '{raw}'.", zh: "{flag} 必须是以下之一:{choices};收到 '{raw}'。" },
  'hint:did-you-mean': { en: 'Did you mean {guess}?', zh: '您是不是要输入 {guess}?' },
  'hint:choices': { en: 'Choices: {choices}.', zh: '可选:{choices}。' },
  // names (src/request/identify.ts)
  'e:unknown': {
    en: "Unknown {kind} '{raw}'.",
    zh: (p: { kind: string; raw: string }) => `未知的${KIND_ZH[p.kind] ?? p.kind}'${p.raw}'。`,
  },
  'hint:unknown': {
    en: (p: { kind: string; guess?: string; ids: string; list: string }) =>
      `${p.guess ? `Did you mean ${p.guess}? ` : ''}Valid ${PLURAL[p.kind] ?? p.kind}: ${p.ids} (see \`cs-pay ${p.list}\`).`,
    zh: (p: { kind: string; guess?: string; ids: string; list: string }) =>
      `${p.guess ? `您是不是要输入 ${p.guess}?` : ''}可用的${KIND_ZH[p.kind] ?? p.kind}:${p.ids}(见 \`cs-pay ${p.list}\`)。`,
  },
  'e:level-not-offered': { en: 'Platform {platform} has no pay figures for level {level}.', zh: '平台 {platform} 没有岗位级别 {level} 的薪酬数据。' },
  'hint:level-not-offered': {
    en: (p: { offered: string; level: string; others: string[] }) =>
      `Its levels: ${p.offered}.${p.others.length ? ` Platforms with ${p.level}: ${p.others.join(', ')} (--platform ${p.others[0]}).` : ''}`,
    zh: (p: { offered: string; level: string; others: string[] }) =>
      `该平台的级别:${p.offered}。${p.others.length ? `有 ${p.level} 级别的平台:${p.others.join(', ')}(--platform ${p.others[0]})。` : ''}`,
  },
  // requests (src/request/request.ts, src/request/keys.ts, src/answer.ts)
  'e:unknown-option': { en: "Unknown option '{key}' in {where}.", zh: "{where}中有未知选项 '{key}'。" },
  'hint:options': {
    en: (p: { guess?: string; options: string }) => `${p.guess ? `Did you mean ${p.guess}? ` : ''}Options: ${p.options}.`,
    zh: (p: { guess?: string; options: string }) => `${p.guess ? `您是不是要输入 ${p.guess}?` : ''}可用选项:${p.options}。`,
  },
  'where:batch-line': { en: 'this batch line', zh: '本行批量输入' },
  'where:options': { en: 'the {command} options', zh: '{command} 的选项' },
  'where:offer': { en: "the offer '{spec}'", zh: "报价 '{spec}'" },
  'e:switch': { en: "{flag} is a switch (true or false); got '{raw}'.", zh: "{flag} 是开关(true 或 false);收到 '{raw}'。" },
  'e:needs-city': { en: 'estimate needs a city (--city).', zh: 'estimate 需要城市(--city)。' },
  'hint:cities': { en: 'Cities: {ids}.', zh: '可用城市:{ids}。' },
  'e:needs-level': { en: 'estimate needs a level (--level).', zh: 'estimate 需要岗位级别(--level)。' },
  'hint:levels': { en: 'Levels: {ids}.', zh: '可用级别:{ids}。' },
  'e:rent-mortgage': { en: '--rent and --mortgage cannot be claimed together.', zh: '--rent 和 --mortgage 不能同时申报。' },
  'hint:rent-mortgage': { en: 'The law allows one housing deduction: pick --rent or --mortgage.', zh: '住房扣除只能选一项:--rent 或 --mortgage。' },
  'e:payroll-needs-city': {
    en: '{command} needs a city for social insurance (--city) or the monthly total (--insurance).',
    zh: '{command} 需要城市(--city)来计算社保,或直接给出每月社保公积金合计(--insurance)。',
  },
  'hint:example': { en: 'Example: {example}', zh: '例如:{example}' },
  'e:net-needs-gross': { en: 'net needs the monthly gross (--gross).', zh: 'net 需要月度税前工资(--gross)。' },
  'e:gross-needs-net': { en: 'gross needs the monthly take-home to aim for (--net).', zh: 'gross 需要目标月到手金额(--net)。' },
  // month changes
  'e:prefixed': { en: '{prefix}: {inner}', zh: '{prefix}:{inner}' },
  'e:change-month': { en: "{flag} needs a month from 1 to 12; got '{raw}'.", zh: "{flag} 需要 1 到 12 的月份;收到 '{raw}'。" },
  'hint:change-form': { en: 'Write it as {flag} 7:key=value.', zh: '写法:{flag} 7:key=value。' },
  'e:change-city': { en: '{flag} {month}: a new city comes with a new employer, so give it with --job.', zh: '{flag} {month}:换城市意味着换雇主,请用 --job。' },
  'e:change-fixed': { en: "{flag} {month}: '{key}' cannot change for one month.", zh: "{flag} {month}:'{key}' 不能按月变化。" },
  'e:change-unknown': { en: "{flag} {month}: unknown key '{key}'.", zh: "{flag} {month}:未知的键 '{key}'。" },
  'hint:change-keys': {
    en: (p: { guess?: string; keys: string }) => `${p.guess ? `Did you mean ${p.guess}? ` : ''}Keys: ${p.keys}.`,
    zh: (p: { guess?: string; keys: string }) => `${p.guess ? `您是不是要输入 ${p.guess}?` : ''}可用的键:${p.keys}。`,
  },
  'e:change-gross': {
    en: '{flag} {month}: gross= is for a known gross (net); an estimate changes base=, level= or the pay options.',
    zh: '{flag} {month}:gross= 用于已知税前(net);estimate 请改 base=、level= 或其他收入选项。',
  },
  'e:change-pay-option': {
    en: '{flag} {month}: {key}= is a pay option of estimate; with a known gross, change gross= or add extra=.',
    zh: '{flag} {month}:{key}= 是 estimate 的收入选项;已知税前时请改 gross= 或加 extra=。',
  },
  'e:change-shape': { en: "{flag} expects month:key=value; got '{raw}'.", zh: "{flag} 的写法是 month:key=value;收到 '{raw}'。" },
  'e:change-jobs': { en: 'jobs is a list of objects like {"month": 7, "gross": 12000}.', zh: 'jobs 是对象列表,例如 {"month": 7, "gross": 12000}。' },
  'e:change-object': {
    en: '{flag} expects an object of keys and values for each month, like {"7": {"base": 8000}}.',
    zh: '{flag} 应为每月的键值对象,例如 {"7": {"base": 8000}}。',
  },
  'e:change-spec': { en: "{flag} expects month:key=value[,key=value]; got '{raw}'.", zh: "{flag} 的写法是 month:key=value[,key=value];收到 '{raw}'。" },
  'hint:change-example': { en: 'Example: {flag} 7:gross=20000.', zh: '例如:{flag} 7:gross=20000。' },
  'e:change-empty': { en: '{flag} {month}: nothing to change.', zh: '{flag} {month}:没有要改的内容。' },
  'e:job-twice': { en: '--job {month} is given twice: one employer change a month.', zh: '--job {month} 出现了两次:每月只能换一次雇主。' },
  'e:change-twice': { en: '{flags} set {key} for month {month} twice, to different values.', zh: '{flags} 对 {month} 月的 {key} 设了两个不同的值。' },
  'hint:change-twice': { en: 'Give each key once for a month.', zh: '每个月的每个键只给一次。' },
  'e:job-before-start': {
    en: '--job {month} starts a new employer in month {month}, but work this year starts in month {start}.',
    zh: '--job {month} 在 {month} 月换雇主,但今年从 {start} 月才开始工作。',
  },
  'hint:job-before-start': {
    en: 'A job change comes after --start-month; the first employer is the one the other flags describe.',
    zh: '换工作应在 --start-month 之后;第一个雇主由其他选项描述。',
  },
  // payroll checks a flag can reach
  'e:medical-tier': { en: '{city} has no medical-insurance tier {tier}; its tiers are {tiers}.', zh: '{city}没有第 {tier} 档医保;可选档次:{tiers}。' },
  'hint:medical-tier': { en: 'Pick one of the tiers {tiers}, or leave out --medical-tier.', zh: '请选择档次 {tiers} 之一,或去掉 --medical-tier。' },
  'e:fund-rate': { en: "A housing-fund rate of {rate} is outside {city}'s range of {low} to {high}.", zh: '公积金缴存比例 {rate} 超出{city}的范围 {low} 到 {high}。' },
  'e:supplementary-rate': {
    en: "A supplementary housing-fund rate of {rate} is outside {city}'s range of {low} to {high}.",
    zh: '补充公积金缴存比例 {rate} 超出{city}的范围 {low} 到 {high}。',
  },
  'hint:rate-range': { en: 'Pick a rate from {low} to {high}.', zh: '请选择 {low} 到 {high} 之间的比例。' },
  'e:no-supplementary': { en: '{city} has no supplementary housing fund; --supplementary-fund-rate is for Shanghai.', zh: '{city}没有补充公积金;--supplementary-fund-rate 仅适用于上海。' },
  'hint:no-supplementary': { en: 'Leave out --supplementary-fund-rate.', zh: '请去掉 --supplementary-fund-rate。' },
  'e:bonus-before-start': {
    en: 'The year-end bonus is paid in month {bonus}, before work starts in month {start}.',
    zh: '年终奖在 {bonus} 月发放,早于 {start} 月入职。',
  },
  'hint:bonus-before-start': { en: 'Set --bonus-month to a month worked.', zh: '请把 --bonus-month 设为在职月份。' },
  'e:unpaid-days': { en: "{days} unpaid days in month {month} cost more than the month's pay.", zh: '{month} 月的 {days} 天事假扣款超过了当月工资。' },
  'hint:unpaid-days': { en: 'A month has at most about 22 working days.', zh: '一个月最多约 22 个工作日。' },
  'e:last-year-start': {
    en: 'The 60,000 deduction from January (STA 2020 No. 19) is for someone at the same employer since last year, so work starts in January.',
    zh: '从1月起扣除6万元(国家税务总局公告2020年第19号)适用于上年起在同一单位任职的人,因此应从1月开始工作。',
  },
  'hint:last-year-start': { en: 'Leave out --start-month or --last-year-under-60k.', zh: '请去掉 --start-month 或 --last-year-under-60k。' },
  'e:first-job-last-year': {
    en: '--first-job and --last-year-under-60k describe different people: the first wage income of the year, or a job held since last year.',
    zh: '--first-job 和 --last-year-under-60k 描述的是不同情形:今年首次取得工资,或上年起一直任职。',
  },
  'hint:pick-one': { en: 'Pick one.', zh: '请二选一。' },
  'e:earlier-income': {
    en: 'Income at earlier employers this year comes before --start-month; with work from January there is none.',
    zh: '之前雇主的收入发生在 --start-month 之前;从1月开始工作则没有这部分收入。',
  },
  'hint:earlier-income': { en: 'Give --start-month, or leave out the --earlier-… flags.', zh: '请给出 --start-month,或去掉 --earlier-… 选项。' },
  'e:rent-city': { en: 'The rent deduction depends on the city.', zh: '住房租金扣除标准取决于城市。' },
  'hint:rent-city': { en: 'Give --city, or put the amount in --deduction.', zh: '请给出 --city,或把金额计入 --deduction。' },
  'e:no-rule': {
    en: "No rule for '{label}' is in force on {date}: cs-pay's rules start on {first}.",
    zh: '{date} 没有生效的"{label}"规则:cs-pay 的规则从 {first} 开始。',
  },
  'hint:no-rule': { en: 'Use a date on or after {first} (--date {first}).', zh: '请使用 {first} 或之后的日期(--date {first})。' },
  // output
  'e:two-formats': { en: '--json and --format {format} ask for two formats.', zh: '--json 和 --format {format} 要求了两种格式。' },
  'hint:use-one': { en: 'Use one of them.', zh: '请只用其中一个。' },
  // --set
  'e:set-shape': { en: "--set expects component=amount, like meal=0; got '{raw}'.", zh: "--set 的写法是 项目=金额,例如 meal=0;收到 '{raw}'。" },
  'hint:components': {
    en: (p: { guess?: string; ids: string }) => `${p.guess ? `Did you mean ${p.guess}? ` : ''}Components: ${p.ids} (see \`cs-pay components\`).`,
    zh: (p: { guess?: string; ids: string }) => `${p.guess ? `您是不是要输入 ${p.guess}?` : ''}可用项目:${p.ids}(见 \`cs-pay components\`)。`,
  },
  'e:set-twice': { en: '--set {id} is given twice.', zh: '--set {id} 出现了两次。' },
  'e:set-not-paid': {
    en: 'Component {id} is not paid by the {platform} platform.',
    zh: '平台 {platform} 没有收入项目 {id}。',
  },
  'hint:set-not-paid': { en: 'Its components: {ids}.', zh: '该平台的收入项目:{ids}。' },
  'e:set-with-gross': {
    en: "--set changes the model's components; a known gross has none ({keys}).",
    zh: '--set 修改模型中的收入项目;已知税前工资时没有这些项目({keys})。',
  },
  'e:gross-pay-options': {
    en: 'A known gross cannot take the pay options {keys}: they are parts of a model estimate.',
    zh: '已知税前工资时不能使用收入选项 {keys}:它们属于模型估算。',
  },
  'hint:gross-pay-options': {
    en: 'Add them to the gross, or give level= and let the model build the pay.',
    zh: '请把它们计入税前工资,或给出 level= 由模型计算。',
  },
  // several at once
  'e:repeated-flag': { en: '{flag} is given more than once ({values}).', zh: '{flag} 给了不止一次({values})。' },
  'hint:repeated-flag': { en: 'For several at once write {flag} {joined} (or all).', zh: '一次计算多个请写 {flag} {joined}(或 all)。' },
  'e:matrix-too-big': { en: '{n} combinations is more than cs-pay computes at once ({max}).', zh: '{n} 种组合超过 cs-pay 一次计算的上限({max})。' },
  'hint:matrix-too-big': { en: 'Narrow --city, --level or --platform.', zh: '请缩小 --city、--level 或 --platform 的范围。' },
  'e:matrix-none': { en: 'No platform pays level {level}.', zh: '没有平台有岗位级别 {level}。' },
  'e:list-only-estimate': { en: '{flag} takes one value here; lists and all are for estimate.', zh: '此处 {flag} 只能给一个值;列表和 all 仅用于 estimate。' },
  // deductions people claim, and the year's corners
  'e:share': { en: '{flag} is {choices} (percent of the deduction this person takes); got {raw}.', zh: '{flag} 只能是 {choices}(本人扣除的百分比);收到 {raw}。' },
  'hint:share': { en: 'One person takes it in full (100), or each takes half ({flag} 50).', zh: '一方全额扣除(100),或双方各扣一半({flag} 50)。' },
  'e:elderly-share': { en: '--elderly-share {raw} is more than the {most} a month one sibling may take (国发〔2023〕13号).', zh: '--elderly-share {raw} 超过了每人每月最多分摊的 {most} 元(国发〔2023〕13号)。' },
  'hint:elderly-share': { en: 'Give the agreed monthly share, at most {most}.', zh: '请给出约定的每月分摊额,最多 {most} 元。' },
  'e:elderly-share-needs-shared': { en: '--elderly-share is the share agreed with siblings; it needs --elderly shared.', zh: '--elderly-share 是与兄弟姐妹约定的分摊额,需要同时给出 --elderly shared。' },
  'hint:elderly-share-needs-shared': { en: 'Add --elderly shared, or drop --elderly-share.', zh: '请加上 --elderly shared,或去掉 --elderly-share。' },
  'e:first-job-earlier': {
    en: '--first-job and {flags} cannot go together: the first-job rule (STA 2020 No. 13) is only for someone with no wages earlier in the year.',
    zh: '--first-job 不能与 {flags} 同时使用:首次取得工资的规则(国家税务总局公告2020年第13号)只适用于本年此前没有工资收入的人。',
  },
  'hint:first-job-earlier': { en: 'Drop --first-job: the earlier income is counted at the reconciliation.', zh: '请去掉 --first-job:之前的收入会在年度汇算时计入。' },
  'e:in-before-start': {
    en: '--in {month} gives {keys} for month {month}, before work starts in month {start}: there is no pay that month.',
    zh: '--in {month} 给出了 {month} 月的 {keys},但 {start} 月才入职:那个月没有工资。',
  },
  'hint:in-before-start': {
    en: 'Before --start-month only deductions may be given (they count at the reconciliation); pay from an earlier employer goes in --earlier-income.',
    zh: '--start-month 之前只能给出扣除项(在年度汇算时计入);之前雇主的收入请用 --earlier-income。',
  },
  // model and offer files: every problem found, each at file:line:col and key path
  'e:file-problems': {
    en: (p: { items: { where: string; en: string }[] }) => p.items.map((i) => `${i.where}: ${i.en}.`).join('\ncs-pay: '),
    // The schemas' own messages (refines, limits) are matched by their English wording; zod's, in its own Chinese.
    zh: (p: { items: { where: string; en: string; zh: string }[] }) => p.items.map((i) => `${i.where}:${schemaZh(i.en) ?? i.zh}。`).join('\ncs-pay: '),
  },
  'hint:fix-offer': {
    en: 'Fix the offer file; its keys are the long flag names in camelCase (see data/offers/).',
    zh: '请修改报价文件;其中的键是命令行长选项名的驼峰写法(见 data/offers/)。',
  },
  'e:at': {
    en: (p: { where: string; inner: string }) => `${p.where}: ${String(p.inner).replace(/\.$/, '')}.`,
    zh: (p: { where: string; inner: string }) => `${p.where}:${String(p.inner).replace(/[。.]$/, '')}。`,
  },
  'hint:fix-model': { en: 'Fix the file, then check it with `cs-pay model validate <file>`.', zh: '请修改文件,然后用 `cs-pay model validate <file>` 检查。' },
  // batch: reading lines and CSV rows, in either language
  'w:the-header': { en: 'The CSV header', zh: 'CSV 表头' },
  'w:this-row': { en: 'This row', zh: '这一行' },
  'w:this-line': { en: 'This line', zh: '这一行' },
  'e:not-utf8': { en: '{what} is not UTF-8 text: it holds bytes that are no UTF-8 character.', zh: '{what}不是 UTF-8 文本:其中有不属于任何 UTF-8 字符的字节。' },
  'hint:not-utf8': {
    en: 'Save the file as UTF-8 (spreadsheet programs call it "CSV UTF-8"), or give --encoding gbk for a GBK file.',
    zh: '请把文件存为 UTF-8(表格软件中叫"CSV UTF-8"),GBK 文件请加 --encoding gbk。',
  },
  'e:not-gb18030': { en: '{what} is not GB18030 (GBK) text: it holds bytes that are no GB18030 character.', zh: '{what}不是 GB18030(GBK)文本:其中有不属于任何 GB18030 字符的字节。' },
  'hint:not-gb18030': { en: 'Save the file as UTF-8 or GBK, or give --encoding utf8.', zh: '请把文件存为 UTF-8 或 GBK,或加 --encoding utf8。' },
  'e:not-text': { en: 'The batch input is neither UTF-8 nor GB18030 (GBK) text.', zh: '批量输入既不是 UTF-8 也不是 GB18030(GBK)文本。' },
  'hint:not-text': { en: 'Save it as "CSV UTF-8" or as CSV (GBK), or give --encoding.', zh: '请存为"CSV UTF-8"或 CSV(GBK),或用 --encoding 指定。' },
  'e:csv-header-invalid': { en: 'The CSV header is not valid CSV: {inner}', zh: 'CSV 表头不是有效的 CSV:{inner}' },
  'e:batch-read': { en: 'Cannot read the batch input: {why}.', zh: '无法读取批量输入:{why}。' },
  'e:csv-columns-twice': { en: "Columns {a} and {b} of the CSV header both name '{key}'.", zh: "CSV 表头的第 {a} 列和第 {b} 列都是 '{key}'。" },
  'hint:csv-columns-twice': { en: 'Keep one of them.', zh: '请只保留其中一列。' },
  'e:csv-header-empty': { en: 'The CSV header is empty; the first row names the columns, like id,command,gross,city.', zh: 'CSV 表头为空;第一行应写列名,例如 工号,城市,级别,月薪。' },
  'e:csv-empty-row': { en: 'Empty row; expected the cells of a request.', zh: '空行;这里应是一个请求的各个单元格。' },
  'e:csv-row-cells': { en: 'This row has {cells} cells; the header has {header}.', zh: '这一行有 {cells} 个单元格,表头只有 {header} 列。' },
  'e:csv-cell-no-column': { en: 'Cell {cell} has a value, but its column has no name in the header.', zh: '第 {cell} 个单元格有值,但表头中这一列没有名字。' },
  'e:csv-quote-open': { en: 'Not valid CSV at line {line}: a quote is not closed, so the rest of the input was read as one field.', zh: '第 {line} 行不是有效的 CSV:引号没有闭合,之后的输入都被读成了一个字段。' },
  'e:csv-quote-inside': { en: 'Not valid CSV at line {line}: a quote inside a field.', zh: '第 {line} 行不是有效的 CSV:字段中间有引号。' },
  'hint:csv-quote-inside': {
    en: 'A field that holds a quote, comma or line break is quoted as a whole, with its quotes doubled: "say ""hi""".',
    zh: '含引号、逗号或换行的字段要整体加引号,内部引号写两次:"say ""hi"""。',
  },
  'e:csv-invalid': { en: 'Not valid CSV at line {line}: {why}.', zh: '第 {line} 行不是有效的 CSV:{why}。' },
  'e:batch-failed': { en: '{failed} of {lines} batch lines failed; see their "error" objects.', zh: '{lines} 行中有 {failed} 行失败;见各行的 "error"。' },
  'n:batch-carried': {
    en: (p: { columns: string }) => `note: columns carried through, not used: ${p.columns}.`,
    zh: (p: { columns: string }) => `说明:以下列原样带到输出,不参与计算:${p.columns}。`,
  },
  'n:batch-model-only': {
    en: (p: { columns: string }) => `note: rows with a gross are priced from it (net); their ${p.columns} are carried through.`,
    zh: (p: { columns: string }) => `说明:有税前工资的行按工资计算(net);这些行的 ${p.columns} 原样带到输出。`,
  },
  'e:bom-csv': { en: '--bom is for --format csv (a byte-order mark for spreadsheet programs).', zh: '--bom 只用于 --format csv(给表格软件的字节顺序标记)。' },
  // completion
  'e:completion-shell': { en: "cs-pay completion takes bash, zsh or fish; got '{raw}'.", zh: "cs-pay completion 支持 bash、zsh 或 fish;收到 '{raw}'。" },
  // cities beyond the model, and cities from a file
  'e:model-no-city': {
    en: 'The compensation model has no pay figures for {city} on platform {platform}; net and gross work there, estimate does not.',
    zh: '薪酬模型没有{city}在平台 {platform} 的工资数据;net 和 gross 可用,estimate 不可用。',
  },
  'hint:model-no-city': {
    en: 'Use cs-pay net --gross <yuan> for a known pay, or give the model a class for the city (or one with others: true).',
    zh: '已知工资时请用 cs-pay net --gross <元>,或在模型中为该城市设置类别(或设一个 others: true 的类别)。',
  },
  'e:cities-object': { en: 'cities takes a cities file parsed into an object ({ hangzhou: { … } }); got {kind}.', zh: 'cities 需要一个解析后的城市文件对象({ hangzhou: { … } });收到 {kind}。' },
  'hint:cities-object': { en: 'Give the same content as a file for --cities, as an object.', zh: '请以对象形式给出与 --cities 文件相同的内容。' },
  'e:cities-path': { en: 'The tool server takes cities as an object, not a path.', zh: '工具服务只接受对象形式的 cities,不接受路径。' },
  'hint:cities-path': { en: 'Read the file and pass its content as an object.', zh: '请读取文件并以对象形式传入其内容。' },
  'e:rules-format': { en: 'rules prints table, json, csv, markdown or yaml; got {raw}.', zh: 'rules 可输出 table、json、csv、markdown 或 yaml;收到 {raw}。' },
  // values of the wrong shape, from any face (src/request/values.ts, src/request/keys.ts)
  'e:too-large': { en: "{flag} is too large a number; got '{raw}'.", zh: "{flag} 的数值过大;收到 '{raw}'。" },
  'e:too-large-value': { en: '{flag} is too large a number.', zh: '{flag} 的数值过大。' },
  'e:change-shape-got': { en: '{flag} expects month:key=value, or an object by month; got {got}.', zh: '{flag} 的写法是 month:key=value 或按月份的对象;收到{got}。' },
  'e:change-month-got': { en: '{flag} needs a month from 1 to 12; got {got}.', zh: '{flag} 需要 1 到 12 的月份;收到{got}。' },
  'e:not-a-number': { en: '{flag} is not a number (NaN).', zh: '{flag} 不是数字(NaN)。' },
  'e:needs-value': { en: '{flag} needs a value; it was given with none.', zh: '{flag} 需要一个值,但没有给出。' },
  'hint:needs-value': { en: 'Write it as key=value, like city=hangzhou or gross=12000.', zh: '请写成 键=值,例如 city=hangzhou 或 gross=12000。' },
  'e:value-type': { en: '{flag} takes text or a number; got {got}.', zh: '{flag} 应为文本或数字;收到{got}。' },
  'e:value-takes': { en: 'Give {flag} one value, as text or a number.', zh: '请给 {flag} 一个值(文本或数字)。' },
  'got:list': { en: 'a list', zh: '一个列表' },
  'got:string': { en: 'text', zh: '文本' },
  'got:number': { en: 'a number', zh: '一个数字' },
  'got:null': { en: 'null', zh: 'null' },
  'got:object': { en: 'an object', zh: '一个对象' },
  'got:map': { en: 'a Map', zh: '一个 Map' },
  'got:set': { en: 'a Set', zh: '一个 Set' },
  'got:date': { en: 'a Date', zh: '一个 Date' },
  'got:bigint': { en: 'a BigInt', zh: '一个 BigInt' },
  'got:function': { en: 'a function', zh: '一个函数' },
  'got:symbol': { en: 'a symbol', zh: '一个 symbol' },
  'got:switch': { en: 'a switch (true or false)', zh: '一个开关值(true 或 false)' },
  'e:not-plain': { en: '{path} is {got}; options are text, numbers, true or false, lists and plain objects.', zh: '{path} 是{got};选项只能是文本、数字、true 或 false、列表和普通对象。' },
  'e:not-plain-deep': { en: 'The options nest more than {max} deep.', zh: '选项嵌套超过 {max} 层。' },
  'e:switch-got': { en: '{flag} is a switch (true or false); got {got}.', zh: '{flag} 是开关(true 或 false);收到{got}。' },
  'e:change-key-twice': { en: '{flag} {month}: {key} is given twice.', zh: '{flag} {month}:{key} 出现了两次。' },
  'e:set-empty': { en: '--set names no component.', zh: '--set 没有指定任何收入项目。' },
  'hint:set-empty': { en: 'Write --set component=amount, like --set meal=0 (see `cs-pay components`).', zh: '写法:--set 项目=金额,例如 --set meal=0(见 `cs-pay components`)。' },
  'e:unpaid-max': { en: "{flag} of {n} is more than the {max} paid days by which a day's pay is computed.", zh: '{flag} 为 {n},超过计算日工资所用的月计薪天数 {max}。' },
  'takes:unpaid-days': { en: 'whole days from 0 to 21 (a day is the base pay ÷ 21.75)', zh: '0 到 21 的整天数(日工资为底薪 ÷ 21.75)' },
  // batch input (src/batch/)
  'e:csv-row-too-long': { en: 'The CSV row starting at line {line} is longer than {mb} MB.', zh: '从第 {line} 行开始的 CSV 行超过 {mb} MB。' },
  'hint:csv-row-too-long': {
    en: 'A row is one request of a few hundred bytes; if a quote is not closed, the rest of the input is that row.',
    zh: '每行是一个几百字节的请求;若有引号未闭合,其后的全部输入都会算作这一行。',
  },
  'e:csv-header-too-long': { en: 'The CSV header row is longer than {mb} MB.', zh: 'CSV 表头行超过 {mb} MB。' },
  'e:line-too-long': { en: 'Line longer than {mb} MB; a request is a JSON object of a few hundred bytes.', zh: '该行超过 {mb} MB;每个请求是一个几百字节的 JSON 对象。' },
  'e:line-nul': { en: 'This line holds a NUL byte (a control character), which JSON text never has raw.', zh: '该行含有 NUL 字节(控制字符),JSON 文本中不能直接出现。' },
  // the tool server's JSON-RPC errors (src/mcp/): said in English, as the protocol carries no language
  'rpc:too-large': { en: 'Message over {mb} MB: refused unread; a tool call is a few KB.', zh: '消息超过 {mb} MB,未读取即拒绝;一次工具调用只有几 KB。' },
  'rpc:parse': { en: 'Parse error: the line is not JSON ({why}).', zh: '解析错误:该行不是 JSON({why})。' },
  'rpc:invalid': { en: 'Invalid request: {what}.', zh: '无效请求:{what}。' },
  'rpc:params': { en: 'Invalid params for {method}: {path} {problem}.', zh: '{method} 的参数无效:{path} {problem}。' },
  'rpc:shape-list': { en: 'a list (MCP has no batches)', zh: '一个列表(MCP 不支持批量请求)' },
  'rpc:shape-scalar': { en: 'a JSON {type}, not an object', zh: '一个 JSON {type},不是对象' },
  'rpc:shape-version': { en: 'an object without "jsonrpc": "2.0"', zh: '缺少 "jsonrpc": "2.0" 的对象' },
  'rpc:shape-id': { en: 'its id is neither a string nor a finite number', zh: '其 id 既不是字符串也不是有限数字' },
  'rpc:shape-method': { en: 'its method is not a string', zh: '其 method 不是字符串' },
  'rpc:shape-other': { en: 'an object that is neither a request, a notification nor a response', zh: '既不是请求、通知也不是响应的对象' },
  'rpc:is-not': { en: 'is {got}, where {want} is expected', zh: '是{got},应为{want}' },
  'rpc:missing': { en: 'is missing', zh: '缺失' },
  // a month's pay past what cs-pay models (src/pay/estimate.ts)
  'e:line-beyond': { en: 'The {id} line comes to {amount} yuan a month, beyond the {max} a month cs-pay models.', zh: '{id} 一项每月 {amount} 元,超出 cs-pay 每月 {max} 元的计算范围。' },
  'e:month-beyond': { en: "The month's pay comes to {amount} yuan, beyond the {max} a month cs-pay models.", zh: '月工资合计 {amount} 元,超出 cs-pay 每月 {max} 元的计算范围。' },
  'e:month-n-beyond': { en: 'The pay of month {month} comes to {amount} yuan, beyond the {max} a month cs-pay models.', zh: '{month} 月工资合计 {amount} 元,超出 cs-pay 每月 {max} 元的计算范围。' },
  'hint:line-beyond': { en: 'A line is its rate times its count: check --orders, --night-shifts, --set and extra.', zh: '每项金额为单价乘以数量:请检查 --orders、--night-shifts、--set 和 extra。' },
  'e:id-type': { en: '"id" must be a string or a number; got {got}.', zh: '"id" 必须是字符串或数字;收到{got}。' },
  'e:id-too-large': { en: '"id" is too large a number to keep; write it as text, in quotes.', zh: '"id" 数值过大,无法保留;请用引号写成文本。' },
} satisfies Record<string, Entry>);

let built: ReturnType<typeof build> | undefined;
/** The error messages and hints. */
export const errors = (): ReturnType<typeof build> => (built ??= build());

/**
 * The schemas' own messages (refines, limits), in Chinese. Zod says its standard
 * ones in Chinese itself; these are ours, matched by their English wording.
 */
export const SCHEMA_ZH: [RegExp, string | ((...groups: string[]) => string)][] = [
  [/^an offer needs 'level' \(a model estimate\) or 'gross' \(a known monthly gross\)$/, "报价需要 'level'(模型估算)或 'gross'(已知月度税前工资)"],
  [/^a threshold needs exactly one of 'atLeast' or 'above'$/, "门槛需要且只需要 'atLeast' 或 'above' 之一"],
  [/^source must be a seed id \(seed-000\), 'derived: how' or 'assumption: why'$/, "来源必须是来源文章编号(seed-000)、'derived: 推算方法' 或 'assumption: 理由'"],
  [/^asOf must be YYYY-MM-DD$/, 'asOf 必须写成 YYYY-MM-DD'],
  [/^expected a date as YYYY-MM-DD$/, '应为 YYYY-MM-DD 格式的日期'],
  [/^expected a day of the year as MM-DD$/, '应为 MM-DD 格式的日期'],
  [/^ids are lower-case letters, digits and dashes$/, '代码只能由小写字母、数字和连字符组成'],
  [/^this id is reserved$/, '该代码为保留字'],
  [/^low is above high$/, 'low 大于 high'],
  [/^floor is above ceiling$/, '下限大于上限'],
  [/^until is before from$/, 'until 早于 from'],
  [/^at most ([\d,.]+) yuan(, as for every amount)?$/, (n) => `最多 ${n} 元`],
  [/^at most ([\d,.]+) \(([^)]*)\)$/, (n, what) => `最多 ${n}(${what})`],
  [/^at most ([\d,.]+)( months)?$/, (n, months) => `最多 ${n}${months ? ' 个月' : ''}`],
];

/** A schema message of our own in Chinese, or undefined when SCHEMA_ZH does not know it. */
function schemaZh(en: string): string | undefined {
  const own = SCHEMA_ZH.find(([re]) => re.test(en));
  return own && en.replace(own[0], (_, ...groups: string[]) => (typeof own[1] === 'string' ? own[1] : own[1](...groups.slice(0, -2))));
}
