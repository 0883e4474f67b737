import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';
import { comparePackagist, normalizeComposerVersion, phpVersionCompare } from '../../../../src/checks/deps/ecosystems/packagist.js';
import { itOrdersAscending, itTreatsAsEqual } from './ordering.js';

describe('Packagist versions (Composer)', () => {
  // composer/semver tests/VersionParserTest.php successfulNormalizedVersions.
  it.each([
    ['1.0.0', '1.0.0.0'],
    ['1.2.3.4', '1.2.3.4'],
    ['1.0.0RC1dev', '1.0.0.0-RC1-dev'],
    ['1.0.0-rC15-dev', '1.0.0.0-RC15-dev'],
    ['1.0.0.RC.15-dev', '1.0.0.0-RC15-dev'],
    ['1.0.0-rc1', '1.0.0.0-RC1'],
    ['1.0.0.pl3-dev', '1.0.0.0-patch3-dev'],
    ['1.0-dev', '1.0.0.0-dev'],
    ['0', '0.0.0.0'],
    ['10.4.13-beta', '10.4.13.0-beta'],
    ['10.4.13beta2', '10.4.13.0-beta2'],
    ['10.4.13beta.2', '10.4.13.0-beta2'],
    ['10.4.13-b', '10.4.13.0-beta'],
    ['10.4.13-b5', '10.4.13.0-beta5'],
    ['v1.0.0', '1.0.0.0'],
    ['2010.01', '2010.01.0.0'],
    ['2010.01.02', '2010.01.02.0'],
    ['v20100102', '20100102'],
    ['2010-01-02', '2010.01.02'],
    ['2010-01-02.5', '2010.01.02.5'],
    ['20100102-203040', '20100102.203040'],
    ['20100102203040-10', '20100102203040.10'],
    ['20100102-203040-p1', '20100102.203040-patch1'],
    ['1.0.0-beta.5+foo', '1.0.0.0-beta5'],
    ['1.0.0+foo', '1.0.0.0'],
    ['1.x-dev', '1.9999999.9999999.9999999-dev'],
    ['dev-feature-foo', 'dev-feature-foo'],
  ])('normalises %s to %s as VersionParser does', (input, normalized) => {
    expect(normalizeComposerVersion(input)).toBe(normalized);
  });

  // composer/semver 3.3.2 (php sort.php in reference/generate prints the same): Composer 2 keeps
  // branch names, reads `stable` case-sensitively, and rejects what its patterns do not match.
  it.each([
    ['master', 'dev-master'],
    ['dev-master', 'dev-master'],
    ['DEV-foo', 'dev-foo'],
    ['1.0.0-STABLE', '1.0.0.0-stable'],
    ['1.0.0-stable-dev', '1.0.0.0'],
    ['1.0.0@beta', '1.0.0.0'],
    ['1.0.x-dev as 1.0.0', '1.0.9999999.9999999-dev'],
    ['1.*-dev', '1.9999999.9999999.9999999-dev'],
    ['1.0.0-beta.1.2', '1.0.0.0-beta1.2'],
    ['1.0.0_beta1', '1.0.0.0-beta1'],
    ['123456', '123456'],
    ['2010-01-02.5.1', undefined],
    ['1.0.0.0.0', undefined],
    ['1.0.0-beta_1', undefined],
    ['1.0.0+foo bar', undefined],
    ['x-dev', undefined],
  ])('normalises %s to %s as composer/semver 3.3 does', (input, normalized) => {
    expect(normalizeComposerVersion(input)).toBe(normalized);
  });

  itOrdersAscending('orders branches below versions, by name among themselves, and invalid versions below all', comparePackagist, [
    'not a version',
    'dev-feature',
    ['dev-main', 'DEV-main'],
    'dev-master',
    '0.0.1',
  ]);

  it('compares numbers as PHP does, saturating at the largest C long', () => {
    expect(phpVersionCompare('1.9223372036854775807', '1.99999999999999999999')).toBe(0);
    expect(phpVersionCompare('1.9223372036854775806', '1.9223372036854775807')).toBe(-1);
  });

  it('reads a long run of digits after a stability without backtracking through every split', () => {
    // Composer's pattern is possessive; a backtracking copy of it takes exponential time here.
    const version = `1.0.0-beta${'1'.repeat(100_000)}x`;
    expect(normalizeComposerVersion(version)).toBeUndefined();
    expect(comparePackagist(version, '1.0.0')).toBeLessThan(0);
  });

  // PHP's version_compare, from the manual and ext/standard/tests/versioning/version_compare.phpt.
  it('orders like PHP version_compare on raw strings', () => {
    expect(phpVersionCompare('5.2', '5.2.0')).toBe(-1);
    expect(phpVersionCompare('1.0rc1', '1.0')).toBe(-1);
    expect(phpVersionCompare('1.0', '1.0pl1')).toBe(-1);
    expect(phpVersionCompare('1.0-dev', '1.0a1')).toBe(-1);
    expect(phpVersionCompare('1.0a1', '1.0b1')).toBe(-1);
    expect(phpVersionCompare('1.0b1', '1.0RC1')).toBe(-1);
    expect(phpVersionCompare('1.0RC1', '1.0')).toBe(-1);
    expect(phpVersionCompare('1.0', '1.0.1')).toBe(-1);
    expect(phpVersionCompare('1.0.1', '1.0')).toBe(1);
    expect(phpVersionCompare('1.0-foo', '1.0-dev')).toBe(-1); // unknown forms sort below dev
  });

  itOrdersAscending('orders stabilities dev < alpha < beta < RC < stable < patch', comparePackagist, [
    '1.0.0-dev',
    ['1.0.0-alpha1', '1.0.0-a1', '1.0.0-ALPHA1', '1.0.0alpha1'],
    '1.0.0-alpha2',
    ['1.0.0-beta1', '1.0.0-b1', '1.0.0-beta.1'],
    '1.0.0-beta2',
    '1.0.0-beta10',
    ['1.0.0-RC1', '1.0.0-rc1', '1.0.0-RC.1'],
    '1.0.0-RC2',
    ['1.0.0', 'v1.0.0', '1.0', '1', '1.0.0.0', 'v1.0.0.0', '1.0.0+build'],
    ['1.0.0-p1', '1.0.0-pl1', '1.0.0-patch1', '1.0.0.p1'],
    '1.0.0-patch2',
    '1.0.0.1',
    '1.0.1-dev',
    '1.0.1',
    '1.10.0',
    '2.0.0-beta9',
  ]);

  itOrdersAscending('orders a real Packagist advisory range (drupal/core)', comparePackagist, [
    '8.0.0',
    '10.3.0-alpha1',
    '10.3.0',
    '10.4.0-rc1',
    '10.4.5',
    '10.4.9',
    '11.0.0-beta1',
    '11.0.0',
  ]);

  itTreatsAsEqual('treats spellings of the same version as equal', comparePackagist, [
    ['v2.0.0-alpha4', '2.0.0-alpha4', '2.0.0.0-alpha4', '2.0.0alpha4'],
  ]);

  it('never throws on versions Composer would reject', () => {
    expect(() => comparePackagist('not a version', '1.0.0')).not.toThrow();
    expect(comparePackagist('dev-main', '1.0.0')).toBeLessThan(0);
    expect(compareVersions('Packagist', '5.4.47', '5.4.5')).toBeGreaterThan(0);
  });
});
