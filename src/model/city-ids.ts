/** The built-in cities (no zod here: the payroll code imports this at start-up). Written by src/build.mjs from data/; do not edit. */
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
  'tianjin',
  'hefei',
  'changsha',
  'jinan',
  'qingdao',
  'harbin',
  'taiyuan',
  'wuxi',
] as const;
export type CityId = (typeof CITY_IDS)[number];
