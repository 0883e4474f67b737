// The built-in rule table checked against its own evidence: every rule's true positives are found
// by that rule through the real engine (keyword prefilter, regex, entropy, placeholder and allow
// filters), and none of its near misses are.
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../../src/checks/secrets/rules/builtin.js';
import { compileRules, scanLine } from '../../../src/checks/secrets/scan.js';

const compiled = compileRules(BUILTIN_RULES);
const cases = BUILTIN_RULES.map((rule) => [rule.id, rule] as const);

describe('built-in rule table', () => {
  it('has at least 150 rules covering at least 100 providers', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BUILTIN_RULES.map((rule) => rule.provider)).size).toBeGreaterThanOrEqual(100);
  });

  it('gives every rule a unique, stable, lowercase-dashed id', () => {
    const ids = BUILTIN_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('keeps the generic rule last, so provider rules name a value first', () => {
    expect(BUILTIN_RULES.at(-1)?.provider).toBe('Generic');
    expect(BUILTIN_RULES.at(-1)?.id).toBe('generic-secret-assignment');
  });

  it.each(cases)('%s is well-formed', (_id, rule) => {
    expect(rule.title.length).toBeGreaterThan(3);
    expect(rule.remediation, 'remediation').toBeTruthy();
    expect(rule.pattern.flags).not.toMatch(/[gy]/);
    // The secret is always the named group (no rule relies on whole-match).
    expect(rule.pattern.source).toContain('(?<secret>');
    expect(rule.keywords.length).toBeGreaterThan(0);
    for (const keyword of rule.keywords) expect(keyword).toBe(keyword.toLowerCase());
    expect(rule.examples.secret.length).toBeGreaterThan(0);
    expect(rule.examples.notSecret.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s finds each of its secret examples', (_id, rule) => {
    for (const line of rule.examples.secret) {
      // Without one of its keywords in the line the prefilter would never run the rule.
      expect(
        rule.keywords.some((keyword) => line.toLowerCase().includes(keyword)),
        `keyword in: ${line}`,
      ).toBe(true);
      const match = scanLine(compiled, line).find((found) => found.rule === rule);
      expect(match, `no ${rule.id} match in: ${line}`).toBeDefined();
      expect(line.slice(match!.start, match!.end)).toBe(match!.secret);
      expect(match!.secret.length).toBeGreaterThanOrEqual(8);
    }
  });

  it.each(cases)('%s stays quiet on each of its near misses', (_id, rule) => {
    for (const line of rule.examples.notSecret) {
      const found = scanLine(compiled, line).filter((match) => match.rule === rule);
      expect(
        found.map((match) => match.secret),
        `in: ${line}`,
      ).toEqual([]);
    }
  });
});
