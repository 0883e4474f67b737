import { describe, expect, it } from 'vitest';
import { fromGitleaksToml, fromGoRegex, mergeRules, nameSecretGroup } from '../../../src/checks/secrets/custom-rules.js';
import { compileRules, scanLine } from '../../../src/checks/secrets/scan.js';
import { AWS_KEY_RULE, GITHUB_PAT_RULE, randomText } from './test-rules.js';

describe('fromGoRegex', () => {
  it('turns RE2 syntax JavaScript lacks into flags and equivalents', () => {
    expect(fromGoRegex('(?i)key=(?P<v>\\w+)\\z')).toEqual({ source: 'key=(?<v>\\w+)$', flags: 'i' });
    expect(() => fromGoRegex('[[:alpha:]]++')).toThrow(SyntaxError);
  });
});

describe('nameSecretGroup', () => {
  it('names the numbered group gitleaks takes as the secret', () => {
    expect(nameSecretGroup('(a)(b)', 2)).toBe('(a)(?<secret>b)');
    expect(nameSecretGroup('(?:x)\\((y)[(]', undefined)).toBe('(?:x)\\((?<secret>y)[(]');
    expect(nameSecretGroup('(a)(b)', undefined)).toBe('(a)(b)'); // two groups, no secretGroup: whole match
    expect(nameSecretGroup('(?<name>a)', 1)).toBe('(?<secret>a)');
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
    expect(allowPaths.map(String)).toEqual(['/^vendor\\//']);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ id: 'tok', title: 'Internal token', keywords: ['tok_'], minEntropy: 3.5 });
    const [match] = scanLine(compileRules(rules), `SECRET = ${token}`);
    expect(match?.secret).toBe(token);
    expect(scanLine(compileRules(rules), `secret = tok_${'0'.repeat(30)}`)).toEqual([]);
  });

  it('reports broken TOML with its line instead of throwing', () => {
    const { rules, errors } = fromGitleaksToml('[[rules]]\nid = \n', '.gitleaks.toml');
    expect(rules).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ path: '.gitleaks.toml', line: 2, message: expect.stringContaining('not valid TOML') }),
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
