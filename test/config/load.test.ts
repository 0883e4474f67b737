import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { loadConfig, parseConfigText } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/schema.js';
import { workingTree } from '../../src/config/tree.js';
import { gitRepo } from '../support/git-repo.js';

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

  it('publishes the same schema as schema/security-gate.schema.json (run `npm run schema` after a change)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/security-gate.schema.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });
});
