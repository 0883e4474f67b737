// Finds the lockfiles of a workspace. Monorepos have many; installed and vendored trees have
// thousands more that are not the project's (node_modules alone can hold a lockfile per package).
import fg from 'fast-glob';
import { minimatch } from 'minimatch';
import { GitError, gitLines } from '../../context/git.js';
import { discoveryGlobs } from './lockfiles/index.js';

/**
 * Folders that hold other people's code or build output, never the project's own lockfiles.
 * `target/` is Cargo's and Maven's build folder (Cargo.lock itself sits beside it). `dist/` and
 * `build/` are NOT skipped: some projects commit a lockfile for a shipped sub-package there, and
 * what they install lives in their own node_modules, which is skipped anyway.
 */
export const SKIPPED_FOLDERS = ['node_modules', '.git', 'vendor', 'bower_components', '.venv', 'venv', 'target', '.yarn', '.pnpm-store'];

export interface DiscoverOptions {
  /** Globs (relative to root) a lockfile must match; empty means all. */
  include: string[];
  /** Globs of lockfiles or folders to skip (a folder glob skips everything under it). */
  exclude: string[];
  /** Skip untracked files that .gitignore ignores, as osv-scanner does (default true; no effect outside git). */
  gitignore?: boolean;
}

/** Sorted root-relative forward-slash paths of every lockfile to scan. */
export async function discoverLockfiles(root: string, options: DiscoverOptions): Promise<string[]> {
  const found = await fg(discoveryGlobs(), {
    cwd: root,
    dot: true,
    caseSensitiveMatch: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: [...SKIPPED_FOLDERS.map((folder) => `**/${folder}/**`), ...options.exclude.flatMap(folderAndFiles)],
  });
  const matches = (file: string, patterns: string[]): boolean =>
    patterns.some((pattern) => folderAndFiles(pattern).some((glob) => minimatch(file, glob, { dot: true })));
  let files = found.filter((file) => !matches(file, options.exclude));
  if (options.include.length) files = files.filter((file) => matches(file, options.include));
  if (options.gitignore !== false) files = await withoutIgnored(root, files);
  return files.sort();
}

/** `frontend` or `frontend/` also means everything under it. */
function folderAndFiles(pattern: string): string[] {
  const trimmed = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  return trimmed.endsWith('/**') ? [trimmed] : [trimmed, `${trimmed}/**`];
}

/**
 * Drops untracked files that git ignores. `--others` lists only untracked paths, so a committed
 * lockfile under an ignored folder is still scanned; `--directory` names a wholly ignored folder
 * once instead of every file in it. Outside a repository nothing is dropped.
 */
async function withoutIgnored(root: string, files: string[]): Promise<string[]> {
  if (!files.length) return files;
  const ignored = new Set<string>();
  try {
    // gitLines: stdin closed, so a fast exit outside a repository cannot break a pipe.
    for await (const line of gitLines(root, [
      '-c',
      'core.quotePath=off',
      'ls-files',
      '--others',
      '--ignored',
      '--exclude-standard',
      '--directory',
    ])) {
      ignored.add(line);
    }
  } catch (error) {
    if (error instanceof GitError) return files; // not a repository (or no git): nothing to honour
    throw error;
  }
  const isIgnored = (file: string): boolean => {
    if (ignored.has(file)) return true;
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) {
      if (ignored.has(file.slice(0, slash + 1))) return true;
    }
    return false;
  };
  return files.filter((file) => !isIgnored(file));
}
