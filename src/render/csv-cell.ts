/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet. Following OWASP's advice
 * on CSV injection, a text cell that starts with =, +, -, @, a tab or a CR is
 * written with a leading ' (so `=HYPERLINK(…)` in an id stays text, not a formula),
 * and control characters other than tab and line breaks are dropped (they would
 * reach the terminal raw). A plain number (-123.45, 1e5) is left as it is.
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function csvCell(text: string): string {
  let s = text.replace(CONTROL, '');
  if (FORMULA.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
