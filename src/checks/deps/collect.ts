// Collects the packages of lockfiles: each file parsed by its format, with the files beside it
// (package.json, `-r` includes) read from the same source; a file that cannot be read becomes a
// CheckError for that file and the others go on.
import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, posix, relative, resolve, sep, isAbsolute } from 'node:path';
import type { CheckError } from '../../finding.js';
import { discoverLockfiles, type DiscoverOptions } from './discover.js';
import { formatFor, LOCKFILE_FORMATS } from './lockfiles/index.js';
import { requirementsFile } from './lockfiles/requirements.js';
import { LockfileError, type LockfileFormat, type Package, type ParseContext } from './types.js';

/** Reads a root-relative file; undefined when it does not exist (e.g. absent at the PR base). */
export type LockfileReader = (file: string) => Promise<string | undefined>;

export interface CollectedPackages {
  packages: Package[];
  /** Files that could not be read, one error each (not fatal here: the check decides, see deps.unreadable). */
  errors: CheckError[];
  /** Lockfiles read, in order (absent ones not listed). */
  lockfiles: string[];
}

/** A path that resolves outside the scanned root, by `..` or through a symlink: never read. */
export class OutsideRootError extends Error {
  constructor(readonly file: string) {
    super(`${file} leads outside the scanned folder (through '..' or a symlink); security-gate does not read it`);
    this.name = 'OutsideRootError';
  }
}

/** Reads from the working tree, refusing any path whose real location is outside `root`. */
export function diskReader(root: string): LockfileReader {
  let realRoot: Promise<string> | undefined;
  return async (file) => {
    let real: string;
    try {
      real = await realpath(resolve(root, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    const inside = relative(await (realRoot ??= realpath(root)), real);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) throw new OutsideRootError(file);
    return readFile(real, 'utf8');
  };
}

export async function collectPackages(root: string, files: string[], read: LockfileReader = diskReader(root)): Promise<CollectedPackages> {
  const collected: CollectedPackages = { packages: [], errors: [], lockfiles: [] };
  for (const file of files) {
    const format = formatFor(file);
    if (!format) {
      collected.errors.push({ check: 'deps', path: file, message: `not a lockfile format security-gate reads (${formatNames()})` });
      continue;
    }
    await collectOne(file, format, read, collected);
  }
  collected.packages = listedOnce(collected.packages);
  return collected;
}

async function collectOne(file: string, format: LockfileFormat, read: LockfileReader, collected: CollectedPackages): Promise<void> {
  let text: string | undefined;
  try {
    text = await read(file);
  } catch (error) {
    collected.errors.push({ check: 'deps', path: file, message: `cannot read the file: ${describe(error)}` });
    return;
  }
  if (text === undefined) return;
  collected.lockfiles.push(file);
  try {
    const packages = await format.parse(withoutBom(text), file, siblingsOf(file, read));
    for (const pkg of packages) collected.packages.push(pkg); // no push(...packages): 120k arguments overflow the stack
  } catch (error) {
    if (!(error instanceof LockfileError)) {
      // A parser bug must not sink the other lockfiles (or print a stack): report it on this file.
      collected.errors.push({
        check: 'deps',
        path: file,
        message: `could not parse (a security-gate bug, please report it): ${describe(error)}`,
      });
      return;
    }
    collected.errors.push({
      check: 'deps',
      path: error.file,
      ...(error.line !== undefined && { line: error.line }),
      message: `${error.detail}; fix or regenerate the lockfile, or skip it with deps.exclude`,
    });
  }
}

/** `readSibling` for one lockfile: paths relative to its folder, through the same reader, never outside the root. */
export function siblingsOf(file: string, read: LockfileReader): ParseContext {
  return {
    async readSibling(path) {
      const target = posix.normalize(posix.join(posix.dirname(file), path));
      if (posix.isAbsolute(path) || target === '..' || target.startsWith('../')) {
        throw new LockfileError(file, undefined, `'${path}' is outside the scanned folder; security-gate reads nothing outside it`);
      }
      try {
        const text = await read(target);
        return text === undefined ? undefined : withoutBom(text);
      } catch (error) {
        if (error instanceof OutsideRootError) {
          throw new LockfileError(
            file,
            undefined,
            `'${path}' leads outside the scanned folder through a symlink; security-gate does not read it`,
          );
        }
        throw new LockfileError(file, undefined, `cannot read '${path}': ${describe(error)}`);
      }
    },
  };
}

/**
 * One entry per declaration: a requirements file included by several others (`-r base.txt`) is
 * parsed with each of them, and its packages (which name that file and line) are listed once.
 */
function listedOnce(packages: Package[]): Package[] {
  const seen = new Set<string>();
  return packages.filter((pkg) => {
    const key = [pkg.lockfile, pkg.line ?? '', pkg.ecosystem, pkg.name, pkg.version, pkg.source].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `security-gate inventory [PATH]`: PATH is a folder (searched like the check does) or one
 * lockfile, parsed alone, also under a variant name (`package-lock.v2.json`, `yarn.old.lock`, or any
 * `.txt` as a requirements file) since naming one file is a clear enough statement of its format.
 * Package.lockfile is relative to the folder, or the file's name as given for a single file.
 */
export async function inventoryOf(pathArg: string, options: DiscoverOptions): Promise<CollectedPackages> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(pathArg)).isDirectory();
  } catch {
    return failure(pathArg, `no such file or folder: ${pathArg}`);
  }
  if (isFolder) return collectPackages(pathArg, await discoverLockfiles(pathArg, options));

  const shown = pathArg.split(sep).join('/');
  const format = formatFor(shown) ?? formatByStem(basename(pathArg));
  if (!format) return failure(shown, `not a lockfile format security-gate reads; expected one of ${formatNames()}`);
  const collected: CollectedPackages = { packages: [], errors: [], lockfiles: [] };
  const name = basename(pathArg);
  // Parse under the file's own name, then report it under the path as given.
  await collectOne(name, format, diskReader(dirname(pathArg)), collected);
  const rename = (path: string): string => (path === name ? shown : path);
  for (const pkg of collected.packages) pkg.lockfile = rename(pkg.lockfile);
  for (const error of collected.errors) error.path = rename(error.path);
  collected.lockfiles = collected.lockfiles.map(rename);
  return collected;
}

/** `package-lock.v2.json` is read as `package-lock.json`: same stem before the first dot, same extension. */
function formatByStem(name: string): LockfileFormat | undefined {
  if (name.toLowerCase().endsWith('.txt')) return requirementsFile;
  const extension = name.slice(name.lastIndexOf('.'));
  return LOCKFILE_FORMATS.find((format) => {
    const stem = format.name.slice(0, format.name.indexOf('.'));
    return stem !== '' && name.startsWith(`${stem}.`) && format.name.endsWith(extension);
  });
}

function failure(path: string, message: string): CollectedPackages {
  return { packages: [], errors: [{ check: 'deps', path, message, fatal: true }], lockfiles: [] };
}

function formatNames(): string {
  return LOCKFILE_FORMATS.map((format) => format.name).join(', ');
}

/** npm, yarn, bun, go and bundler all read past a UTF-8 byte order mark; so does every parser here. */
function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
