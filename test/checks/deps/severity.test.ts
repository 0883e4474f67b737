import { describe, expect, it } from 'vitest';
import { cvssScore, severityForScore, severityOf } from '../../../src/checks/deps/severity.js';
import type { OsvRecord } from '../../../src/checks/deps/types.js';
import { fixtureRecord } from '../../support/osv-server.js';

describe('advisory severity', () => {
  it("takes GHSA's reviewed severity when the record has no CVSS vector (axios, micromatch, rack)", () => {
    expect(fixtureRecord('GHSA-wf5p-g6vw-rhxx').severity).toEqual([]);
    expect(severityOf(fixtureRecord('GHSA-wf5p-g6vw-rhxx'))).toMatchObject({ severity: 'medium', basis: 'ghsa', unscored: false });
    expect(severityOf(fixtureRecord('GHSA-952p-6rrq-rcjv')).severity).toBe('medium');
    expect(severityOf(fixtureRecord('GHSA-wq4h-7r42-5hrr')).severity).toBe('high');
  });

  it("prefers GHSA's severity over the CVSS score it also carries", () => {
    // GHSA-jf85-cpcp-j695: CVSS 9.1 and GHSA CRITICAL; GHSA-hrpp-h998-j3pp: CVSS 7.5 and HIGH.
    expect(severityOf(fixtureRecord('GHSA-hrpp-h998-j3pp')).severity).toBe('high');
    const record = fixtureRecord('GHSA-hrpp-h998-j3pp');
    record.database_specific = { severity: 'LOW' };
    expect(severityOf(record)).toMatchObject({ severity: 'low', basis: 'ghsa' });
  });

  it('falls back to the CVSS v3 vector (RustSec regex: 7.5 is high)', () => {
    expect(severityOf(fixtureRecord('RUSTSEC-2022-0013'))).toMatchObject({ severity: 'high', basis: 'cvss', score: 7.5 });
    expect(severityOf(fixtureRecord('RUSTSEC-2020-0071'))).toMatchObject({ severity: 'medium', basis: 'cvss', score: 6.2 });
  });

  it('scores a CVSS v4 vector and a per-package severity, taking the highest', () => {
    const record: OsvRecord = {
      id: 'GHSA-test-v4',
      modified: '2024-01-01T00:00:00Z',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' }],
      affected: [
        {
          package: { ecosystem: 'npm', name: 'x' },
          severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }],
        },
      ],
    };
    expect(cvssScore('CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBe(9.3);
    expect(severityOf(record)).toMatchObject({ severity: 'critical', basis: 'cvss', score: 9.3 });
  });

  it('scores CVSS v2 and ignores vectors it cannot read', () => {
    expect(cvssScore('CVSS_V2', 'AV:N/AC:L/Au:N/C:P/I:P/A:P')).toBe(7.5);
    expect(cvssScore('CVSS_V3', 'not a vector')).toBeUndefined();
    expect(cvssScore('Ubuntu', 'high')).toBeUndefined();
  });

  it('leaves records without any severity unscored (Go vulndb, most PYSEC)', () => {
    expect(severityOf(fixtureRecord('GO-2023-2102'))).toMatchObject({ unscored: true, basis: 'none' });
    expect(severityOf(fixtureRecord('PYSEC-2022-42969')).unscored).toBe(true);
  });

  it('rates RustSec informational notices as info and names their kind', () => {
    expect(severityOf(fixtureRecord('RUSTSEC-2024-0384'))).toEqual({
      severity: 'info',
      unscored: false,
      basis: 'informational',
      informational: 'unmaintained',
    });
    expect(severityOf(fixtureRecord('RUSTSEC-2021-0145')).informational).toBe('unsound');
  });

  it('rates malware critical: GHSA CWE-506 (event-stream) and OSV MAL- records', () => {
    expect(severityOf(fixtureRecord('GHSA-mh6f-8j2x-4483')).basis).toBe('malware');
    expect(severityOf({ id: 'MAL-2024-1234', modified: '2024-01-01T00:00:00Z' })).toMatchObject({ severity: 'critical', basis: 'malware' });
  });

  it('maps scores onto the CVSS rating scale', () => {
    expect([9.0, 8.9, 7.0, 6.9, 4.0, 3.9, 0.1, 0].map(severityForScore)).toEqual([
      'critical',
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
      'info',
    ]);
  });
});
