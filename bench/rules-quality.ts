// Recall and false-positive rate of the built-in rules on the labelled set in
// test/fixtures/secrets/labelled/ (one case per line: `label<TAB>line`; the label is the provider
// for positives and a category for negatives). Run with `npx tsx bench/rules-quality.ts`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES } from '../src/checks/secrets/rules/builtin.js';
import { compileRules } from '../src/checks/secrets/detect/compile.js';
import { Detector, linesOf } from '../src/checks/secrets/detect/detector.js';
import type { SecretRule } from '../src/checks/secrets/rules/types.js';

export interface LabelledCase {
  label: string;
  line: string;
}

export interface QualityReport {
  positives: number;
  negatives: number;
  recall: number;
  falsePositiveRate: number;
  /** Positives no rule found, by provider label. */
  missed: LabelledCase[];
  /** Negatives some rule flagged, with the rule ids. */
  falseAlarms: (LabelledCase & { rules: string[] })[];
  /** Per-provider recall, worst first. */
  byProvider: { provider: string; found: number; total: number }[];
}

const LABELLED = fileURLToPath(new URL('../test/fixtures/secrets/labelled/', import.meta.url));

export function readLabelled(name: 'positives.txt' | 'negatives.txt'): LabelledCase[] {
  return readFileSync(LABELLED + name, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((row) => {
      const tab = row.indexOf('\t');
      return { label: row.slice(0, tab), line: row.slice(tab + 1) };
    });
}

export function measureQuality(rules: SecretRule[] = BUILTIN_RULES): QualityReport {
  const detector = new Detector(compileRules(rules), { testPaths: [], maxDecodeDepth: 1 });
  const scan = (line: string) => detector.scan(linesOf(line, 'line'));
  const positives = readLabelled('positives.txt');
  const negatives = readLabelled('negatives.txt');
  const missed = positives.filter((item) => scan(item.line).length === 0);
  const falseAlarms = negatives.flatMap((item) => {
    const found = scan(item.line);
    return found.length === 0 ? [] : [{ ...item, rules: found.map((match) => match.rule.id) }];
  });
  const totals = new Map<string, { found: number; total: number }>();
  for (const item of positives) {
    const entry = totals.get(item.label) ?? { found: 0, total: 0 };
    entry.total++;
    if (!missed.includes(item)) entry.found++;
    totals.set(item.label, entry);
  }
  const byProvider = [...totals]
    .map(([provider, counts]) => ({ provider, ...counts }))
    .sort((a, b) => a.found / a.total - b.found / b.total || b.total - a.total);
  return {
    positives: positives.length,
    negatives: negatives.length,
    recall: (positives.length - missed.length) / positives.length,
    falsePositiveRate: falseAlarms.length / negatives.length,
    missed,
    falseAlarms,
    byProvider,
  };
}

/** Never print a labelled secret in full, even a fake one: show where it starts. */
function preview(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 70
    ? `${trimmed.slice(0, 40)}…(${trimmed.length} chars)`
    : trimmed.replace(/([A-Za-z0-9_+/=-]{12})[A-Za-z0-9_+/=-]{8,}/g, '$1****');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const report = measureQuality();
  const elapsed = performance.now() - started;
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(`rules: ${BUILTIN_RULES.length}, providers: ${new Set(BUILTIN_RULES.map((rule) => rule.provider)).size}`);
  console.log(`positives: ${report.positives}, recall: ${percent(report.recall)} (${report.missed.length} missed)`);
  console.log(
    `negatives: ${report.negatives}, false-positive rate: ${percent(report.falsePositiveRate)} (${report.falseAlarms.length} flagged)`,
  );
  console.log(`scored in ${elapsed.toFixed(0)} ms`);
  console.log('\nworst providers:');
  for (const row of report.byProvider.filter((row) => row.found < row.total).slice(0, 10)) {
    console.log(`  ${row.provider}: ${row.found}/${row.total}`);
  }
  console.log('\nmissed positives:');
  for (const item of report.missed.slice(0, 25)) console.log(`  [${item.label}] ${preview(item.line)}`);
  console.log('\nfalse alarms:');
  for (const item of report.falseAlarms.slice(0, 25)) console.log(`  [${item.label}] ${item.rules.join(',')}: ${preview(item.line)}`);
}
