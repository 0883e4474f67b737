import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { loadConfig, parseConfigText } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/schema.js';
import { workingTree } from '../../src/config/tree.js';
import { gitRepo, tempDir } from '../support/git-repo.js';

function configErrorOf(text: string): ConfigError {
  try {
    parseConfigText(text, '.github/security-gate.yml');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config file', () => {
  it('gives every default when the repository has no config file', async () => {
    const repo = gitRepo().commit('empty');
    const loaded = await loadConfig(workingTree(repo.dir));
    expect(loaded.file).toBeUndefined();
    expect(loaded.config['fail-on']).toBe('high');
    expect(loaded.config.checks).toEqual(['deps', 'secrets', 'versions']);
    expect(loaded.config.deps['on-source-error']).toBe('fail');
    expect(loaded.config.deps.unscored).toBe('warn');
  });

  it('reads .github/security-gate.yml and keeps the line of each ignore entry', async () => {
    const repo = gitRepo().write({
      '.github/security-gate.yml': [
        'fail-on: medium',
        'checks: [deps, versions]',
        'ignore:',
        '  - id: GHSA-xvch-5gv4-984h',
        '    reason: only used at build time',
        '    expires: 2027-01-31',
        '  - fingerprint: secrets:abc',
        '    reason: test fixture',
        '    expires: 2026-12-01',
        '',
      ].join('\n'),
    });
    const loaded = await loadConfig(workingTree(repo.dir));
    expect(loaded.file).toBe('.github/security-gate.yml');
    expect(loaded.config['fail-on']).toBe('medium');
    expect(loaded.config.checks).toEqual(['deps', 'versions']);
    expect(loaded.ignoreLines).toEqual([4, 7]);
  });

  it('falls back to .security-gate.yml at the root', async () => {
    const repo = gitRepo().write({ '.security-gate.yml': 'fail-on: low\n' });
    expect(await loadConfig(workingTree(repo.dir))).toMatchObject({ file: '.security-gate.yml', config: { 'fail-on': 'low' } });
  });

  it('names the file, key and line of an unknown key', () => {
    const error = configErrorOf('fail-on: high\nsecrets:\n  exclude-path: ["docs/**"]\n');
    expect(error.key).toBe('secrets.exclude-path');
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^\.github\/security-gate\.yml:3: secrets\.exclude-path: unknown key/);
  });

  it('names a custom rule whose pattern RE2 cannot run by its id, file and line (issue 10, item 11)', () => {
    const error = configErrorOf(
      ['secrets:', '  rules:', '    - id: acme-key', '      title: Acme key', "      pattern: '(a)\\1'"].join('\n'),
    );
    expect(error.message).toMatch(
      /^\.github\/security-gate\.yml:5: secrets\.rules\.0\.pattern: rule 'acme-key': not a pattern RE2 runs in linear time/,
    );
  });

  it('names the allowed values of a bad enum', () => {
    const error = configErrorOf('\n\nfail-on: severe\n');
    expect(error.message).toBe('.github/security-gate.yml:3: fail-on: must be one of "critical", "high", "medium", "low"');
  });

  it('requires a reason and a real expiry date on every ignore', () => {
    expect(configErrorOf('ignore:\n  - id: GHSA-1\n    expires: 2026-01-01\n').message).toMatch(/:2: ignore\.0\.reason: is required$/);
    const badDate = configErrorOf('ignore:\n  - id: GHSA-1\n    reason: x\n    expires: 2026-02-30\n');
    expect(badDate.line).toBe(4);
    expect(badDate.message).toContain('not a real calendar date');
    expect(configErrorOf('ignore:\n  - reason: x\n    expires: 2026-01-01\n').message).toContain('needs an `id` or a `fingerprint`');
  });

  it('reports YAML syntax errors with their line', () => {
    const error = configErrorOf('fail-on: high\nchecks: [deps\n');
    expect(error.message).toMatch(/^\.github\/security-gate\.yml:\d+: invalid YAML/);
  });

  it('rejects a config that is not a mapping', () => {
    expect(configErrorOf('- deps\n- secrets\n').message).toContain('must be a mapping');
  });

  it('rejects a tag pattern without a version group', () => {
    expect(configErrorOf("versions:\n  tag-pattern: '^v(.*)$'\n").message).toContain('named group');
  });

  it('fails clearly when an explicit config path does not exist', async () => {
    const repo = gitRepo();
    await expect(loadConfig(workingTree(repo.dir), { path: 'missing.yml' })).rejects.toThrow(/missing\.yml: config file not found/);
  });

  it('lets inputs and flags override the file', () => {
    const overrides = { 'fail-on': 'critical', deps: { 'advisory-db': 'db' } };
    const merged = parseConfigText('fail-on: low\ndeps:\n  include-dev: false\n', 'f', { overrides }).config;
    expect(merged['fail-on']).toBe('critical');
    expect(merged.deps['advisory-db']).toBe('db');
    expect(merged.deps['include-dev']).toBe(false);
    expect(parseConfigText('', 'f', { overrides: {} }).config).toEqual(defaultConfig());
  });

  it('reports every problem in one run, each with its file, line and key', () => {
    const error = configErrorOf(
      [
        'fail-on: severe',
        'secrets:',
        '  exclude-path: ["docs/**"]',
        '  max-file-size: big',
        'ignore:',
        '  - id: GHSA-1',
        '    reason: x',
        '    expires: 2026-02-30',
        'tokne: 1',
        '',
      ].join('\n'),
    );
    expect(error.problems.map((problem) => `${problem.line}: ${problem.key}`)).toEqual([
      '1: fail-on',
      '3: secrets.exclude-path',
      '4: secrets.max-file-size',
      '8: ignore.0.expires',
      '9: tokne',
    ]);
    expect(error.message.split('\n')).toEqual([
      '.github/security-gate.yml:1: fail-on: must be one of "critical", "high", "medium", "low"',
      '.github/security-gate.yml:3: secrets.exclude-path: unknown key; allowed keys are listed in schema/security-gate.schema.json',
      '.github/security-gate.yml:4: secrets.max-file-size: Invalid input: expected number, received string',
      '.github/security-gate.yml:8: ignore.0.expires: not a real calendar date',
      '.github/security-gate.yml:9: tokne: unknown key; allowed keys are listed in schema/security-gate.schema.json',
    ]);
  });

  it('reports every YAML syntax error, not only the first', () => {
    const error = configErrorOf('checks: [deps\nfail-on: {\n');
    expect(error.problems.length).toBeGreaterThan(1);
    expect(error.problems.every((problem) => problem.detail.startsWith('invalid YAML'))).toBe(true);
  });

  it('names the input or flag that set a bad value, next to the file problems, in one run', () => {
    const request = {
      overrides: { 'fail-on': 'severe', checks: ['deps', 'licenses'], deps: { 'advisory-db': '' } },
      overrideNames: { 'fail-on': 'input fail-on', checks: 'input checks', 'deps.advisory-db': 'input advisory-db' },
    };
    const error = (() => {
      try {
        parseConfigText('fail-on: low\nversions:\n  include-prereleases: maybe\n', '.github/security-gate.yml', request);
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message.split('\n')).toEqual([
      `input checks: 'licenses' is not a check; the checks are "deps", "secrets", "versions"`,
      `input fail-on: 'severe' must be one of "critical", "high", "medium", "low"`,
      `input advisory-db: '': Too small: expected string to have >=1 characters`,
      '.github/security-gate.yml:3: versions.include-prereleases: Invalid input: expected boolean, received string',
    ]);
  });

  it('checks inputs and flags even without a config file', async () => {
    const repo = gitRepo().commit('empty');
    await expect(
      loadConfig(workingTree(repo.dir), { overrides: { 'fail-on': 'severe' }, overrideNames: { 'fail-on': '--fail-on' } }),
    ).rejects.toThrow(/^--fail-on: 'severe' must be one of "critical"/);
  });

  it('never echoes a value that looks like a pasted credential', () => {
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const error = (() => {
      try {
        parseConfigText('', 'f', { overrides: { 'fail-on': token }, overrideNames: { 'fail-on': 'input fail-on' } });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).toMatch(/^input fail-on: 'ghp_\*+' must be one of/);
    expect(error.message).not.toContain(token);
  });

  it('refuses a YAML alias bomb with the file and what to do, not "unexpected error"', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      '',
    ].join('\n');
    const error = configErrorOf(bomb);
    expect(error.message).toMatch(
      /^\.github\/security-gate\.yml: its YAML aliases .* expand to too many values \(an alias bomb\)\. Write the values out/,
    );
  });

  it('names a config path that is a folder, for the explicit path and the standard location', async () => {
    const repo = gitRepo().commit('empty');
    mkdirSync(join(repo.dir, 'configs'));
    await expect(loadConfig(workingTree(repo.dir), { path: 'configs' })).rejects.toThrow(
      /^configs: is a folder, not a file: point the setting at the file inside it\.$/,
    );
    mkdirSync(join(repo.dir, '.github/security-gate.yml'), { recursive: true });
    await expect(loadConfig(workingTree(repo.dir))).rejects.toThrow(/^\.github\/security-gate\.yml: is a folder, not a file/);
  });

  it('refuses a config that is a symlink leading outside the repository', async () => {
    const repo = gitRepo().commit('empty');
    const outside = join(tempDir(), 'secret.yml');
    writeFileSync(outside, 'fail-on: low\n');
    mkdirSync(join(repo.dir, '.github'));
    symlinkSync(outside, join(repo.dir, '.github/security-gate.yml'));
    await expect(loadConfig(workingTree(repo.dir))).rejects.toThrow(
      /^\.github\/security-gate\.yml: is a symlink that leads outside the repository/,
    );
  });

  it('reads a --config the user typed outside the scanned folder, and a symlink that stays inside', async () => {
    const repo = gitRepo().commit('empty');
    const shared = join(tempDir(), 'org.yml');
    writeFileSync(shared, 'fail-on: low\n');
    expect((await loadConfig(workingTree(repo.dir), { path: shared })).config['fail-on']).toBe('low');
    writeFileSync(join(repo.dir, 'real.yml'), 'fail-on: medium\n');
    symlinkSync('real.yml', join(repo.dir, '.security-gate.yml'));
    expect((await loadConfig(workingTree(repo.dir))).config['fail-on']).toBe('medium');
  });

  it('keeps the paths the config file names inside the repository; an input or flag may name any path', async () => {
    const repo = gitRepo().write({
      '.github/security-gate.yml': 'baseline: ../../etc/passwd\ndeps:\n  cache-dir: /home/runner/.cache\n  advisory-db: osv/all.zip\n',
    });
    const error = await loadConfig(workingTree(repo.dir)).then(
      () => undefined,
      (caught: ConfigError) => caught,
    );
    expect(error?.message.split('\n')).toEqual([
      '.github/security-gate.yml:1: baseline: must be a path inside the repository, relative to it; to use a file elsewhere, give it with the input or flag instead',
      '.github/security-gate.yml:3: deps.cache-dir: must be a path inside the repository, relative to it; to use a file elsewhere, give it with the input or flag instead',
    ]);
    const overrides = { baseline: '/tmp/runner/baseline.json', deps: { 'cache-dir': '/tmp/runner/cache' } };
    const loaded = await loadConfig(workingTree(repo.dir), { overrides });
    expect(loaded.config.baseline).toBe('/tmp/runner/baseline.json');
    expect(loaded.config.deps['advisory-db']).toBe('osv/all.zip');
  });

  it('publishes the same schema as schema/security-gate.schema.json (run `npm run schema` after a change)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/security-gate.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });
});
