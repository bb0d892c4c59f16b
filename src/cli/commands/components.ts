/** `cs-pay components`: the ids --set takes, with their units and the model's ranges. */
import { type ComponentItem, listComponents } from '../../components.js';
import { inLanguage } from '../../errors.js';
import { type MessageKey, msg } from '../../i18n/messages.js';
import type { Report } from '../../render/sections.js';
import type { Lang } from '../../result.js';
import { loadData } from '../context.js';
import { identifyPlatform } from '../../request/identify.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../../request/keys.js';

export async function componentsCommand(o: RawOptions, io: Io): Promise<number> {
  const lang = readLang(o, io);
  try {
    const format = readFormat(o);
    const { model } = await loadData(io, o.model as string | undefined);
    const platform = o.platform === undefined ? undefined : identifyPlatform(model, String(o.platform));
    const value = listComponents(model, platform);
    const report = (): Report => ({
      heading: msg('list:components', lang) + (platform ? ` · ${model.platforms[platform].label[lang]}` : ''),
      sections: [{
        title: msg('list:components', lang),
        head: [msg('list:id', lang), msg('line', lang), msg('unit', lang), msg('modelRange', lang), msg('platform', lang)],
        right: [],
        rows: value.components.map((c) => [c.id, c[lang], unitIn(c, lang), range(c), c.platforms.join(' ')].map((text) => ({ text }))),
        wrap: [1, 2, 4],
      }],
      footnotes: [{ title: msg('example', lang), items: ['cs-pay estimate --city chengdu --level junior --base 6500 --night-shifts 8 --set night-shift=100 --set meal=0'] }],
    });
    await writeResult(io, o, format, value, report);
    return 0;
  } catch (e) {
    throw inLanguage(e, lang, { help: 'cs-pay components --help' });
  }
}

function unitIn(c: ComponentItem, lang: Lang): string {
  const key = `unit:${c.kind === 'threshold' ? c.unit.replace(/^yuan a (\w+).*/, 'threshold-$1') : c.kind}` as MessageKey;
  return msg(key, lang);
}

function range(c: ComponentItem): string {
  const f = (n: number) => (c.kind === 'percent-of-base' ? `${Math.round(n * 10000) / 100}%` : n.toLocaleString('en-US'));
  return c.low === c.high ? f(c.low) : `${f(c.low)}–${f(c.high)}`;
}
