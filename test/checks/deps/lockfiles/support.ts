// Shared by the lockfile tests: reading the fixtures beside them, parsing with or without the files
// beside a lockfile, summarising packages, and the property that a parser fed any text either
// returns packages or throws a LockfileError naming the file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { diskReader, siblingsOf } from '../../../../src/checks/deps/collect.js';
import { formatFor } from '../../../../src/checks/deps/lockfiles/index.js';
import { LockfileError, type LockfileFormat, type Package, type ParseContext } from '../../../../src/checks/deps/types.js';

/** This folder: each format's fixtures are in the folder named after it (`npm/`, `requirements/`). */
export const FIXTURES = fileURLToPath(new URL('./', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

/** A lockfile with nothing beside it. */
export const NO_SIBLINGS: ParseContext = { readSibling: async () => undefined };

/** `readSibling` over a real folder, as the check reads the working tree (`file` is relative to `root`). */
export function siblingsOnDisk(root: string, file: string): ParseContext {
  return siblingsOf(file, diskReader(root));
}

/** `readSibling` over files given by their root-relative path. */
export function siblingsIn(files: Record<string, string>, file = 'app/lockfile'): ParseContext {
  return siblingsOf(file, async (path) => files[path]);
}

export function parseLockfile(format: LockfileFormat, text: string, file = 'app/lockfile', context = NO_SIBLINGS): Promise<Package[]> {
  return format.parse(text, file, context);
}

/** Is this path read as this format? (discovery and matching share `fileNames`) */
export function readsAs(format: LockfileFormat, file: string): boolean {
  return formatFor(file) === format;
}

/** `name@version` of each package, in lockfile order. */
export function ids(packages: Package[]): string[] {
  return packages.map((pkg) => `${pkg.name}@${pkg.version}`);
}

export function byName(packages: Package[], name: string): Package {
  const found = packages.find((pkg) => pkg.name === name);
  if (!found) throw new Error(`no package ${name} in ${ids(packages).join(', ')}`);
  return found;
}

/** The LockfileError a parse throws (fails the test when it throws anything else or nothing). */
export async function parseError(
  format: LockfileFormat,
  text: string,
  file = 'app/lockfile',
  context = NO_SIBLINGS,
): Promise<LockfileError> {
  try {
    await format.parse(text, file, context);
  } catch (error) {
    expect(error).toBeInstanceOf(LockfileError);
    return error as LockfileError;
  }
  throw new Error('expected a LockfileError, the parse succeeded');
}

/** Text that is mostly a real lockfile with a random cut, insertion or deletion: reaches deep parser paths. */
function mutationsOf(seeds: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({ maxLength: 12 }), fc.constantFrom('cut', 'insert', 'delete'))
    .map(([seed, x, y, insert, kind]) => {
      const at = x % (seed.length + 1);
      if (kind === 'cut') return seed.slice(0, at);
      if (kind === 'insert') return seed.slice(0, at) + insert + seed.slice(at);
      return seed.slice(0, at) + seed.slice(at + (y % 40));
    });
}

export function itThrowsOnlyLockfileErrors(
  format: LockfileFormat,
  seeds: string[],
  extra: fc.Arbitrary<string>[] = [],
  numRuns = 200,
): void {
  it(`${format.name}: any text gives packages or a LockfileError naming the file, nothing else`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mutationsOf(seeds), ...extra), async (text) => {
        try {
          const packages = await format.parse(text, 'fuzz/file', NO_SIBLINGS);
          for (const pkg of packages) expect(typeof pkg.name).toBe('string');
        } catch (error) {
          if (!(error instanceof LockfileError)) throw error;
          expect(error.file).toBe('fuzz/file');
        }
      }),
      { numRuns },
    );
  });
}

/** `length` deterministic random bytes (mulberry32), read as UTF-8 text the way the check reads a file. */
export function randomBytesText(length: number, seed = 42): string {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    bytes[index] = (t ^ (t >>> 14)) & 0xff;
  }
  return new TextDecoder().decode(bytes);
}
