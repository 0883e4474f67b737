// Every rule must stay linear on hostile input: a minified bundle or a base64 blob is one huge
// line. Pattern rules run alone on 1 MB lines built from their keywords and alphabet; keyword-
// context rows only ever run their value shape over a bounded slice after a keyword, so each
// distinct shape runs on a hostile slice-sized string instead (a row count of hundreds would
// otherwise make this the slowest test by far). The bound is a safety net against catastrophic
// backtracking (seconds to hours), not a speed benchmark.
import { describe, expect, it } from 'vitest';
import { LONG_LINE } from '../../../src/checks/secrets/detect/classify.js';
import { compileRules } from '../../../src/checks/secrets/detect/compile.js';
import { findAssignments } from '../../../src/checks/secrets/detect/literal.js';
import { BUILTIN_RULES } from '../../../src/checks/secrets/rules/builtin.js';
import { isContextRule, isPatternRule, type PatternRule, type SecretRule } from '../../../src/checks/secrets/rules/types.js';
import { detect, detectorFor } from './test-rules.js';

const SIZE = 1_000_000;
const PER_LINE_BOUND_MS = 1_000;

function fill(unit: string, size = SIZE): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Lines that keep the prefilter firing and drive the regex into long partial matches. */
function hostileLines(rule: SecretRule): string[] {
  const keyword = rule.keywords[0]!;
  return [
    keyword + fill('aB3-_.+/='),
    fill(`${keyword}a1 `),
    fill(`${keyword}=`),
    `${keyword} = "${fill('Ab1')}`,
    // Long runs of blanks between name and value (aligned `=` in terraform and .ini files).
    fill(`${keyword}${' '.repeat(30)}=${' '.repeat(30)}`),
  ];
}

/**
 * The rule's own example with its last character dropped, repeated: a near-complete match at
 * every repetition. Timed on the bare regex, because a line of thousands of real matches measures
 * the engine's per-match bookkeeping rather than backtracking.
 */
function nearMissLine(rule: SecretRule): string {
  return fill(rule.examples.secret[0]!.split('\n')[0]!.slice(0, -1));
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const patternRules = BUILTIN_RULES.filter((rule) => !isContextRule(rule));

describe('pattern and assignment rules on 1 MB hostile lines', () => {
  const compiled = compileRules(patternRules).compiled;

  it.each(compiled.map((rule) => [rule.rule.id, rule] as const))('%s finishes well within the bound', (_id, compiledRule) => {
    const rule = compiledRule.rule;
    for (const line of hostileLines(rule)) {
      // The rule itself, not the detector: the detector gives lines this long to confirmed rules only.
      const elapsed = timed(() => {
        if (compiledRule.kind === 'pattern') for (const _match of compiledRule.matches(line));
        else if (compiledRule.kind === 'assignment') findAssignments(line, compiledRule.name, 'unknown');
      });
      expect(elapsed, `${rule.id} on ${JSON.stringify(line.slice(0, 40))}…`).toBeLessThan(PER_LINE_BOUND_MS);
    }
    if (!isPatternRule(rule)) return;
    const pattern = (rule as PatternRule).pattern as RegExp;
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    const line = nearMissLine(rule);
    const elapsed = timed(() => {
      while (global.exec(line) !== null);
    });
    expect(elapsed, `${rule.id} on its repeated example`).toBeLessThan(PER_LINE_BOUND_MS);
  });
});

describe('keyword-context value shapes on hostile slices', () => {
  const shapes = new Map(
    compileRules(BUILTIN_RULES).compiled.flatMap((rule) => (rule.kind === 'context' ? [[rule.value.source, rule] as const] : [])),
  );

  it.each([...shapes.values()].map((rule) => [rule.rule.id, rule] as const))('the shape of %s stays linear', (_id, rule) => {
    // Longer than any slice the detector hands a shape (window + longest value + 1).
    const size = rule.window + rule.maxValue + 64;
    for (const unit of ['aB3-_.+/=', 'a', 'A1', '0f', `${rule.rule.examples.secret[0]!.slice(-12, -1)} `]) {
      const text = fill(unit, size);
      const elapsed = timed(() => {
        rule.value.lastIndex = 0;
        while (rule.value.exec(text) !== null);
      });
      expect(elapsed, `${rule.rule.id} on ${JSON.stringify(unit)}`).toBeLessThan(PER_LINE_BOUND_MS);
    }
  });

  it('bounds the work of the longest line the rows run on, made of one keyword repeated', () => {
    const detector = detectorFor(BUILTIN_RULES);
    for (const rule of BUILTIN_RULES.filter(isContextRule)) {
      const elapsed = timed(() => detect(detector, fill(`${rule.keywords[0]} `, LONG_LINE)));
      expect(elapsed, rule.id).toBeLessThan(PER_LINE_BOUND_MS);
    }
  });
});
