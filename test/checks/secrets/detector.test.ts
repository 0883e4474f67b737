// The detector's stages on the small test rule set: find (prefilter, patterns), validate
// (entropy, placeholders, allow lists, inline markers) and overlap resolution.
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/checks/secrets/detect/compile.js';
import { LONG_LINE } from '../../../src/checks/secrets/detect/classify.js';
import { shannonEntropy } from '../../../src/checks/secrets/detect/validate.js';
import { anyKeyword, anyKeywordInBytes } from '../../../src/checks/secrets/keywords.js';
import { isPlaceholder } from '../../../src/checks/secrets/placeholder.js';
import { GENERIC_RULES } from '../../../src/checks/secrets/rules/generic.js';
import { providerRow } from '../../../src/checks/secrets/rules/row.js';
import { alnum, lowerAlnum } from '../../../src/checks/secrets/rules/shapes.js';
import type { SecretRule } from '../../../src/checks/secrets/rules/types.js';
import {
  AWS_KEY_RULE,
  GENERIC_RULE,
  GITHUB_PAT_RULE,
  TEST_RULES,
  awsKey,
  detect,
  detectorFor,
  githubPat,
  randomText,
} from './test-rules.js';

const compiled = detectorFor(TEST_RULES);
/** One line through the detector, as the old line scanner's tests read it. */
function scanLine(detector: ReturnType<typeof detectorFor>, line: string) {
  return detect(detector, line).map((found) => ({ ...found, end: found.end }));
}
const compileRulesForTest = (rules: SecretRule[]) => detectorFor(rules);

describe('scanLine', () => {
  it('finds a key with its rule, offsets and entropy', () => {
    const key = awsKey();
    const line = `aws_access_key_id = ${key}`;
    const [match, ...rest] = scanLine(compiled, line);
    expect(rest).toEqual([]);
    expect(match).toMatchObject({ rule: AWS_KEY_RULE, secret: key, start: 20, end: 40 });
    expect(line.slice(match!.start, match!.end)).toBe(key);
    expect(match!.entropy).toBeGreaterThan(3);
  });

  it('matches keywords case-insensitively and finds every secret on the line', () => {
    const line = `AKIA: ${awsKey(1)} and GHP_ ${githubPat(2)} then ${awsKey(3)}`;
    const secrets = scanLine(compiled, line).map((match) => match.secret);
    expect(secrets.sort()).toEqual([awsKey(1), githubPat(2), awsKey(3)].sort());
  });

  it('skips lines without any keyword, yet runs keyword-less rules on every line', () => {
    expect(scanLine(compiled, 'const answer = 42;')).toEqual([]);
    expect(scanLine(compiled, '-----BEGIN RSA PRIVATE KEY-----')[0]?.rule.id).toBe('test-private-key');
  });

  it('finds overlapping keywords (Aho-Corasick, not one alternation that eats the shorter one)', () => {
    const rules = compileRulesForTest([
      { ...GITHUB_PAT_RULE, keywords: ['ghp_'] },
      { ...AWS_KEY_RULE, id: 'short', keywords: ['hp_'], pattern: /hp_(?<secret>[0-9A-Za-z]{36})/ },
    ]);
    const ids = scanLine(rules, githubPat(4)).map((match) => match.rule.id);
    expect(ids).toEqual(['test-github-pat']); // the overlap is resolved in table order
    const both = compileRulesForTest([{ ...AWS_KEY_RULE, id: 'short', keywords: ['hp_'], pattern: /hp_(?<secret>[0-9A-Za-z]{36})/ }]);
    expect(scanLine(both, githubPat(4))).toHaveLength(1);
  });

  it('drops low-entropy values and placeholders', () => {
    // AWS's documented example is not dropped: it is reported as an example (info, never failing).
    expect(scanLine(compiled, 'AKIAIOSFODNN7EXAMPLE')).toMatchObject([{ severity: 'info', example: expect.stringContaining('AWS') }]);
    expect(scanLine(compiled, 'AKIAI44QH8DHBEXAMPLE')).toEqual([]);
    expect(scanLine(compiled, 'api_key = "AAAAAAAAAAAAAAAAAAAAAAAA"')).toEqual([]);
    expect(scanLine(compiled, 'api_key = "${PROD_API_KEY_FROM_VAULT}"')).toEqual([]);
    expect(scanLine(compiled, `api_key = "${githubPat(5).slice(4)}"`)).toHaveLength(1);
  });

  it('honours per-rule allow and inline allow markers', () => {
    const key = awsKey(6);
    const allowing = compileRulesForTest([{ ...AWS_KEY_RULE, allow: [new RegExp(`^${key}$`)] }]);
    expect(scanLine(allowing, key)).toEqual([]);
    expect(scanLine(compiled, `${key} # security-gate:allow`)).toEqual([]);
    expect(scanLine(compiled, `${key} // gitleaks:allow`)).toEqual([]);
  });

  it('keeps the first rule when a specific and a generic rule find the same value', () => {
    const pat = githubPat(7);
    const matches = scanLine(compiled, `token = "${pat}"`);
    expect(matches.map((match) => match.rule.id)).toEqual([GITHUB_PAT_RULE.id]);
    expect((GENERIC_RULE.pattern as RegExp).test(`token = "${pat}"`)).toBe(true);
  });
});

