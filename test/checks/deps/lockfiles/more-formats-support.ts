// Shared by the non-JavaScript lockfile tests: reading fixtures, summarising packages, and the
// property that a parser fed any text either returns packages or throws a LockfileError naming the file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { LockfileError, type LockfileFormat, type Package } from '../../../../src/checks/deps/types.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/lockfiles/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
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
export function parseError(format: LockfileFormat, text: string, file = 'app/lockfile'): LockfileError {
  try {
    format.parse(text, file);
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

export function itThrowsOnlyLockfileErrors(format: LockfileFormat, seeds: string[]): void {
  it(`${format.name}: any text gives packages or a LockfileError naming the file, nothing else`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), mutationsOf(seeds)), (text) => {
        try {
          const packages = format.parse(text, 'fuzz/file');
          for (const pkg of packages) expect(typeof pkg.name).toBe('string');
        } catch (error) {
          if (!(error instanceof LockfileError)) throw error;
          expect(error.file).toBe('fuzz/file');
        }
      }),
      { numRuns: 200 },
    );
  });
}
