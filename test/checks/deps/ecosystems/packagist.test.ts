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
