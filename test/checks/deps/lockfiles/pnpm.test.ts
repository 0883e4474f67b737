import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { pnpmLock } from '../../../../src/checks/deps/lockfiles/pnpm.js';
import { LockfileError, type Package } from '../../../../src/checks/deps/types.js';
import { fixture as readFixture, itThrowsOnlyLockfileErrors, parseError, parseLockfile, readsAs } from './support.js';

const fixture = (name: string): string => readFixture(`pnpm/${name}`);
const rows = (packages: Package[]): [string, number | undefined, boolean, boolean][] =>
  packages.map((pkg) => [`${pkg.name}@${pkg.version}`, pkg.line, pkg.dev, pkg.direct]);

describe('pnpm-lock.yaml', () => {
  it('matches pnpm-lock.yaml anywhere', async () => {
    expect(readsAs(pnpmLock, 'pnpm-lock.yaml')).toBe(true);
    expect(readsAs(pnpmLock, 'a/b/pnpm-lock.yaml')).toBe(true);
    expect(readsAs(pnpmLock, 'pnpm-workspace.yaml')).toBe(false);
  });

  // The same project (ansi-regex, optional uuid, dev is-number) in four lockfile versions.
  it.each([
    [
      'pnpm-lock.v5.3.yaml',
      [
        ['ansi-regex@5.0.1', 19, false, true],
        ['is-number@7.0.0', 24, true, true],
        ['uuid@8.3.2', 29, false, true],
      ],
    ],
    [
      'pnpm-lock.v5.4.yaml',
      [
        ['ansi-regex@5.0.1', 19, false, true],
        ['is-number@7.0.0', 24, true, true],
        ['uuid@8.3.2', 29, false, true],
      ],
    ],
    [
      'pnpm-lock.v6.yaml',
      [
        ['ansi-regex@5.0.0', 24, false, true],
        ['is-number@7.0.0', 29, true, true],
        ['uuid@8.0.0', 34, false, true],
      ],
    ],
    // v9 has no `dev:` field: is-number is dev because only the importer's devDependencies reach it.
    [
      'pnpm-lock.v9.yaml',
      [
        ['ansi-regex@5.0.1', 25, false, true],
        ['is-number@7.0.0', 29, true, true],
        ['uuid@8.3.2', 33, false, true],
      ],
    ],
  ])('reads %s: packages, lines, dev and direct flags', async (name, expected) => {
    expect(rows(await parseLockfile(pnpmLock, fixture(name), 'pnpm-lock.yaml'))).toEqual(expected);
  });

  it('strips peer suffixes and follows the graph for paths (v6)', async () => {
    const packages = await parseLockfile(pnpmLock, fixture('pnpm-lock.v6-peer-rc.yaml'), 'pnpm-lock.yaml');
    expect(rows(packages)).toEqual([
      ['js-tokens@4.0.0', 14, false, false],
      ['loose-envify@1.4.0', 18, false, false],
      ['react-dom@18.0.0-rc.3', 25, false, true],
      ['react@18.2.0', 35, false, false],
      ['scheduler@0.21.0', 42, false, false],
    ]);
    expect(packages[0]!.path).toEqual(['react-dom', 'loose-envify', 'js-tokens']);
  });

  it('reads v5 underscore peer suffixes, scoped names, workspaces (importers) and v9 snapshots', async () => {
    const v5 = [
      'lockfileVersion: 5.4',
      'importers:',
      '  .:',
      '    specifiers: {}',
      '  packages/web:',
      '    dependencies:',
      "      '@emotion/react': 11.0.0_react@17.0.2",
      '      lib: link:../lib',
      'packages:',
      '  /@emotion/react/11.0.0_react@17.0.2:',
      '    dependencies:',
      '      react: 17.0.2',
      '    dev: false',
      '  /react/17.0.2:',
      '    dev: false',
      '',
    ].join('\n');
    const packages = await parseLockfile(pnpmLock, v5, 'pnpm-lock.yaml');
    expect(rows(packages)).toEqual([
      ['@emotion/react@11.0.0', 10, false, true],
      ['react@17.0.2', 14, false, false],
    ]);
    expect(packages[1]!.path).toEqual(['@emotion/react', 'react']);

    const v9 = [
      "lockfileVersion: '9.0'",
      'importers:',
      '  .:',
      '    devDependencies:',
      '      react-dom:',
      '        specifier: ^18',
      '        version: 18.2.0(react@18.2.0)',
      '      sw:',
      '        specifier: npm:string-width@^4',
      '        version: string-width@4.2.3',
      'packages:',
      '  react-dom@18.2.0:',
      '    resolution: {integrity: sha512-x}',
      '  react@18.2.0:',
      '    resolution: {integrity: sha512-y}',
      '  string-width@4.2.3:',
      '    resolution: {integrity: sha512-z}',
      '  gitpkg@https://codeload.github.com/o/gitpkg/tar.gz/0123abc:',
      '    resolution: {tarball: https://codeload.github.com/o/gitpkg/tar.gz/0123abc}',
      '    version: 1.0.0',
      'snapshots:',
      '  react-dom@18.2.0(react@18.2.0):',
      '    dependencies:',
      '      react: 18.2.0',
      '  react@18.2.0: {}',
      '  string-width@4.2.3: {}',
      '',
    ].join('\n');
    const nine = await parseLockfile(pnpmLock, v9, 'pnpm-lock.yaml');
    expect(rows(nine)).toEqual([
      ['react-dom@18.2.0', 12, true, true],
      ['react@18.2.0', 14, true, false],
      ['string-width@4.2.3', 16, true, true],
      ['gitpkg@1.0.0', 18, false, false],
    ]);
    expect(nine[1]!.path).toEqual(['react-dom', 'react']);
    expect(nine[3]!.source).toBe('tarball');
  });

  describe('broken input', () => {
    it('names the line of a YAML error', async () => {
      const text = "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    resolution: {integrity: x\n  /b@1.0.0: {}\n";
      await expect(parseLockfile(pnpmLock, text, 'pnpm-lock.yaml')).rejects.toThrow(LockfileError);
      try {
        await parseLockfile(pnpmLock, text, 'pnpm-lock.yaml');
      } catch (error) {
        expect(error).toMatchObject({ file: 'pnpm-lock.yaml' });
        expect((error as LockfileError).line).toBeGreaterThanOrEqual(4);
        expect((error as LockfileError).detail).toMatch(/^invalid YAML/);
      }
    });

    it('rejects YAML that is not a pnpm lockfile', async () => {
      await expect(parseLockfile(pnpmLock, '- a\n- b\n', 'pnpm-lock.yaml')).rejects.toThrow(LockfileError);
      await expect(parseLockfile(pnpmLock, 'packages: {}\n', 'pnpm-lock.yaml')).rejects.toThrow(/no "lockfileVersion"/);
    });

    itThrowsOnlyLockfileErrors(
      pnpmLock,
      [fixture('pnpm-lock.v6-peer-rc.yaml')],
      [
        fc.nat({ max: 1338 }).map((cut) => fixture('pnpm-lock.v6-peer-rc.yaml').slice(0, cut)),
        fc.string().map((noise) => `lockfileVersion: '9.0'\n${noise}`),
      ],
      300,
    );
  });
});

