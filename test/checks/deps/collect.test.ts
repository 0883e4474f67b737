import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectPackages, inventoryOf } from '../../../src/checks/deps/collect.js';
import { cleanupTempDirs, gitRepo, tempDir } from '../../support/git-repo.js';

afterAll(cleanupTempDirs);

const FIXTURES = fileURLToPath(new URL('./lockfiles/', import.meta.url));

/** A workspace holding real fixtures under their real names. */
function workspace(files: Record<string, string>, texts: Record<string, string> = {}): string {
  const root = tempDir('sg-inventory-');
  for (const [target, fixture] of Object.entries(files)) {
    mkdirSync(dirname(join(root, target)), { recursive: true });
    copyFileSync(join(FIXTURES, fixture), join(root, target));
  }
  for (const [target, text] of Object.entries(texts)) {
    mkdirSync(dirname(join(root, target)), { recursive: true });
    writeFileSync(join(root, target), text);
  }
  return root;
}

describe('collectPackages', () => {
  it('parses each lockfile by its format; a broken one is an error naming file and line, the others go on', async () => {
    const root = workspace(
      { 'web/package-lock.json': 'npm/package-lock.v3.json', 'api/pnpm-lock.yaml': 'pnpm/pnpm-lock.v9.yaml' },
      { 'tools/yarn.lock': '# yarn lockfile v1\n\nfoo@^1:\n  version "1.0.0\n' },
    );
    const result = await collectPackages(root, ['api/pnpm-lock.yaml', 'tools/yarn.lock', 'web/package-lock.json']);
    expect(result.lockfiles).toEqual(['api/pnpm-lock.yaml', 'tools/yarn.lock', 'web/package-lock.json']);
    expect(result.packages.map((pkg) => `${pkg.lockfile} ${pkg.name}@${pkg.version}`)).toEqual([
      'api/pnpm-lock.yaml ansi-regex@5.0.1',
      'api/pnpm-lock.yaml is-number@7.0.0',
      'api/pnpm-lock.yaml uuid@8.3.2',
      'web/package-lock.json bar@1.0.0',
      'web/package-lock.json baz@1.0.0',
      'web/package-lock.json baz@2.0.0',
      'web/package-lock.json foo@1.0.0',
    ]);
    expect(result.errors).toEqual([
      { check: 'deps', path: 'tools/yarn.lock', line: 4, message: expect.stringMatching(/^cannot parse yarn.lock: .*deps\.exclude$/) },
    ]);
  });

  it('reads lockfiles through another reader, e.g. the PR base with git show; absent files are skipped', async () => {
    const repo = gitRepo().commit('base', {
      'package-lock.json': JSON.stringify(
        { lockfileVersion: 3, packages: { '': { dependencies: { a: '1' } }, 'node_modules/a': { version: '1.0.0' } } },
        null,
        2,
      ),
    });
    repo.commit('bump', {
      'package-lock.json': JSON.stringify(
        { lockfileVersion: 3, packages: { '': { dependencies: { a: '2' } }, 'node_modules/a': { version: '2.0.0' } } },
        null,
        2,
      ),
      'yarn.lock': '',
    });
    // yarn.lock did not exist at the base: the reader says undefined and the file is not counted.
    // `git show BASE:path` through the test builder: this test is about the reader hook, not git.ts.
    const atBase = async (file: string) => (file === 'yarn.lock' ? undefined : repo.git('show', `${repo.sha(0)}:${file}`));
    const base = await collectPackages(repo.dir, ['package-lock.json', 'yarn.lock'], atBase);
    expect(base).toMatchObject({
      lockfiles: ['package-lock.json'],
      errors: [],
      packages: [expect.objectContaining({ name: 'a', version: '1.0.0', line: 9, direct: true })],
    });
    const head = await collectPackages(repo.dir, ['package-lock.json']);
    expect(head.packages.map((pkg) => pkg.version)).toEqual(['2.0.0']);
  });

  it('reads the package.json beside a yarn.lock for direct and dev flags', async () => {
    const root = workspace(
      { 'web/yarn.lock': 'yarn/yarn.v1-locks-many.lock' },
      {
        'web/package.json': JSON.stringify({ devDependencies: { 'balanced-match': '^1.0.0' } }),
        'api/yarn.lock': '# yarn lockfile v1\n\nms@^2:\n  version "2.1.3"\n',
        'api/package.json': '{ broken',
      },
    );
    const result = await collectPackages(root, ['api/yarn.lock', 'web/yarn.lock']);
    expect(result.errors).toEqual([]);
    expect(result.packages.map((pkg) => [pkg.lockfile, pkg.name, pkg.direct, pkg.dev])).toEqual([
      ['api/yarn.lock', 'ms', true, false],
      ['web/yarn.lock', 'balanced-match', true, true],
    ]);
  });

  it('follows -r includes of requirements files', async () => {
    const root = workspace({}, { 'requirements.txt': '-r base.txt\nflask==2.0.0\n', 'base.txt': 'requests==2.31.0\n' });
    const result = await collectPackages(root, ['requirements.txt']);
    expect(result.packages.map((pkg) => `${pkg.lockfile}:${pkg.line} ${pkg.name}@${pkg.version}`).sort()).toEqual([
      'base.txt:1 requests@2.31.0',
      'requirements.txt:2 flask@2.0.0',
    ]);
  });
});

