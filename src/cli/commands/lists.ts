/** `cs-pay cities | levels | platforms`: the identifiers the model accepts. */
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../request.js';
import type { Report } from '../../render/sections.js';
import { msg } from '../../i18n/messages.js';
import { listJson, type ListKind as Kind } from '../../lists.js';

export async function listCommand(kind: Kind, o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const { model } = await loadData(io, o.model as string | undefined);
  const value = listJson(kind, model);
  const items = value[kind];
  const head = (['list:id', 'list:en', 'list:zh', 'list:more'] as const).map((k) => msg(k, lang));
  const more = (i: Record<string, unknown>) =>
    ((i.levels ?? i.platforms ?? i.aliases) as string[]).join(' ');
  const report = (): Report => ({
    heading: msg(`list:${kind}`, lang),
    sections: [{ title: msg(`list:${kind}`, lang), head, right: [], rows: items.map((i) => [i.id, i.en, i.zh, more(i)].map((text) => ({ text }))), wrap: [1, 3] }],
    footnotes: [],
  });
  await writeResult(io, o, format, value, report);
  return 0;
}
