// The built-in rule table checked against its own evidence: every rule's true positives are found
// by that rule through the real detector (keyword prefilter, pattern or keyword-context window,
// literal reading, entropy, placeholder and allow filters), and none of its near misses are.
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../../src/checks/secrets/detect/compile.js';
import { Detector, linesOf } from '../../../src/checks/secrets/detect/detector.js';
import { BUILTIN_RULES } from '../../../src/checks/secrets/rules/builtin.js';
import { isPatternRule } from '../../../src/checks/secrets/rules/types.js';

const detector = new Detector(compileRules(BUILTIN_RULES), { testPaths: [], maxDecodeDepth: 1 });
const cases = BUILTIN_RULES.map((rule) => [rule.id, rule] as const);
/** Examples are read as a file of no particular format, where both quoted and unquoted values count. */
const scan = (text: string) => detector.scan(linesOf(text, 'example'));

describe('built-in rule table', () => {
  it('has at least 150 rules covering at least 100 providers', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BUILTIN_RULES.map((rule) => rule.provider)).size).toBeGreaterThanOrEqual(100);
  });

  it('gives every rule a unique, stable, lowercase-dashed id', () => {
    const ids = BUILTIN_RULES.map((rule) => rule.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('keeps the generic rule last, so provider rules name a value first', () => {
    expect(BUILTIN_RULES.at(-1)?.provider).toBe('Generic');
    expect(BUILTIN_RULES.at(-1)?.id).toBe('generic-secret-assignment');
  });

  it.each(cases)('%s is well-formed', (_id, rule) => {
    expect(rule.title.length).toBeGreaterThan(3);
    expect(rule.remediation, 'remediation').toBeTruthy();
    if (isPatternRule(rule)) {
      expect(rule.pattern.flags).not.toMatch(/[gy]/);
      // The secret is always the named group (no rule relies on whole-match).
      expect(rule.pattern.source).toContain('(?<secret>');
    }
    expect(rule.keywords.length).toBeGreaterThan(0);
    for (const keyword of rule.keywords) expect(keyword).toBe(keyword.toLowerCase());
    expect(rule.examples.secret.length).toBeGreaterThan(0);
    expect(rule.examples.notSecret.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s finds each of its secret examples', (_id, rule) => {
    for (const text of rule.examples.secret) {
      // Without one of its keywords in the text the prefilter would never run the rule.
      expect(
        rule.keywords.some((keyword) => text.toLowerCase().includes(keyword)),
        `keyword in: ${text}`,
      ).toBe(true);
      const found = scan(text).find((detection) => detection.rule === rule);
      expect(found, `no ${rule.id} match in: ${text}`).toBeDefined();
      if (!found!.decoded) expect(found!.line.text.slice(found!.start, found!.end)).toBe(found!.secret);
      expect(found!.secret.length).toBeGreaterThanOrEqual(8);
    }
  });

  it.each(cases)('%s stays quiet on each of its near misses', (_id, rule) => {
    for (const text of rule.examples.notSecret) {
      const found = scan(text).filter((detection) => detection.rule === rule);
      expect(
        found.map((detection) => detection.secret),
        `in: ${text}`,
      ).toEqual([]);
    }
  });
});
