// The dependencies check: lockfiles -> packages -> advisories -> findings. In pr/push mode each
// lockfile is also read at the base, so a vulnerable version the change brought in is marked
// introduced (fails) and one already there is not (warns).
import { isAbsolute, relative, sep } from 'node:path';
import type { Config } from '../../config/schema.js';
import type { Context } from '../../context/context.js';
import { showFile } from '../../context/git.js';
import type { CheckError, CheckResult } from '../../finding.js';
import type { Check, CheckOptions } from '../check.js';
import { findAdvisories, OsvSourceError, sourceLocation, type AdvisorySourceOptions } from './advisories/index.js';
import { discoverLockfiles } from './discover.js';
import { findVulnerabilities, type IntroducedBy } from './findings.js';
import { collectPackages } from './collect.js';
import { isMatchable } from './match.js';
import type { Package } from './types.js';

/** Knobs the config does not carry (tests, bench, and the action's cache directory). */
export type DepsCheckOptions = CheckOptions & Partial<Omit<AdvisorySourceOptions, 'root'>>;

export const depsCheck: Check = (context, config, options) => runDepsCheck(context, config, options);

export async function runDepsCheck(context: Context, config: Config, options: DepsCheckOptions = {}): Promise<CheckResult> {
  const deps = config.deps;
  // --no-git scans the files as they are: no .gitignore filtering (and no git process at all).
  const files = await discoverLockfiles(context.root, { include: deps.include, exclude: deps.exclude, gitignore: context.git });
  const rebase = repositoryPath(context);
  const collected = await collectPackages(context.root, files);
  for (const pkg of collected.packages) pkg.lockfile = rebase(pkg.lockfile);
  const errors: CheckError[] = collected.errors.map((error) => unreadable(inRepository(error, rebase), deps.unreadable));
  const packages = deps['include-dev'] ? collected.packages : collected.packages.filter((pkg) => !pkg.dev);
  const stats: Record<string, number | string> = {
    lockfiles: collected.lockfiles.length,
    packages: packages.length,
    advisories: 0,
    source: deps['advisory-db'] ? 'offline' : 'api',
  };
  // Unpinned requirements, git/path/tarball sources, versions from a parent pom: listed, not matched.
  const unchecked = packages.filter((pkg) => !isMatchable(pkg)).length;
  if (unchecked > 0) stats.unchecked = unchecked;
  if (packages.length === 0) return { check: 'deps', findings: [], errors, stats };

  let advisories;
  try {
    advisories = await findAdvisories(packages, deps, { ...options, root: context.root });
  } catch (error) {
    if (!(error instanceof OsvSourceError)) throw error;
    const fatal = deps['on-source-error'] === 'fail';
    errors.push({
      check: 'deps',
      path: error.location || sourceLocation(deps, context.root),
      message: `${error.message}${fatal ? '' : ' (deps.on-source-error is warn: dependencies were NOT checked)'}`,
      fatal,
    });
    return { check: 'deps', findings: [], errors, stats };
  }
  errors.push(...advisories.errors);

  const introducedBy = await introducedOracle(context, files, rebase, errors);
  const findings = findVulnerabilities(packages, advisories.index, introducedBy);
  stats.advisories = new Set(findings.map((finding) => finding.rule)).size;
  if (advisories.requests !== undefined) stats.requests = advisories.requests;
  return { check: 'deps', findings, errors, stats };
}

/**
 * A lockfile the gate could not read is a lockfile whose packages it did not check: that fails
 * the check (DESIGN.md "Fail closed") unless `deps.unreadable: warn` says to go on.
 */
function unreadable(error: CheckError, setting: Config['deps']['unreadable']): CheckError {
  return setting === 'fail'
    ? { ...error, message: `${error.message} (its packages were not checked)`, fatal: true }
    : { ...error, message: `${error.message} (deps.unreadable is warn: its packages were NOT checked)`, fatal: false };
}

/**
 * Full mode: undefined for all. pr/push with a base: introduced unless the same name@version was
 * already in the same lockfile at the base (then whatever advisory matches it now matched it
 * then too). A new branch without a base, or a lockfile absent at the base: all introduced.
 */
async function introducedOracle(context: Context, files: string[], rebase: Rebase, errors: CheckError[]): Promise<IntroducedBy> {
  if (context.mode === 'full' || !context.git) return () => undefined;
  const base = context.base;
  if (!base) return () => true;
  const before = await collectPackages(context.root, files, (file) => showFile(context.root, base, file));
  for (const error of before.errors) {
    errors.push({
      ...inRepository(error, rebase),
      fatal: false,
      message: `at the base ${base.slice(0, 12)}: ${error.message} (its vulnerabilities count as introduced)`,
    });
  }
  // The base packages are only compared: keyed under the repository path as the head's are, not renamed.
  const existing = new Set(before.packages.map((pkg) => versionKey(pkg, rebase(pkg.lockfile))));
  return (pkg) => !existing.has(versionKey(pkg));
}

type Rebase = (path: string) => string;

/**
 * Lockfile paths as the repository names them: a scan of a subfolder (`scan packages/core`)
 * reports `packages/core/requirements.txt`, as the secrets check does, so annotations and SARIF
 * point at a file that exists from the repository's top folder. The head's packages are renamed in
 * place: a copy (`{ ...pkg }`) would compute every package's lazy `path` (lockfiles/dep-graph.ts).
 */
function repositoryPath(context: Context): Rebase {
  const prefix = relative(context.repoRoot, context.root).split(sep).join('/');
  if (prefix === '' || prefix.startsWith('..') || isAbsolute(prefix)) return (path) => path;
  return (path) => (isAbsolute(path) ? path : `${prefix}/${path}`);
}

function inRepository(error: CheckError, rebase: Rebase): CheckError {
  return error.path ? { ...error, path: rebase(error.path) } : error;
}

function versionKey(pkg: Package, lockfile = pkg.lockfile): string {
  return [lockfile, pkg.ecosystem, pkg.name, pkg.version].join('\u0000');
}
