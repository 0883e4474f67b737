// Joins packages and advisories into findings: one per (advisory, package, version, lockfile),
// placed on the package's lockfile line, with a message that says what to upgrade to and why the
// package is there at all.
import { makeFingerprint, type Finding } from '../../finding.js';
import { isAffected, isMatchable, lowestFixedAbove } from './match.js';
import { severityOf } from './severity.js';
import type { OsvRecord, Package } from './types.js';

/** Records for a package; the AdvisoryIndex provides it. */
export interface RecordLookup {
  recordsFor(ecosystem: string, name: string): OsvRecord[];
}

/** pr/push mode: was this package version absent from the lockfile at the base? Undefined in full mode. */
export type IntroducedBy = (pkg: Package) => boolean | undefined;

export function findVulnerabilities(
  packages: Package[],
  advisories: RecordLookup,
  introducedBy: IntroducedBy = () => undefined,
): Finding[] {
  const findings = new Map<string, Finding>();
  for (const pkg of packages) {
    if (!isMatchable(pkg)) continue;
    for (const record of advisories.recordsFor(pkg.ecosystem, pkg.name)) {
      if (!isAffected(record, pkg)) continue;
      const key = [record.id, pkg.ecosystem, pkg.name, pkg.version, pkg.lockfile].join('\u0000');
      const existing = findings.get(key);
      // npm can install one version at several places in a tree: report it once, at its first line.
      if (existing && (existing.location.line ?? Infinity) <= (pkg.line ?? Infinity)) continue;
      findings.set(key, vulnerabilityFinding(record, pkg, introducedBy(pkg)));
    }
  }
  return [...findings.values()];
}

export function advisoryUrl(id: string): string {
  return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}

export function vulnerabilityFinding(record: OsvRecord, pkg: Package, introduced: boolean | undefined): Finding {
  const rated = severityOf(record);
  const fixedVersion = lowestFixedAbove(record, pkg);
  const url = advisoryUrl(record.id);
  const aliases = (record.aliases ?? []).filter((alias) => alias !== record.id);
  const summary = summaryOf(record);
  const named = aliases.length > 0 ? `${record.id} (${aliases.join(', ')})` : record.id;
  const path = pkg.path.length > 0 ? pkg.path.join(' > ') : pkg.name;

  const what =
    rated.basis === 'malware'
      ? `${pkg.name}@${pkg.version} is a malicious package (${named}): ${summary}.`
      : rated.basis === 'informational'
        ? `${named} is an informational advisory (${rated.informational}) for ${pkg.name}@${pkg.version}: ${summary}.`
        : `${named} affects ${pkg.name}@${pkg.version}: ${summary}.`;
  const fix = fixedVersion
    ? `Upgrade ${pkg.name} to ${fixedVersion} or later.`
    : rated.basis === 'malware'
      ? `Remove ${pkg.name}, and rotate any credentials the machines that installed it could read.`
      : `No fixed version yet: remove or replace ${pkg.name}, or ignore ${record.id} with a reason and an expiry.`;
  // The short fix for tables; the message above keeps the why and the dependency path.
  const remedy = fixedVersion
    ? `upgrade ${pkg.name} to ${fixedVersion}`
    : rated.basis === 'malware'
      ? `remove ${pkg.name} and rotate the credentials its machines could read`
      : `no fixed version: remove or replace ${pkg.name}`;
  const rating =
    rated.basis === 'cvss'
      ? ` Severity ${rated.severity} (CVSS ${rated.score}).`
      : rated.unscored
        ? ' No severity is published for it (deps.unscored applies).'
        : '';
  const message = `${what} ${fix} Dependency path: ${path}.${rating} ${url}`;

  return {
    check: 'deps',
    rule: record.id,
    severity: rated.severity,
    title: `${pkg.name}@${pkg.version}: ${summary}`,
    message,
    remedy,
    location: { path: pkg.lockfile, ...(pkg.line !== undefined ? { line: pkg.line } : {}) },
    fingerprint: makeFingerprint('deps', record.id, pkg.ecosystem, pkg.name, pkg.version, pkg.lockfile),
    ...(introduced !== undefined ? { introduced } : {}),
    details: {
      kind: 'deps',
      advisory: record.id,
      aliases,
      ecosystem: pkg.ecosystem,
      package: pkg.name,
      version: pkg.version,
      ...(fixedVersion !== undefined ? { fixedVersion } : {}),
      dependencyPath: pkg.path,
      dev: pkg.dev,
      direct: pkg.direct,
      url,
      ...(rated.unscored ? { unscored: true } : {}),
    },
  };
}

/** The record's summary; PyPA and Go records often have only `details`, so its first sentence stands in. */
function summaryOf(record: OsvRecord): string {
  const text = record.summary?.trim() || record.details?.trim().split(/\n|(?<=\.)\s/)[0] || 'known vulnerability';
  const oneLine = text.replace(/\s+/g, ' ').replace(/\.$/, '');
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine;
}