describe('pnpm-lock.yaml as pnpm means it', () => {
  it('keeps file: versions whole: `__tests__` is a folder, not a v5 peer suffix', async () => {
    const text = [
      "lockfileVersion: '6.0'",
      'dependencies:',
      '  fixture:',
      '    specifier: file:packages/vite/src/node/__tests__/fixtures/x',
      '    version: file:packages/vite/src/node/__tests__/fixtures/x',
      'packages:',
      '  file:packages/vite/src/node/__tests__/fixtures/x:',
      '    resolution: {directory: packages/vite/src/node/__tests__/fixtures/x, type: directory}',
      '    name: fixture',
      '    version: 0.0.0',
      '',
    ].join('\n');
    const packages = await parseLockfile(pnpmLock, text, 'pnpm-lock.yaml');
    expect(packages).toEqual([expect.objectContaining({ name: 'fixture', version: '0.0.0', source: 'file', direct: true, line: 7 })]);
    const v9 = text.replace("'6.0'", "'9.0'").replace('    name: fixture\n    version: 0.0.0\n', '');
    const [entry] = await parseLockfile(pnpmLock, v9.replace('packages:\n  file:', 'packages:\n  fixture@file:'), 'pnpm-lock.yaml');
    expect(entry).toMatchObject({ name: 'fixture', version: 'file:packages/vite/src/node/__tests__/fixtures/x', source: 'file' });
  });

  it('reads lockfile v5.4 keys of other registries and git hosts: the host is not part of the name', async () => {
    const text = [
      'lockfileVersion: 5.4',
      'specifiers:',
      '  foo: ^1.1.0',
      '  bar: github:owner/bar',
      "  '@scope/baz': ^2.0.0",
      'dependencies:',
      '  foo: registry.example.com/foo/1.1.0',
      '  bar: github.com/owner/bar/0123456789abcdef0123456789abcdef01234567',
      "  '@scope/baz': registry.example.com/@scope/baz/2.0.0_react@18.2.0",
      'packages:',
      '  registry.example.com/foo/1.1.0:',
      '    resolution: {integrity: sha512-x, tarball: https://registry.example.com/foo/-/foo-1.1.0.tgz}',
      '    dev: false',
      '  github.com/owner/bar/0123456789abcdef0123456789abcdef01234567:',
      '    resolution: {tarball: https://codeload.github.com/owner/bar/tar.gz/0123456789abcdef0123456789abcdef01234567}',
      '    dev: false',
      '  registry.example.com/@scope/baz/2.0.0_react@18.2.0:',
      '    resolution: {integrity: sha512-y, tarball: https://registry.example.com/@scope/baz/-/baz-2.0.0.tgz}',
      '    dev: false',
      '',
    ].join('\n');
    const packages = await parseLockfile(pnpmLock, text, 'pnpm-lock.yaml');
    expect(packages.map((pkg) => `${pkg.name}@${pkg.version} ${pkg.source} ${pkg.direct ? 'direct' : ''} :${pkg.line}`)).toEqual([
      'foo@1.1.0 registry direct :11',
      'bar@0123456789abcdef0123456789abcdef01234567 git direct :14',
      '@scope/baz@2.0.0 registry direct :17',
    ]);
  });

  it('refuses YAML anchors (pnpm writes none), so no entry can expand another', async () => {
    const text = "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0: &big {dev: false}\n  /b@1.0.0: *big\n";
    await expect(parseLockfile(pnpmLock, text, 'pnpm-lock.yaml')).rejects.toThrow(
      expect.objectContaining({ name: 'LockfileError', line: 3, detail: 'a YAML anchor (pnpm writes none)' }),
    );
  });

  it('refuses a repeated key as pnpm does, with a linear check (the yaml library compared every key with every other)', async () => {
    const text = "lockfileVersion: '6.0'\npackages:\n  /a@1.0.0:\n    dev: false\n  /a@1.0.0:\n    dev: true\n";
    await expect(parseLockfile(pnpmLock, text, 'pnpm-lock.yaml')).rejects.toThrow(
      expect.objectContaining({ name: 'LockfileError', line: 5, detail: 'invalid YAML: duplicated mapping key' }),
    );
  });

  it('reads a collection used as a key without printing a Node warning (issue 10 item 25)', async () => {
    const warnings = vi.spyOn(process, 'emitWarning');
    try {
      const text =
        "lockfileVersion: '6.0'\nimporters:\n  ? [x, y]\n  : {}\npackages:\n  ? {a: 1}\n  : {dev: false}\n  /b@1.0.0:\n    dev: false\n";
      const packages = await parseLockfile(pnpmLock, text, 'pnpm-lock.yaml');
      expect(packages.map((pkg) => `${pkg.name}@${pkg.version}`)).toContain('b@1.0.0');
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
  });
});

describe('pnpm-lock.yaml with a malformed top level', () => {
  it('rejects a `packages:` that is not a mapping, at its line, instead of reading no packages', async () => {
    for (const [text, line] of [
      ["lockfileVersion: '9.0'\npackages: []\n", 2],
      ["lockfileVersion: '6.0'\n\nimporters: {}\npackages:\n  - /a@1.0.0\n", 4],
      ["lockfileVersion: '5.4'\npackages: /a/1.0.0\n", 2],
    ] as const) {
      const error = await parseError(pnpmLock, text, 'pnpm-lock.yaml');
      expect(error, text).toMatchObject({ file: 'pnpm-lock.yaml', line, detail: '"packages" is not a mapping' });
    }
    // An empty `packages:` (YAML's null) or none at all: no packages.
    expect(await parseLockfile(pnpmLock, "lockfileVersion: '9.0'\npackages:\n", 'pnpm-lock.yaml')).toEqual([]);
    expect(await parseLockfile(pnpmLock, "lockfileVersion: '9.0'\npackages: {}\n", 'pnpm-lock.yaml')).toEqual([]);
    expect(await parseLockfile(pnpmLock, "lockfileVersion: '9.0'\n", 'pnpm-lock.yaml')).toEqual([]);
  });
});
