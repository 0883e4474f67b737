import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bunLock } from '../../../../src/checks/deps/lockfiles/bun.js';
import { LockfileError } from '../../../../src/checks/deps/types.js';
import { fixture as readFixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile, readsAs } from './support.js';

const fixture = (name: string): string => readFixture(`bun/${name}`);

describe('bun.lock', () => {
  it('matches bun.lock, not the binary bun.lockb', async () => {
    expect(readsAs(bunLock, 'bun.lock')).toBe(true);
    expect(readsAs(bunLock, 'apps/x/bun.lock')).toBe(true);
    expect(readsAs(bunLock, 'bun.lockb')).toBe(false);
  });

  it('reads registry packages with trailing commas, at the line of their key', async () => {
    const packages = await parseLockfile(bunLock, fixture('bun.insecure.lock'), 'bun.lock');
    expect(packages).toEqual([
      expect.objectContaining({
        ecosystem: 'npm',
        name: 'has-flag',
        version: '4.0.0',
        line: 13,
        dev: false,
        direct: true,
        path: ['has-flag'],
        source: 'registry',
      }),
      expect.objectContaining({ name: 'wrappy', version: '1.0.2', line: 15, direct: true, source: 'registry' }),
    ]);
  });

  it('lists git dependencies (short hash) with the spec as written, under the real name', async () => {
    expect(await parseLockfile(bunLock, fixture('bun.lock'), 'bun.lock')).toEqual([
      expect.objectContaining({
        name: 'uWebSockets.js',
        version: 'github:uNetworking/uWebSockets.js#6609a88',
        source: 'git',
        line: 11,
        direct: true,
      }),
    ]);
    expect(await parseLockfile(bunLock, fixture('bun.shorthash.lock'), 'bun.lock')).toEqual([
      expect.objectContaining({ name: 'some-git-dep', version: 'github:org/repo#bca26e4', source: 'git', line: 12 }),
    ]);
  });

  it('skips workspaces, computes dev from devDependencies, and resolves nested keys for paths', async () => {
    const text = `{
  // written by bun 1.2
  "lockfileVersion": 1,
  "workspaces": {
    "": { "name": "app", "dependencies": { "a": "^1", "lib": "workspace:*" }, "devDependencies": { "t": "^2" }, },
    "packages/lib": { "name": "lib", "dependencies": { "b": "^2" }, },
  },
  "packages": {
    "a": ["a@1.0.0", "", { "dependencies": { "b": "^1" } }, "sha512-a"],
    "a/b": ["b@1.5.0", "", {}, "sha512-b1"],
    "b": ["b@2.0.0", "", {}, "sha512-b2"],
    "lib": ["lib@workspace:packages/lib"],
    "t": ["t@2.0.0", "", { "dependencies": { "u": "^1" } }, "sha512-t"], /* a test runner */
    "u": ["u@1.0.0", "", {}, "sha512-u"],
  },
}`;
    const packages = await parseLockfile(bunLock, text, 'bun.lock');
    expect(packages.map((pkg) => [`${pkg.name}@${pkg.version}`, pkg.line, pkg.dev, pkg.direct, pkg.path.join('>')])).toEqual([
      ['a@1.0.0', 9, false, true, 'a'],
      ['b@1.5.0', 10, false, false, 'a>b'],
      ['b@2.0.0', 11, false, true, 'b'],
      ['t@2.0.0', 13, true, true, 't'],
      ['u@1.0.0', 14, true, false, 't>u'],
    ]);
  });

  describe('broken input', () => {
    it('names the line of a JSON error', async () => {
      const text = '{\n  "lockfileVersion": 1,\n  "packages": {\n    "a": ["a@1.0.0" "x"],\n  }\n}\n';
      await expect(parseLockfile(bunLock, text, 'bun.lock')).rejects.toThrow(
        expect.objectContaining({ name: 'LockfileError', file: 'bun.lock', line: 4 }),
      );
    });

    it('rejects an entry that is not an array, at its line', async () => {
      const text = '{\n  "lockfileVersion": 1,\n  "packages": {\n    "a": {"v": 1}\n  }\n}\n';
      await expect(parseLockfile(bunLock, text, 'bun.lock')).rejects.toThrow(LockfileError);
      await expect(parseLockfile(bunLock, '{"workspaces": {}}', 'bun.lock')).rejects.toThrow(/not a bun.lock/);
    });

    itThrowsOnlyLockfileErrors(
      bunLock,
      [fixture('bun.insecure.lock')],
      [fc.json(), fc.nat({ max: 487 }).map((cut) => fixture('bun.insecure.lock').slice(0, cut))],
      300,
    );
  });
});

