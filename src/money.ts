/**
 * Money is integer fen inside cs-pay. Rounding happens here and only here:
 * half away from zero ("四舍五入"), to the unit a rule asks for.
 */
export type Fen = number;

export type RoundingUnit = 'fen' | 'jiao' | 'yuan';
export type RoundingMode = 'half-up' | 'up' | 'down';

const UNIT_FEN: Record<RoundingUnit, number> = { fen: 1, jiao: 10, yuan: 100 };

/** Round a (possibly fractional) fen amount to a whole `unit`. */
export function roundFen(amount: number, unit: RoundingUnit = 'fen', mode: RoundingMode = 'half-up'): Fen {
  const step = UNIT_FEN[unit];
  const exact = amount / step;
  // Most amounts are far from where the rounding turns: decide on the number itself
  // (toFixed is slow, and a payroll rounds thousands of times a second). Within
  // 1e-5 of a turn, float noise could decide, so the careful path below does.
  const floor = Math.floor(exact);
  const fraction = exact - floor;
  if (fraction === 0) return exact * step + 0;
  if (Math.abs(exact) < 1e9 && (mode === 'half-up' ? Math.abs(fraction - 0.5) > 1e-5 : fraction > 1e-5 && fraction < 1 - 1e-5)) {
    const up = mode === 'up' || (mode === 'half-up' && fraction > 0.5);
    return (up ? floor + 1 : floor) * step + 0;
  }
  // Strip float noise (e.g. 0.1 * 3) before deciding which way to round.
  const units = Number(exact.toFixed(6));
  let whole: number;
  if (mode === 'up') whole = Math.ceil(units);
  else if (mode === 'down') whole = Math.floor(units);
  else whole = Math.sign(units) * Math.floor(Math.abs(units) + 0.5);
  return whole * step + 0; // + 0 turns -0 into 0
}

export function yuanToFen(yuan: number): Fen {
  return roundFen(yuan * 100);
}

export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** amount × rate, rounded once. Rates are plain fractions (0.08 for 8%). */
export function applyRate(amount: Fen, rate: number, unit: RoundingUnit = 'fen', mode: RoundingMode = 'half-up'): Fen {
  return roundFen(amount * rate, unit, mode);
}

export function sumFen(values: readonly Fen[]): Fen {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function clampFen(value: Fen, low: Fen, high: Fen): Fen {
  return Math.min(Math.max(value, low), high);
}

/** Yuan as "12,345.60". */
export const formatMoney = (yuan: number): string => decimal(yuan, 2);

/** "12,345.60" style, for tables. */
export function formatYuan(fen: Fen, decimals = 2): string {
  return (fen < 0 ? '-' : '') + decimal(Math.abs(fen) / 100, decimals);
}

/**
 * What toLocaleString('en-US') writes with `places` decimals, without Intl, which
 * would load ICU: a quarter of the start-up of every run that prints an amount.
 * Like ICU, it rounds the shortest decimal form of the number (String(196.95) is
 * "196.95", so 197.0), a half away from zero, then groups the thousands.
 */
function decimal(value: number, places: number): string {
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text)) return value.toLocaleString('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });
  const [whole, fraction = ''] = text.split('.');
  const digits = (whole + fraction.padEnd(places, '0').slice(0, places)).split('').map(Number);
  if (fraction.length > places && fraction[places] >= '5') {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i >= 0) digits[i]++;
    else digits.unshift(1);
  }
  const intDigits = digits.length - places;
  let out = value < 0 || Object.is(value, -0) ? '-' : '';
  for (let i = 0; i < intDigits; i++) out += (i > 0 && (intDigits - i) % 3 === 0 ? ',' : '') + digits[i];
  return places > 0 ? `${out}.${digits.slice(intDigits).join('')}` : out;
}
