/** `cs-pay cities | levels | platforms`: the identifiers the model accepts. */
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import type { RawOptions } from '../request.js';
import type { Report } from '../../render/sections.js';

type Kind = 'cities' | 'levels' | 'platforms';

export async function listCommand(kind: Kind, o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const { model } = await loadData(io, o.model as string | undefined);
  const platformsWith = (level: string) => Object.keys(model.platforms).filter((p) => level in model.platforms[p].levels);
  const items =
    kind === 'cities'
      ? Object.entries(model.cities).map(([id, c]) => ({ id, en: c.en, zh: c.zh, aliases: c.aliases }))
      : kind === 'levels'
        ? Object.entries(model.levels).map(([id, l]) => ({ id, en: l.en, zh: l.zh, aliases: l.aliases, platforms: platformsWith(id) }))
        : Object.values(model.platforms).map((p) => ({ id: p.id, en: p.label.en, zh: p.label.zh, source: p.source, levels: Object.keys(p.levels) }));
  const head = lang === 'zh' ? ['代码', '英文', '中文', '其他'] : ['id', 'English', 'Chinese', 'more'];
  const more = (i: Record<string, unknown>) =>
    ((i.levels ?? i.platforms ?? i.aliases) as string[]).join(' ');
  const report = (): Report => ({
    heading: kind,
    sections: [{ title: kind, head, right: [], rows: items.map((i) => [i.id, i.en, i.zh, more(i)].map((text) => ({ text }))) }],
    footnotes: [],
  });
  await writeResult(io, o, format, { schemaVersion: 1, command: kind, [kind]: items }, report);
  return 0;
}
