// Shared shapes of the dependencies check: every lockfile parser returns Package[],
// every advisory source returns OSV records, the matcher joins them.

/** OSV ecosystem names (https://ossf.github.io/osv-schema/#affectedpackage-field). */
export type Ecosystem = 'npm' | 'PyPI' | 'Go' | 'crates.io' | 'RubyGems' | 'Packagist' | 'Maven' | 'NuGet' | 'Pub';

export interface Package {
  ecosystem: Ecosystem;
  /** The real package name (an alias reports the package it points to). */
  name: string;
  /** Exact resolved version, without a `v` prefix for Go; '' when there is none (git, file, link). */
  version: string;
  /** Lockfile path relative to the scanned root, forward slashes. */
  lockfile: string;
  /** 1-based line where the package is declared in the lockfile, when known. */
  line?: number;
  dev: boolean;
  direct: boolean;
  /** One dependency path from a direct dependency to this package, both included: ['express', 'body-parser', 'qs']. */
  path: string[];
  /** Where it resolves from; only 'registry' packages are matched by version. */
  source: 'registry' | 'git' | 'file' | 'tarball' | 'link';
  /** A note for `inventory` (e.g. "unpinned requirement, not matched"). */
  note?: string;
}

export interface LockfileFormat {
  /** Human name, e.g. 'package-lock.json'. */
  name: string;
  ecosystem: Ecosystem;
  /**
   * The files this format reads, as globs matched against the end of a path (`Cargo.lock`,
   * `requirements*.txt`, `gradle/dependency-locks/*.lockfile`). Discovery and `formatFor` both derive from it.
   */
  fileNames: readonly string[];
  /**
   * Text to packages; throws LockfileError on input it cannot read. `file` is the lockfile's path
   * relative to the scanned root (for messages and Package.lockfile).
   */
  parse(text: string, file: string, context: ParseContext): Promise<Package[]>;
}

/** What a parser may read besides its own text. */
export interface ParseContext {
  /**
   * A file relative to the lockfile's folder (`package.json`, `../base.txt`), read from the same
   * source as the lockfile (the working tree, or the PR base). Undefined when it does not exist.
   * Throws LockfileError when the path leads outside the scanned root (`..`, or a symlink).
   */
  readSibling(path: string): Promise<string | undefined>;
}

/** A lockfile that cannot be read: renders as `file:line: what`. */
export class LockfileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${line ? `${file}:${line}` : file}: ${detail}`);
    this.name = 'LockfileError';
  }
}

/** An OSV record (https://ossf.github.io/osv-schema/), the fields the gate reads. */
export interface OsvRecord {
  id: string;
  modified: string;
  published?: string;
  withdrawn?: string;
  aliases?: string[];
  summary?: string;
  details?: string;
  severity?: { type: string; score: string }[];
  affected?: OsvAffected[];
  references?: { type: string; url: string }[];
  database_specific?: Record<string, unknown> & { severity?: string };
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string };
  severity?: { type: string; score: string }[];
  ranges?: { type: 'SEMVER' | 'ECOSYSTEM' | 'GIT'; repo?: string; events: OsvEvent[] }[];
  versions?: string[];
  ecosystem_specific?: Record<string, unknown>;
  database_specific?: Record<string, unknown>;
}

export type OsvEvent = { introduced: string } | { fixed: string } | { last_affected: string } | { limit: string };
