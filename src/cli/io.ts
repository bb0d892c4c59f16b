/** Everything the CLI needs from the outside world, so tests can fake it. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (decides colour). */
  isTTY: boolean;
  /** Today's date, YYYY-MM-DD: the default for --date. */
  today: string;
  readFile: (path: string) => string;
  /** Standard input, for `batch -`. */
  readStdin: () => Promise<string>;
}

export function todayIn(timeZone: string, now = new Date()): string {
  // Payroll dates are Chinese calendar days, whatever the machine's zone.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
