import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npmLock } from '../../../../src/checks/deps/lockfiles/npm.js';
import { LockfileError, type Package } from '../../../../src/checks/deps/types.js';
import { itThrowsOnlyLockfileErrors, parseError, parseLockfile, readsAs, siblingsIn, fixture as readFixture } from './support.js';

const fixture = (name: string): string => readFixture(`npm/${name}`);
const parse = (name: string, file = 'package-lock.json'): Promise<Package[]> => parseLockfile(npmLock, fixture(name), file);
const ids = (packages: Package[]): string[] => packages.map((pkg) => `${pkg.name}@${pkg.version}`).sort();
const find = (packages: Package[], id: string): Package => {
  const found = packages.find((pkg) => `${pkg.name}@${pkg.version}` === id);
  if (!found) throw new Error(`${id} not in ${ids(packages).join(', ')}`);
  return found;
};

const V1 = await parse('package-lock.v1.json');
const V2 = await parse('package-lock.v2.json');

describe('package-lock.json', () => {
  it('matches package-lock.json and npm-shrinkwrap.json anywhere, nothing else', async () => {
    expect(readsAs(npmLock, 'package-lock.json')).toBe(true);
    expect(readsAs(npmLock, 'apps/web/npm-shrinkwrap.json')).toBe(true);
    expect(readsAs(npmLock, 'package.json')).toBe(false);
    expect(readsAs(npmLock, 'old-package-lock.json')).toBe(false);
  });

  describe('v1 (nested dependencies tree)', () => {
    const packages = V1;

    it('lists every version of the tree, nested ones included, aliases under the real name', async () => {
      expect(ids(packages)).toEqual([
        '@fake-registry/a@1.2.3',
        '@fake-registry/a@2.3.4',
        '@fake-registry/b@1.0.1',
        '@fake-registry/b@2.0.0',
        '@fake-registry/c@1.1.1',
        '@fake-registry/d@2.2.2',
      ]);
    });

    it('puts each package on the line of its key, and reads dev flags', async () => {
      expect(find(packages, '@fake-registry/a@1.2.3')).toMatchObject({
        line: 7,
        dev: false,
        lockfile: 'package-lock.json',
        ecosystem: 'npm',
        source: 'registry',
      });
      // "a-dev": { "version": "npm:@fake-registry/a@2.3.4" } on line 32; its nested b on line 41.
      expect(find(packages, '@fake-registry/a@2.3.4')).toMatchObject({ line: 32, dev: true });
      expect(find(packages, '@fake-registry/b@2.0.0')).toMatchObject({ line: 41, dev: true });
    });

    it('resolves `requires` to the nested version first: the path of b@2.0.0 goes through the alias', async () => {
      expect(find(packages, '@fake-registry/b@2.0.0').path).toEqual(['@fake-registry/a', '@fake-registry/b']);
      expect(find(packages, '@fake-registry/c@1.1.1')).toMatchObject({
        direct: false,
        path: ['@fake-registry/a', '@fake-registry/b', '@fake-registry/c'],
      });
    });

    it('counts top-level packages nothing requires as direct (v1 records no project dependencies)', async () => {
      expect(
        packages
          .filter((pkg) => pkg.direct)
          .map((pkg) => `${pkg.name}@${pkg.version}`)
          .sort(),
      ).toEqual(['@fake-registry/a@1.2.3', '@fake-registry/a@2.3.4']);
    });
  });

  it('v1 with the package.json beside it: direct flags from the manifest', async () => {
    const manifest = {
      dependencies: { '@fake-registry/a': '^1.2.3', '@fake-registry/b': '^1.0.1' },
      devDependencies: { 'a-dev': 'npm:@fake-registry/a@^2.3.4' },
    };
    const packages = await parseLockfile(
      npmLock,
      fixture('package-lock.v1.json'),
      'web/package-lock.json',
      siblingsIn({ 'web/package.json': JSON.stringify(manifest) }, 'web/package-lock.json'),
    );
    expect(
      packages
        .filter((pkg) => pkg.direct)
        .map((pkg) => `${pkg.name}@${pkg.version}`)
        .sort(),
    ).toEqual(['@fake-registry/a@1.2.3', '@fake-registry/a@2.3.4', '@fake-registry/b@1.0.1']);
  });

  describe('v2 (packages and dependencies)', () => {
    const packages = V2;

    it('reads `packages`, skips the root, the workspace folder and its link, and dedupes a version installed twice', async () => {
      expect(ids(packages)).toEqual([
        '@fake-registry/a@1.2.3',
        '@fake-registry/a@2.3.4',
        '@fake-registry/b@1.0.1',
        '@fake-registry/b@2.0.0',
        '@fake-registry/c@1.1.1',
        '@fake-registry/d@2.2.2',
      ]);
      expect(packages.map((pkg) => pkg.name)).not.toContain('w');
    });

    it('marks root and workspace dependencies direct, at the first line of the version', async () => {
      expect(find(packages, '@fake-registry/a@1.2.3')).toMatchObject({ direct: true, dev: false, line: 22, path: ['@fake-registry/a'] });
      expect(find(packages, '@fake-registry/b@1.0.1')).toMatchObject({ direct: true, line: 32 });
      // node_modules/a-dev (an alias of @fake-registry/a) on line 55, before W/node_modules/@fake-registry/a.
      expect(find(packages, '@fake-registry/a@2.3.4')).toMatchObject({ direct: true, dev: true, line: 55 });
    });

    it('gives a transitive package one dependency path from a direct dependency', async () => {
      expect(find(packages, '@fake-registry/d@2.2.2')).toMatchObject({
        direct: false,
        dev: true,
        line: 48,
        path: ['@fake-registry/a', '@fake-registry/b', '@fake-registry/d'],
      });
    });
  });

  describe('v3 (packages only)', () => {
    it('reads nested installs of another version', async () => {
      const packages = await parse('package-lock.v3.json');
      expect(ids(packages)).toEqual(['bar@1.0.0', 'baz@1.0.0', 'baz@2.0.0', 'foo@1.0.0']);
      expect(find(packages, 'baz@1.0.0')).toMatchObject({ direct: false, line: 23, path: ['bar', 'baz'] });
      expect(find(packages, 'baz@2.0.0')).toMatchObject({ direct: true, line: 28, path: ['baz'] });
    });

    it('reports aliases under the real name', async () => {
      const packages = await parse('package-lock.v3-inplace.json');
      expect(ids(packages)).toEqual(['a@1.0.0', 'b@1.0.0', 'c@1.0.0', 'd@1.0.0', 'd@1.2.3', 'e@1.1.0', 'g@1.0.0', 'g@2.0.0']);
      expect(find(packages, 'd@1.2.3')).toMatchObject({ direct: true, line: 59 });
      expect(packages.map((pkg) => pkg.name)).not.toContain('d-aliased1');
    });

    it('follows peer dependencies to find a path, and reads an aliased peer', async () => {
      const packages = await parse('package-lock.v3-peer-meta.json');
      expect(ids(packages)).toEqual(['dep@1.0.0', 'peer2@2.0.0', 'peer2@3.0.0']);
      expect(find(packages, 'peer2@3.0.0')).toMatchObject({ direct: false, line: 38, path: ['dep', 'peer2'] });
    });

    it('reads the large santa-tracker lockfile: one entry per name@version, lines inside the file', async () => {
      const text = fixture('package-lock.v2-large-santatracker.json');
      const packages = await parseLockfile(npmLock, text, 'package-lock.json');
      const lock = JSON.parse(text) as { packages: Record<string, { name?: string; version: string; link?: boolean }> };
      const expected = new Set(
        Object.entries(lock.packages)
          .filter(([path, entry]) => path.includes('node_modules/') && !entry.link)
          .map(([path, entry]) => `${entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version}`),
      );
      expect(new Set(ids(packages))).toEqual(expected);
      expect(packages).toHaveLength(expected.size);
      const lines = text.split('\n');
      // Each line is the key of an entry of that name and version.
      for (const pkg of packages) {
        const key = /^\s*"([^"]*node_modules\/[^"]*)": \{$/.exec(lines[pkg.line! - 1]!)?.[1];
        const entry = lock.packages[key!]!;
        expect(`${entry.name ?? key!.slice(key!.lastIndexOf('node_modules/') + 13)}@${entry.version}`).toBe(`${pkg.name}@${pkg.version}`);
      }
      const chalk = packages.find((pkg) => pkg.name === 'chalk' && pkg.direct);
      expect(chalk?.path).toEqual(['chalk']);
      expect(packages.filter((pkg) => pkg.direct).length).toBeGreaterThanOrEqual(45);
    });
  });

  describe('non-registry sources', () => {
    const lock = (packages: Record<string, unknown>): string =>
      JSON.stringify(
        { name: 'p', lockfileVersion: 3, packages: { '': { dependencies: { g: '*', f: '*', t: '*', l: '*' } }, ...packages } },
        null,
        2,
      );

    it('lists git, file and tarball dependencies with their source, and skips links', async () => {
      const packages = await parseLockfile(
        npmLock,
        lock({
          'node_modules/g': { version: '1.0.0', resolved: 'git+ssh://git@github.com/o/g.git#0123456789abcdef0123456789abcdef01234567' },
          'node_modules/f': { version: 'file:../f.tgz', resolved: 'file:../f.tgz' },
          'node_modules/t': { version: '2.0.0', resolved: 'https://example.com/downloads/t.tgz' },
          'node_modules/r': { version: '3.0.0', resolved: 'https://registry.npmjs.org/r/-/r-3.0.0.tgz' },
          'node_modules/l': { resolved: 'packages/l', link: true },
        }),
        'package-lock.json',
      );
      expect(packages.map((pkg) => [pkg.name, pkg.version, pkg.source])).toEqual([
        ['g', '1.0.0', 'git'],
        ['f', 'file:../f.tgz', 'file'],
        ['t', '2.0.0', 'tarball'],
        ['r', '3.0.0', 'registry'],
      ]);
      expect(packages[0]!.note).toMatch(/not matched by version/);
    });
  });

  describe('broken input', () => {
    it('names the line of a JSON syntax error', async () => {
      const text = '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": "1.0.0" ]\n  }\n}\n';
      await expect(parseLockfile(npmLock, text, 'web/package-lock.json')).rejects.toThrow(LockfileError);
      try {
        await parseLockfile(npmLock, text, 'web/package-lock.json');
      } catch (error) {
        expect(error).toMatchObject({ file: 'web/package-lock.json', line: 4 });
        expect((error as LockfileError).message).toMatch(/^web\/package-lock.json:4: invalid JSON/);
      }
    });

    it('names the line of a trailing comma, whatever position the engine reports', async () => {
      const text = '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/a": { "version": "1.0.0" },\n  }\n}\n';
      await expect(parseLockfile(npmLock, text, 'package-lock.json')).rejects.toThrow(expect.objectContaining({ line: 5 }));
      await expect(parseLockfile(npmLock, 'garbage', 'package-lock.json')).rejects.toThrow(expect.objectContaining({ line: 1 }));
    });

    it('puts a truncated file at its last line', async () => {
      const text = fixture('package-lock.v2.json').slice(0, 900);
      await expect(parseLockfile(npmLock, text, 'package-lock.json')).rejects.toThrow(
        expect.objectContaining({ line: text.split('\n').length }),
      );
    });

    it('rejects JSON that is not a lockfile', async () => {
      await expect(parseLockfile(npmLock, '[1, 2]', 'package-lock.json')).rejects.toThrow(LockfileError);
      await expect(parseLockfile(npmLock, '{"name": "x"}', 'package-lock.json')).rejects.toThrow(/no "lockfileVersion"/);
      await expect(
        parseLockfile(npmLock, '{"lockfileVersion": 3, "packages": {"node_modules/a": 7}}', 'package-lock.json'),
      ).rejects.toThrow(LockfileError);
    });

    itThrowsOnlyLockfileErrors(
      npmLock,
      [fixture('package-lock.v2.json')],
      [fc.json(), fc.nat({ max: 6602 }).map((cut) => fixture('package-lock.v2.json').slice(0, cut))],
    );
  });
});

describe('package-lock.json at the limits', () => {
  it('reads a v1 lockfile nested 10,000 deep (npm nests as deep as conflicts go) without overflowing the stack', async () => {
    const depth = 10_000;
    // Written as text: JSON.stringify itself recurses, and would overflow first.
    const entry = (level: number): string =>
      `"p${level}": { "version": "1.0.0", "requires": { ${level + 1 < depth ? `"p${level + 1}": "1.0.0"` : ''} }, "dependencies": {`;
    const text = `{ "lockfileVersion": 1, "dependencies": {${Array.from({ length: depth }, (_, level) => entry(level)).join('\n')}${'}}'.repeat(depth)}}}`;
    const packages = await parseLockfile(npmLock, text, 'package-lock.json');
    expect(packages).toHaveLength(depth);
    expect(packages[0]).toMatchObject({ name: 'p0', direct: true });
    expect(packages.at(-1)!.path.slice(0, 2)).toEqual(['p0', 'p1']);
    expect(packages.at(-1)!.path.at(-1)).toBe(`p${depth - 1}`);
  });
});

describe('package-lock.json v3 with deep install paths', () => {
  it('resolves 1,000 nested installs, each listing 20 names installed nowhere, to the nearest install up the path', async () => {
    const depth = 1000;
    const missing = (level: number): Record<string, string> =>
      Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`missing-${level}-${index}`, '1.0.0']));
    const packages: Record<string, unknown> = {
      '': { name: 'app', dependencies: { p0: '1.0.0', shadow: '1.0.0' } },
      'node_modules/shadow': { version: '1.0.0' },
      'node_modules/hoisted': { version: '1.0.0' },
      'node_modules/p0/node_modules/shadow': { version: '2.0.0' },
    };
    let path = '';
    for (let level = 0; level < depth; level++) {
      path = path ? `${path}/node_modules/p${level}` : `node_modules/p${level}`;
      const next = level + 1 < depth ? { [`p${level + 1}`]: '1.0.0' } : { hoisted: '1.0.0', shadow: '1.0.0' };
      packages[path] = { version: '1.0.0', dependencies: { ...missing(level), ...next } };
    }
    const result = await parseLockfile(npmLock, JSON.stringify({ lockfileVersion: 3, packages }, null, 2), 'package-lock.json');
    expect(result).toHaveLength(depth + 3);
    expect(find(result, 'shadow@1.0.0')).toMatchObject({ direct: true, path: ['shadow'] });
    expect(find(result, 'p0@1.0.0')).toMatchObject({ direct: true, path: ['p0'] });
    // The deepest package finds the `shadow` nested under p0 (the nearest), and the hoisted one at the top.
    // (were it resolved to the top-level one, nothing would reach shadow@2.0.0 and its path would be just its name).
    expect(find(result, 'shadow@2.0.0').path.slice(-2)).toEqual([`p${depth - 1}`, 'shadow']);
    const deepest = find(result, `p${depth - 1}@1.0.0`);
    expect(deepest.direct).toBe(false);
    expect(deepest.path.slice(0, 3)).toEqual(['p0', 'p1', 'p2']);
    expect(find(result, 'hoisted@1.0.0').path.slice(-2)).toEqual([`p${depth - 1}`, 'hoisted']);
  });

  it('stops at a link to a workspace, as Node would at the project folder', async () => {
    const text = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { a: '1' }, workspaces: ['packages/lib'] },
        'node_modules/a': { version: '1.0.0', dependencies: { lib: '1', b: '1' } },
        'node_modules/a/node_modules/lib': { resolved: 'packages/lib', link: true },
        'node_modules/lib': { version: '9.9.9' },
        'node_modules/b': { version: '1.0.0' },
        'packages/lib': { name: 'lib', dependencies: { b: '1' } },
      },
    });
    const result = await parseLockfile(npmLock, text, 'package-lock.json');
    // lib@9.9.9 is installed but only reachable through the link, which resolves to the project: no path.
    expect(find(result, 'lib@9.9.9')).toMatchObject({ direct: false, path: ['lib'] });
    expect(find(result, 'b@1.0.0')).toMatchObject({ direct: true, path: ['b'] });
  });
});

describe('package-lock.json with a malformed top level', () => {
  it('rejects "packages" or "dependencies" that is not an object, at its line, instead of reading no packages', async () => {
    for (const [text, key, line] of [
      ['{"lockfileVersion": 3, "packages": []}', 'packages', 1],
      ['{\n  "lockfileVersion": 3,\n  "packages": "node_modules/a"\n}', 'packages', 3],
      ['{\n  "lockfileVersion": 2,\n  "packages": null,\n  "dependencies": {}\n}', 'packages', 3],
      ['{\n  "lockfileVersion": 1,\n  "dependencies": [{"a": {"version": "1.0.0"}}]\n}', 'dependencies', 3],
    ] as const) {
      const error = await parseError(npmLock, text, 'package-lock.json');
      expect(error, text).toMatchObject({ file: 'package-lock.json', line, detail: `"${key}" is not an object` });
    }
    // A project without dependencies is still empty, not an error.
    expect(await parseLockfile(npmLock, '{"lockfileVersion": 3, "packages": {}}', 'package-lock.json')).toEqual([]);
    expect(await parseLockfile(npmLock, '{"lockfileVersion": 3}', 'package-lock.json')).toEqual([]);
  });
});
