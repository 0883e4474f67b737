import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';
import { compareNuGet } from '../../../../src/checks/deps/ecosystems/nuget.js';
import { itOrdersAscending, itTreatsAsEqual } from './ordering.js';

describe('NuGet versions', () => {
  // https://learn.microsoft.com/nuget/concepts/package-versioning#pre-release-versions (SemVer 2 labels).
  itOrdersAscending('orders pre-release labels as SemVer 2', compareNuGet, [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
  ]);

  // A single label compares as text: NuGet sorts beta10 before beta2 (why packages use beta.10).
  itOrdersAscending('compares a label with digits inside as text', compareNuGet, ['1.0.0-beta1', '1.0.0-beta10', '1.0.0-beta2']);

  // Legacy four-part versions: the revision is a fourth number.
  itOrdersAscending('orders four-part versions by their revision', compareNuGet, [
    '1.0.0-beta',
    '1.0.0',
    '1.0.0.1',
    '1.0.0.2',
    '1.0.0.10',
    '1.0.1-alpha',
    '1.0.1',
    '3.9.9.9',
    '4.0.0.0-rc',
    '4.0.0.0',
  ]);

  itTreatsAsEqual('fills missing parts with 0, ignores case in labels and build metadata', compareNuGet, [
    ['1.0', '1.0.0', '1.0.0.0', '1'],
    ['1.0.0-BETA', '1.0.0-beta', '1.0.0-Beta+sha.abc'],
    ['2.1.0-RC.1', '2.1.0-rc.1+build.7'],
    ['6.0.0', '6.0.0+9d2a1e'],
  ]);

  // VersionComparer.CompareRelease reads a label with int.TryParse: 32-bit, a leading minus allowed;
  // a label past 32 bits is text (so 20000000000 < 3000000000).
  itOrdersAscending('reads labels as .NET 32-bit integers', compareNuGet, [
    '1.0.0--1',
    '1.0.0-0',
    '1.0.0-2147483647',
    '1.0.0-20000000000',
    '1.0.0-3000000000',
    '1.0.0-alpha',
    '1.0.0',
  ]);

  it('rejects version numbers past 32 bits, as System.Version does', () => {
    expect(compareNuGet('1.0.0.2147483648', '0.0.1')).toBeLessThan(0);
    expect(compareNuGet('1.0.0.2147483647', '0.0.1')).toBeGreaterThan(0);
  });

  it('orders unparseable versions below valid ones without throwing', () => {
    expect(compareNuGet('1.0.0.0.0', '0.0.1')).toBeLessThan(0);
    expect(compareNuGet('[1.0,2.0)', '0.0.1')).toBeLessThan(0);
    expect(compareVersions('NuGet', '13.0.1', '13.0.3')).toBeLessThan(0);
  });
});
