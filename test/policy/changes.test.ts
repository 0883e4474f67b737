import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { configChanges, policyChangeNotices, type PolicySnapshot } from '../../src/policy/changes.js';

const ignore = (id: string) => ({ id, reason: 'r', expires: '2099-01-01' });

describe('what a pull request changes in its policy', () => {
  it('counts added and removed list entries and names changed keys, in schema order', () => {
    const before = configSchema.parse({ ignore: [ignore('A'), ignore('B')], secrets: { 'exclude-paths': ['docs/**'] } });
    const after = configSchema.parse({
      'fail-on': 'critical',
      ignore: [ignore('B'), ignore('C'), ignore('D')],
      secrets: { 'exclude-paths': [], 'max-file-size': 10 },
    });
    expect(configChanges(before, after)).toEqual([
      'changes fail-on',
      'adds 2 ignores',
      'removes 1 ignore',
      'removes 1 entry to secrets.exclude-paths',
      'changes secrets.max-file-size',
    ]);
    expect(configChanges(before, before)).toEqual([]);
  });

  it('gives one notice per changed file, none when nothing changed', () => {
    const config = configSchema.parse({});
    const base: PolicySnapshot = { config, configFile: '.security-gate.yml', files: { '.gitleaksignore': 'a:b:c:1\n' } };
    expect(policyChangeNotices(base, base)).toEqual([]);
    const head: PolicySnapshot = {
      config,
      configFile: '.security-gate.yml',
      files: { '.gitleaksignore': '# comment\n\na:b:c:1\nd:e:f:2\ng:h:i:3\n', '.gitleaks.toml': '[[rules]]\n' },
    };
    expect(policyChangeNotices(base, head)).toEqual([
      'this pull request adds 2 ignored findings in .gitleaksignore; they take effect when it is merged (policy-from: base).',
      'this pull request adds custom rules and allowlists in .gitleaks.toml; they take effect when it is merged (policy-from: base).',
    ]);
    expect(policyChangeNotices({ ...base, configFile: undefined }, head)[0]).toBe(
      'this pull request adds .security-gate.yml; they take effect when it is merged (policy-from: base).',
    );
  });
});
