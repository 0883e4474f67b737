// argv -> settings: flags that set config keys become a partial config in the file's own keys, each
// named as the flag for error messages; paths are relative to where the command is typed.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/config/cli-args.js';
import { UsageError } from '../../src/config/errors.js';

describe('CLI flags', () => {
  it('turns config flags into a partial config in the file keys, named as flags', () => {
    const cli = parseCliArgs(
      ['scan', 'repo', '--checks', 'deps,versions', '--fail-on', 'CRITICAL', '--advisory-db', 'db', '--baseline', 'b.json'],
      '/work',
    );
    expect(cli.command).toBe('scan');
    if (cli.command !== 'scan') return;
    expect(cli.settings.root).toBe('/work/repo');
    expect(cli.settings.overrides).toEqual({
      checks: ['deps', 'versions'],
      'fail-on': 'critical',
      baseline: '/work/b.json',
      deps: { 'advisory-db': '/work/db' },
    });
    expect(cli.settings.overrideNames).toEqual({
      checks: '--checks',
      'fail-on': '--fail-on',
      baseline: '--baseline',
      'deps.advisory-db': '--advisory-db',
    });
  });

  it('leaves the values to the schema: a bad value is not a usage error here but a config error later', () => {
    const cli = parseCliArgs(['scan', '--fail-on', 'severe', '--checks', 'licenses'], '/work');
    if (cli.command !== 'scan') throw new Error('expected scan');
    expect(cli.settings.overrides).toEqual({ 'fail-on': 'severe', checks: ['licenses'] });
  });

  it('reads --output relative to where the command is typed', () => {
    const cli = parseCliArgs(['scan', '/elsewhere', '--output', 'out/report.json'], '/work');
    expect(cli).toMatchObject({ output: join('/work', 'out/report.json') });
    expect(parseCliArgs(['inventory', '--output', 'i.json'], '/work')).toMatchObject({ output: '/work/i.json' });
  });

  it('still rejects unknown flags and commands as usage errors', () => {
    expect(() => parseCliArgs(['scan', '--bogus'], '/work')).toThrow(UsageError);
    expect(() => parseCliArgs(['lint'], '/work')).toThrow(/unknown command 'lint'/);
  });
});
