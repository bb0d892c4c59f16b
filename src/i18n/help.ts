/** Help: command and flag descriptions, and the words commander puts around them. */
import type { Entry } from './messages.js';

export const HELP = {
  'help:examples': { en: 'Examples:', zh: '示例:' },
} satisfies Record<string, Entry>;