describe('collectPackages reads what the package managers read', () => {
  it('reads past a UTF-8 byte order mark in every format (npm, yarn, bun, go and bundler all do)', async () => {
    const bom = '\uFEFF';
    const root = workspace(
      {},
      {
        'npm/package-lock.json': `${bom}{"lockfileVersion": 3, "packages": {"": {"dependencies": {"a": "1"}}, "node_modules/a": {"version": "1.0.0"}}}`,
        'yarn/yarn.lock': `${bom}# yarn lockfile v1\n\nms@^2:\n  version "2.1.3"\n`,
        'bun/bun.lock': `${bom}{"lockfileVersion": 1, "workspaces": {"": {"dependencies": {"b": "1"}}}, "packages": {"b": ["b@1.0.0", "", {}, "sha"]}}`,
        'go/go.mod': `${bom}module m\n\nrequire github.com/a/b v1.0.0\n`,
        'ruby/Gemfile.lock': `${bom}GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.0)\n\nDEPENDENCIES\n  rack\n`,
        'py/requirements.txt': `${bom}flask==2.0.0\n`,
      },
    );
    const files = ['bun/bun.lock', 'go/go.mod', 'npm/package-lock.json', 'py/requirements.txt', 'ruby/Gemfile.lock', 'yarn/yarn.lock'];
    const result = await collectPackages(root, files);
    expect(result.errors).toEqual([]);
    expect(result.packages.map((pkg) => `${pkg.lockfile} ${pkg.name}@${pkg.version}:${pkg.line}`)).toEqual([
      'bun/bun.lock b@1.0.0:1',
      'go/go.mod github.com/a/b@1.0.0:3',
      'npm/package-lock.json a@1.0.0:1',
      'py/requirements.txt flask@2.0.0:1',
      'ruby/Gemfile.lock rack@3.0.0:4',
      'yarn/yarn.lock ms@2.1.3:3',
    ]);
  });

  it('collects a lockfile of 120,000 packages (no spread of them as call arguments)', async () => {
    const count = 120_000;
    const root = workspace({}, { 'requirements.txt': Array.from({ length: count }, (_, index) => `pkg${index}==1.0.${index}`).join('\n') });
    const result = await collectPackages(root, ['requirements.txt']);
    expect(result.errors).toEqual([]);
    expect(result.packages).toHaveLength(count);
    expect(result.packages.at(-1)).toMatchObject({ name: `pkg${count - 1}`, line: count });
  });

  it('refuses a lockfile that is a symlink to a file outside the folder, and reads the others', async () => {
    const outside = tempDir('sg-outside-');
    writeFileSync(join(outside, 'secret.txt'), 'leaked==1.0\n');
    const root = workspace({}, { 'requirements.txt': 'flask==2.0.0\n' });
    mkdirSync(join(root, 'api'));
    symlinkSync(join(outside, 'secret.txt'), join(root, 'api', 'requirements.txt'));
    const result = await collectPackages(root, ['api/requirements.txt', 'requirements.txt']);
    expect(result.packages.map((pkg) => pkg.name)).toEqual(['flask']);
    expect(result.errors).toEqual([
      { check: 'deps', path: 'api/requirements.txt', message: expect.stringMatching(/outside the scanned folder.*does not read it$/) },
    ]);
  });

  it('lists a requirements file made only of -r lines, and an included file once however many include it', async () => {
    const root = workspace(
      {},
      {
        'requirements/base.txt': 'django==4.2.0\n',
        'requirements/dev.txt': '-r base.txt\n-r test.txt\n',
        'requirements/test.txt': '-r base.txt\npytest==8.0.0\n',
      },
    );
    const result = await collectPackages(root, ['requirements/base.txt', 'requirements/dev.txt', 'requirements/test.txt']);
    expect(result.errors).toEqual([]);
    expect(result.lockfiles).toEqual(['requirements/base.txt', 'requirements/dev.txt', 'requirements/test.txt']);
    expect(result.packages.map((pkg) => `${pkg.lockfile}:${pkg.line} ${pkg.name}`)).toEqual([
      'requirements/base.txt:1 django',
      'requirements/test.txt:2 pytest',
    ]);
  });
});

