import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../../../src/checks/deps/ecosystems/index.js';
import { compareGo } from '../../../../src/checks/deps/ecosystems/go.js';
import { itOrdersAscending, itTreatsAsEqual } from './ordering.js';

describe('Go module versions', () => {
  // SemVer 2.0.0 §11 example, as Go orders it.
  itOrdersAscending('orders pre-releases by SemVer precedence', compareGo, [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.9.0',
    '1.10.0',
    '2.0.0',
  ]);

  // https://go.dev/ref/mod#pseudo-versions: the three forms, each between the versions around its base.
  itOrdersAscending('places pseudo-versions between their base and the next release', compareGo, [
    '0.0.0-20170915032832-14c0d48ead0c',
    '0.0.0-20191109021931-daa7c04131f5',
    '0.0.0',
    '1.2.3-pre',
    '1.2.3-pre.0.20191109021931-daa7c04131f5',
    '1.2.3-pre.1',
    '1.2.3',
    '1.2.4-0.20170915032832-14c0d48ead0c',
    '1.2.4-0.20191109021931-daa7c04131f5',
    '1.2.4-alpha',
    '1.2.4',
  ]);

  itOrdersAscending('orders a real Go advisory range: introduced, the lockfile version, fixed', compareGo, [
    '0.0.0-20210220032951-036812b2e83c',
    '0.0.0-20220715151400-c0bba94af5f8',
    '0.0.0-20220728004956-3c1f35247d10',
  ]);

  itTreatsAsEqual('ignores the v prefix, +incompatible and build metadata, and reads shorthands', compareGo, [
    ['v2.0.0+incompatible', '2.0.0', 'v2.0.0', '2.0.0+build.5'],
    ['v1', 'v1.0.0', '1.0', '1'],
    ['v1.2', '1.2.0'],
  ]);

  it('orders versions Go cannot parse below valid ones, without throwing', () => {
    expect(compareGo('v1.2.3.4', '0.0.1')).toBeLessThan(0);
    expect(compareGo('01.2.3', '0.0.1')).toBeLessThan(0);
    expect(compareGo('v1.2-pre', '0.0.1')).toBeLessThan(0);
    expect(compareGo('0.0.1', 'latest')).toBeGreaterThan(0);
    expect(compareGo('1.0.0-01', '0.0.1')).toBeLessThan(0); // golang.org/x/mod/semver: a leading zero in a numeric identifier
    expect(compareVersions('Go', '1.22.3', '1.22.10')).toBeLessThan(0);
  });
});
