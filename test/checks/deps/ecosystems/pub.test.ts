import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';
import { comparePub } from '../../../../src/checks/deps/ecosystems/pub.js';
import { itOrdersAscending, itTreatsAsEqual } from './ordering.js';

describe('Pub versions (pub_semver)', () => {
  // pub_semver test/version_test.dart 'comparison': unlike SemVer, build metadata orders too.
  itOrdersAscending('orders the pub_semver comparison list, builds included', comparePub, [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0-rc.1+build.1',
    '1.0.0',
    '1.0.0+0.3.7',
    '1.3.7+build',
    '1.3.7+build.2.b8f12d7',
    '1.3.7+build.11.e0f985a',
    '2.0.0',
    '2.1.0',
    '2.2.0',
    '2.11.0',
    '2.11.1',
  ]);

  itTreatsAsEqual('treats identical versions as equal', comparePub, [
    ['1.2.3', '1.2.3'],
    ['1.0.0-dev.1+abc', '1.0.0-dev.1+abc'],
  ]);

  // pub_semver's _splitParts reads a part with Dart's int.tryParse: a sign and `0x` hex are numbers,
  // values past 64 bits are text (compared by code units, so 10000000000000000000 < 9223372036854775808).
  itOrdersAscending('reads pre-release and build parts as Dart integers', comparePub, [
    '1.0.0--1',
    '1.0.0-0',
    '1.0.0-9',
    ['1.0.0-16', '1.0.0-0x10', '1.0.0-016'],
    '1.0.0-9223372036854775807',
    '1.0.0-10000000000000000000',
    '1.0.0-9223372036854775808',
    '1.0.0-abc',
    '1.0.0',
    ['1.0.0+1', '1.0.0+01', '1.0.0+0x1'],
    '1.0.0+10000000000000000000',
    '1.0.0+9223372036854775808',
  ]);

  it('rejects version numbers past 64 bits, as int.parse does', () => {
    expect(comparePub('9223372036854775808.0.0', '0.0.1')).toBeLessThan(0);
    expect(comparePub('9223372036854775807.0.0', '0.0.1')).toBeGreaterThan(0);
  });

  it('orders versions pub cannot parse (two parts, a v prefix) below valid ones', () => {
    expect(comparePub('1.0', '0.0.1')).toBeLessThan(0);
    expect(comparePub('v1.0.0', '0.0.1')).toBeLessThan(0);
    expect(compareVersions('Pub', '3.0.0-nullsafety.0', '3.0.0')).toBeLessThan(0);
  });
});
