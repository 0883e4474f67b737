// argv -> plain settings for the CLI. Bad usage is a UsageError (exit code 2), never a stack.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { UsageError } from './errors.js';
import type { Settings } from './settings.js';
import { listValue, overridesFrom, type ConfigValueName } from './values.js';

export type OutputFormat = 'text' | 'json' | 'sarif';

export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'scan'; settings: Settings; format: OutputFormat; output?: string; verbose: boolean }
  | { command: 'inventory'; path: string; format: 'text' | 'json'; output?: string; include: string[]; exclude: string[] };

export const USAGE = `Usage:
  security-gate scan [PATH] [options]      check dependencies, secrets and supported versions
  security-gate inventory [PATH] [options] list the packages in the lockfiles under PATH (or one lockfile)

Scan options:
  --checks LIST        comma-separated: deps,secrets,versions (default: all, or the config file's)
  --config FILE        config file (default: .github/security-gate.yml or .security-gate.yml)
  --fail-on LEVEL      critical|high|medium|low: lowest severity that fails (default: high)
  --base REV           compare against REV: scan commits REV..HEAD, and fail only on what they introduce
  --since REV          same as --base
  --head REV           end of the range (default: HEAD)
  --no-git             scan the working tree's files only (no history, no tags)
  --staged             scan what \`git add\` staged for secrets (a pre-commit hook; implies --checks secrets)
  --full               read the whole history again for secrets, ignoring the history cache in deps.cache-dir
  --advisory-db PATH   offline OSV database: a folder of OSV JSON files or an all.zip
  --baseline FILE      a JSON report of an earlier run: its findings warn instead of failing
  --format FORMAT      text|json|sarif (default: text)
  --output FILE        write the report to FILE (its folder is created) instead of standard output
  --verbose            also list ignored findings
Inventory options:
  --format text|json, --output FILE

Exit codes: 0 nothing fails, 1 a finding fails the policy, 2 bad usage, bad config or an unusable repository.`;

export function parseCliArgs(argv: string[], cwd: string): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        checks: { type: 'string' },
        config: { type: 'string' },
        'fail-on': { type: 'string' },
        base: { type: 'string' },
        since: { type: 'string' },
        head: { type: 'string' },
        'no-git': { type: 'boolean', default: false },
        staged: { type: 'boolean', default: false },
        full: { type: 'boolean', default: false },
        'advisory-db': { type: 'string' },
        baseline: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        verbose: { type: 'boolean', short: 'v', default: false },
        include: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const fromCwd = (path: string | undefined) => (path === undefined ? undefined : resolve(cwd, path));
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command = 'scan', path = '.', ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'\n\n${USAGE}`);

  if (command === 'inventory') {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json for inventory, not '${format}'`);
    return { command, path, format, output: fromCwd(values.output), include: values.include ?? [], exclude: values.exclude ?? [] };
  }
  if (command !== 'scan') throw new UsageError(`unknown command '${command}'\n\n${USAGE}`);

  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') {
    throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
  }
  if (values.base && values.since && values.base !== values.since) throw new UsageError('give --base or --since, not both');
  const base = values.base ?? values.since;
  if (values['no-git'] && (base || values.head)) throw new UsageError('--no-git scans files only: it cannot take --base or --head');
  if (values.staged && (values['no-git'] || base || values.head)) {
    throw new UsageError('--staged scans the index: it cannot take --no-git, --base or --head');
  }
  if (values.full && (values['no-git'] || values.staged || base || values.head)) {
    throw new UsageError('--full rescans the whole history: it cannot take --no-git, --staged, --base or --head');
  }
  const named = new Set(values.checks === undefined ? [] : listValue(values.checks));
  if (values.staged && values.checks !== undefined && (named.size !== 1 || !named.has('secrets'))) {
    throw new UsageError('--staged scans staged changes for secrets only: use --checks secrets');
  }
  // Paths typed on the command line are relative to where it is typed, not to the scanned folder.
  const { overrides, overrideNames } = overridesFrom(
    {
      checks: values.staged ? 'secrets' : values.checks,
      'fail-on': values['fail-on'],
      'advisory-db': values['advisory-db'],
      baseline: values.baseline,
    },
    { label: (name: ConfigValueName) => `--${name}`, path: (value) => resolve(cwd, value) },
  );
  return {
    command,
    format,
    output: fromCwd(values.output),
    verbose: values.verbose ?? false,
    settings: {
      root: resolve(cwd, path),
      configPath: fromCwd(values.config),
      overrides,
      overrideNames,
      base,
      head: values.head,
      git: !values['no-git'],
      ...(values.staged ? { staged: true } : {}),
      ...(values.full ? { fullRescan: true } : {}),
    },
  };
}
