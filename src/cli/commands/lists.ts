/** `cs-pay cities | levels | platforms`: the identifiers the model accepts. */
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../request.js';
import type { Report } from '../../render/sections.js';
import { listJson, type ListKind as Kind } from '../../lists.js';

export async function listCommand(kind: Kind, o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const { model } = await loadData(io, o.model as string | undefined);
  const value = listJson(kind, model);
  const items = value[kind];
  const head = lang === 'zh' ? ['代码', '英文', '中文', '其他'] : ['id', 'English', 'Chinese', 'more'];
  const more = (i: Record<string, unknown>) =>
    ((i.levels ?? i.platforms ?? i.aliases) as string[]).join(' ');
  const report = (): Report => ({
    heading: kind,
    sections: [{ title: kind, head, right: [], rows: items.map((i) => [i.id, i.en, i.zh, more(i)].map((text) => ({ text }))) }],
    footnotes: [],
  });
  await writeResult(io, o, format, value, report);
  return 0;
}
