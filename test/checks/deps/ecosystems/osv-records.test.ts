// Real OSV records as a check on the comparators: PyPA records enumerate the affected versions
// next to their ranges, so every listed version must fall inside a range by our PEP 440 order;
// and in every record an introduced version must sort below the fix that follows it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';
import type { OsvEvent, OsvRecord } from '../../../../src/checks/deps/types.js';

const DIR = fileURLToPath(new URL('../../../fixtures/osv/', import.meta.url));
const records = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(json|ya?ml)$/.test(file))
  .map((file) => ({ file, record: parse(readFileSync(DIR + file, 'utf8')) as OsvRecord }));

const eventVersion = (event: OsvEvent): string => Object.values(event)[0] as string;

/** OSV §"Evaluation": sorted events, `introduced` opens, `fixed` and `last_affected` close. */
function inRange(ecosystem: string, version: string, events: OsvEvent[]): boolean {
  const cmp = (a: string, b: string) => (a === '0' ? (b === '0' ? 0 : -1) : b === '0' ? 1 : compareVersions(ecosystem, a, b));
  const sorted = [...events].sort((a, b) => cmp(eventVersion(a), eventVersion(b)));
  let affected = false;
  for (const event of sorted) {
    if ('introduced' in event && cmp(version, event.introduced) >= 0) affected = true;
    else if ('fixed' in event && cmp(version, event.fixed) >= 0) affected = false;
    else if ('last_affected' in event && cmp(version, event.last_affected) > 0) affected = false;
  }
  return affected;
}

describe('comparators on real OSV records', () => {
  it('reads the copied records', () => {
    expect(records.map((r) => r.record.affected?.[0]?.package?.ecosystem)).toEqual(
      expect.arrayContaining(['PyPI', 'Go', 'Maven', 'Packagist', 'RubyGems']),
    );
  });

  for (const { file, record } of records) {
    for (const [index, affected] of (record.affected ?? []).entries()) {
      const ecosystem = affected.package?.ecosystem ?? '';
      const ranges = (affected.ranges ?? []).filter((range) => range.type !== 'GIT');

      it(`${file} #${index} (${ecosystem} ${affected.package?.name}): each introduced version is below the fix that follows it`, () => {
        let pairs = 0;
        for (const range of ranges) {
          range.events.forEach((event, i) => {
            const next = range.events[i + 1];
            if (!('introduced' in event) || event.introduced === '0' || !next || 'introduced' in next) return;
            pairs++;
            const closing = eventVersion(next);
            const order = compareVersions(ecosystem, event.introduced, closing);
            if ('last_affected' in next) expect(order, `${event.introduced} <= ${closing}`).toBeLessThanOrEqual(0);
            else expect(order, `${event.introduced} < ${closing}`).toBeLessThan(0);
          });
        }
        expect(pairs + ranges.length).toBeGreaterThan(0);
      });

      if (affected.versions?.length) {
        it(`${file} #${index} (${ecosystem} ${affected.package?.name}): all ${affected.versions.length} listed versions fall inside the ranges, fixed ones outside`, () => {
          const outside = (affected.versions ?? []).filter((version) => !ranges.some((range) => inRange(ecosystem, version, range.events)));
          expect(outside).toEqual([]);
          const fixed = ranges.flatMap((range) => range.events.filter((e): e is { fixed: string } => 'fixed' in e).map((e) => e.fixed));
          for (const version of fixed)
            expect(
              ranges.some((range) => inRange(ecosystem, version, range.events)),
              version,
            ).toBe(false);
        });
      }
    }
  }
});
