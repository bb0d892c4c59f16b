/**
 * Batch at team scale (CONTRACT, "Batch at team scale" and "Clarifications"):
 * CSV in, ids through, --fields, --format csv, --summary, bytes that are not UTF-8.
 */
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { showProgress } from '../src/batch/progress.js';
import type { Io } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';

const DATE = '2026-11-23';

/** Run the CLI in-process with stdin as a byte stream. */
async function batch(args: string[], input: string | Buffer, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env,
    isTTY: false,
    today: DATE,
    readFile: () => {
      throw new Error('no files here');
    },
    readStdin: async () => String(input),
    stdin: () => Readable.from([Buffer.from(input)]),
  };
  const code = await run(['batch', '-', ...args], io);
  return { code, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}

const jsonOf = (lines: string[]) => lines.map((l) => JSON.parse(l));
const fen = (yuan: number) => Math.round(yuan * 100);
const NET = (gross: number, city: string, extra: Record<string, unknown> = {}) => JSON.stringify({ command: 'net', gross, city, date: DATE, ...extra });

describe('CSV input', () => {
  it('a header id,command,gross,city: one JSON result per row, each with its id, equal to the JSON line', async () => {
    const csv = `id,command,gross,city,date\nE-001,net,12000,beijing,${DATE}\n17,net,"9,000",杭州,${DATE}\n`;
    const r = await batch([], csv);
    expect(r.code, r.stderr).toBe(0);
    const out = jsonOf(r.lines);
    expect(out.map((o) => [o.line, o.id, o.gross.monthly])).toEqual([[1, 'E-001', 12000], [2, '17', 9000]]);
    const fromJson = jsonOf((await batch([], `${NET(12000, 'beijing')}\n${NET(9000, '杭州')}\n`)).lines);
    expect(out.map((o) => o.annual)).toEqual(fromJson.map((o) => o.annual));
    expect(out[0].input.city).toBe('beijing');
  });

  it('a malformed row is an error object in its place; the rows after it are answered', async () => {
    const csv = [
      'id,command,gross,city,date',
      `1,net,12000,beijing,${DATE}`,
      `2,net,12"000,beijing,${DATE}`, // a quote inside an unquoted field
      `3,net,12000,beijing,${DATE},extra`, // more cells than the header
      '', // an empty row
      `4,net,12000,hangzou,${DATE}`, // parses, but the city is unknown
      `5,net,"13000",shanghai,${DATE}`,
    ].join('\r\n');
    const r = await batch([], `${csv}\r\n`);
    expect(r.code).toBe(2);
    const out = jsonOf(r.lines);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out[1].error.message).toMatch(/^Not valid CSV at line 3: a quote inside a field\./);
    expect(out[2].error.message).toMatch(/This row has 6 cells; the header has 5/);
    expect(out[2].id).toBe('3');
    expect(out[3].error.message).toMatch(/Empty row/);
    expect(out[4]).toMatchObject({ id: '4', error: { code: 'bad-input' } });
    expect(out[4].error.message).toMatch(/Unknown city 'hangzou'.*Did you mean hangzhou\?/);
    expect(out[5]).toMatchObject({ id: '5', gross: { monthly: 13000 } });
    expect(r.stderr).toMatch(/4 of 6 batch lines failed/);
  });

  it('RFC 4180: quoted commas, doubled quotes and line breaks; changes as specs or JSON', async () => {
    const csv = [
      'id,command,gross,city,date,from,in',
      `"a, b",net,"10,000",hangzhou,${DATE},7:gross=12000,`,
      `"say ""hi""",net,10000,hangzhou,${DATE},"{""7"": {""gross"": 12000}}",`,
      `"two\nlines",net,10000,hangzhou,${DATE},"7:gross=12000","3:extra=500; 11:extra=1000"`,
    ].join('\n');
    const r = await batch(['--fields', 'months.gross'], `${csv}\n`);
    expect(r.code, r.stdout).toBe(0);
    const out = jsonOf(r.lines);
    expect(out.map((o) => o.id)).toEqual(['a, b', 'say "hi"', 'two\nlines']);
    expect(out[0].months.map((m: { gross: number }) => m.gross)).toEqual([...Array(6).fill(10000), ...Array(6).fill(12000)]);
    expect(out[1].months).toEqual(out[0].months);
    expect(out[2].months[2].gross).toBe(10500);
    expect(out[2].months[10].gross).toBe(13000);
  });

  it('column names in camelCase, kebab-case, snake_case, any case, or in Chinese', async () => {
    const row = `net,12000,beijing,${DATE},2,3000`;
    const answers = [];
    for (const header of [
      'command,gross,city,date,children,socialBase',
      'command,gross,city,date,children,social-base',
      'Command,GROSS,City,Date,Children,SOCIAL_BASE',
      'command,月度税前工资,城市,date,子女教育,社保缴费基数',
    ]) {
      const r = await batch(['--fields', 'annual,insurance.base'], `${header}\n${row}\n`);
      expect(r.code, `${header}: ${r.stdout}`).toBe(0);
      answers.push(JSON.parse(r.lines[0]));
    }
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0].insurance.base.social).toBeGreaterThan(3000); // clamped up to the city's floor
  });

  it('a header naming no key is carried through, and the note says which key it is near', async () => {
    const r = await batch([], 'id,command,grosss,city\n1,net,12000,beijing\n');
    // The row has no gross (its column is not read): it fails alone, and says why.
    expect(r.code).toBe(2);
    expect(JSON.parse(r.lines[0]).columns).toEqual({ grosss: '12000' });
    expect(r.stderr).toMatch(/^cs-pay: note: columns carried through, not used: grosss \(Did you mean gross\?\)\./);
  });

  it('the format is told from the first line, or given with --input', async () => {
    const csv = `command,gross,city,date\nnet,9000,beijing,${DATE}\n`;
    expect(jsonOf((await batch([], `\n\n${csv}`)).lines)[0].gross.monthly).toBe(9000);
    expect(jsonOf((await batch(['--input', 'csv'], csv)).lines)[0].gross.monthly).toBe(9000);
    // Forced to JSON lines, the header is a bad line, and so is each row.
    const forced = await batch(['--input', 'jsonl'], csv);
    expect(forced.code).toBe(2);
    expect(jsonOf(forced.lines).map((o) => o.error.code)).toEqual(['bad-input', 'bad-input']);
    // One column and no comma: read as JSON, so a garbage first line fails alone.
    const garbage = await batch([], `not json\n${NET(9000, 'beijing')}\n`);
    expect(jsonOf(garbage.lines).map((o) => Boolean(o.error))).toEqual([true, false]);
  });
});

