// Lockfiles to packages: each file parsed by its format; a file that cannot be read becomes a
// CheckError for that file and the others go on.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import type { CheckError } from '../../finding.js';
import { discoverLockfiles, type DiscoverOptions } from './discover.js';
import { formatFor, LOCKFILE_FORMATS } from './lockfiles/index.js';
import { parseRequirementsWithIncludes, requirementsFile } from './lockfiles/requirements.js';
import { npmLock, parsePackageLock } from './lockfiles/npm.js';
import { parseYarnLock, yarnLock, type ProjectManifest } from './lockfiles/yarn.js';
import { LockfileError, type LockfileFormat, type Package } from './types.js';

/** Reads a root-relative file; undefined when it does not exist (e.g. absent at the PR base). */
export type LockfileReader = (file: string) => Promise<string | undefined>;

export interface Inventory {
  packages: Package[];
  errors: CheckError[];
  /** Lockfiles read (absent ones not counted). */
  lockfiles: number;
}

export function diskReader(root: string): LockfileReader {
  return async (file) => {
    try {
      return await readFile(resolve(root, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
}

export async function collectPackages(root: string, files: string[], read: LockfileReader = diskReader(root)): Promise<Inventory> {
  const inventory: Inventory = { packages: [], errors: [], lockfiles: 0 };
  for (const file of files) {
    const format = formatFor(file);
    if (!format) {
      inventory.errors.push({ check: 'deps', path: file, message: `not a lockfile format security-gate reads (${formatNames()})` });
      continue;
    }
    await collectOne(root, file, format, read, inventory);
  }
  return inventory;
}

async function collectOne(root: string, file: string, format: LockfileFormat, read: LockfileReader, inventory: Inventory): Promise<void> {
  let text: string | undefined;
  try {
    text = await read(file);
  } catch (error) {
    inventory.errors.push({
      check: 'deps',
      path: file,
      message: `cannot read the file: ${error instanceof Error ? error.message : String(error)}`,
    });
    return;
  }
  if (text === undefined) return;
  inventory.lockfiles++;
  try {
    // Requirements files include others (`-r base.txt`); yarn.lock and package-lock v1 do not say
    // what the project itself depends on, the package.json beside them does.
    const packages =
      format === requirementsFile
        ? await parseRequirementsWithIncludes(root, file, async (absolute) => {
            const included = await read(relative(root, absolute).split(sep).join('/'));
            if (included === undefined) throw new Error(`${absolute} not found`);
            return included;
          })
        : format === yarnLock
          ? parseYarnLock(text, file, await manifestBeside(file, read))
          : format === npmLock && /"lockfileVersion":\s*1\b/.test(text.slice(0, 4096))
            ? parsePackageLock(text, file, await manifestBeside(file, read))
            : format.parse(text, file);
    inventory.packages.push(...packages);
  } catch (error) {
    if (!(error instanceof LockfileError)) {
      // A parser bug must not sink the other lockfiles (or print a stack): report it on this file.
      const detail = error instanceof Error ? error.message : String(error);
      inventory.errors.push({ check: 'deps', path: file, message: `could not parse (a security-gate bug, please report it): ${detail}` });
      return;
    }
    inventory.errors.push({
      check: 'deps',
      path: error.file,
      ...(error.line !== undefined && { line: error.line }),
      message: `${error.detail}; fix or regenerate the lockfile, or skip it with deps.exclude`,
    });
  }
}

/** The package.json beside a lockfile (read the same way, e.g. at the PR base); undefined if absent or unreadable. */
async function manifestBeside(file: string, read: LockfileReader): Promise<(ProjectManifest & Record<string, unknown>) | undefined> {
  const slash = file.lastIndexOf('/');
  try {
    const text = await read(`${slash === -1 ? '' : file.slice(0, slash + 1)}package.json`);
    const manifest: unknown = text === undefined ? undefined : JSON.parse(text);
    return typeof manifest === 'object' && manifest !== null && !Array.isArray(manifest)
      ? (manifest as ProjectManifest & Record<string, unknown>)
      : undefined;
  } catch {
    return undefined; // a broken package.json is npm's error to report, not the lockfile's
  }
}

/**
 * `security-gate inventory [PATH]`: PATH is a folder (searched like the check does) or one
 * lockfile, parsed alone, also under a variant name (`package-lock.v2.json`, `yarn.old.lock`, or any
 * `.txt` as a requirements file) since naming one file is a clear enough statement of its format.
 * Package.lockfile is relative to the folder, or the file's name as given for a single file.
 */
export async function inventoryOf(pathArg: string, options: DiscoverOptions): Promise<Inventory> {
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
  const root = dirname(pathArg);
  const inventory: Inventory = { packages: [], errors: [], lockfiles: 0 };
  const name = basename(pathArg);
  const reader = diskReader(root);
  // Parse under the file's own name, then report it under the path as given.
  await collectOne(root, name, format, reader, inventory);
  const rename = (path: string): string => (path === name ? shown : path);
  for (const pkg of inventory.packages) pkg.lockfile = rename(pkg.lockfile);
  for (const error of inventory.errors) error.path = rename(error.path);
  return inventory;
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

function failure(path: string, message: string): Inventory {
  return { packages: [], errors: [{ check: 'deps', path, message, fatal: true }], lockfiles: 0 };
}

function formatNames(): string {
  return LOCKFILE_FORMATS.map((format) => format.name).join(', ');
}
