// Every rule regex must stay linear on hostile input: a minified bundle or a base64 blob is one
// huge line. Each rule runs alone on 1 MB lines built from its keywords and its alphabet; the bound
// is a safety net against catastrophic backtracking (seconds to hours), not a speed benchmark.
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../../src/checks/secrets/rules/builtin.js';
import { compileRules, scanLine } from '../../../src/checks/secrets/scan.js';
import type { SecretRule } from '../../../src/checks/secrets/rules/types.js';

const SIZE = 1_000_000;
const PER_LINE_BOUND_MS = 1_000;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
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
  return fill(rule.examples.secret[0]!.slice(0, -1));
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('rule regexes on 1 MB hostile lines', () => {
  it.each(BUILTIN_RULES.map((rule) => [rule.id, rule] as const))('%s finishes well within the bound', (_id, rule) => {
    const compiled = compileRules([rule]);
    for (const line of hostileLines(rule)) {
      const elapsed = timed(() => scanLine(compiled, line));
      expect(elapsed, `${rule.id} on ${JSON.stringify(line.slice(0, 40))}…`).toBeLessThan(PER_LINE_BOUND_MS);
    }
    const global = new RegExp(rule.pattern.source, `${rule.pattern.flags}g`);
    const line = nearMissLine(rule);
    const elapsed = timed(() => {
      while (global.exec(line) !== null);
    });
    expect(elapsed, `${rule.id} on its repeated example`).toBeLessThan(PER_LINE_BOUND_MS);
  });
});