describe('bun.lock with deep nested keys', () => {
  it('resolves 1,000 nested keys, each listing 20 names installed nowhere, to the nearest key up the chain', async () => {
    const depth = 1000;
    const missing = (level: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`missing-${level}-${index}`, '1.0.0']));
    const packages: Record<string, unknown> = {
      shadow: ['shadow@1.0.0', '', {}, 'sha512-s1'],
      '@s/hoisted': ['@s/hoisted@1.0.0', '', {}, 'sha512-h'],
      'p0/shadow': ['shadow@2.0.0', '', {}, 'sha512-s2'],
    };
    let key = '';
    for (let level = 0; level < depth; level++) {
      key = key ? `${key}/p${level}` : `p${level}`;
      const next = level + 1 < depth ? { [`p${level + 1}`]: '1.0.0' } : { '@s/hoisted': '1.0.0', shadow: '1.0.0' };
      packages[key] = [`p${level}@1.0.0`, '', { dependencies: { ...missing(level), ...next } }, `sha512-p${level}`];
    }
    const workspaces = { '': { name: 'app', dependencies: { p0: '1.0.0' }, devDependencies: { shadow: '1.0.0' } } };
    const result = await parseLockfile(bunLock, JSON.stringify({ lockfileVersion: 1, workspaces, packages }), 'bun.lock');
    const byId = new Map(result.map((pkg) => [`${pkg.name}@${pkg.version}`, pkg]));
    expect(result).toHaveLength(depth + 3);
    expect(byId.get('shadow@1.0.0')).toMatchObject({ direct: true, dev: true, path: ['shadow'] });
    // The deepest package finds the `shadow` nested under p0 (the nearest), and the hoisted scoped one at the top.
    // (were it resolved to the top-level one, nothing would reach shadow@2.0.0 and its path would be just its name).
    expect(byId.get('shadow@2.0.0')).toMatchObject({ direct: false, dev: false });
    expect(byId.get('shadow@2.0.0')!.path.slice(-2)).toEqual([`p${depth - 1}`, 'shadow']);
    expect(byId.get('@s/hoisted@1.0.0')!.path.slice(-2)).toEqual([`p${depth - 1}`, '@s/hoisted']);
    expect(byId.get(`p${depth - 1}@1.0.0`)!.path.slice(0, 3)).toEqual(['p0', 'p1', 'p2']);
  });
});

describe('bun.lock with a malformed top level', () => {
  it('rejects "packages" that is not an object, at its line, instead of reading no packages', async () => {
    for (const [text, line] of [
      ['{ "lockfileVersion": 1, "packages": [] }', 1],
      ['{\n  "lockfileVersion": 1,\n  "workspaces": {},\n  "packages": ["a@1.0.0"],\n}', 4],
      ['{\n  "lockfileVersion": 1,\n  "packages": null,\n}', 3],
    ] as const) {
      const error = await parseError(bunLock, text, 'bun.lock');
      expect(error, text).toMatchObject({ file: 'bun.lock', line, detail: '"packages" is not an object' });
    }
    expect(await parseLockfile(bunLock, '{ "lockfileVersion": 1, "packages": {}, }', 'bun.lock')).toEqual([]);
    expect(await parseLockfile(bunLock, '{ "lockfileVersion": 1 }', 'bun.lock')).toEqual([]);
  });
});
