import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverLockfiles } from '../../../src/checks/deps/discover.js';
import { cleanupTempDirs, gitRepo, tempDir } from '../../support/git-repo.js';

afterAll(cleanupTempDirs);

function tree(files: string[]): string {
  const root = tempDir('sg-discover-');
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '{}\n');
  }
  return root;
}

const MONOREPO = [
  'package-lock.json',
  'package.json',
  'apps/web/pnpm-lock.yaml',
  'apps/web/node_modules/dep/package-lock.json',
  'apps/api/yarn.lock',
  'apps/api/requirements-dev.txt',
  'tools/bun.lock',
  'tools/bun.lockb',
  'node_modules/left-pad/yarn.lock',
  'vendor/github.com/x/go.mod',
  'services/rust/Cargo.lock',
  'services/rust/target/debug/build/x/Cargo.lock',
  'services/py/.venv/lib/poetry.lock',
  'dist/npm-shrinkwrap.json',
  '.git-hooks/go.mod',
  'README.md',
];

describe('discoverLockfiles', () => {
  it('finds every lockfile of a monorepo, skipping installed and vendored trees, sorted', async () => {
    expect(await discoverLockfiles(tree(MONOREPO), { include: [], exclude: [] })).toEqual([
      '.git-hooks/go.mod',
      'apps/api/requirements-dev.txt',
      'apps/api/yarn.lock',
      'apps/web/pnpm-lock.yaml',
      'dist/npm-shrinkwrap.json',
      'package-lock.json',
      'services/rust/Cargo.lock',
      'tools/bun.lock',
    ]);
  });

  it('skips excluded globs, folders named without a glob, and keeps only included files', async () => {
    const root = tree(MONOREPO);
    expect(await discoverLockfiles(root, { include: [], exclude: ['apps/web', '**/*.txt', 'dist/'] })).toEqual([
      '.git-hooks/go.mod',
      'apps/api/yarn.lock',
      'package-lock.json',
      'services/rust/Cargo.lock',
      'tools/bun.lock',
    ]);
    expect(await discoverLockfiles(root, { include: ['apps/**'], exclude: ['**/yarn.lock'] })).toEqual([
      'apps/api/requirements-dev.txt',
      'apps/web/pnpm-lock.yaml',
    ]);
  });

  it('skips untracked files git ignores, but not a committed one in an ignored folder', async () => {
    const repo = gitRepo()
      .commit('project', { '.gitignore': 'generated/\n', 'package-lock.json': '{}\n', 'generated/kept/yarn.lock': '' })
      .write({ 'generated/other/yarn.lock': '', 'fresh/pnpm-lock.yaml': '' });
    // `git add -A` in the builder skips the ignored folder: force the one committed file in.
    repo.git('add', '-f', 'generated/kept/yarn.lock');
    repo.git('commit', '-q', '-m', 'force');
    expect(await discoverLockfiles(repo.dir, { include: [], exclude: [] })).toEqual([
      'fresh/pnpm-lock.yaml',
      'generated/kept/yarn.lock',
      'package-lock.json',
    ]);
    expect(await discoverLockfiles(repo.dir, { include: [], exclude: [], gitignore: false })).toContain('generated/other/yarn.lock');
  });

  it('finds nothing in an empty folder', async () => {
    expect(await discoverLockfiles(tree([]), { include: [], exclude: [] })).toEqual([]);
  });
});
