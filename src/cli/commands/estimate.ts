import { estimate, grossFor, net, type Result } from '../../result.js';
import { UsageError } from '../../errors.js';
import { toReport } from '../../render/sections.js';
import { t } from '../../render/labels.js';
import { loadData } from '../context.js';
import type { Io } from '../io.js';
import { readFormat, readLang, writeResult } from '../output.js';
import { readPayInput, readPayrollRequest, type RawOptions } from '../request.js';
import { parseYuan } from '../values.js';
import type { Model } from '../../model/model.js';
import type { Lang } from '../../result.js';

export async function estimateCommand(o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  const { model, law } = await loadData(io, o.model as string | undefined);
  const pay = readPayInput(o, model);
  const payroll = { ...readPayrollRequest(o, model, io.today), city: pay.city };
  const result = estimate({ pay, payroll }, model, law, lang);
  await writeResult(io, o, format, result, () => toReport(result, lang, heading(result, model, lang)));
  return 0;
}

export async function netCommand(o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  if (o.gross === undefined) throw new UsageError('net needs the monthly gross (--gross).', 'Example: cs-pay net --gross 12000 --city hangzhou');
  const gross = parseYuan('--gross', String(o.gross), { allowZero: false });
  const { model, law } = await loadData(io, o.model as string | undefined);
  const req = readPayrollRequest(o, model, io.today);
  needCityOrInsurance(req.city, req.insurance, 'net');
  const result = net(req, gross, lang, law);
  await writeResult(io, o, format, result, () => toReport(result, lang, heading(result, model, lang)));
  return 0;
}

export async function grossCommand(o: RawOptions, io: Io): Promise<number> {
  const format = readFormat(o);
  const lang = readLang(o, io);
  if (o.net === undefined) throw new UsageError('gross needs the monthly take-home to aim for (--net).', 'Example: cs-pay gross --net 8000 --city hangzhou');
  const target = parseYuan('--net', String(o.net), { allowZero: false });
  const { model, law } = await loadData(io, o.model as string | undefined);
  const req = readPayrollRequest(o, model, io.today);
  needCityOrInsurance(req.city, req.insurance, 'gross');
  const result = grossFor(req, target, lang, law);
  await writeResult(io, o, format, result, () => toReport(result, lang, heading(result, model, lang)));
  return 0;
}

function needCityOrInsurance(city: string | undefined, insurance: number | undefined, command: string): void {
  if (city === undefined && insurance === undefined) {
    throw new UsageError(
      `${command} needs a city for social insurance (--city) or the monthly total (--insurance).`,
      `Example: cs-pay ${command} --${command === 'net' ? 'gross 12000' : 'net 9000'} --city hangzhou`,
    );
  }
}

export function heading(r: Result, model: Model, lang: Lang): string {
  const input = r.input as Record<string, string | number | undefined>;
  const city = input.city ? model.cities[input.city as string] : undefined;
  const parts: string[] = [];
  if (r.command === 'estimate') {
    const level = model.levels[input.level as string];
    parts.push(lang === 'zh' ? level.zh : `${level.en} (${level.zh})`);
  } else {
    parts.push(r.command === 'net' ? `net --gross ${input.gross}` : `gross --net ${input.net}`);
  }
  if (city) parts.push(lang === 'zh' ? city.zh : `${city.en} ${city.zh}`);
  if (r.command === 'estimate') {
    const platform = model.platforms[input.platform as string];
    parts.push(platform.label[lang], `${t('percentile', lang)} ${input.percentile}`);
  }
  parts.push(`${t('asOf', lang)} ${r.asOf}`);
  return parts.join(' · ');
}
