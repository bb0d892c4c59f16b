/** Run the CLI in-process with a fake Io. */
import { readFileSync } from 'node:fs';
import type { Io } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], opts: { env?: Record<string, string>; stdin?: string; isTTY?: boolean; files?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
    today: '2026-11-23',
    readFile: (path) => {
      if (opts.files && path in opts.files) return opts.files[path];
      return readFileSync(path, 'utf8');
    },
    readStdin: async () => opts.stdin ?? '',
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export const json = async (argv: string[]) => {
  const r = await cli([...argv, '--json']);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