describe('a provider keyword before a generic value', () => {
  // A provider row and the built-in generic rules: the row's keyword vouches that a value of
  // another shape after it is a near miss of the provider's token, never a password beside it.
  const zendesk = providerRow({ provider: 'Zendesk (test)', keywords: ['zendesk'], value: alnum(40) });
  const detector = detectorFor([zendesk, ...GENERIC_RULES]);
  const value = randomText(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%', 21);

  it('takes a value of another shape for a near miss of the provider token (no finding)', () => {
    expect(detect(detector, `ZENDESK_API_TOKEN="${value}"`, 'app.env')).toEqual([]);
    expect(detect(detector, `API_TOKEN="${value}"`, 'app.env').map((found) => found.rule.confidence)).toEqual(['generic']);
  });

  it('still judges a password next to the provider name with the generic rules', () => {
    const found = detect(detector, `ZENDESK_PASSWORD="${value}"`, 'app.env');
    expect(found.map((match) => [match.rule.confidence, match.secret])).toEqual([['generic', value]]);
    expect(detect(detector, `zendesk:\n  db_passwd: "${value}"`, 'config.yml')).toHaveLength(1);
  });
});

describe('overlapping matches', () => {
  it('keeps every match of the first rule and only the non-overlapping ones of later rules', () => {
    const pats = [githubPat(11), githubPat(12), githubPat(13)];
    const line = `token=${pats[0]} x token=${pats[1]} api_key=${githubPat(14).slice(4)} ${pats[2]}`;
    const matches = scanLine(compiled, line);
    expect(matches.filter((match) => match.rule === GITHUB_PAT_RULE).map((match) => match.secret)).toEqual(pats);
    expect(matches.filter((match) => match.rule === GENERIC_RULE)).toHaveLength(1);
    for (let index = 1; index < matches.length; index++) expect(matches[index]!.start).toBeGreaterThanOrEqual(matches[index - 1]!.end);
  });
});

describe('the keyword prefilter', () => {
  it('finds a rule keyword in a line, case-insensitively, and nothing else', () => {
    const keyworded = compileRules([AWS_KEY_RULE, GITHUB_PAT_RULE]);
    expect(anyKeyword(keyworded.automaton, 'nothing to see here')).toBe(false);
    expect(anyKeyword(keyworded.automaton, 'x = GHP_')).toBe(true);
  });

  it('keeps every line when a keyword-less rule exists, and the lines after a keyword line', () => {
    const everyLine = detectorFor(TEST_RULES);
    const bytes = Buffer.from('nothing to see here');
    expect(everyLine.keepBytes(bytes, 0, bytes.length)).toBe(true);
    // A provider row's keyword keeps the next lines too (its value may sit there); a prefix keyword does not.
    const row = providerRow({ provider: 'Acme', keywords: ['acmecorp'], value: lowerAlnum(32) });
    const keyworded = detectorFor([AWS_KEY_RULE, GITHUB_PAT_RULE, row]);
    const lines = ['plain', 'x = GHP_', 'next', 'acmecorp:', 'next', 'next', 'next', 'far'].map((line) => Buffer.from(line));
    expect(lines.map((line) => keyworded.keepBytes(line, 0, line.length))).toEqual([false, true, false, true, true, true, true, false]);
  });

  it('reads a line too long to be anything but restricted with the confirmed formats only', () => {
    const row = providerRow({ provider: 'Acme', keywords: ['acmecorp'], value: lowerAlnum(32) });
    const detector = detectorFor([AWS_KEY_RULE, GITHUB_PAT_RULE, row]);
    const padding = 'x'.repeat(3 * LONG_LINE);
    const keep = (line: string) => detector.keepBytes(Buffer.from(line), 0, Buffer.byteLength(line));
    // A provider row's keyword keeps a short line, not a minified one: the row never runs there.
    expect(keep(`acmecorp ${padding}`)).toBe(false);
    expect(keep(`acmecorp ${padding.slice(0, 100)}`)).toBe(true);
    for (let drained = 0; drained < 8; drained++) detector.keepBytes(Buffer.alloc(0), 0, 0); // past the lines a row keeps
    // A confirmed format's keyword still keeps it, and the token in it is found.
    const key = awsKey();
    expect(keep(`${padding} ${key}`)).toBe(true);
    expect(detect(detector, `${padding} ${key} acmecorp ${'q'.repeat(32)}`).map((found) => found.rule.id)).toEqual([AWS_KEY_RULE.id]);
  });

  it('gives the same answer on UTF-8 bytes, for any slice of a buffer', () => {
    const keyworded = compileRules([AWS_KEY_RULE, { ...GITHUB_PAT_RULE, keywords: ['ghp_', 'clé_'] }]).byteAutomaton;
    const bytes = Buffer.from('ünïcode GHP_ then CLÉ_ and clé_ akia', 'utf8');
    const at = (text: string) => bytes.indexOf(Buffer.from(text, 'utf8'));
    expect(anyKeywordInBytes(keyworded, bytes, 0, at('GHP_') + 3)).toBe(false);
    expect(anyKeywordInBytes(keyworded, bytes, 0, at('GHP_') + 4)).toBe(true);
    expect(anyKeywordInBytes(keyworded, bytes, at('then'), at('clé_'))).toBe(false); // É is not folded
    expect(anyKeywordInBytes(keyworded, bytes, at('and'), at('akia'))).toBe(true);
  });
});

describe('shannonEntropy', () => {
  it('is 0 for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBeCloseTo(2);
    expect(shannonEntropy('0123456789abcdef')).toBeCloseTo(4);
    expect(shannonEntropy('😀😁')).toBeCloseTo(1); // code points, not UTF-16 units
  });
});

describe('isPlaceholder', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'sk_live_xxxxxxxxxxxxxxxx',
    '<your-token>',
    '${GITHUB_TOKEN}',
    '{{ secrets.key }}',
    '%(password)s',
    'changeme',
    'my-dummy-key-value',
    'your_api_key_here',
    'test-key-123',
    'aaaaaaaaaaaa',
    'key12345678',
    'abcdefghijk',
  ])('treats %s as a placeholder', (value) => expect(isPlaceholder(value)).toBe(true));

  it.each([awsKey(8), githubPat(9), `sk_test_${githubPat(10).slice(4, 28)}`, 'Tr0ub4dor&3'])('keeps %s', (value) =>
    expect(isPlaceholder(value)).toBe(false),
  );
});
