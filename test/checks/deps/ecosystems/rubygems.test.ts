import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';
import { compareRubyGems } from '../../../../src/checks/deps/ecosystems/rubygems.js';
import { itOrdersAscending, itTreatsAsEqual } from './ordering.js';

describe('RubyGems versions (Gem::Version)', () => {
  // Gem::Version docs: a letter makes a pre-release, which sorts before its release.
  itOrdersAscending('orders pre-releases (any letter) before their release', compareRubyGems, [
    '0.0.0',
    '1.0.a',
    '1.0.a.2',
    '1.0.b1',
    '1.0.b2',
    '1.0.rc1',
    '1.0',
    '1.0.1',
    '1.8.2.a',
    '1.8.2.a9',
    '1.8.2.a10',
    '1.8.2.b',
    '1.8.2',
    '1.9',
    '1.10',
    '2.0.0.pre',
    '2.0.0',
  ]);

  // rubygems test_gem_version.rb test_spaceship.
  it('agrees with the Gem::Version <=> examples', () => {
    expect(compareRubyGems('1.0', '1.0.0')).toBe(0);
    expect(compareRubyGems('1.0', '1.0.a')).toBe(1);
    expect(compareRubyGems('1.8.2', '0.0.0')).toBe(1);
    expect(compareRubyGems('1.8.2', '1.8.2.a')).toBe(1);
    expect(compareRubyGems('1.8.2.b', '1.8.2.a')).toBe(1);
    expect(compareRubyGems('1.8.2.a', '1.8.2')).toBe(-1);
    expect(compareRubyGems('1.8.2.a10', '1.8.2.a9')).toBe(1);
    expect(compareRubyGems('0.beta.1', '0.0.beta.1')).toBe(0);
    expect(compareRubyGems('0.0.beta', '0.0.beta.1')).toBe(-1);
    expect(compareRubyGems('0.0.beta', '0.beta.1')).toBe(-1);
    expect(compareRubyGems('5.a', '5.0.0.rc2')).toBe(-1);
    expect(compareRubyGems('5.x', '5.0.0.rc2')).toBe(1);
  });

  itTreatsAsEqual('ignores trailing zeros and reads a dash as .pre.', compareRubyGems, [
    ['1', '1.0', '1.0.0', '1.0.0.0'],
    ['1.0.0-rc1', '1.0.0.pre.rc1'],
  ]);

  // Ruby's String#<=> compares bytes (uppercase first) and Integer#<=> is exact past 2^53 (ruby 3.1 agrees).
  itOrdersAscending('orders letters by bytes, as Ruby compares strings', compareRubyGems, [
    '1.0.0.RC1',
    '1.0.0.Z',
    '1.0.0.beta',
    '1.0.0.rc1',
    '1.0.0',
  ]);
  itOrdersAscending('compares numbers past 2^53 exactly', compareRubyGems, [
    '1.9007199254740992',
    '1.9007199254740993',
    '1.18446744073709551616',
  ]);
  itTreatsAsEqual('reads surrounding whitespace and an empty version as Gem::Version.new does', compareRubyGems, [
    ['  1.0 ', '1'],
    ['', '0'],
  ]);

  it('orders versions RubyGems rejects below valid ones without throwing', () => {
    expect(compareRubyGems('1.0 beta', '0.0.1')).toBeLessThan(0);
    expect(compareRubyGems('junk!', 'junk?')).toBe(-compareRubyGems('junk?', 'junk!'));
    expect(compareVersions('RubyGems', '7.0.8.1', '7.0.8')).toBeGreaterThan(0);
  });
});
