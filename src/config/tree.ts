// Where the policy (the config file, .gitleaks.toml, .gitleaksignore, the baseline) is read from:
// the working tree, or a commit. On a pull request the policy comes from the base commit, so the
// pull request cannot exempt itself (DESIGN.md "Fail closed"). Both read only files inside the
// repository: a symlink that leads out of it is refused, never followed.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { short } from '../context/context.js';
import { git, gitMaybe } from '../context/git.js';
import { ConfigError } from './errors.js';

export interface PolicyTree {
  /** The scanned root (absolute): paths are read relative to it. */
  readonly root: string;
  /** For messages: `working tree`, or `base commit a1b2c3d`. */
  readonly label: string;
  /** The commit, when reading from one. */
  readonly commit?: string;
  /**
   * The text of a file, by path relative to the scanned root (`../` allowed), or undefined when there
   * is no such file. A folder, or a symlink that leaves the repository, is a ConfigError naming it.
   */
  read(path: string): Promise<string | undefined>;
}

/** True when `path` is `dir` or inside it (both absolute). */
export function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A path for messages: relative to the root with forward slashes, or as given when outside it. */
export function displayPath(root: string, path: string): string {
  const full = resolve(root, path);
  return isInside(root, full) ? relative(root, full).split(sep).join('/') : full;
}

/**
 * The files on disk. A path inside the root must stay inside it after resolving symlinks; a path
 * outside the root (a `--config` the user typed, a baseline in RUNNER_TEMP) was chosen by the
 * person running the gate, not by the repository, and is read as it is.
 */
export function workingTree(root: string): PolicyTree {
  return {
    root,
    label: 'working tree',
    async read(path) {
      const full = resolve(root, path);
      const shown = displayPath(root, path);
      if (isInside(root, full)) assertStaysInside(root, full, shown);
      return readPlainFile(full, shown);
    },
  };
}

/** Refuses a path under the root that resolves (through a symlink in it or in a parent folder) outside the root. */
export function assertStaysInside(root: string, full: string, shown: string): void {
  const real = realPathOf(full);
  if (real !== undefined && !isInside(realPathOf(root) ?? root, real)) {
    throw new ConfigError(
      shown,
      'is a symlink that leads outside the repository; the gate reads only files inside it. Replace the link with the file itself.',
    );
  }
}

/** The real path of a file, or of its nearest existing parent folder joined with the rest; undefined if nothing exists. */
export function realPathOf(path: string): string | undefined {
  let missing = '';
  let current = path;
  for (;;) {
    try {
      return resolve(realpathSync(current), missing);
    } catch {
      const parent = resolve(current, '..');
      if (parent === current) return undefined;
      missing = missing ? `${current.slice(parent.length + 1)}${sep}${missing}` : current.slice(parent.length + 1);
      current = parent;
    }
  }
}

function readPlainFile(full: string, shown: string): string | undefined {
  let isFolder: boolean;
  try {
    isFolder = statSync(full).isDirectory();
  } catch {
    return undefined; // missing (a dangling symlink reads as missing too)
  }
  if (isFolder) throw new ConfigError(shown, 'is a folder, not a file: point the setting at the file inside it.');
  try {
    return readFileSync(full, 'utf8');
  } catch (error) {
    throw new ConfigError(shown, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): check its permissions.`);
  }
}

/**
 * The files of a commit (`git ls-tree` then `git cat-file`), never the working tree's: what a pull
 * request changes in them does not count. A path outside the repository is not in any commit
 * (a baseline downloaded to RUNNER_TEMP): it is read from disk.
 */
export async function commitTree(root: string, commit: string): Promise<PolicyTree> {
  // Inside or outside the repository is decided on the path's text, never by following a link in
  // the working tree (which the pull request controls).
  const top = realPathOf((await git(root, ['rev-parse', '--show-toplevel'])).trim())!;
  const realRoot = realPathOf(root) ?? root;
  const disk = workingTree(root);
  const label = `base commit ${short(commit)}`;
  return {
    root,
    label,
    commit,
    async read(path) {
      // The path as the root spells it, moved onto the root's real path (the toplevel is a real path).
      const full = resolve(realRoot, relative(root, resolve(root, path)));
      if (!isInside(top, full)) return disk.read(path);
      const shown = displayPath(root, path);
      // ls-tree paths are relative to the current directory; `:(literal)` turns off pathspec magic.
      const entry = await gitMaybe(realRoot, [
        'ls-tree',
        '-z',
        '--end-of-options',
        commit,
        '--',
        `:(literal)${relative(realRoot, full) || '.'}`,
      ]);
      const match = /^(\d{6}) (\w+) ([0-9a-f]+)\t/.exec(entry ?? '');
      if (!match) return undefined;
      const [, mode, type, object] = match;
      if (type === 'tree') throw new ConfigError(shown, 'is a folder, not a file: point the setting at the file inside it.');
      if (mode === '120000') throw new ConfigError(shown, 'is a symlink; the policy read from a commit must be a plain file.');
      if (type !== 'blob') return undefined;
      return git(root, ['cat-file', 'blob', object!]);
    },
  };
}
