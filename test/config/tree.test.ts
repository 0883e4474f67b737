// The two places a policy is read from: the working tree (files inside the repository only) and a
// commit (git objects, never the working tree).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitTree, workingTree } from '../../src/config/tree.js';
import { gitRepo, tempDir } from '../support/git-repo.js';

describe('commitTree', () => {
  it('reads a file as it was in the commit, whatever the working tree says', async () => {
    const repo = gitRepo().commit('base', { '.gitleaksignore': 'old\n' });
    repo.commit('change', { '.gitleaksignore': 'new\n' });
    repo.write({ '.gitleaksignore': 'uncommitted\n' });
    const tree = await commitTree(repo.dir, repo.sha(0));
    expect(tree.label).toBe(`base commit ${repo.sha(0).slice(0, 7)}`);
    expect(await tree.read('.gitleaksignore')).toBe('old\n');
    expect(await tree.read('.gitleaks.toml')).toBeUndefined();
  });

  it('reads paths relative to a scanned subfolder, also above it, and takes paths literally', async () => {
    const repo = gitRepo().commit('base', { 'app/.gitleaksignore': 'in app\n', '.github/gate.yml': 'fail-on: low\n', '*.yml': 'star\n' });
    const tree = await commitTree(join(repo.dir, 'app'), repo.sha(0));
    expect(await tree.read('.gitleaksignore')).toBe('in app\n');
    expect(await tree.read('../.github/gate.yml')).toBe('fail-on: low\n');
    expect(await tree.read(join(repo.dir, '.github/gate.yml'))).toBe('fail-on: low\n');
    expect(await tree.read('../.github/*.yml')).toBeUndefined();
  });

  it('reads from the commit when the root is reached through a symlink (an absolute path spelled through it too)', async () => {
    const repo = gitRepo().commit('base', { '.github/gate.yml': 'fail-on: low\n' });
    repo.write({ '.github/gate.yml': 'fail-on: critical\n' });
    const link = join(tempDir(), 'workspace');
    symlinkSync(repo.dir, link);
    const tree = await commitTree(link, repo.sha(0));
    expect(await tree.read('.github/gate.yml')).toBe('fail-on: low\n');
    expect(await tree.read(join(link, '.github/gate.yml'))).toBe('fail-on: low\n');
  });

  it('names a folder and refuses a committed symlink', async () => {
    const repo = gitRepo();
    mkdirSync(join(repo.dir, 'conf'));
    writeFileSync(join(repo.dir, 'conf/a.yml'), 'x: 1\n');
    symlinkSync('/etc/passwd', join(repo.dir, 'link.yml'));
    repo.commit('tree', {});
    const tree = await commitTree(repo.dir, repo.sha(0));
    await expect(tree.read('conf')).rejects.toThrow(/^conf: is a folder, not a file/);
    await expect(tree.read('link.yml')).rejects.toThrow(/^link\.yml: is a symlink; the policy read from a commit must be a plain file/);
  });

  it('reads a file outside the repository from disk (it is in no commit)', async () => {
    const repo = gitRepo().commit('empty');
    const outside = join(tempDir(), 'baseline.json');
    writeFileSync(outside, '{}');
    expect(await (await commitTree(repo.dir, repo.sha(0))).read(outside)).toBe('{}');
  });
});

describe('workingTree', () => {
  it('refuses a file reached through a symlinked folder that leads outside the repository', async () => {
    const repo = gitRepo();
    const outside = tempDir();
    writeFileSync(join(outside, 'security-gate.yml'), 'fail-on: low\n');
    symlinkSync(outside, join(repo.dir, '.github'));
    await expect(workingTree(repo.dir).read('.github/security-gate.yml')).rejects.toThrow(
      /^\.github\/security-gate\.yml: is a symlink that leads outside the repository/,
    );
  });

  it('reads a missing file or a dangling link as absent', async () => {
    const repo = gitRepo();
    symlinkSync('nowhere.toml', join(repo.dir, '.gitleaks.toml'));
    expect(await workingTree(repo.dir).read('.gitleaks.toml')).toBeUndefined();
    expect(await workingTree(repo.dir).read('.gitleaksignore')).toBeUndefined();
  });
});