describe('bytes that are not UTF-8 fail their line only', () => {
  const bad = (text: string) => Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.from([0xff, 0xc3]), Buffer.from(text.slice(20))]);

  it('JSON lines', async () => {
    const input = Buffer.concat([Buffer.from(`${NET(9000, '杭州')}\n`), bad(NET(9000, 'beijing')), Buffer.from(`\n${NET(9500, '杭州')}\n`)]);
    const r = await batch([], input);
    expect(r.code).toBe(2);
    const out = jsonOf(r.lines);
    expect(out[1].error.message).toMatch(/^This line is not UTF-8 text/);
    expect([out[0].input.city, out[2].gross.monthly]).toEqual(['hangzhou', 9500]);
  });

  it('CSV rows, and a character cut by the end of the input', async () => {
    const input = Buffer.concat([
      Buffer.from(`id,command,gross,city,date\n1,net,9000,杭州,${DATE}\n2,net,9000,beijing`),
      Buffer.from([0xe6, 0x9d]),
      Buffer.from(`,${DATE}\n3,net,9000,杭州,${DATE}\n4,net,9000,`),
      Buffer.from('杭').subarray(0, 2),
    ]);
    const r = await batch([], input);
    const out = jsonOf(r.lines);
    expect(out.map((o) => o.error?.message.slice(0, 30) ?? o.input.city)).toEqual([
      'hangzhou', 'This row is not UTF-8 text: it', 'hangzhou', 'This row is not UTF-8 text: it',
    ]);
  });

  it('a real U+FFFD is text, not an error', async () => {
    const r = await batch([], `${NET(9000, '杭州\uFFFD')}\n`);
    expect(JSON.parse(r.lines[0]).error.message).toMatch(/Unknown city/);
  });
});

