// Recall and false-positive rate on the project's labelled set (test/fixtures/secrets/labelled/):
// realistic lines in many file types, written apart from the rules' own examples. A rule change
// that loses recall or starts crying wolf fails here; `npx tsx bench/rules-quality.ts` shows which
// lines changed.
import { describe, expect, it } from 'vitest';
import { measureQuality, readLabelled } from '../../../bench/rules-quality.js';

describe('built-in rules on the labelled set', () => {
  const report = measureQuality();

  it('is a set worth measuring: hundreds of positives across providers and more negatives', () => {
    expect(report.positives).toBeGreaterThanOrEqual(400);
    expect(report.negatives).toBeGreaterThanOrEqual(600);
    expect(new Set(readLabelled('positives.txt').map((item) => item.label)).size).toBeGreaterThanOrEqual(100);
  });

  it('finds at least 92% of the secrets', () => {
    expect(report.recall, `missed: ${report.missed.map((item) => item.label).join(', ')}`).toBeGreaterThanOrEqual(0.92);
  });

  it('flags fewer than 4% of the lines that hold no secret', () => {
    expect(report.falsePositiveRate, `flagged by: ${report.falseAlarms.map((item) => item.rules.join('+')).join(', ')}`).toBeLessThan(0.04);
  });
});
