/** compare (offers side by side) and batch (one result per line, none dropped). */
import { describe, expect, it } from 'vitest';
import { cli, json } from './cli-support.js';

const DATE = ['--date', '2026-11-23'];
const fen = (n: number) => Math.round(n * 100);

describe('compare', () => {
  it('a file against an inline spec: delta = B − A to the fen for every contract field', async () => {
    const j = await json(['compare', 'data/offers/hangzhou-1688-senior.yaml', 'city=chengdu,level=lead', ...DATE]);
    expect(j.command).toBe('compare');
    const [a, b] = j.offers;
    expect(a.name).toBe('1688 Hangzhou senior');
    const pairs: [string, (r: any) => number][] = [
      ['grossMonthly', (r) => r.gross.monthly],
      ['netMonthly', (r) => r.takeHome.average],
      ['annualGross', (r) => r.annual.gross],
      ['annualNet', (r) => r.annual.net],
      ['employerCost', (r) => r.annual.employerCost],
    ];
    for (const [key, get] of pairs) expect(fen(j.delta[key]), key).toBe(fen(get(b)) - fen(get(a)));
  });

  it('each side is the same object estimate/net would print', async () => {
    const j = await json(['compare', 'city=hangzhou,level=senior,night-shifts=8', 'gross=12000,city=beijing', ...DATE]);
    const est = await json(['estimate', '--city', 'hangzhou', '--level', 'senior', '--night-shifts', '8', ...DATE]);
    const net = await json(['net', '--gross', '12000', '--city', 'beijing', ...DATE]);
    expect(j.offers[0].annual).toEqual(est.annual);
    expect(j.offers[1].annual).toEqual(net.annual);
  });

  it('probation at 80% lowers the first-year take-home below the annual take-home', async () => {
    const j = await json(['compare', 'data/offers/hangzhou-1688-senior.yaml', 'data/offers/beijing-known-gross.yaml', ...DATE]);
    for (const o of j.offers) expect(o.firstYearNet).toBeLessThan(o.annual.net);
  });

  it('the table marks the better side and prints a verdict', async () => {
    const r = await cli(['compare', 'city=wuhan,level=junior', 'city=shanghai,level=junior', ...DATE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Take-home a year .*◀/);
    expect(r.stdout).toMatch(/city=shanghai,level=junior takes home [\d,.]+ more a year/);
  });

  it('a broken offer file exits 3 naming the file, line and key', async () => {
    const files = {
      'typo.yaml': 'name: x\ncity: hangzhou\nlevel: senior\nnightshifts: 3\n',
      'city.yaml': 'name: x\nlevel: senior\ncity: hangzou\n',
      'csat.yaml': 'city: hangzhou\nlevel: senior\nsatisfaction: 130\n',
    };
    const typo = await cli(['compare', 'typo.yaml', 'city=hangzhou,level=senior'], { files });
    expect(typo.code).toBe(3);
    expect(typo.stderr).toMatch(/^cs-pay: typo\.yaml:4:1: nightshifts: unknown key 'nightshifts' \(did you mean nightShifts\?\)\./);
    const city = await cli(['compare', 'city.yaml', 'city=hangzhou,level=senior'], { files });
    expect(city.code).toBe(3);
    expect(city.stderr).toMatch(/^cs-pay: city\.yaml:3:1: city: Unknown city 'hangzou'\.\nDid you mean hangzhou\?/);
    const csat = await cli(['compare', 'csat.yaml', 'city=hangzhou,level=senior'], { files });
    expect(csat.code).toBe(3);
    expect(csat.stderr).toMatch(/^cs-pay: csat\.yaml:3:1: satisfaction: --satisfaction cannot be above 100%/);
  });

  it('an unknown key in an inline spec exits 2 with a did-you-mean', async () => {
    const r = await cli(['compare', 'city=hangzhou,levle=senior', 'city=chengdu,level=lead']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option 'levle'.*\nDid you mean level\?/);
  });
});

describe('batch', () => {
  const lines = [
    '{"command":"estimate","city":"hangzhou","level":"senior","date":"2026-11-23"}',
    '{"command":"net","gross":12000,"city":"beijing","date":"2026-11-23"}',
    '{"command":"estimate","city":"hangzou","level":"senior"}',
    'not json',
    '',
    '{"command":"net","gross":30000,"insurance":4500,"deduction":2000,"date":"2026-11-23"}',
  ];

  it('one output line per input line, same order, errors in place; exit 2 at the end', async () => {
    const r = await cli(['batch', '-'], { stdin: `${lines.join('\n')}\n` });
    expect(r.code).toBe(2);
    const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out[0].command).toBe('estimate');
    expect(out[1].gross.monthly).toBe(12000);
    expect(out[2].error.code).toBe('bad-input');
    expect(out[2].error.message).toMatch(/Unknown city 'hangzou'.*Did you mean hangzhou\?/);
    expect(out[3].error.message).toMatch(/Not valid JSON/);
    expect(out[4].error.message).toMatch(/Empty line/);
    expect(out[5].months.slice(0, 3).map((m: { tax: number }) => m.tax)).toEqual([555, 625, 1850]);
    expect(r.stderr).toMatch(/3 of 6 batch lines failed/);
  });

  it('a batch result equals the single command', async () => {
    const r = await cli(['batch'], { stdin: lines[1] });
    expect(r.code).toBe(0);
    const { line, ...result } = JSON.parse(r.stdout);
    expect(line).toBe(1);
    expect(result).toEqual(await json(['net', '--gross', '12000', '--city', 'beijing', ...DATE]));
  });
});
