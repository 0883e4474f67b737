// Every comparator must be a function the matcher can trust on any input an advisory or a lockfile
// holds: it never throws, a version equals itself, and swapping the sides flips the sign.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';

const ECOSYSTEMS = ['PyPI', 'Go', 'RubyGems', 'Maven', 'Packagist', 'NuGet', 'Pub'] as const;

/** Strings that look like versions, so the parsers' real paths run, not only the fallback. */
const versionLike = fc
  .array(
    fc.oneof(
      fc.nat({ max: 30 }).map(String),
      fc.constantFrom(
        'alpha',
        'a',
        'beta',
        'b',
        'rc',
        'RC',
        'cr',
        'pre',
        'dev',
        'post',
        'snapshot',
        'SNAPSHOT',
        'ga',
        'final',
        'sp',
        'patch',
        'pl',
        'p',
        'x',
        'incompatible',
        '20210101000000',
        'abcdef123456',
      ),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom('.', '-', '+', '', '_', '!'), { minLength: parts.length, maxLength: parts.length })
      .map((separators) => parts.map((part, i) => (i === 0 ? part : separators[i] + part)).join('')),
  )
  .chain((version) => fc.constantFrom(version, `v${version}`));

const anyVersion = fc.oneof(versionLike, fc.string(), fc.string({ unit: 'binary' }));

describe.each(ECOSYSTEMS)('%s comparator properties', (ecosystem) => {
  const compare = (a: string, b: string) => Math.sign(compareVersions(ecosystem, a, b));

  it('never throws and is antisymmetric on arbitrary strings', () => {
    fc.assert(
      fc.property(anyVersion, anyVersion, (a, b) => {
        expect(compare(a, b)).toBe(-compare(b, a) || 0);
      }),
      { numRuns: 400 },
    );
  });

  it('finds every version equal to itself', () => {
    fc.assert(
      fc.property(anyVersion, (a) => compare(a, a) === 0),
      { numRuns: 200 },
    );
  });

  it('is transitive on version-shaped strings', () => {
    fc.assert(
      fc.property(versionLike, versionLike, versionLike, (a, b, c) => {
        if (compare(a, b) <= 0 && compare(b, c) <= 0) expect(compare(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