describe('ids', () => {
  it('pass through unchanged, as strings or numbers; anything else fails the line', async () => {
    const lines = [
      NET(9000, 'beijing', { id: 7 }),
      NET(9000, 'beijing', { id: '007' }),
      NET(9000, 'beijing', { id: { n: 1 } }),
      NET(9000, 'nowhere', { id: 'E-9' }),
      NET(9000, 'beijing'),
    ];
    const r = await batch([], `${lines.join('\n')}\n`);
    const out = jsonOf(r.lines);
    expect(out.map((o) => o.id)).toEqual([7, '007', undefined, 'E-9', undefined]);
    expect(Object.keys(out[0]).slice(0, 3)).toEqual(['line', 'id', 'schemaVersion']);
    expect(out[2].error.message).toMatch(/"id" must be a string or a number/);
    expect(out[3].error.message).toMatch(/Unknown city/);
    expect(out[0].input).not.toHaveProperty('id');
  });
});

const TEAM = [
  NET(12000, 'beijing', { id: 'a' }),
  JSON.stringify({ id: 'b', command: 'estimate', city: 'hangzhou', level: 'senior', date: DATE, bonus: 20000 }),
  NET(9000, 'hangzou', { id: 'c' }),
  JSON.stringify({ id: 'd', command: 'gross', net: 8000, city: 'shanghai', date: DATE }),
  NET(30000, 'shenzhen', { id: 'e', from: { 7: { gross: 35000 } }, children: 1 }),
  'not json',
  NET(6543.21, 'chengdu', { id: 'f', in: { 11: { extra: 1234.56 } } }),
];

describe('--summary', () => {
  it('totals equal the sum of the lines that succeeded, to the fen', async () => {
    const whole = await batch([], `${TEAM.join('\n')}\n`);
    const lines = jsonOf(whole.lines).filter((o) => !o.error);
    expect(lines).toHaveLength(5);
    const r = await batch(['--summary', '--fields', 'id'], `${TEAM.join('\n')}\n`);
    expect(r.code).toBe(2);
    const out = jsonOf(r.lines);
    expect(out).toHaveLength(TEAM.length + 1);
    const { summary } = out.at(-1);
    expect(Object.keys(out.at(-1))).toEqual(['summary']);
    const sum = (get: (o: any) => number) => lines.reduce((s, o) => s + fen(get(o)), 0);
    expect(summary).toEqual({
      count: 7,
      failed: 2,
      annualGross: sum((o) => o.annual.gross) / 100,
      annualNet: sum((o) => o.annual.net) / 100,
      incomeTax: sum((o) => o.annual.incomeTax) / 100,
      insurance: sum((o) => o.annual.insurance) / 100,
      employerCost: sum((o) => o.annual.employerCost) / 100,
    });
    for (const key of ['annualGross', 'annualNet', 'incomeTax', 'insurance', 'employerCost']) {
      expect(Number.isInteger(Math.round(summary[key] * 100)), key).toBe(true);
      expect(fen(summary[key]), key).toBe(Math.round(summary[key] * 100));
    }
    expect(fen(summary.annualNet)).toBe(fen(summary.annualGross) - fen(summary.insurance) - fen(summary.incomeTax));
  });

  it('an empty input sums to zero', async () => {
    const r = await batch(['--summary'], '');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ summary: { count: 0, failed: 0, annualGross: 0, annualNet: 0, incomeTax: 0, insurance: 0, employerCost: 0 } });
  });
});

describe('--fields', () => {
  it('keeps the dotted paths, nesting kept, in the order given; line, id and error always', async () => {
    const r = await batch(['--fields', 'takeHome.average,gross.monthly,annual.net,gross.low'], `${TEAM.slice(0, 3).join('\n')}\n`);
    const out = jsonOf(r.lines);
    expect(out[0]).toEqual({
      line: 1, id: 'a', takeHome: { average: expect.any(Number) }, gross: { monthly: 12000, low: 12000 }, annual: { net: expect.any(Number) },
    });
    expect(Object.keys(out[1])).toEqual(['line', 'id', 'takeHome', 'gross', 'annual']);
    expect(out[2]).toEqual({ line: 3, id: 'c', error: { code: 'bad-input', message: expect.stringMatching(/Unknown city/) } });
    // The same figures as the whole result.
    const whole = jsonOf((await batch([], `${TEAM[0]}\n`)).lines)[0];
    expect(out[0].takeHome.average).toBe(whole.takeHome.average);
    expect(out[0].annual.net).toBe(whole.annual.net);
  });

  it('a path through a list applies to each element; a whole object is kept whole', async () => {
    const r = await batch(['--fields', 'months.net,annual,annual.net'], `${TEAM[4]}\n`);
    const [o] = jsonOf(r.lines);
    expect(o.months).toHaveLength(12);
    expect(Object.keys(o.months[0])).toEqual(['net']);
    expect(Object.keys(o.annual)).toContain('employerCost');
  });

  it('an unknown field is refused before any line, with a did-you-mean', async () => {
    for (const [fields, guess] of [['anual.net', 'annual'], ['annual.nett', 'net'], ['takeHome.avg', undefined]] as const) {
      const r = await batch(['--fields', fields], `${TEAM[0]}\n`);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^cs-pay: --fields: unknown field/);
      if (guess) expect(r.stderr).toContain(`Did you mean ${guess}?`);
    }
  });
});

