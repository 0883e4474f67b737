import { describe, expect, it } from 'vitest';
import { hasComparator } from '../../../src/checks/deps/ecosystems/index.js';
import { isAffected, lowestFixedAbove, normalizeName } from '../../../src/checks/deps/match.js';
import type { OsvRecord } from '../../../src/checks/deps/types.js';
import { fixtureRecord } from '../../support/osv-server.js';
import { pkg } from './support.js';

const affected = (id: string, ...args: Parameters<typeof pkg>) => isAffected(fixtureRecord(id), pkg(...args));

describe('matching one version against real advisories', () => {
  it('walks every release line of qs (nine affected entries for one package)', () => {
    const qs = 'GHSA-hrpp-h998-j3pp';
    expect(affected(qs, 'npm', 'qs', '6.5.2')).toBe(true);
    expect(affected(qs, 'npm', 'qs', '6.5.3')).toBe(false);
    expect(affected(qs, 'npm', 'qs', '6.2.3')).toBe(true); // introduced "0"
    expect(affected(qs, 'npm', 'qs', '6.2.4')).toBe(false);
    expect(affected(qs, 'npm', 'qs', '6.10.2')).toBe(true);
    expect(affected(qs, 'npm', 'qs', '6.11.0')).toBe(false);
    expect(lowestFixedAbove(fixtureRecord(qs), pkg('npm', 'qs', '6.5.2'))).toBe('6.5.3');
    expect(lowestFixedAbove(fixtureRecord(qs), pkg('npm', 'qs', '6.9.1'))).toBe('6.9.7');
  });

  it('treats ws, tar and semver release lines independently', () => {
    expect(affected('GHSA-3h5v-q93c-6h6q', 'npm', 'ws', '7.5.9')).toBe(true);
    expect(affected('GHSA-3h5v-q93c-6h6q', 'npm', 'ws', '5.2.4')).toBe(false);
    expect(affected('GHSA-3h5v-q93c-6h6q', 'npm', 'ws', '6.0.0')).toBe(true);
    expect(affected('GHSA-3h5v-q93c-6h6q', 'npm', 'ws', '2.0.9')).toBe(false); // before the first introduced
    expect(affected('GHSA-r628-mhmh-qjhw', 'npm', 'tar', '4.4.14')).toBe(true);
    expect(affected('GHSA-r628-mhmh-qjhw', 'npm', 'tar', '3.2.3')).toBe(false);
    expect(affected('GHSA-c2qf-rxjj-qqgw', 'npm', 'semver', '5.7.1')).toBe(true);
    expect(affected('GHSA-c2qf-rxjj-qqgw', 'npm', 'semver', '6.3.1')).toBe(false);
    expect(lowestFixedAbove(fixtureRecord('GHSA-c2qf-rxjj-qqgw'), pkg('npm', 'semver', '7.3.8'))).toBe('7.5.2');
  });

  it('reads a short version bound ("1.0" in node-fetch\'s advisory) as 1.0.0', () => {
    const nodeFetch = 'GHSA-r683-j2x4-v87g';
    expect(affected(nodeFetch, 'npm', 'node-fetch', '3.0.0')).toBe(true); // only the [1.0, 3.1.1) entry covers it
    expect(affected(nodeFetch, 'npm', 'node-fetch', '3.1.1')).toBe(false);
    expect(lowestFixedAbove(fixtureRecord(nodeFetch), pkg('npm', 'node-fetch', '3.0.0'))).toBe('3.1.1');
  });

  it('matches only the package named in the entry, each with its own fix', () => {
    const record = fixtureRecord('GHSA-jf85-cpcp-j695');
    expect(isAffected(record, pkg('npm', 'lodash-es', '4.17.13'))).toBe(true);
    expect(isAffected(record, pkg('npm', 'lodash', '4.17.13'))).toBe(false);
    expect(lowestFixedAbove(record, pkg('npm', 'lodash-es', '4.17.13'))).toBe('4.17.14');
    expect(isAffected(record, pkg('npm', 'underscore', '1.0.0'))).toBe(false);
    expect(isAffected(record, pkg('PyPI', 'lodash', '1.0.0'))).toBe(false); // same name, other ecosystem
  });

  it('matches the explicit versions list of the event-stream malware advisory, and flatmap-stream from "0" with no fix', () => {
    const record = fixtureRecord('GHSA-mh6f-8j2x-4483');
    expect(isAffected(record, pkg('npm', 'event-stream', '3.3.6'))).toBe(true);
    expect(isAffected(record, pkg('npm', 'event-stream', '3.3.4'))).toBe(false);
    expect(lowestFixedAbove(record, pkg('npm', 'event-stream', '3.3.6'))).toBe('4.0.0');
    expect(isAffected(record, pkg('npm', 'flatmap-stream', '0.1.1'))).toBe(true);
    expect(lowestFixedAbove(record, pkg('npm', 'flatmap-stream', '0.1.1'))).toBeUndefined();
  });

  it('uses the versions list alone when the ecosystem has no comparator', () => {
    const record: OsvRecord = {
      id: 'TEST-1',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'Hex', name: 'plug' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.5.0' }] }],
          versions: ['1.4.0'],
        },
      ],
    };
    const hex = (version: string) => ({ ...pkg('npm', 'plug', version), ecosystem: 'Hex' as never });
    expect(isAffected(record, hex('1.4.0'))).toBe(true);
    expect(isAffected(record, hex('1.4.1'))).toBe(false); // in the range, but the range cannot be evaluated
  });

  it('never matches a versions field given as a string by substring (lodash 4.17.1 is not in "4.17.15")', () => {
    const record = fixtureRecord('GHSA-35jh-r3h4-6jhm');
    const malformed = { ...record, affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, versions: '4.17.15' }] };
    expect(isAffected(malformed as unknown as OsvRecord, pkg('npm', 'lodash', '4.17.1'))).toBe(false);
    expect(
      isAffected(
        { ...record, affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, versions: ['4.17.15'] }] },
        pkg('npm', 'lodash', '4.17.15'),
      ),
    ).toBe(true);
  });

  it('spells npm names case-insensitively (GHSA lists "Axios") and PyPI names per PEP 503', () => {
    expect(affected('GHSA-8hc4-vh64-cxmj', 'npm', 'axios', '1.7.3')).toBe(true);
    expect(affected('GHSA-8hc4-vh64-cxmj', 'npm', 'axios', '1.7.4')).toBe(false);
    expect(normalizeName('PyPI', 'Zope.Interface_x')).toBe('zope-interface-x');
    expect(normalizeName('Go', 'github.com/BurntSushi/toml')).toBe('github.com/BurntSushi/toml');
  });

  it('evaluates SEMVER ranges with many introduced/fixed pairs (RustSec time)', () => {
    const time = 'RUSTSEC-2020-0071';
    expect(affected(time, 'crates.io', 'time', '0.1.45')).toBe(true);
    expect(affected(time, 'crates.io', 'time', '0.2.0')).toBe(false);
    expect(affected(time, 'crates.io', 'time', '0.2.22')).toBe(true);
    expect(affected(time, 'crates.io', 'time', '0.2.23')).toBe(false);
    expect(affected(time, 'crates.io', 'time', '0.3.0')).toBe(false);
    expect(lowestFixedAbove(fixtureRecord(time), pkg('crates.io', 'time', '0.2.10'))).toBe('0.2.23');
  });

  it('reads Go SEMVER ranges without a v prefix, with or without one on the installed version', () => {
    expect(affected('GO-2023-2102', 'Go', 'golang.org/x/net', '0.16.0')).toBe(true);
    expect(affected('GO-2023-2102', 'Go', 'golang.org/x/net', 'v0.16.0')).toBe(true);
    expect(affected('GO-2023-2102', 'Go', 'golang.org/x/net', '0.17.0')).toBe(false);
    expect(affected('GO-2023-1737', 'Go', 'github.com/gin-gonic/gin', '1.9.0')).toBe(true);
    expect(affected('GO-2023-1737', 'Go', 'github.com/gin-gonic/gin', '1.3.0')).toBe(false);
  });

  it('skips a withdrawn record (RUSTSEC-2019-0031)', () => {
    const record = fixtureRecord('RUSTSEC-2019-0031');
    expect(isAffected({ ...record, withdrawn: undefined }, pkg('crates.io', 'spin', '0.0.0-alpha'))).toBe(true);
    expect(isAffected(record, pkg('crates.io', 'spin', '0.0.0-alpha'))).toBe(false);
  });

  it('honours last_affected (inclusive) and limit (exclusive) events', () => {
    const record: OsvRecord = {
      id: 'TEST-2',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'a' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { last_affected: '1.11.0' }] }],
        },
        {
          package: { ecosystem: 'npm', name: 'b' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { limit: '2.0.0' }] }],
        },
      ],
    };
    expect(isAffected(record, pkg('npm', 'a', '1.11.0'))).toBe(true);
    expect(isAffected(record, pkg('npm', 'a', '1.11.1'))).toBe(false);
    expect(isAffected(record, pkg('npm', 'b', '1.9.9'))).toBe(true);
    expect(isAffected(record, pkg('npm', 'b', '2.0.0'))).toBe(false);
  });

  it('applies last_affected in PYSEC-2022-42969 (py) by its versions list, and by range once PyPI compares versions', () => {
    const record = fixtureRecord('PYSEC-2022-42969');
    expect(isAffected(record, pkg('PyPI', 'py', '1.11.0'))).toBe(true);
    expect(isAffected(record, pkg('PyPI', 'Py', '1.4.7.dev3'))).toBe(true);
    expect(isAffected(record, pkg('PyPI', 'py', '1.11.1'))).toBe(false);
    // 1.5.0 and 1.11.0.post1 are not in the versions list: only the range, by PEP 440, covers them.
    expect(hasComparator('PyPI')).toBe(true);
    expect(isAffected(record, pkg('PyPI', 'py', '1.5.0'))).toBe(true);
    expect(isAffected(record, pkg('PyPI', 'py', '1.11.0.post1'))).toBe(false);
    expect(lowestFixedAbove(record, pkg('PyPI', 'py', '1.11.0'))).toBeUndefined(); // last_affected names no fix
  });

  it('does not match git, file or link packages, or packages without a version', () => {
    const record = fixtureRecord('GHSA-35jh-r3h4-6jhm');
    expect(isAffected(record, pkg('npm', 'lodash', '4.17.20'))).toBe(true);
    expect(isAffected(record, pkg('npm', 'lodash', '4.17.20', { source: 'git' }))).toBe(false);
    expect(isAffected(record, pkg('npm', 'lodash', ''))).toBe(false);
  });

  it('ignores GIT ranges alongside ECOSYSTEM ones', () => {
    const record = fixtureRecord('PYSEC-2023-62');
    expect(record.affected?.some((entry) => entry.ranges?.some((range) => range.type === 'GIT'))).toBe(true);
    const gitOnly: OsvRecord = {
      ...record,
      affected: record.affected?.map((entry) => ({
        ...entry,
        versions: [],
        ranges: entry.ranges?.filter((range) => range.type === 'GIT'),
      })),
    };
    expect(isAffected(gitOnly, pkg('PyPI', 'flask', '2.2.4'))).toBe(false);
  });
});
