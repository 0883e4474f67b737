import { describe, expect, it } from 'vitest';
import { fromConfigRule, fromGitleaksToml, linearPattern, mergeRules } from '../../../src/checks/secrets/custom-rules.js';
import { configSchema } from '../../../src/config/schema.js';
import { AWS_KEY_RULE, GITHUB_PAT_RULE, detect, detectorFor, randomText } from './test-rules.js';

const matchesOf = (source: string, line: string, group?: number) => [...linearPattern(source, group).matches(line)].map((m) => m.secret);
const compileRules = detectorFor;
const scanLine = (detector: ReturnType<typeof detectorFor>, line: string) => detect(detector, line);

describe('linearPattern (RE2 semantics, as gitleaks writes its rules)', () => {
  it('reads RE2 syntax: inline flags, (?P<name>), \\z', () => {
    expect(matchesOf('(?i)key=(?P<v>\\w+)\\z', 'KEY=abc')).toEqual(['abc']);
  });

  it('takes the group gitleaks takes as the secret', () => {
    expect(matchesOf('(a)(b)', 'ab', 2)).toEqual(['b']);
    expect(matchesOf('(?:x)\\((y)[(]', 'x(y(')).toEqual(['y']); // the only group
    expect(matchesOf('(a)(b)', 'ab')).toEqual(['ab']); // two groups, no secretGroup: whole match
    expect(matchesOf('x(?P<secret>a)(b)', 'xab')).toEqual(['a']); // a group named secret wins
  });

  it('refuses what has no linear-time form (backreferences, lookarounds)', () => {
    expect(() => linearPattern('(a)\\1')).toThrow();
    expect(() => linearPattern('(?<=x)a')).toThrow();
  });

  it('runs a pattern that backtracks exponentially in JavaScript in linear time', () => {
    // `^(a|aa)+$` on this line takes JavaScript's engine longer than the test timeout (it doubles
    // with each character); RE2 answers at once.
    expect(matchesOf('^(a|aa)+$', `${'a'.repeat(64)}b`)).toEqual([]);
    const rule = fromConfigRule(
      configSchema.parse({ secrets: { rules: [{ id: 'slow', title: 'Slow', pattern: '(x+x+)+y' }] } }).secrets.rules[0]!,
    );
    expect(scanLine(compileRules([rule]), 'x'.repeat(5000))).toEqual([]);
  });

  it('makes a config rule RE2 cannot run a config error naming the rule', () => {
    const parsed = configSchema.safeParse({ secrets: { rules: [{ id: 'backref', title: 'Backref', pattern: '(a)\\1' }] } });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('linear time');
  });
});

describe('fromGitleaksToml', () => {
  const token = `tok_${randomText(30, 'abcdefghijklmnopqrstuvwxyz0123456789', 5)}`;

  it('reads rules with keywords, entropy, secretGroup and allowlists', () => {
    const { rules, allowPaths, errors } = fromGitleaksToml(
      [
        '[allowlist]',
        "paths = ['''^vendor/''']",
        '[[rules]]',
        'id = "tok"',
        'description = "Internal token"',
        "regex = '''(?i)(secret)\\s*=\\s*(tok_[a-z0-9]{30})'''",
        'secretGroup = 2',
        'keywords = ["TOK_"]',
        'entropy = 3.5',
        '[rules.allowlist]',
        "regexes = ['''^tok_0+$''']",
        '[[rules]]',
        'id = "paths-only"',
        "path = '''\\.pem$'''",
      ].join('\n'),
      '.gitleaks.toml',
    );
    expect(errors).toEqual([]);
    expect(allowPaths).toHaveLength(1);
    expect(allowPaths[0]!.test('vendor/lib.js')).toBe(true);
    expect(allowPaths[0]!.test('src/vendor/lib.js')).toBe(false);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ id: 'tok', title: 'Internal token', keywords: ['tok_'], minEntropy: 3.5 });
    const [match] = scanLine(compileRules(rules), `SECRET = ${token}`);
    expect(match?.secret).toBe(token);
    expect(scanLine(compileRules(rules), `secret = tok_${'0'.repeat(30)}`)).toEqual([]);
  });

  it('reports broken TOML with its line instead of throwing, as an error that fails (its rules did not run)', () => {
    const { rules, errors } = fromGitleaksToml('[[rules]]\nid = \n', '.gitleaks.toml');
    expect(rules).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ path: '.gitleaks.toml', line: 2, message: expect.stringContaining('not valid TOML'), fatal: true }),
    ]);
  });
});

describe('mergeRules', () => {
  it('adds custom rules, lets one replace a built-in of the same id, and drops disabled ones', () => {
    const replacement = { ...AWS_KEY_RULE, title: 'Ours' };
    const merged = mergeRules([AWS_KEY_RULE, GITHUB_PAT_RULE], [replacement], [GITHUB_PAT_RULE.id]);
    expect(merged).toEqual([replacement]);
  });
});
