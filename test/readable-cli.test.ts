/**
 * Readable answers, through the real binary: the answer comes first, tables fit
 * the screen (display width: 中文 counts two), details on request.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { builtinCityIds } from './support.js';

const BIN = fileURLToPath(new URL('../bin/cs-pay.js', import.meta.url));

export function csPay(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    // A matrix of every city is a few megabytes of JSON.
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH ?? '', CS_PAY_TODAY: '2026-12-01', LANG: 'C.UTF-8', NO_COLOR: '1', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => stringWidth(l)));
const JOB = ['estimate', '--city', 'hangzhou', '--level', 'senior'];

describe('tables fit the screen', () => {
  it.each([
    ['en', '80'], ['zh', '80'], ['en', '120'], ['zh', '120'],
  ])('--lang %s with COLUMNS=%s: no line wider, take-home first', (lang, columns) => {
    const r = csPay([...JOB, '--lang', lang], { COLUMNS: columns });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(Number(columns));
    // The answer within the first lines: the monthly and the yearly take-home.
    const top = r.stdout.split('\n').slice(0, 5).join('\n');
    expect(top).toMatch(lang === 'zh' ? /到手\s+每月 7,854\.71 · 全年 104,805\.27/ : /Take-home\s+7,854\.71 a month · 104,805\.27 a year/);
  });

  it('piped without COLUMNS: 80, with the details too', () => {
    for (const lang of ['en', 'zh']) {
      const r = csPay([...JOB, '--lang', lang, '--details']);
      expect(widest(r.stdout)).toBeLessThanOrEqual(80);
      expect(r.stdout).toContain(lang === 'zh' ? '所用规则与费率' : 'Rules and rates used');
    }
  });

  it('a wide screen keeps every column; a narrow one drops the bar and cumulative taxable income first', () => {
    const wide = csPay(JOB, { COLUMNS: '160' });
    expect(wide.stdout).toContain('Cum. taxable');
    expect(wide.stdout).toContain('█');
    const narrow = csPay(JOB, { COLUMNS: '80' });
    expect(narrow.stdout).not.toContain('Cum. taxable');
    expect(narrow.stdout).toContain('Take-home');
  });

  it('--ascii draws with ASCII only', () => {
    const r = csPay([...JOB, '--ascii', '--details'], { COLUMNS: '100' });
    expect(r.code).toBe(0);
    const ambiguous = r.stdout.replace(/[\u3000-\u9fff\uff00-\uffef]/g, '').replace(/[\x20-\x7e\n]/g, '');
    expect(ambiguous).toBe('');
  });

  it('the rules and sources come with --details; without it one line says so', () => {
    const r = csPay(JOB);
    expect(r.stdout).not.toContain('Rules and rates used');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/add --details/);
  });
});

/**
 * Latin words left in Chinese output, once the identifiers it may hold are
 * taken out: flags, warning codes, seed ids, the program's name, KPI and CSAT.
 */
