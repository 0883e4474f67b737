import { describe, expect, it } from 'vitest';
import { AdvisoryIndex } from '../../../src/checks/deps/advisories/index.js';
import { findVulnerabilities } from '../../../src/checks/deps/findings.js';
import { makeFingerprint } from '../../../src/finding.js';
import { fixtureRecords } from '../../support/osv-server.js';
import { pkg } from './support.js';

const index = new AdvisoryIndex();
for (const record of fixtureRecords()) index.add(record);

describe('findings from packages and advisories', () => {
  it('says what is affected, what to upgrade to, why it is there and where to read more', () => {
    const qs = pkg('npm', 'qs', '6.5.2', {
      lockfile: 'web/package-lock.json',
      line: 812,
      direct: false,
      path: ['express', 'body-parser', 'qs'],
    });
    const [finding, ...rest] = findVulnerabilities([qs], index);
    expect(rest).toEqual([]);
    expect(finding).toEqual({
      check: 'deps',
      rule: 'GHSA-hrpp-h998-j3pp',
      severity: 'high',
      title: 'qs@6.5.2: qs vulnerable to Prototype Pollution',
      message: expect.stringMatching(
        /^GHSA-hrpp-h998-j3pp \(CVE-2022-24999\) affects qs@6\.5\.2: .* Upgrade qs to 6\.5\.3 or later\. Dependency path: express > body-parser > qs\. https:\/\/osv\.dev\/vulnerability\/GHSA-hrpp-h998-j3pp$/,
      ),
      remedy: 'upgrade qs to 6.5.3',
      location: { path: 'web/package-lock.json', line: 812 },
      fingerprint: makeFingerprint('deps', 'GHSA-hrpp-h998-j3pp', 'npm', 'qs', '6.5.2', 'web/package-lock.json'),
      details: {
        kind: 'deps',
        advisory: 'GHSA-hrpp-h998-j3pp',
        aliases: ['CVE-2022-24999'],
        ecosystem: 'npm',
        package: 'qs',
        version: '6.5.2',
        fixedVersion: '6.5.3',
        dependencyPath: ['express', 'body-parser', 'qs'],
        dev: false,
        direct: false,
        url: 'https://osv.dev/vulnerability/GHSA-hrpp-h998-j3pp',
      },
    });
  });

  it('makes one finding per advisory and package version in a lockfile, at its first line', () => {
    const packages = [
      pkg('npm', 'lodash', '4.17.11', { line: 90, path: ['b', 'lodash'] }),
      pkg('npm', 'lodash', '4.17.11', { line: 40, path: ['a', 'lodash'] }),
      pkg('npm', 'lodash', '4.17.11', { lockfile: 'other/package-lock.json', line: 5 }),
      pkg('npm', 'lodash', '4.17.21', { line: 7 }),
    ];
    const findings = findVulnerabilities(packages, index);
    expect(findings.map((finding) => `${finding.rule} ${finding.location.path}:${finding.location.line}`).sort()).toEqual([
      'GHSA-35jh-r3h4-6jhm other/package-lock.json:5',
      'GHSA-35jh-r3h4-6jhm package-lock.json:40',
      'GHSA-jf85-cpcp-j695 other/package-lock.json:5',
      'GHSA-jf85-cpcp-j695 package-lock.json:40',
    ]);
    expect(findings.find((finding) => finding.location.line === 40)?.details).toMatchObject({ dependencyPath: ['a', 'lodash'] });
  });

  it('says when there is no fix yet, marks unscored records, and notes informational and malware advisories', () => {
    const [atty] = findVulnerabilities([pkg('crates.io', 'atty', '0.2.14', { lockfile: 'Cargo.lock' })], index);
    expect(atty).toMatchObject({ severity: 'info', message: expect.stringContaining('informational advisory (unsound)') });
    expect(atty!.message).toContain('No fixed version yet');
    expect(atty!.remedy).toBe('no fixed version: remove or replace atty');
    expect(atty!.details).not.toHaveProperty('fixedVersion');

    const [net] = findVulnerabilities([pkg('Go', 'golang.org/x/net', '0.16.0', { lockfile: 'go.mod' })], index).filter(
      (finding) => finding.rule === 'GO-2023-2102',
    );
    expect(net!.details).toMatchObject({ unscored: true, fixedVersion: '0.17.0' });
    expect(net!.message).toContain('No severity is published');

    const [malware] = findVulnerabilities([pkg('npm', 'flatmap-stream', '0.1.1')], index);
    expect(malware).toMatchObject({
      severity: 'critical',
      message: expect.stringContaining('flatmap-stream@0.1.1 is a malicious package'),
    });
    expect(malware!.message).toContain('rotate any credentials');
    expect(malware!.remedy).toBe('remove flatmap-stream and rotate the credentials its machines could read');
  });

  it('passes the introduced flag through, and leaves it out in full mode', () => {
    const minimist = pkg('npm', 'minimist', '1.2.5');
    expect(findVulnerabilities([minimist], index, () => true)[0]!.introduced).toBe(true);
    expect(findVulnerabilities([minimist], index, () => false)[0]!.introduced).toBe(false);
    expect(findVulnerabilities([minimist], index)[0]).not.toHaveProperty('introduced');
  });

  it('skips withdrawn records', () => {
    expect(findVulnerabilities([pkg('crates.io', 'spin', '0.0.0-alpha')], index)).toEqual([]);
  });
});
