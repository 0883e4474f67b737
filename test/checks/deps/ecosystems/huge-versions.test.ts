// An advisory or a lockfile can carry a "version" of a megabyte. Every comparator must take it in
// linear time and bounded stack: no regular expression that backtracks through every split of a
// digit run (Packagist once took 32 s on 26 digits), no recursion per nesting level (Maven's lists
// nest once per `-`), no whole-number conversion of a million digits. Speed itself is measured in
// bench/, not here: these shapes hang or throw on a comparator that is not linear.
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';

const ECOSYSTEMS = ['npm', 'crates.io', 'PyPI', 'Go', 'RubyGems', 'Maven', 'Packagist', 'NuGet', 'Pub'] as const;
// A fifth of a megabyte already overflows a recursive comparator and never ends a backtracking one.
const SIZE = 200_000;

const SHAPES: Record<string, string> = {
  'a million digits': '1'.repeat(SIZE),
  'a million dotted numbers': '1.'.repeat(SIZE / 2) + '1',
  'a list nested at every dash': '1-'.repeat(SIZE / 2) + '1',
  'a letter-digit transition at every character': 'a1'.repeat(SIZE / 2),
  'a stability followed by a million digits and junk': `1.0.0-beta${'1'.repeat(SIZE)}x`,
  'a million pre-release identifiers': `1.0.0-${'a.'.repeat(SIZE / 2)}a`,
  'a million digits in one pre-release identifier': `1.0.0-beta.${'9'.repeat(SIZE)}`,
  'a local version label of a million parts': `1.0+${'a.'.repeat(SIZE / 2)}a`,
};

describe.each(ECOSYSTEMS)('%s comparator on megabyte versions', (ecosystem) => {
  it.each(Object.entries(SHAPES))('orders %s without throwing, consistently both ways', (_, version) => {
    const other = `${version}1`;
    const forward = Math.sign(compareVersions(ecosystem, version, other));
    expect(Math.sign(compareVersions(ecosystem, other, version))).toBe(-forward || 0);
    expect(compareVersions(ecosystem, version, version)).toBe(0);
  });
});