function englishIn(text: string): string[] {
  const allowed = text
    .replace(/--[a-z0-9-]+/g, '')
    .replace(/\[[a-z-]+\]/g, '')
    .replace(/seed-\d{3}/g, '')
    .replace(/cs-pay/g, '')
    .replace(/\b(KPI|CSAT)\b/g, '');
  return allowed.match(/[A-Za-z]{2,}(?:[\s,.:;'()-]+[A-Za-z]+)*/g) ?? [];
}

describe('Chinese throughout', () => {
  it.each([[[] as string[]], [['--details']], [['--format', 'markdown']], [['--details', '--platform', '1688', '--satisfaction', '96', '--kpi', '115', '--overtime', '10', '--job', '8:city=shanghai']]])(
    'estimate --lang zh %j has no English',
    (extra) => {
      const r = csPay([...JOB, '--lang', 'zh', ...extra]);
      expect(r.code).toBe(0);
      expect(englishIn(r.stdout)).toEqual([]);
    },
  );

  it('zh-CN, zh_CN and LANGUAGE choose Chinese', () => {
    expect(csPay([...JOB, '--lang', 'zh-CN']).stdout).toContain('到手');
    expect(csPay([...JOB, '--lang', 'zh_CN']).stdout).toContain('到手');
    expect(csPay(JOB, { LANGUAGE: 'zh_CN:en' }).stdout).toContain('到手');
    expect(csPay(JOB, { LANG: 'zh_CN.UTF-8' }).stdout).toContain('到手');
  });

  it('errors under --lang zh are in Chinese', () => {
    const cases: [string[], RegExp][] = [
      [['estimate', '--city', 'hangzou', '--level', 'senior'], /未知的城市'hangzou'。\n您是不是要输入 hangzhou?/],
      [['estimate', '--city', 'hangzhou', '--level', 'seniour'], /未知的岗位级别/],
      [['estimate', '--city', 'hangzhou', '--level', 'senior', '--platform', 'alibba'], /未知的平台/],
      [['estimate', '--level', 'senior'], /estimate 需要城市\(--city\)/],
      [['net', '--gross', 'lots', '--city', 'hangzhou'], /--gross 应为以元为单位的金额/],
      [['net', '--gross', '9000', '--city', 'hangzhou', '--from', '13:gross=1'], /--from 需要 1 到 12 的月份/],
      [['net', '--gross', '9000', '--city', 'hangzhou', '--in', '3:city=beijing'], /换城市意味着换雇主/],
    ];
    for (const [argv, message] of cases) {
      const r = csPay([...argv, '--lang', 'zh']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      // Ids (hangzhou, `cs-pay cities`) may stay; English sentences may not.
      expect(r.stderr).not.toMatch(/\b(the|is|a|an|of|to|for|must|expects|got|Did|Unknown|needs|Valid|Keys|Write)\b/);
    }
  });

  it('accepts 成都市, 阿里巴巴, 阿里, 天猫 and 客服专员', () => {
    const j = JSON.parse(csPay(['estimate', '--city', '成都市', '--level', '客服专员', '--platform', '阿里巴巴', '--json']).stdout);
    expect([j.input.city, j.input.level, j.input.platform]).toEqual(['chengdu', 'junior', 'alibaba']);
    expect(JSON.parse(csPay(['estimate', '--city', '成都', '--level', '资深', '--platform', '阿里', '--json']).stdout).input.platform).toBe('alibaba');
    expect(JSON.parse(csPay(['estimate', '--city', '成都', '--level', '资深', '--platform', '天猫', '--json']).stdout).input.platform).toBe('tmall-logistics');
  });

  it('help in Chinese, led by its examples', () => {
    const r = csPay(['estimate', '--lang', 'zh', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('示例:');
    expect(r.stdout).toContain('用法: cs-pay estimate [选项]');
    expect(r.stdout).toContain('每月夜班次数');
  });
});

/** RFC 4180 fields of one CSV line. */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') out.push(field), (field = '');
    else field += ch;
  }
  return [...out, field];
}

describe('several at once, and CSV', () => {
  it('--city all --level senior --format csv: a header and a row a city of equal width, plain numbers, warnings as a column', () => {
    const r = csPay(['estimate', '--city', 'all', '--level', 'senior', '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(builtinCityIds().length + 1);
    const rows = lines.map(fields);
    expect(new Set(rows.map((f) => f.length)).size).toBe(1);
    expect(rows[0]).toContain('Warnings');
    const take = rows[0].indexOf('Take-home a month');
    for (const row of rows.slice(1)) expect(row[take]).toMatch(/^\d+(\.\d{1,2})?$/);
    // A city with a figure past its period on 2026-12-01 (as `cities --json` flags it) says so in its row.
    const stale = (JSON.parse(csPay(['cities', '--json']).stdout).cities as { id: string; flags: string[] }[]).filter((c) => c.flags.includes('stale'));
    for (const c of stale) expect(rows.find((f) => f[0] === c.id)?.at(-1)).toMatch(/\[stale-data\]/);
  });

  it('--json is a matrix of an estimate a city', () => {
    const j = JSON.parse(csPay(['estimate', '--city', 'all', '--level', 'senior', '--json']).stdout);
    expect(j.schemaVersion).toBe(1);
    expect(j.command).toBe('matrix');
    expect(j.rows).toHaveLength(builtinCityIds().length);
    expect(j.rows.every((r: { command: string }) => r.command === 'estimate')).toBe(true);
  });

  it('a repeated --city is a list, never the last one only; a table row per combination', () => {
    const j = JSON.parse(csPay(['estimate', '--city', 'hangzhou', '--city', 'beijing', '--level', 'senior,lead', '--json']).stdout);
    expect(j.rows.map((r: { input: { city: string; level: string } }) => `${r.input.city}/${r.input.level}`)).toEqual([
      'hangzhou/senior', 'hangzhou/lead', 'beijing/senior', 'beijing/lead',
    ]);
    const table = csPay(['estimate', '--city', '杭州,北京', '--level', 'senior'], { COLUMNS: '80' });
    expect(table.stdout).toMatch(/Hangzhou\s+│ Senior agent/);
    expect(widest(table.stdout)).toBeLessThanOrEqual(80);
    const net = csPay(['net', '--gross', '9000', '--city', 'hangzhou', '--city', 'beijing']);
    expect(net.code).toBe(2);
    expect(net.stderr).toMatch(/--city is given more than once \(hangzhou, beijing\)/);
  });

  it('one estimate as CSV: a flat table, a header row, plain numbers, --bom', () => {
    const r = csPay([...JOB, '--format', 'csv', '--bom']);
    expect(r.stdout.startsWith('\ufeffSection,Item,Month,Amount,Note\n')).toBe(true);
    const rows = r.stdout.slice(1).trimEnd().split('\n').map(fields);
    expect(new Set(rows.map((f) => f.length))).toEqual(new Set([5]));
    for (const row of rows.slice(1)) expect(row[3]).toMatch(/^(-?\d+(\.\d+)?)?$/);
    // Each warning of the result is a row of its own.
    const warnings = JSON.parse(csPay([...JOB, '--json']).stdout).warnings as { code: string }[];
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(rows.some((f) => f[0] === 'Warnings' && f[1] === w.code), w.code).toBe(true);
  });
});

describe('ambiguous percents', () => {
  it.each([
    [['--kpi', '1.15'], /--kpi 1\.15 can be read two ways: 1\.15% or 115%/],
    [['--satisfaction', '1.5'], /--satisfaction 1\.5 can be read two ways: 1\.5% or 150%/],
  ])('%j exits 2 naming both readings', (flag, message) => {
    const r = csPay([...JOB, ...flag]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('96, 96% and 0.96 stay as they are; 115 and 1.15% are percents', () => {
    for (const s of ['96', '96%', '0.96']) expect(csPay([...JOB, '--satisfaction', s, '--json']).code).toBe(0);
    expect(JSON.parse(csPay([...JOB, '--kpi', '115', '--json']).stdout).input.kpi).toBe(1.15);
    expect(JSON.parse(csPay([...JOB, '--kpi', '1.15%', '--json']).stdout).input.kpi).toBe(0.0115);
  });
});

describe('offers as they are', () => {
  it('--set meal=0: no meal line; the source of a set line is input', () => {
    const j = JSON.parse(csPay(['estimate', '--city', 'hangzhou', '--level', 'junior', '--set', 'meal=0', '--json']).stdout);
    expect(j.lines.map((l: { id: string }) => l.id)).not.toContain('meal');
    const shifts = JSON.parse(csPay(['estimate', '--city', 'chengdu', '--level', 'junior', '--base', '6500', '--night-shifts', '8', '--set', 'night-shift=100', '--json']).stdout);
    expect(shifts.lines.find((l: { id: string }) => l.id === 'night-shift')).toMatchObject({ amount: 800, source: 'input: --set night-shift' });
  });

  it('every assumed line can be switched off: base, night shifts and nothing else', () => {
    const r = csPay(['estimate', '--city', 'chengdu', '--level', 'junior', '--base', '6500', '--night-shifts', '8', '--set', 'night-shift=100', '--set', 'meal=0',
      '--set', 'transport=0', '--set', 'performance=0', '--year-end-months', '0', '--json']);
    const j = JSON.parse(r.stdout);
    expect(j.lines.map((l: { id: string; amount: number }) => `${l.id} ${l.amount}`)).toEqual(['base 6500', 'night-shift 800']);
    expect(j.gross.monthly).toBe(7300);
    expect(j.annual.bonus).toBe(0);
  });

  it('an unknown or unpaid component is refused by name', () => {
    const typo = csPay(['estimate', '--city', 'hangzhou', '--level', 'junior', '--set', 'meel=0']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Unknown component 'meel'\.\nDid you mean meal\?/);
    const unpaid = csPay(['estimate', '--city', 'hangzhou', '--level', 'junior', '--set', 'order-commission=5']);
    expect(unpaid.stderr).toMatch(/order-commission is not paid by the generic platform/);
  });

  it('cs-pay components lists the ids and their units', () => {
    const j = JSON.parse(csPay(['components', '--json']).stdout);
    expect(j.command).toBe('components');
    const units = Object.fromEntries(j.components.map((c: { id: string; unit: string }) => [c.id, c.unit]));
    expect(units).toMatchObject({ base: 'yuan a month', meal: 'yuan a month', performance: 'percent of base', 'night-shift': 'yuan a shift', 'order-commission': 'yuan an order' });
  });

  it('a batch line and an offer file take set as an object', () => {
    const line = JSON.stringify({ command: 'estimate', city: 'hangzhou', level: 'junior', set: { meal: 0, transport: 0 } });
    const r = spawnSync(process.execPath, [BIN, 'batch', '-'], { input: `${line}\n`, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CS_PAY_TODAY: '2026-12-01' } });
    const ids = JSON.parse(r.stdout.split('\n')[0]).lines.map((l: { id: string }) => l.id);
    expect(ids).toEqual(['base', 'performance']);
  });
});

describe('shell completion', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: commands, flags and the ids of --city, --level and --platform', (shell) => {
    const r = csPay(['completion', shell]);
    expect(r.code).toBe(0);
    for (const word of ['estimate', 'compare', 'components', 'night-shifts', 'hangzhou', 'senior', 'tmall-logistics', 'meal=']) expect(r.stdout).toContain(word);
  });

  it('bash completes a city, a command and a flag', () => {
    const script = csPay(['completion', 'bash']).stdout;
    const complete = (words: string[]) =>
      spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _cs_pay; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim();
    expect(complete(['cs-pay', 'estimate', '--city', 'hang'])).toBe('hangzhou');
    expect(complete(['cs-pay', 'comp']).split(' ').sort()).toEqual(['compare', 'completion', 'components']);
    expect(complete(['cs-pay', 'net', '--gro'])).toBe('--gross');
  });

  it('an unknown shell is exit 2', () => {
    const r = csPay(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bash, zsh or fish/);
  });
});