describe('--format csv', () => {
  /** A CSV text -> rows of cells (quoted fields as RFC 4180 has them). */
  const parseCsv = (text: string) => {
    const rows: string[][] = [[]];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
        else if (c === '"') quoted = false;
        else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') rows.at(-1)!.push(cell), (cell = '');
      else if (c === '\n') rows.at(-1)!.push(cell), (cell = ''), rows.push([]);
      else cell += c;
    }
    rows.pop();
    return rows;
  };

  it('a header, one row per input line, plain numbers, errors in place, quoted as RFC 4180 says', async () => {
    const r = await batch(['--format', 'csv'], `${TEAM.join('\n')}\n`);
    expect(r.code).toBe(2);
    const rows = parseCsv(r.stdout);
    const [head, ...body] = rows;
    expect(head.slice(0, 2)).toEqual(['line', 'id']);
    expect(head.slice(-2)).toEqual(['error.code', 'error.message']);
    expect(head).toContain('annual.net');
    expect(body).toHaveLength(TEAM.length);
    for (const row of body) expect(row).toHaveLength(head.length);
    const col = (name: string) => head.indexOf(name);
    const whole = jsonOf((await batch([], `${TEAM.join('\n')}\n`)).lines);
    body.forEach((row, i) => {
      expect(row[col('line')]).toBe(String(i + 1));
      if (whole[i].error) {
        expect(row[col('error.message')]).toBe(whole[i].error.message);
        expect(row[col('annual.net')]).toBe('');
      } else {
        expect(row[col('annual.net')]).toBe(String(whole[i].annual.net));
        expect(row[col('gross.monthly')]).toMatch(/^\d+(\.\d{1,2})?$/);
      }
    });
    // An error message with a comma is quoted.
    expect(r.stdout).toMatch(/,"Unknown city 'hangzou'[^"\n]*,[^"\n]*"\n/);
  });

  it('--fields names the columns; --summary adds a last row whose line reads total', async () => {
    const r = await batch(['--format', 'csv', '--fields', 'id,annual.net,annual.incomeTax,takeHome.average', '--summary'], `${TEAM.join('\n')}\n`);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(['line', 'id', 'annual.net', 'annual.incomeTax', 'takeHome.average', 'error.code', 'error.message', 'count', 'failed']);
    const total = rows.at(-1)!;
    expect(rows).toHaveLength(TEAM.length + 2);
    const json = jsonOf((await batch(['--summary', '--fields', 'id'], `${TEAM.join('\n')}\n`)).lines).at(-1).summary;
    expect(total).toEqual(['total', '', String(json.annualNet), String(json.incomeTax), '', '', '', '7', '2']);
  });
});

describe('progress', () => {
  it('a line on stderr, rewritten in place, wiped at the end; only when asked or on a terminal', async () => {
    vi.useFakeTimers();
    try {
      let text = '';
      const counts = { line: 0, failed: 0 };
      let now = 0;
      const stop = showProgress((s) => void (text += s), counts, () => now);
      counts.line = 12_345;
      counts.failed = 2;
      now = 2000;
      vi.advanceTimersByTime(300);
      expect(text).toBe('\rcs-pay batch: 12,345 lines · 6,173 lines/s · 2 failed\u001b[K');
      stop();
      expect(text.endsWith('\r\u001b[K')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    // Not a terminal and not asked: nothing but the failure count.
    const r = await batch([], `${NET(9000, 'beijing')}\n`);
    expect(r.stderr).toBe('');
  });
});
