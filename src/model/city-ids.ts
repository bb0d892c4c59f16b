/** The cities the law data covers (no zod here: the payroll code imports this at start-up). */
export const CITY_IDS = [
  'beijing',
  'shanghai',
  'guangzhou',
  'shenzhen',
  'hangzhou',
  'chengdu',
  'wuhan',
  'xian',
  'nanjing',
  'suzhou',
] as const;
export type CityId = (typeof CITY_IDS)[number];
