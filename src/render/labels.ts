/** Report words by key, from the one catalogue (src/i18n). */
import { langFromEnv, msg } from '../i18n/messages.js';
import type { REPORT } from '../i18n/report.js';
import type { Lang } from '../result.js';

export type TextKey = keyof typeof REPORT;

export function t(key: TextKey, lang: Lang): string {
  return msg(key, lang);
}

export { langFromEnv };
