/** Commander's errors: exit 2, in the language asked for, pointing at the failing command's own help. */
import { describe, expect, it } from 'vitest';
import { cli } from './cli-support.js';

describe("commander's errors", () => {
  it.each([
    [['model', 'validate', 'x.yaml', '--bogus'], "unknown option '--bogus'.", 'cs-pay model validate --help'],
    [['compare', 'a.yaml'], "missing required argument 'b'.", 'cs-pay compare --help'],
    [['net', '--gross', '1', '--insurance', '0', 'extra'], "too many arguments for 'net'.", 'cs-pay net --help'],
    [['estimate', '--city'], "option '--city <city>' argument missing.", 'cs-pay estimate --help'],
  ])('%j', async (argv, sentence, help) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`cs-pay: ${sentence}\n`);
    expect(r.stderr).toContain(`See \`${help}\`.`);
  });

  it('speaks Chinese under --lang zh or LANG=zh_CN, with the "did you mean"', async () => {
    const r = await cli(['estimate', '--citi', 'hangzhou', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("未知选项 '--citi'。");
    expect(r.stderr).toContain('--city');
    expect(r.stderr).toContain('`cs-pay estimate --help`');
    const env = await cli(['rules', '--bogus'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(env.stderr).toContain("未知选项 '--bogus'。");
  });
});