describe('inventoryOf', () => {
  it('searches a folder like the check does', async () => {
    const root = workspace({
      'package-lock.json': 'npm/package-lock.v2.json',
      'node_modules/x/yarn.lock': 'yarn/yarn.v1-locks-many.lock',
      'sub/bun.lock': 'bun/bun.insecure.lock',
    });
    const result = await inventoryOf(root, { include: [], exclude: [] });
    expect(result.lockfiles).toEqual(['package-lock.json', 'sub/bun.lock']);
    expect(new Set(result.packages.map((pkg) => pkg.lockfile))).toEqual(new Set(['package-lock.json', 'sub/bun.lock']));
    expect(result.packages).toHaveLength(8);
  });

  it('parses one lockfile alone, also under a variant name, and names it as given', async () => {
    const file = join(FIXTURES, 'yarn/yarn.berry-multiple-versions.lock');
    const result = await inventoryOf(file, { include: [], exclude: [] });
    expect(result.errors).toEqual([]);
    expect(result.packages.map((pkg) => [pkg.lockfile, pkg.version])).toEqual([
      [file, '4.3.3'],
      [file, '2.6.9'],
      [file, '3.2.7'],
    ]);
    const npm = await inventoryOf(join(FIXTURES, 'npm/package-lock.v3.json'), { include: [], exclude: [] });
    expect(npm.packages).toHaveLength(4);
  });

  it('reads any .txt file named alone as a requirements file', async () => {
    const root = workspace({}, { 'deps/prod-pins.txt': 'django==4.2.0\n' });
    const result = await inventoryOf(join(root, 'deps/prod-pins.txt'), { include: [], exclude: [] });
    expect(result.packages).toEqual([expect.objectContaining({ ecosystem: 'PyPI', name: 'django', version: '4.2.0', line: 1 })]);
  });

  it('gives a clear error for a file of no known format and for a missing path', async () => {
    const root = workspace({}, { 'notes.md': '# hi\n' });
    const unknown = await inventoryOf(join(root, 'notes.md'), { include: [], exclude: [] });
    expect(unknown.errors).toEqual([
      expect.objectContaining({
        fatal: true,
        message: expect.stringMatching(/^not a lockfile format security-gate reads; expected one of package-lock.json, yarn.lock/),
      }),
    ]);
    const missing = await inventoryOf(join(root, 'nope'), { include: [], exclude: [] });
    expect(missing.errors).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('no such file or folder') })]);
  });
});
