/**
 * Spreadsheet column names people use for the keys of a batch line, besides the
 * keys themselves and the flags' Chinese help names (src/batch/columns.ts derives
 * those): the headers a team lead's sheet has (工号, 月薪, 夜班次数 …).
 */
export const COLUMN_ALIASES: Record<string, string> = {
  工号: 'id',
  员工编号: 'id',
  编号: 'id',
  命令: 'command',
  语言: 'lang',
  城市: 'city',
  工作城市: 'city',
  级别: 'level',
  职级: 'level',
  岗位级别: 'level',
  平台: 'platform',
  月薪: 'gross',
  税前月薪: 'gross',
  应发工资: 'gross',
  税前工资: 'gross',
  目标到手: 'net',
  夜班次数: 'nightShifts',
  夜班: 'nightShifts',
  年终奖: 'bonus',
  年终奖金额: 'bonus',
  社保基数: 'socialBase',
  公积金比例: 'housingFundRate',
  满意度: 'satisfaction',
  订单数: 'orders',
  加班小时: 'overtime',
  入职月份: 'startMonth',
  子女数: 'children',
  日期: 'date',
};
