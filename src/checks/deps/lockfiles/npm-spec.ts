// Small readers of npm-style specifiers shared by the JavaScript lockfiles.
import type { Package, ParseContext } from '../types.js';
import { isRecord } from '../../../util.js';

/** `name@rest` to [name, rest]; the `@` of a scope (`@babel/core@7.0.0`) is not the separator. */
export function splitAtVersion(spec: string): [name: string, rest: string] {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0);
  return at <= 0 ? [spec, ''] : [spec.slice(0, at), spec.slice(at + 1)];
}

/** The package name of an install path: `node_modules/a/node_modules/@s/b` -> `@s/b`. */
export function nameFromInstallPath(path: string): string {
  const at = path.lastIndexOf('node_modules/');
  return at === -1 ? path : path.slice(at + 'node_modules/'.length);
}

const GIT = /^(?:git\+|git:\/\/|git@|github:|gitlab:|bitbucket:|gist:)|\.git(?:#|$)|#commit=/;

/**
 * Where a version specifier or resolved URL points: git hosts, local folders and tarballs are
 * listed but not matched by version (their version field names no registry release).
 */
export function sourceOfSpec(spec: string): Package['source'] | undefined {
  if (GIT.test(spec)) return 'git';
  if (spec.startsWith('file:') || spec.startsWith('portal:')) return 'file';
  if (spec.startsWith('link:')) return 'link';
  if (/^https?:\/\//.test(spec)) return 'tarball';
  return undefined;
}

/**
 * Registry tarballs live at `…/<name>/-/<unscoped>-<version>.tgz` (npm, yarn, Verdaccio,
 * Artifactory and GitHub Packages all keep that layout); any other URL is a tarball dependency.
 */
export function isRegistryTarball(url: string, name: string, version: string): boolean {
  const unscoped = name.slice(name.lastIndexOf('/') + 1);
  const path = url.split(/[?#]/, 1)[0]!;
  return path.endsWith(`/-/${unscoped}-${version}.tgz`);
}

/**
 * Strips pnpm peer suffixes: `18.0.0-rc.3(react@18.2.0)` (v6+) and `1.0.0_react@18.2.0` (v5). The
 * `_` cut applies to versions only: `_` never occurs in a SemVer version (semver.org §9-10 allow
 * [0-9A-Za-z-] only), but it does in paths (`file:src/__tests__/fixture`).
 */
export function stripPeerSuffix(version: string): string {
  const paren = version.indexOf('(');
  const cut = paren === -1 ? version : version.slice(0, paren);
  const underscore = cut.indexOf('_');
  return underscore === -1 || !/^\d/.test(cut) ? cut : cut.slice(0, underscore);
}

/** The string values of a `{ name: spec }` map, ignoring anything else a broken file puts there. */
export function stringEntries(value: unknown): [string, string][] {
  if (!isRecord(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** The parts of a package.json that say what the project itself depends on. */
export interface ProjectManifest {
  dependencies?: unknown;
  devDependencies?: unknown;
  optionalDependencies?: unknown;
  workspaces?: unknown;
}

/**
 * The package.json beside a lockfile, read from the same source; undefined when absent or not a
 * JSON object (a broken package.json is npm's error to report, not the lockfile's).
 */
export async function readManifest(context: ParseContext): Promise<ProjectManifest | undefined> {
  const text = await context.readSibling('package.json');
  if (text === undefined) return undefined;
  try {
    const manifest: unknown = JSON.parse(text);
    return isRecord(manifest) ? manifest : undefined;
  } catch {
    return undefined;
  }
}
